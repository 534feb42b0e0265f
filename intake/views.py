"""Views of the public forms and of the applicant's private status page.

Pages that carry a form of their own (a project's application form) use ``handle_form``.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from core.models import SiteSettings
from intake.forms import FORMS_BY_KIND, ApplicationForm
from intake.models import Application, FormKind, PipelineStatus
from intake.private_links import csrf_protect_private_link, private_headers
from intake.spam import count_submission, over_rate_limit
from intake.submissions import join_talent_pool, save_application, save_request
from intake.timeline import applicant_timeline

RATE_LIMITED_MESSAGE = gettext_lazy(
    "Von Ihrem Anschluss wurde dieses Formular in kurzer Zeit sehr oft abgeschickt. Bitte "
    "versuchen Sie es in etwa zehn Minuten noch einmal. Ihre Angaben stehen unten noch im "
    "Formular; gespeichert wurde nichts."
)


def handle_form(
    request, *, form_class, form_kwargs, save, thanks_url, render, success_message=None
):
    """GET shows the form; POST checks rate limit, honeypot and input, saves and redirects.

    ``render(form)`` builds the response for showing the form; ``success_message``, if given,
    is shown (Django messages) on the page ``thanks_url`` leads to.
    """
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, **form_kwargs)
        if over_rate_limit(request, form_class.form_kind):
            # Refused, but nothing typed is lost: the form comes back filled in.
            form.add_error(None, RATE_LIMITED_MESSAGE)
            form.prepare_redisplay()
            form.privacy_page = SiteSettings.for_request(request).privacy_page
            response = render(form)
            response.status_code = 429
            response["Retry-After"] = str(settings.FORM_RATE_LIMIT["seconds"])
            return response
        if form.is_spam():
            # Look like a success so bots learn nothing; nothing is stored or sent.
            return _succeeded(request, thanks_url, success_message)
        if form.is_valid() and form.claim_started_token():
            save(form)
            count_submission(request, form_class.form_kind)
            return _succeeded(request, thanks_url, success_message)
        form.prepare_redisplay()
    else:
        form = form_class(**form_kwargs)
    form.privacy_page = SiteSettings.for_request(request).privacy_page
    return render(form)


def _succeeded(request, thanks_url, message):
    if message:
        messages.success(request, message)
    return HttpResponseRedirect(thanks_url)


def form_page_view(request, page):
    """The form of a FormPage, chosen by its ``form_kind``."""
    if page.form_kind == FormKind.TALENT_POOL:
        form_class, form_kwargs = ApplicationForm, {"for_talent_pool": True}

        def save(form):
            return save_application(form, project=None)
    else:
        form_class, form_kwargs, save = FORMS_BY_KIND[page.form_kind], {}, save_request

    def render(form):
        return page.render(
            request, template="intake/forms/form_page.html", context_overrides={"form": form}
        )

    return handle_form(
        request,
        form_class=form_class,
        form_kwargs=form_kwargs,
        save=save,
        thanks_url=page.get_url(request) + page.reverse_subpage("thanks"),
        render=render,
    )


def form_page_thanks(request, page):
    """The page's thank-you text after a successful submission."""
    return page.render(
        request,
        template="intake/forms/thanks.html",
        context_overrides={"is_application": page.form_kind == FormKind.TALENT_POOL},
    )


_private = private_headers


def _get_application(token):
    return get_object_or_404(
        Application.objects.select_related("candidate", "project"), access_token=token
    )


@never_cache
def application_status(request, token):
    """The status of one application in plain words, with the stages it has passed, for the
    person who applied."""
    application = _get_application(token)
    history = list(application.history.all())
    return _private(
        TemplateResponse(
            request,
            "intake/forms/application_status.html",
            {
                "application": application,
                "status_text": STATUS_TEXTS[application.status],
                "timeline": applicant_timeline(application, history),
                "more_projects_url": _open_projects_url(application),
                "can_join_talent_pool": can_join_talent_pool(application),
                "talent_pool_months": settings.TALENT_POOL_MONTHS,
            },
        )
    )


def _open_projects_url(application):
    """The listing of open projects in the active language, or None if there is none.

    The listing is the parent of the project applied to; an application to the talent pool
    has no project, so the first live project listing is used.
    """
    listing = application.project.get_parent() if application.project_id else None
    if listing is None:
        # By name: intake must not import the projects app (see the import-linter layers).
        content_type = ContentType.objects.get_by_natural_key("projects", "projectindexpage")
        listing = Page.objects.live().filter(content_type=content_type).first()
        if listing is None:
            return None
    listing = listing.localized
    url = listing.url if listing.live else None
    return f"{url}?status=open" if url else None


