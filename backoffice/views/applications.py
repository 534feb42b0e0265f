"""Applications: the listing, the full view, status steps, notes, assignee, bulk changes."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.widgets import HeaderButton

from backoffice import matching, privacy
from backoffice.exports import SafeCSVExportMixin, application_export_row
from backoffice.filters import ApplicationFilterSet
from backoffice.permissions import MatchingTeamOnlyMixin, matching_team_users
from backoffice.views.base import (
    BackOfficeMixin,
    BackOfficeTemplateView,
    backoffice_url,
    candidate_context,
)
from backoffice.views.records import BackOfficeInspectMixin
from intake.models import (
    APPLICANT_NOTIFIED_STATUSES,
    Application,
    ApplicationNote,
    Candidate,
    PipelineStatus,
    Placement,
)


class ApplicationIndexView(MatchingTeamOnlyMixin, SafeCSVExportMixin, IndexView):
    """The applications listing; the candidate's name is blinded during screening."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("candidate", "project", "assignee")
        return privacy.with_revealed(queryset)

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


class ApplicationInspectView(BackOfficeInspectMixin, MatchingTeamOnlyMixin, InspectView):
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
                "mailed_statuses": [
                    status.label
                    for status in PipelineStatus
                    if status in APPLICANT_NOTIFIED_STATUSES
                    and status in application.allowed_transitions()
                ],
                "history": application.history.select_related("changed_by", "decision_link"),
                "notes": application.notes.select_related("author", "decision_link"),
                "placement": Placement.objects.filter(application=application).first(),
                "placement_url": backoffice_url("placement", application.pk),
                "note_form": ApplicationNoteForm(),
                "assignee_form": AssigneeForm(initial={"assignee": application.assignee_id}),
                "transition_url": backoffice_url("transition", application.pk),
                "note_url": backoffice_url("add_note", application.pk),
                "assign_url": backoffice_url("assign", application.pk),
                "consent_url": backoffice_url("municipality_consent", application.pk),
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
            told = application.transition_to(new_status, user=request.user, comment=comment)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            message = _("Status geändert: %(status)s") % {
                "status": application.get_status_display()
            }
            if told:
                message += " " + _("Die Bewerber:in bekommt dazu eine E-Mail.")
            messages.success(request, message)


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


class MunicipalityConsentView(ApplicationActionView):
    """Record that the applicant agreed (or no longer agrees) to be shown to the municipality.

    For a consent given later, e.g. by e-mail after the team asked; written to the notes.
    """

    def act(self, request, application):
        agreed = request.POST.get("consent") == "yes"
        if agreed == application.may_be_shown_to_municipality:
            return
        application.municipality_consent_at = timezone.now() if agreed else None
        application.save(update_fields=["municipality_consent_at", "updated_at"])
        ApplicationNote.objects.create(
            application=application,
            author=request.user,
            text=(
                "Zustimmung zur Weitergabe an die Kommune festgehalten."
                if agreed
                else "Zustimmung zur Weitergabe an die Kommune zurückgenommen."
            ),
        )
        messages.success(
            request,
            _("Zustimmung festgehalten: Die Kommune darf die Bewerbung sehen.")
            if agreed
            else _("Zustimmung zurückgenommen: Die Kommune sieht die Bewerbung nicht mehr."),
        )


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
