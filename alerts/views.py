"""The alert pages: save an alert from a listing, confirm it, unsubscribe, manage all.

No account: the confirmation, unsubscribe and manage links carry signed tokens (see
``alerts.tokens``) and are treated like the other private links (not indexed, no referrer).
"""

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from alerts.digests import confirm as confirm_alert
from alerts.forms import AlertForm, FrequencyForm, ManageRequestForm
from alerts.mails import alert_summary, listing_url
from alerts.matching import clean_query, describe, summary_text
from alerts.models import CONSENT_PURPOSE, MAX_ALERTS_PER_ADDRESS, SearchAlert
from alerts.tokens import (
    alert_from_confirm_token,
    alert_from_unsubscribe_token,
    email_from_manage_token,
)
from core.locales import locale_by_id
from intake.models import ConsentRecord, OutgoingMail
from intake.private_links import csrf_protect_private_link, private_headers
from intake.views import handle_form
from projects.models import ProjectIndexPage


def _listing_or_404(listing_id):
    listing = ProjectIndexPage.objects.live().public().filter(pk=listing_id).first()
    if listing is None:
        raise Http404
    return listing


def _alerts_of(email):
    return SearchAlert.objects.filter(email__iexact=email).select_related("listing")


def save_alert(form, listing, query):
    """Keep a new alert and queue its confirmation mail; at the limit, send the manage link.

    Either way the visitor sees the same page ("check your mail"), so the form does not tell
    anyone whether an address already holds alerts.
    """
    email = form.cleaned_data["email"]
    language = locale_by_id(listing.locale_id).language_code
    with transaction.atomic():
        existing = list(_alerts_of(email).select_for_update())
        if len(existing) >= MAX_ALERTS_PER_ADDRESS:
            OutgoingMail.queue(OutgoingMail.Kind.ALERT_MANAGE, existing[0])
            return None
        consent = ConsentRecord.objects.create(
            purpose=CONSENT_PURPOSE,
            privacy_version=settings.PRIVACY_VERSION,
            language=language,
        )
        alert = SearchAlert.objects.create(
            email=email,
            listing=listing,
            query=query,
            language=language,
            frequency=form.cleaned_data["frequency"],
            consent=consent,
        )
        OutgoingMail.queue(OutgoingMail.Kind.ALERT_CONFIRMATION, alert)
        return alert


def alert_new(request, listing_id):
    """The form that saves the listing's current search (its query string) as an alert."""
    listing = _listing_or_404(listing_id)
    query = clean_query(request.GET)
    if query is None:
        raise Http404
    rows = describe(listing, query)

    def render(form):
        return TemplateResponse(
            request,
            "alerts/alert_form.html",
            {
                "form": form,
                "listing": listing,
                "rows": rows,
                "summary": summary_text(rows, ""),
                "back_url": listing.url + (f"?{query}" if query else ""),
            },
        )

    return handle_form(
        request,
        form_class=AlertForm,
        form_kwargs={},
        save=lambda form: save_alert(form, listing, query),
        thanks_url=reverse("alerts:pending"),
        render=render,
    )


def alert_pending(request):
    """After saving: the confirmation link is on its way."""
    return TemplateResponse(request, "alerts/pending.html", {})


def _invalid_link(request):
    response = TemplateResponse(request, "alerts/invalid_link.html", {}, status=404)
    return private_headers(response)


@never_cache
@csrf_protect_private_link
@require_http_methods(["GET", "POST"])
def alert_confirm(request, token):
    """The link of the confirmation mail: GET asks, POST activates the alert.

    A button rather than the click on the link alone: mail scanners that open every link
    must not confirm an alert nobody asked for.
    """
    found = alert_from_confirm_token(token)
    alert = None
    if found:
        alert = _alerts_of(found[1]).filter(pk=found[0]).first()
    if alert is None:
        return _invalid_link(request)
    if request.method == "POST":
        confirm_alert(alert)
        alert.refresh_from_db()
    context = {
        "alert": alert,
        "summary": alert_summary(alert),
        "listing_url": listing_url(alert),
        "confirmed": alert.is_confirmed,
    }
    return private_headers(TemplateResponse(request, "alerts/confirm.html", context))


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def alert_unsubscribe(request, token):
    """Unsubscribe one alert: GET asks, POST deletes.

    Without CSRF protection on purpose: mail programs post here for one-click unsubscribe
    (RFC 8058, ``List-Unsubscribe-Post``) without any token; the signed link is the secret,
    and all a forged post could do is end the alert it names.
    """
    found = alert_from_unsubscribe_token(token)
    if found is None:
        return _invalid_link(request)
    alert = _alerts_of(found[1]).filter(pk=found[0]).first()
    context = {"alert": alert, "done": False}
    if alert is None:
        context["done"] = True
    elif request.method == "POST":
        context["summary"] = alert_summary(alert)
        alert.delete()
        context.update(alert=None, done=True)
    else:
        context["summary"] = alert_summary(alert)
    return private_headers(TemplateResponse(request, "alerts/unsubscribe.html", context))


def manage_request(request):
    """Ask for the link to all alerts of an address; it goes to that address only."""

    def save(form):
        alert = _alerts_of(form.cleaned_data["email"]).order_by("-confirmed_at", "pk").first()
        if alert is not None:
            OutgoingMail.queue(OutgoingMail.Kind.ALERT_MANAGE, alert)

    def render(form):
        return TemplateResponse(request, "alerts/manage_request.html", {"form": form})

    return handle_form(
        request,
        form_class=ManageRequestForm,
        form_kwargs={},
        save=save,
        thanks_url=reverse("alerts:manage_sent"),
        render=render,
    )


def manage_sent(request):
    """After asking for the manage link."""
    return TemplateResponse(request, "alerts/manage_sent.html", {})


@never_cache
@csrf_protect_private_link
@require_http_methods(["GET", "POST"])
def manage(request, token):
    """All alerts of one address: change how often, delete one or all."""
    email = email_from_manage_token(token)
    if email is None:
        return _invalid_link(request)
    alerts = _alerts_of(email)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "delete_all":
            alerts.delete()
            messages.success(request, _("Alle Benachrichtigungen dieser Adresse sind gelöscht."))
        else:
            raw_id = request.POST.get("alert", "")
            alert = get_object_or_404(alerts, pk=int(raw_id) if raw_id.isdigit() else 0)
            if action == "delete":
                alert.delete()
                messages.success(request, _("Die Benachrichtigung ist gelöscht."))
            elif action == "frequency":
                form = FrequencyForm(request.POST)
                if form.is_valid():
                    alert.frequency = form.cleaned_data["frequency"]
                    alert.save(update_fields=["frequency"])
                    messages.success(request, _("Die Häufigkeit ist geändert."))
        return private_headers(HttpResponseRedirect(request.path))
    rows = [
        {
            "alert": alert,
            "summary": alert_summary(alert),
            "listing_url": listing_url(alert),
            "form": FrequencyForm(
                initial={"frequency": alert.frequency}, prefix=f"alert-{alert.pk}"
            ),
        }
        for alert in alerts
    ]
    return private_headers(
        TemplateResponse(request, "alerts/manage.html", {"rows": rows, "email": email})
    )
