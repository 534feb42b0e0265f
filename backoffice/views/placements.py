"""The team's side of "the municipality decides, the project starts".

Sending and revoking the municipality's private decision link (from a project's matching
page), and recording the placement of the chosen candidate, which starts the project.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View

from backoffice import decisions
from backoffice.views.base import BackOfficeMixin, BackOfficeTemplateView, backoffice_url
from core.dates import add_months
from intake.models import (
    Application,
    MunicipalityDecisionLink,
    MunicipalityRequest,
    PipelineStatus,
    Placement,
)
from projects.models import ProjectPage

MIN_MONTHS, MAX_MONTHS = 6, 18


class ApplicationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.candidate.full_name} ({obj.get_status_display()})"


class DecisionLinkForm(forms.Form):
    """Who receives the link, for how long, and which shortlisted people to propose with it."""

    recipient_name = forms.CharField(label=gettext_lazy("Name der Empfänger:in"), max_length=160)
    recipient_email = forms.EmailField(label=gettext_lazy("E-Mail der Empfänger:in"))
    language = forms.ChoiceField(
        label=gettext_lazy("Sprache der E-Mail und der Seite"), choices=settings.LANGUAGES
    )
    valid_days = forms.IntegerField(
        label=gettext_lazy("Gültig für (Tage)"),
        min_value=1,
        max_value=90,
        help_text=gettext_lazy("Danach lässt sich der Link nicht mehr öffnen."),
    )
    propose = ApplicationChoiceField(
        label=gettext_lazy("Jetzt der Kommune vorschlagen"),
        queryset=Application.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Personen in der engeren Wahl (oder nach dem Gespräch mit uns), die der Weitergabe "
            "an die Kommune zugestimmt haben. Wer schon vorgeschlagen ist, steht ohnehin auf "
            "der Seite."
        ),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        self.fields["propose"].queryset = decisions.proposable_applications(project)

    def clean(self):
        data = super().clean()
        already_shown = (
            decisions.decision_candidates(self.project)
            .filter(status__in=decisions.OPEN_FOR_DECISION)
            .exists()
        )
        if not already_shown and not data.get("propose"):
            raise forms.ValidationError(
                _(
                    "Die Kommune hätte niemanden zu entscheiden: Bitte wählen Sie mindestens "
                    "eine Person aus, die Sie jetzt vorschlagen."
                )
            )
        return data


def _request_contact(project):
    """Name and e-mail of whoever asked for the project in the municipality's request."""
    request = (
        MunicipalityRequest.objects.filter(project_id__in=decisions.project_group_ids(project))
        .order_by("-created_at")
        .first()
    )
    return (
        {"recipient_name": request.contact_name, "recipient_email": request.email}
        if request
        else {}
    )


class ProjectMixin:
    """Loads the project of the URL (any language: the German page is what the team uses)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.project = get_object_or_404(
            ProjectPage.objects.select_related("municipality"), pk=kwargs["project_pk"]
        )

    def ranking_url(self):
        return backoffice_url("project_ranking", self.project.pk)


class SendDecisionLinkView(ProjectMixin, BackOfficeTemplateView):
    """Send the municipality's decision-maker a private, expiring link to the candidates."""

    template_name = "backoffice/admin/decision_link_send.html"
    page_title = gettext_lazy("Entscheidungslink an die Kommune senden")

    def get_page_subtitle(self):
        return self.project.title

    def get_parent_breadcrumbs(self):
        return [{"url": self.ranking_url(), "label": self.project.title}]

    def get_form(self):
        if self.request.method == "POST":
            return DecisionLinkForm(self.request.POST, project=self.project)
        initial = {
            "language": settings.LANGUAGE_CODE,
            "valid_days": settings.DECISION_LINK_VALID_DAYS,
            "propose": list(decisions.proposable_applications(self.project)),
            **_request_contact(self.project),
        }
        return DecisionLinkForm(initial=initial, project=self.project)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "form": kwargs.get("form") or self.get_form(),
                "project": self.project,
                "shown": decisions.decision_candidates(self.project),
                "without_consent": decisions.without_consent_count(self.project),
                "cancel_url": self.ranking_url(),
            }
        )
        return context

    def post(self, request, project_pk):
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        link = decisions.send_decision_link(
            self.project,
            recipient_name=data["recipient_name"],
            recipient_email=data["recipient_email"],
            language=data["language"],
            valid_days=data["valid_days"],
            propose=list(data["propose"]),
            user=request.user,
        )
        messages.success(
            request,
            _("Der Entscheidungslink ist an %(email)s unterwegs; er gilt bis zum %(date)s.")
            % {
                "email": link.recipient_email,
                "date": date_format(localtime(link.expires_at), "DATE_FORMAT"),
            },
        )
        return redirect(self.ranking_url())


