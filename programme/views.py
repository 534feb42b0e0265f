"""The event page with its registration form, the private cancellation link and the .ics files."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from core.models import SiteSettings
from intake.private_links import csrf_protect_private_link, private_headers
from intake.spam import count_submission, over_rate_limit
from intake.views import RATE_LIMITED_MESSAGE
from programme.forms import RegistrationForm
from programme.ics import calendar_bytes
from programme.models import EventIndexPage, EventPage, Registration
from programme.registrations import RegistrationRefused, cancel, register


def _render(request, page, form):
    context = page.get_context(request) | {"form": form}
    return TemplateResponse(request, page.get_template(request), context)


def _success_message(registration):
    if registration.status == Registration.Status.WAITING:
        return _(
            "Die Veranstaltung ist ausgebucht. Sie stehen auf Platz %(place)s der Warteliste "
            "und rücken automatisch nach, sobald ein Platz frei wird; wir schreiben Ihnen dann. "
            "Eine Bestätigung mit dem Link zum Abmelden ist per E-Mail unterwegs."
        ) % {"place": registration.waiting_place()}
    return _(
        "Sie sind angemeldet. Eine Bestätigung mit dem Link zum Abmelden ist per E-Mail "
        "unterwegs; am Tag vorher erinnern wir Sie."
    )


@csrf_protect
def serve_event(request, page, *args, **kwargs):
    """GET shows the event (and the form while it takes registrations); POST registers.

    Like the other public forms: rate limit, honeypot and start token, clear errors with
    nothing typed lost. A refusal found only under the lock (the last place went a moment
    earlier to someone else with the same address) is shown on the form as well.
    """
    if not page.accepts_registrations():
        if request.method == "POST":
            messages.info(request, _("Für diese Veranstaltung ist keine Anmeldung mehr möglich."))
            return HttpResponseRedirect(page.get_url(request))
        return TemplateResponse(request, page.get_template(request), page.get_context(request))
    privacy_page = SiteSettings.for_request(request).privacy_page
    if request.method == "POST":
        form = RegistrationForm(request.POST, event=page)
        form.privacy_page = privacy_page
        if over_rate_limit(request, form.form_kind):
            form.add_error(None, RATE_LIMITED_MESSAGE)
            form.prepare_redisplay()
            response = _render(request, page, form)
            response.status_code = 429
            response["Retry-After"] = str(settings.FORM_RATE_LIMIT["seconds"])
            return response
        if form.is_spam():
            # Look like a success so bots learn nothing; nothing is stored or sent.
            messages.success(request, _success_message(Registration()))
            return HttpResponseRedirect(page.get_url(request) + "#anmeldung")
        if form.is_valid() and form.claim_started_token():
            data = form.cleaned_data
            try:
                registration = register(
                    page,
                    name=data["name"],
                    email=data["email"],
                    organisation=data.get("organisation", ""),
                    role=data.get("role", ""),
                    language=(translation.get_language() or settings.LANGUAGE_CODE)[:5],
                )
            except RegistrationRefused as refusal:
                form.add_error("email", str(refusal))
            else:
                count_submission(request, form.form_kind)
                messages.success(request, _success_message(registration))
                return HttpResponseRedirect(page.get_url(request) + "#anmeldung")
        form.prepare_redisplay()
    else:
        form = RegistrationForm(event=page)
        form.privacy_page = privacy_page
    return _render(request, page, form)


@never_cache
@csrf_protect_private_link
@require_http_methods(["GET", "POST"])
def cancel_registration(request, token):
    """The private cancellation link: what is booked (GET), and the cancellation (POST)."""
    registration = get_object_or_404(
        Registration.objects.select_related("event"), cancel_token=token
    )
    event = registration.event.localized
    done = False
    if request.method == "POST" and registration.is_active:
        try:
            cancel(registration)
        except RegistrationRefused as refusal:
            messages.error(request, str(refusal))
        else:
            done = True
    response = TemplateResponse(
        request,
        "programme/cancel.html",
        {
            "registration": registration,
            "event": event,
            "done": done,
            "waiting_place": registration.waiting_place(),
        },
    )
    return private_headers(response)


def calendar_file(request, path):
    """The .ics of a page: a programme page gives all its events, an event page its own.

    The address is the page's own without the final slash plus ``.ics``
    (``/de/begleitprogramm.ics``, ``/de/begleitprogramm/kick-off.ics``).
    """
    route = Page.route_for_request(request, path + "/")
    if route is None:
        raise Http404
    page, args, _kwargs = route
    if args:
        raise Http404
    page = page.specific
    if isinstance(page, EventIndexPage):
        events = list(page.events().order_by("start", "pk"))
        name, filename = page.title, "begleitprogramm.ics"
    elif isinstance(page, EventPage):
        events, name, filename = [page], page.title, f"{page.slug}.ics"
    else:
        raise Http404
    response = HttpResponse(
        calendar_bytes(events, name=name), content_type="text/calendar; charset=utf-8"
    )
    # A calendar subscribed to the feed fetches it again by itself; an hour is fresh enough.
    response["Cache-Control"] = "public, max-age=3600"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
