"""Views of the matching back office in the Wagtail admin (Matching-Team only).

The listing and inspect views extend Wagtail's generic views (registered in viewsets.py);
the others are small views for one task each: a status step, a note, the assignee, a bulk
status change, rankings, the CV download, a person's data export and deletion, and turning a
municipality request into a draft project page.
"""

import datetime
import json
import mimetypes
from pathlib import PurePosixPath

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import escape, linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Locale

from backoffice import matching, privacy
from backoffice.exports import application_export_row, candidate_export_row
from backoffice.filters import ApplicationFilterSet
from backoffice.permissions import MatchingTeamOnlyMixin, matching_team_users
from intake.models import (
    CLOSED_STATUSES,
    Application,
    ApplicationNote,
    Candidate,
    MunicipalityRequest,
    PipelineStatus,
    RequestStatus,
)
from projects.models import ProjectIndexPage, ProjectPage
from taxonomy.models import Municipality

RANKING_PAGE_SIZE = 50
# Typical lead time from agreement to project start (CONTENT.md): about four to five months.
DEFAULT_LEAD_TIME_DAYS = 135
DEFAULT_DURATION_MONTHS = 12


def backoffice_url(name, *args):
    """Reverse one of the back office's admin URLs."""
    return reverse(f"backoffice_{name}", args=args)


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


class BackOfficeMixin(MatchingTeamOnlyMixin):
    """Only the Matching-Team passes; everyone else gets HTTP 403."""


class BackOfficeTemplateView(BackOfficeMixin, WagtailAdminTemplateMixin, TemplateView):
    """A back-office page in the admin's furniture."""

    header_icon = "group"


# Listings


