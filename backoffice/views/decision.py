"""The municipality's private decision page: public, no account, the token is the key.

The decision-maker sees the candidates proposed to the municipality who agreed to be shown to
it, with their fit for the project and the reasons, motivation and CV, and per candidate asks
for a conversation, declines with a reason, or chooses (see backoffice/decisions.py).

Every answer is kept out of search engines and caches and passes no referrer on. A wrong
token gets a friendly 404 page; an expired or revoked one a 410 page saying what to do.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from backoffice import decisions, matching
from backoffice.views.candidates import cv_response
from core.forms import PublicFormRenderer
from intake.forms import FieldsetFormMixin
from intake.models import Candidate, MunicipalityDecisionLink, PipelineStatus
from intake.private_links import csrf_protect_private_link, private_headers
from taxonomy.localization import localize_many
from taxonomy.models import Competency, CompetencyLevel

UNKNOWN, NOT_SHOWN, EXPIRED, REVOKED = "unknown", "not_shown", "expired", "revoked"


_private = private_headers


def _unavailable(request, reason, link=None):
    """The clear page for a link that cannot be used: 404 if unknown, 410 if it has ended."""
    response = TemplateResponse(
        request,
        "backoffice/decision/unavailable.html",
        {"reason": reason, "link": link, "team_email": settings.MATCHING_TEAM_EMAIL},
        status=410 if reason in (EXPIRED, REVOKED) else 404,
    )
    return _private(response)


def _open_link(request, token):
    """(link, None) for a usable link, else (None, the page that explains why not)."""
    link = MunicipalityDecisionLink.from_token(token)
    if link is None:
        return None, _unavailable(request, UNKNOWN)
    if link.is_revoked:
        return None, _unavailable(request, REVOKED, link)
    if link.is_expired:
        return None, _unavailable(request, EXPIRED, link)
    return link, None


def _candidate_on_link(link, pk):
    """The application ``pk`` if the link shows it, else None."""
    return decisions.decision_candidates(link.project).filter(pk=pk).first()


def _page_url(link):
    return reverse("decision:page", kwargs={"token": link.token})


def _localized_competency_names(ids):
    """Competency names in the active language, by id (the profile rows name German rows)."""
    rows = list(Competency.objects.filter(pk__in=ids))
    return {row.pk: localized.name for row, localized in localize_many(rows).items()}


def _level(value):
    """A competency level in words ("Fortgeschritten"); empty for 0 (not named)."""
    return CompetencyLevel(value).label if value in CompetencyLevel.values else ""


def _candidate_rows(link, applications):
    """What the page shows per candidate: the fit with its reasons, competencies, actions."""
    project_data = matching.load_project(link.project)
    scored = {
        data.pk: data
        for data in matching.load_candidates(
            Candidate.objects.filter(pk__in=[app.candidate_id for app in applications])
        )
    }
    competency_ids = {row.competency_id for row in project_data.requirements}
    for data in scored.values():
        competency_ids.update(data.competencies)
    names = _localized_competency_names(competency_ids)
    today = timezone.localdate()
    rows = []
    for application in applications:
        candidate = application.candidate
        result = matching.score(scored[candidate.pk], project_data, today)
        rows.append(
            {
                "application": application,
                "candidate": candidate,
                "result": result,
                "reasons": [
                    {
                        "name": names.get(row.competency_id, row.name),
                        "is_must": row.is_must,
                        "required": _level(row.required_level),
                        "brings": _level(row.candidate_level),
                        "status": row.status,
                        "status_label": row.status_label,
                    }
                    for row in result.competencies
                ],
                "competencies": sorted(
                    (names.get(competency_id, ""), _level(level))
                    for competency_id, level in scored[candidate.pk].competencies.items()
                ),
                "cv_url": reverse("decision:cv", kwargs={"token": link.token, "pk": application.pk})
                if candidate.cv
                else "",
                "decide_url": reverse(
                    "decision:decide", kwargs={"token": link.token, "pk": application.pk}
                ),
                "open": application.status in decisions.OPEN_FOR_DECISION,
                "conversation_requested": application.status == PipelineStatus.INTERVIEW,
            }
        )
    return rows


@never_cache
@require_GET
def decision_page(request, token):
    """The candidates proposed to the municipality, with what it can decide for each."""
    link, error = _open_link(request, token)
    if error:
        return error
    applications = list(decisions.decision_candidates(link.project))
    decisions.record_view(link, applications)
    chosen = next((app for app in applications if app.status == PipelineStatus.ACCEPTED), None)
    return _private(
        TemplateResponse(
            request,
            "backoffice/decision/page.html",
            {
                "link": link,
                "project": link.project.localized,
                "rows": _candidate_rows(link, applications),
                "chosen": chosen,
                "team_email": settings.MATCHING_TEAM_EMAIL,
            },
        )
    )


class DecisionForm(FieldsetFormMixin, forms.Form):
    """The decision-maker's confirmation of one decision, with a message or the reason."""

    default_renderer = PublicFormRenderer

    message = forms.CharField(
        max_length=decisions.REASON_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": decisions.REASON_MAX_LENGTH}),
        error_messages={
            "required": gettext_lazy("Bitte nennen Sie kurz den Grund für die Absage."),
            "max_length": gettext_lazy("Bitte fassen Sie sich kürzer: höchstens 2.000 Zeichen."),
        },
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["message"]
        if action == decisions.DECLINE:
            field.required = True
            field.label = _("Grund der Absage")
            field.help_text = _(
                "Der Grund bleibt beim Matching-Team und hilft uns bei künftigen Vorschlägen. "
                "Die Bewerber:in bekommt von uns eine freundliche Absage ohne Ihre Begründung."
            )
        elif action == decisions.INTERVIEW:
            field.label = _("Nachricht an das Matching-Team (freiwillig)")
            field.help_text = _("z. B. Terminwünsche oder wer aus der Verwaltung dabei sein wird.")
        else:
            field.label = _("Nachricht an das Matching-Team (freiwillig)")
            field.help_text = _("z. B. der gewünschte Start oder wer die Pat:in sein könnte.")


ACTION_TEXTS = {
    decisions.INTERVIEW: (
        gettext_lazy("Um ein Gespräch bitten"),
        gettext_lazy(
            "Wir vereinbaren einen Termin mit Ihnen und der Bewerber:in und melden uns dazu "
            "per E-Mail. Entscheiden können Sie danach über denselben Link."
        ),
        gettext_lazy("Gespräch anfragen"),
    ),
    decisions.DECLINE: (
        gettext_lazy("Absagen"),
        gettext_lazy(
            "Die Bewerber:in bekommt eine freundliche Absage und scheidet für dieses Projekt "
            "aus. Das lässt sich nicht rückgängig machen."
        ),
        gettext_lazy("Absage senden"),
    ),
    decisions.CHOOSE: (
        gettext_lazy("Auswählen"),
        gettext_lazy(
            "Sie entscheiden sich für diese Person. Wir sagen ihr zu und planen mit Ihnen "
            "beiden den Start. Für dieses Projekt wählen Sie nur eine Person aus; das lässt "
            "sich nicht rückgängig machen."
        ),
        gettext_lazy("Verbindlich auswählen"),
    ),
}


@never_cache
@csrf_protect_private_link
@require_http_methods(["GET", "POST"])
def decide_view(request, token, pk):
    """Confirm one decision on one candidate (GET shows the form, POST decides)."""
    link, error = _open_link(request, token)
    if error:
        return error
    application = _candidate_on_link(link, pk)
    action = request.POST.get("action") or request.GET.get("action")
    if application is None or action not in decisions.ACTIONS:
        return _unavailable(request, NOT_SHOWN, link)
    page_url = _page_url(link)
    anchor = f"{page_url}#bewerbung-{application.pk}"
    if application.status not in decisions.OPEN_FOR_DECISION:
        messages.info(request, _("Über diese Bewerbung ist bereits entschieden."))
        return _private(HttpResponseRedirect(anchor))
    form = DecisionForm(request.POST or None, action=action)
    if request.method == "POST" and form.is_valid():
        try:
            decisions.decide(link, application, action, form.cleaned_data["message"])
        except decisions.DecisionRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _success_message(action, application))
        return _private(HttpResponseRedirect(anchor))
    title, explanation, submit = ACTION_TEXTS[action]
    return _private(
        TemplateResponse(
            request,
            "backoffice/decision/confirm.html",
            {
                "link": link,
                "project": link.project.localized,
                "application": application,
                "candidate": application.candidate,
                "action": action,
                "title": title,
                "explanation": explanation,
                "submit_label": submit,
                "form": form,
                "page_url": anchor,
            },
            status=400 if form.is_bound and form.errors else 200,
        )
    )


def _success_message(action, application):
    name = application.candidate.full_name
    if action == decisions.INTERVIEW:
        return _("Danke! Wir vereinbaren das Gespräch mit %(name)s und melden uns bei Ihnen.") % {
            "name": name
        }
    if action == decisions.DECLINE:
        return _(
            "Ihre Absage ist gespeichert. %(name)s bekommt von uns eine freundliche Nachricht."
        ) % {"name": name}
    return _(
        "Sie haben %(name)s ausgewählt. Wir sagen zu und melden uns, um den Start mit Ihnen "
        "zu planen."
    ) % {"name": name}


@never_cache
@require_GET
def cv_download(request, token, pk):
    """The CV of a candidate on the link, streamed from the private storage."""
    link, error = _open_link(request, token)
    if error:
        return error
    application = _candidate_on_link(link, pk)
    if application is None or not application.candidate.cv:
        return _unavailable(request, NOT_SHOWN, link)
    response = cv_response(application.candidate)
    decisions.record_cv_download(link, application)
    return _private(response)