@never_cache
@csrf_protect_private_link
@require_http_methods(["GET", "POST"])
def application_withdraw(request, token):
    """Ask for confirmation (GET), then withdraw the application (POST)."""
    application = _get_application(token)
    status_url = reverse("intake:application_status", kwargs={"token": token})
    if application.is_closed:
        messages.info(
            request,
            _("Diese Bewerbung ist abgeschlossen und kann nicht mehr zurückgezogen werden."),
        )
        return _private(HttpResponseRedirect(status_url))
    if request.method == "POST":
        try:
            application.transition_to(
                PipelineStatus.WITHDRAWN,
                comment="Von der Bewerber:in über den privaten Link zurückgezogen.",
            )
        except ValidationError:
            messages.info(request, _("Diese Bewerbung kann nicht mehr zurückgezogen werden."))
        else:
            messages.success(
                request,
                _(
                    "Sie haben Ihre Bewerbung zurückgezogen. Eine Bestätigung ist per E-Mail "
                    "unterwegs."
                ),
            )
        return _private(HttpResponseRedirect(status_url))
    return _private(
        TemplateResponse(
            request,
            "intake/forms/application_withdraw.html",
            {"application": application, "status_url": status_url},
        )
    )


@never_cache
@csrf_protect_private_link
@require_http_methods(["POST"])
def application_join_talent_pool(request, token):
    """Someone who was not chosen agrees to stay in the talent pool for the stated period."""
    application = _get_application(token)
    status_url = reverse("intake:application_status", kwargs={"token": token})
    if can_join_talent_pool(application):
        join_talent_pool(application.candidate)
        messages.success(
            request,
            _("Danke! Sie bleiben bis zum %(until)s in unserem Talentpool.")
            % {"until": date_format(application.candidate.talent_pool_until, "DATE_FORMAT")},
        )
    return _private(HttpResponseRedirect(status_url))


def can_join_talent_pool(application):
    """Declined applicants who are not (or no longer) in the talent pool may join it."""
    until = application.candidate.talent_pool_until
    return application.status == PipelineStatus.DECLINED and (
        until is None or until < timezone.localdate()
    )


def _status_texts():
    """What each pipeline status means for the applicant, without internal details."""
    return {
        PipelineStatus.RECEIVED: (
            gettext_lazy("Eingegangen"),
            gettext_lazy(
                "Ihre Bewerbung ist bei uns angekommen. Wir sehen sie uns in den nächsten "
                "Wochen an und melden uns bei Ihnen."
            ),
        ),
        PipelineStatus.SCREENING: (
            gettext_lazy("In Sichtung"),
            gettext_lazy(
                "Wir lesen Ihre Bewerbung gerade und vergleichen Ihre Kompetenzen mit dem "
                "Profil des Projekts."
            ),
        ),
        PipelineStatus.SHORTLISTED: (
            gettext_lazy("In der engeren Wahl"),
            gettext_lazy(
                "Ihre Bewerbung ist in der engeren Wahl. Wir melden uns, um ein Gespräch zu "
                "vereinbaren."
            ),
        ),
        PipelineStatus.INTERVIEW: (
            gettext_lazy("Zum Gespräch eingeladen"),
            gettext_lazy(
                "Wir möchten Sie kennenlernen und haben Sie zu einem Gespräch eingeladen. "
                "Die Termine stimmen wir per E-Mail mit Ihnen ab."
            ),
        ),
        PipelineStatus.PROPOSED: (
            gettext_lazy("Der Kommune vorgeschlagen"),
            gettext_lazy(
                "Wir haben Sie der Kommune vorgeschlagen. Die Kommune entscheidet, mit wem sie "
                "zusammenarbeitet; das kann einige Wochen dauern."
            ),
        ),
        PipelineStatus.ACCEPTED: (
            gettext_lazy("Zusage"),
            gettext_lazy(
                "Die Kommune möchte mit Ihnen zusammenarbeiten. Wir besprechen die nächsten "
                "Schritte direkt mit Ihnen."
            ),
        ),
        PipelineStatus.DECLINED: (
            gettext_lazy("Leider keine Zusage"),
            gettext_lazy(
                "Diesmal hat es leider nicht gepasst. Danke, dass Sie sich beworben haben."
            ),
        ),
        PipelineStatus.WITHDRAWN: (
            gettext_lazy("Zurückgezogen"),
            gettext_lazy(
                "Sie haben diese Bewerbung zurückgezogen. Wir bearbeiten sie nicht weiter."
            ),
        ),
    }


STATUS_TEXTS = _status_texts()