class ApplicationIndexView(MatchingTeamOnlyMixin, IndexView):
    """The applications listing; the candidate's name is blinded during screening."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("candidate", "project", "assignee")
        return privacy.with_revealed(queryset)

    @cached_property
    def columns(self):
        columns = list(super().columns)
        column_class = self._get_title_column_class(TitleColumn)
        columns[0] = column_class(
            "candidate",
            label=gettext_lazy("Kandidat:in"),
            accessor=lambda app: privacy.candidate_label(app.candidate, app.identity_revealed),
            get_url=self.get_inspect_url,
        )
        return columns

    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        query = self.request.GET.urlencode()
        url = backoffice_url("bulk_status") + (f"?{query}" if query else "")
        buttons.append(HeaderButton(_("Status mehrerer ändern"), url=url, icon_name="list-ul"))
        return buttons

    def to_row_dict(self, item):
        return application_export_row(item, self.list_export)

    def get_list_buttons(self, instance):
        # Wagtail labels the row's action menu with str(instance), which names the person;
        # the title already links to the detail page, so the menu is left out.
        return []


class CandidateIndexView(MatchingTeamOnlyMixin, IndexView):
    """The talent pool listing; names are blinded until an application is shortlisted."""

    def get_base_queryset(self):
        return privacy.candidates_with_revealed(super().get_base_queryset())

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


class ApplicationNoteForm(forms.ModelForm):
    class Meta:
        model = ApplicationNote
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class TeamMemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class AssigneeForm(forms.Form):
    assignee = TeamMemberChoiceField(
        label=gettext_lazy("Zuständig"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("niemand"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = matching_team_users()


def candidate_context(candidate, revealed):
    """What the templates show about a candidate, with identifying fields only if revealed."""
    competencies = candidate.competencies.select_related("competency").order_by("competency__name")
    return {
        "candidate": candidate,
        "revealed": revealed,
        "candidate_label": privacy.candidate_label(candidate, revealed),
        "candidate_competencies": competencies,
        "cv_download_url": (backoffice_url("cv_download", candidate.pk) if candidate.cv else ""),
        "cv_file_name": PurePosixPath(candidate.cv.name).name if candidate.cv else "",
    }


class ApplicationInspectView(MatchingTeamOnlyMixin, InspectView):
    """An application with candidate, motivation, matching, status steps, history and notes."""

    template_name = "backoffice/admin/application_inspect.html"

    def get_object(self, queryset=None):
        queryset = Application.objects.select_related("candidate", "project", "assignee")
        return get_object_or_404(privacy.with_revealed(queryset), pk=self.pk)

    def get_page_subtitle(self):
        return privacy.candidate_label(self.object.candidate, self.object.identity_revealed)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        context.update(candidate_context(application.candidate, application.identity_revealed))
        context.update(
            {
                "application": application,
                "next_statuses": [
                    PipelineStatus(status)
                    for status in PipelineStatus.values
                    if status in application.allowed_transitions()
                ],
                "history": application.history.select_related("changed_by"),
                "notes": application.notes.select_related("author"),
                "note_form": ApplicationNoteForm(),
                "assignee_form": AssigneeForm(initial={"assignee": application.assignee_id}),
                "transition_url": backoffice_url("transition", application.pk),
                "note_url": backoffice_url("add_note", application.pk),
                "assign_url": backoffice_url("assign", application.pk),
                "candidate_url": reverse(
                    "backoffice_candidates:inspect", args=[application.candidate_id]
                ),
                "match": None,
            }
        )
        if application.project_id:
            project = matching.load_project(application.project)
            candidate = matching.load_candidates(
                Candidate.objects.filter(pk=application.candidate_id)
            )[0]
            context["match"] = matching.score(candidate, project, timezone.localdate())
            context["ranking_url"] = backoffice_url("project_ranking", application.project_id)
        return context


class CandidateInspectView(MatchingTeamOnlyMixin, InspectView):
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


class ApplicationActionView(BackOfficeMixin, View):
    """Base for the POST-only actions on one application; redirects back to its page."""

    http_method_names = ["post"]

    def post(self, request, pk):
        application = get_object_or_404(Application, pk=pk)
        self.act(request, application)
        return redirect("backoffice_applications:inspect", application.pk)


class TransitionView(ApplicationActionView):
    """Move an application one step along the pipeline (only allowed steps)."""

    def act(self, request, application):
        new_status = request.POST.get("status", "")
        comment = request.POST.get("comment", "").strip()[:2000]
        if new_status not in PipelineStatus.values:
            messages.error(request, _("Unbekannter Status."))
            return
        try:
            application.transition_to(new_status, user=request.user, comment=comment)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Status geändert: %(status)s") % {"status": application.get_status_display()},
            )


class AddNoteView(ApplicationActionView):
    """Add an internal note to an application."""

    def act(self, request, application):
        form = ApplicationNoteForm(request.POST)
        if form.is_valid() and form.cleaned_data["text"].strip():
            note = form.save(commit=False)
            note.application = application
            note.author = request.user
            note.save()
            messages.success(request, _("Notiz gespeichert."))
        else:
            messages.error(request, _("Die Notiz ist leer oder zu lang."))


class AssignView(ApplicationActionView):
    """Set or clear who on the team is responsible for an application."""

    def act(self, request, application):
        form = AssigneeForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Diese Person gehört nicht zum Matching-Team."))
            return
        application.assignee = form.cleaned_data["assignee"]
        application.save(update_fields=["assignee", "updated_at"])
        messages.success(request, _("Zuständigkeit gespeichert."))


# Bulk status change


class BulkStatusView(BackOfficeTemplateView):
    """Move several applications to one status; says which ones could not move and why."""

    template_name = "backoffice/admin/bulk_status.html"
    page_title = gettext_lazy("Status mehrerer Bewerbungen ändern")

    def get_applications(self):
        queryset = Application.objects.select_related("candidate", "project")
        filterset = ApplicationFilterSet(self.request.GET or None, queryset=queryset)
        queryset = filterset.qs if filterset.is_bound and filterset.is_valid() else queryset
        return privacy.with_revealed(queryset)[:200]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = [
            (app, privacy.candidate_label(app.candidate, app.identity_revealed))
            for app in self.get_applications()
        ]
        context["statuses"] = PipelineStatus.choices
        context["index_url"] = reverse("backoffice_applications:index")
        return context

    def post(self, request):
        target = request.POST.get("status", "")
        ids = request.POST.getlist("applications")
        comment = request.POST.get("comment", "").strip()[:2000]
        if target not in PipelineStatus.values or not ids:
            messages.error(request, _("Bitte Bewerbungen und einen Status auswählen."))
            return HttpResponseRedirect(request.get_full_path())
        moved, refused = [], []
        applications = privacy.with_revealed(
            Application.objects.filter(pk__in=[i for i in ids if i.isdigit()]).select_related(
                "candidate"
            )
        )
        for application in applications.order_by("pk"):
            label = privacy.candidate_label(application.candidate, application.identity_revealed)
            try:
                application.transition_to(target, user=request.user, comment=comment)
            except ValidationError:
                refused.append(f"{label} ({application.get_status_display()})")
            else:
                moved.append(label)
        label = PipelineStatus(target).label
        if moved:
            messages.success(
                request,
                _("%(count)s Bewerbung(en) nach „%(status)s“ verschoben.")
                % {"count": len(moved), "status": label},
            )
        if refused:
            messages.warning(
                request,
                _("Nicht erlaubt für: %(list)s") % {"list": "; ".join(refused)},
            )
        return redirect("backoffice_applications:index")


# Matching


def _ranking_rows(scored, labels, project, today):
    """Rows for one page of a ranking, with the full reasons for each shown candidate."""
    return [
        {
            "candidate_id": candidate.pk,
            "label": labels[candidate.pk],
            "result": matching.score(candidate, project, today),
            "url": reverse("backoffice_candidates:inspect", args=[candidate.pk]),
        }
        for candidate, _value in scored
    ]


class ProjectRankingView(BackOfficeTemplateView):
    """A project's applications and the whole talent pool ranked by score, best first."""

    template_name = "backoffice/admin/project_ranking.html"
    page_title = gettext_lazy("Matching")

    def get_page_subtitle(self):
        return self.project.title

    def get(self, request, project_pk):
        self.project = get_object_or_404(
            ProjectPage.objects.select_related("municipality"), pk=project_pk
        )
        return super().get(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        project_data = matching.load_project(self.project)
        candidates = matching.load_candidates(pipeline_talent_pool(today))
        ranked = matching.rank(candidates, project_data, today)
        paginator = Paginator(ranked, RANKING_PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("p"))
        # Names (or pseudonyms) only for the candidates on this page.
        shown = privacy.candidates_with_revealed(
            Candidate.objects.filter(pk__in=[cand.pk for cand, _value in page.object_list])
        ).only("pk", "first_name", "last_name", "anonymised_at")
        labels = {cand.pk: privacy.candidate_label(cand, cand.identity_revealed) for cand in shown}
        applications = privacy.with_revealed(
            self.project.applications.select_related("candidate", "assignee")
        )
        context.update(
            {
                "project": self.project,
                "project_data": project_data,
                "applications": [
                    (
                        app,
                        privacy.candidate_label(app.candidate, app.identity_revealed),
                        reverse("backoffice_applications:inspect", args=[app.pk]),
                    )
                    for app in applications
                ],
                "ranking": _ranking_rows(page.object_list, labels, project_data, today),
                "page_obj": page,
                "pool_size": len(ranked),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[self.project.pk]),
            }
        )
        return context