class RevokeDecisionLinkView(BackOfficeMixin, View):
    """Revoke a decision link at once (POST only)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        link = get_object_or_404(MunicipalityDecisionLink, pk=pk)
        decisions.revoke(link, request.user)
        messages.success(
            request,
            _("Der Link an %(name)s ist zurückgezogen und lässt sich nicht mehr öffnen.")
            % {"name": link.recipient_name},
        )
        return redirect("backoffice_project_ranking", link.project_id)


def decision_panel_context(project):
    """What the project's matching page shows about the municipality's decision."""
    chosen = decisions.chosen_application(project)
    return {
        "decision_links": [
            (link, backoffice_url("revoke_decision_link", link.pk))
            for link in MunicipalityDecisionLink.objects.filter(
                project_id__in=decisions.project_group_ids(project)
            ).select_related("created_by")
        ],
        "decision_shown": list(decisions.decision_candidates(project)),
        "decision_proposable": decisions.proposable_applications(project).count(),
        "decision_without_consent": decisions.without_consent_count(project),
        "decision_send_url": backoffice_url("send_decision_link", project.pk),
        "decision_chosen": chosen,
        "placement_url": backoffice_url("placement", chosen.pk) if chosen else "",
    }


class PlacementForm(forms.ModelForm):
    """The Pat:in and the agreed period; optionally the kind decline for everyone else."""

    decline_others = forms.BooleanField(
        label=gettext_lazy("Den übrigen Bewerber:innen dieses Projekts freundlich absagen"),
        required=False,
        initial=True,
        help_text=gettext_lazy(
            "Jede:r bekommt die Absage-E-Mail mit dem Angebot, in den Talentpool zu wechseln."
        ),
    )

    class Meta:
        model = Placement
        fields = ["sponsor_name", "sponsor_role", "sponsor_office", "start_date", "end_date"]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end:
            if end <= start:
                self.add_error("end_date", _("Das Ende muss nach dem Start liegen."))
            elif not MIN_MONTHS <= decisions.months_between(start, end) <= MAX_MONTHS:
                self.add_error(
                    "end_date",
                    _("Ein Projekt dauert zwischen 6 und 18 Monaten; bitte prüfen Sie das Ende."),
                )
        return data


class PlacementView(BackOfficeTemplateView):
    """Record the Pat:in and the agreed start and end of the chosen candidate's project.

    Saving publishes the project page (all languages) with status "running" and its start.
    """

    template_name = "backoffice/admin/placement.html"
    page_title = gettext_lazy("Projektstart festhalten")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.application = get_object_or_404(
            Application.objects.select_related("candidate", "project"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return self.application.candidate.full_name

    def inspect_url(self):
        return reverse("backoffice_applications:inspect", args=[self.application.pk])

    def get_parent_breadcrumbs(self):
        return [{"url": self.inspect_url(), "label": self.get_page_subtitle()}]

    def refused(self):
        """A redirect with the reason if the application cannot start a project, else None."""
        application = self.application
        if application.status == PipelineStatus.ACCEPTED and application.project_id:
            return None
        messages.error(
            self.request,
            _("Einen Projektstart gibt es nur für eine angenommene Bewerbung auf ein Projekt."),
        )
        return redirect(self.inspect_url())

    def get(self, request, pk):
        return self.refused() or super().get(request)

    def get_form(self):
        placement = Placement.objects.filter(application=self.application).first()
        if self.request.method == "POST":
            return PlacementForm(self.request.POST, instance=placement)
        initial = {}
        if placement is None:
            project = self.application.project
            initial = {
                "start_date": project.start_date,
                "end_date": add_months(project.start_date, project.duration_months),
                "sponsor_role": project.sponsor_role,
            }
        return PlacementForm(instance=placement, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "form": kwargs.get("form") or self.get_form(),
                "application": self.application,
                "project": self.application.project,
                "cancel_url": self.inspect_url(),
            }
        )
        return context

    def post(self, request, pk):
        if refused := self.refused():
            return refused
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        values = {name: form.cleaned_data[name] for name in PlacementForm.Meta.fields}
        placement, declined = decisions.start_project(
            self.application,
            values=values,
            decline_others=form.cleaned_data["decline_others"],
            user=request.user,
        )
        message = _(
            "Projektstart festgehalten. Die Projektseite steht jetzt auf „Läuft“, Start am "
            "%(date)s."
        ) % {"date": date_format(placement.start_date, "DATE_FORMAT")}
        if declined:
            message += " " + ngettext(
                "%(count)s weitere Bewerber:in bekommt eine freundliche Absage.",
                "%(count)s weitere Bewerber:innen bekommen eine freundliche Absage.",
                declined,
            ) % {"count": declined}
        messages.success(request, message)
        return redirect(self.inspect_url())
