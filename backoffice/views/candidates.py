"""The talent pool: candidates, their CV, a person's data export and deletion."""

import json
import mimetypes
from pathlib import PurePosixPath

from django.contrib import messages
from django.db.models import Exists, OuterRef, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView

from backoffice import privacy
from backoffice.exports import SafeCSVExportMixin, candidate_export_row
from backoffice.permissions import MatchingTeamOnlyMixin
from backoffice.views.base import (
    BackOfficeMixin,
    BackOfficeTemplateView,
    backoffice_url,
    candidate_context,
)
from backoffice.views.records import BackOfficeInspectMixin
from intake.models import (
    CLOSED_STATUSES,
    Application,
    Candidate,
    PipelineStatus,
)


def pipeline_talent_pool(today=None):
    """Candidates in the talent pool: not anonymised, not only withdrawn, not expired."""
    today = today or timezone.localdate()
    applications = Application.objects.filter(candidate=OuterRef("pk"))
    not_withdrawn = applications.exclude(status=PipelineStatus.WITHDRAWN)
    is_open = applications.exclude(status__in=CLOSED_STATUSES)
    return (
        privacy.not_anonymised(Candidate.objects.all())
        .filter(
            Exists(not_withdrawn) | ~Exists(applications),
        )
        .exclude(Q(talent_pool_until__lt=today) & ~Exists(is_open))
    )


class CandidateIndexView(MatchingTeamOnlyMixin, SafeCSVExportMixin, IndexView):
    """The talent pool listing; names are blinded until an application is shortlisted."""

    def get_base_queryset(self):
        return privacy.candidates_with_revealed(super().get_base_queryset())

    def search_queryset(self, queryset):
        # Blind screening: a name or e-mail finds only people whose identity is shown.
        if not self.is_searching:
            return queryset
        return privacy.blind_search(
            queryset, self.search_query, self.search_fields, self.request.user
        )

    @cached_property
    def columns(self):
        columns = list(super().columns)
        column_class = self._get_title_column_class(TitleColumn)
        columns[0] = column_class(
            "candidate",
            label=gettext_lazy("Kandidat:in"),
            accessor=lambda cand: privacy.candidate_label(cand, cand.identity_revealed),
            get_url=self.get_inspect_url,
        )
        return columns

    def to_row_dict(self, item):
        return candidate_export_row(item, self.list_export)

    def get_list_buttons(self, instance):
        # Wagtail labels the row's action menu with str(instance), which names the person;
        # the title already links to the detail page, so the menu is left out.
        return []


# Details


class CandidateInspectView(BackOfficeInspectMixin, MatchingTeamOnlyMixin, InspectView):
    """A candidate with competencies, applications and the privacy actions."""

    template_name = "backoffice/admin/candidate_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            privacy.candidates_with_revealed(Candidate.objects.all()), pk=self.pk
        )

    def get_page_subtitle(self):
        return privacy.candidate_label(self.object, self.object.identity_revealed)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        candidate = self.object
        context.update(candidate_context(candidate, candidate.identity_revealed))
        context.update(
            {
                "applications": candidate.applications.select_related("project"),
                "suggestions_url": backoffice_url("candidate_projects", candidate.pk),
                "export_url": backoffice_url("candidate_export", candidate.pk),
                "delete_url": backoffice_url("candidate_delete", candidate.pk),
                "anonymised": privacy.is_anonymised(candidate),
            }
        )
        return context


# Actions on one application


class CVDownloadView(BackOfficeMixin, View):
    """Stream a candidate's CV as an attachment; there is no public URL for it."""

    def get(self, request, pk):
        return cv_response(get_object_or_404(Candidate, pk=pk))


def cv_response(candidate):
    """The candidate's CV streamed from the private storage as a download (404 if none)."""
    if not candidate.cv:
        raise Http404
    try:
        handle = candidate.cv.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    suffix = PurePosixPath(candidate.cv.name).suffix.lower()
    # A neutral file name: the original one may name the person (blind screening).
    filename = f"lebenslauf-kandidatin-{candidate.pk}{suffix}"
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class CandidateExportView(BackOfficeMixin, View):
    """One person's data as a JSON download (DSGVO Art. 15 and 20)."""

    def get(self, request, pk):
        candidate = get_object_or_404(Candidate, pk=pk)
        data = privacy.export_person(candidate)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="personendaten-{candidate.pk}.json"'
        )
        response["Cache-Control"] = "private, no-store"
        return response


class CandidateDeleteView(BackOfficeTemplateView):
    """Delete one person on request, after a confirmation step (CV file included)."""

    template_name = "backoffice/admin/candidate_delete.html"
    page_title = gettext_lazy("Person löschen")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.candidate = get_object_or_404(
            privacy.candidates_with_revealed(Candidate.objects.all()), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return privacy.candidate_label(self.candidate, self.candidate.identity_revealed)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "candidate_label": self.get_page_subtitle(),
                "application_count": self.candidate.applications.count(),
                "cancel_url": reverse("backoffice_candidates:inspect", args=[self.candidate.pk]),
            }
        )
        return context

    def post(self, request, pk):
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Bitte bestätigen Sie das Löschen."))
            return redirect("backoffice_candidate_delete", pk)
        label = self.get_page_subtitle()
        privacy.delete_person(self.candidate)
        messages.success(
            request, _("%(label)s und alle zugehörigen Daten wurden gelöscht.") % {"label": label}
        )
        return redirect("backoffice_candidates:index")


# Municipality request -> draft project page