class ProjectMatchingIndexView(BackOfficeTemplateView):
    """The open projects, each with a link to its ranking."""

    template_name = "backoffice/admin/matching_index.html"
    page_title = gettext_lazy("Matching nach Projekt")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["projects"] = (
            ProjectPage.objects.filter(locale=Locale.get_default())
            .select_related("municipality")
            .annotate(application_count=Count("applications"))
            .order_by("-live", "start_date", "title")
        )
        return context


class CandidateProjectsView(BackOfficeTemplateView):
    """The open projects ranked for one candidate."""

    template_name = "backoffice/admin/candidate_projects.html"
    page_title = gettext_lazy("Passende Projekte")

    def get(self, request, pk):
        self.candidate = get_object_or_404(
            privacy.candidates_with_revealed(Candidate.objects.all()), pk=pk
        )
        return super().get(request)

    def get_page_subtitle(self):
        return privacy.candidate_label(self.candidate, self.candidate.identity_revealed)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        candidate = matching.load_candidates(Candidate.objects.filter(pk=self.candidate.pk))[0]
        ranked = matching.rank_projects(
            candidate, matching.load_open_projects(), timezone.localdate()
        )
        context.update(
            {
                "candidate_label": self.get_page_subtitle(),
                "candidate_url": reverse("backoffice_candidates:inspect", args=[candidate.pk]),
                "suggestions": [
                    {
                        "project": project,
                        "result": result,
                        "ranking_url": backoffice_url("project_ranking", project.pk),
                    }
                    for project, result in ranked
                ],
            }
        )
        return context


# Private files and personal data


class CVDownloadView(BackOfficeMixin, View):
    """Stream a candidate's CV as an attachment; there is no public URL for it."""

    def get(self, request, pk):
        candidate = get_object_or_404(Candidate, pk=pk)
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


def _rich_text(text):
    """Plain text from a form as simple rich text paragraphs."""
    return linebreaks(escape(text or ""))


def find_or_create_municipality(name, bundesland):
    """The German Municipality snippet with this name and Bundesland, created if missing."""
    locale = Locale.get_default()
    municipality = Municipality.objects.filter(
        locale=locale, name__iexact=name.strip(), bundesland=bundesland
    ).first()
    if municipality is None:
        municipality = Municipality.objects.create(
            locale=locale, name=name.strip(), bundesland=bundesland
        )
    return municipality


def create_project_from_request(municipality_request, user):
    """Create an unpublished ProjectPage from a municipality request and link the two."""
    index = ProjectIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        raise ValidationError(_("Es gibt keine deutsche Projektübersicht."))
    today = timezone.localdate()
    title = _("Projektskizze: %(name)s") % {"name": municipality_request.municipality_name}
    with transaction.atomic():
        page = ProjectPage(
            title=title,
            slug=slugify(f"{municipality_request.municipality_name}-{municipality_request.pk}")
            or f"projektskizze-{municipality_request.pk}",
            live=False,
            municipality=find_or_create_municipality(
                municipality_request.municipality_name, municipality_request.bundesland
            ),
            status="in_preparation",
            challenge=_rich_text(municipality_request.challenge),
            intended_impact=_rich_text(municipality_request.intended_impact),
            target_groups=municipality_request.target_groups,
            start_date=municipality_request.desired_start
            or today + datetime.timedelta(days=DEFAULT_LEAD_TIME_DAYS),
            duration_months=municipality_request.duration_months or DEFAULT_DURATION_MONTHS,
            owner=user,
        )
        index.add_child(instance=page)
        # A sketch may lack texts the editor fills in later; only publishing validates fully.
        page.save_revision(user=user, log_action=True, clean=False)
        municipality_request.project = page
        municipality_request.status = RequestStatus.PROJECT_CREATED
        municipality_request.save(update_fields=["project", "status"])
    return page


class CreateProjectFromRequestView(BackOfficeMixin, View):
    """POST: turn a municipality request into a draft project and open it in the page editor."""

    http_method_names = ["post"]

    def post(self, request, pk):
        municipality_request = get_object_or_404(MunicipalityRequest, pk=pk)
        if municipality_request.project_id:
            messages.info(request, _("Zu dieser Anfrage gibt es schon ein Projekt."))
            return redirect("wagtailadmin_pages:edit", municipality_request.project_id)
        try:
            page = create_project_from_request(municipality_request, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("backoffice_requests:inspect", pk)
        messages.success(request, _("Der Projektentwurf wurde angelegt."))
        if not page.permissions_for_user(request.user).can_edit():
            # Team members who are not editors cannot open the page editor.
            return redirect("backoffice_requests:inspect", pk)
        return redirect("wagtailadmin_pages:edit", page.pk)


class MunicipalityRequestInspectView(MatchingTeamOnlyMixin, InspectView):
    """A municipality request, with the button that creates the draft project."""

    template_name = "backoffice/admin/request_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["create_project_url"] = backoffice_url("request_to_project", self.object.pk)
        if self.object.project_id:
            context["project_edit_url"] = reverse(
                "wagtailadmin_pages:edit", args=[self.object.project_id]
            )
        return context
