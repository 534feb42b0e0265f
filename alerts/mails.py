"""The alert mails, rendered when the outbox sends them, in the subscriber's language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from alerts.matching import describe, summary_text
from alerts.models import MAX_ALERTS_PER_ADDRESS, UNCONFIRMED_DAYS
from alerts.tokens import MANAGE_DAYS, confirm_token, manage_token, unsubscribe_token
from intake.models import OutgoingMail
from intake.tasks import MailRecordGone, render_subject
from projects.models import ProjectPage
from taxonomy.localization import localize_many


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def confirm_url(alert):
    return absolute(reverse("alerts:confirm", kwargs={"token": confirm_token(alert)}))


def unsubscribe_url(alert):
    return absolute(reverse("alerts:unsubscribe", kwargs={"token": unsubscribe_token(alert)}))


def manage_url(email):
    return absolute(reverse("alerts:manage", kwargs={"token": manage_token(email)}))


def listing_url(alert):
    """The listing with the alert's search, as the subscriber saved it."""
    url = alert.listing.specific.full_url or absolute(alert.listing.url or "/")
    return url + (f"?{alert.query}" if alert.query else "")


def alert_summary(alert):
    """The alert's search in one line, in the active language."""
    return summary_text(describe(alert.listing, alert.query), gettext("Alle Projekte"))


def _message(template, context, to, headers=None):
    subject = render_subject(f"alerts/emails/{template}_subject.txt", context)
    body = render_to_string(f"alerts/emails/{template}_body.txt", context)
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers or {},
    )


def alert_message(mail, alert):
    """The confirmation link of a new alert, or the link to manage all alerts of its address."""
    with translation.override(alert.language or settings.LANGUAGE_CODE):
        context = {
            "alert": alert,
            "summary": alert_summary(alert),
            "frequency": alert.get_frequency_display(),
            "listing_url": listing_url(alert),
        }
        if mail.kind == OutgoingMail.Kind.ALERT_CONFIRMATION:
            if alert.is_confirmed:
                raise MailRecordGone
            context.update(confirm_url=confirm_url(alert), days=UNCONFIRMED_DAYS)
            return _message("confirmation", context, [alert.email])
        context.update(
            manage_url=manage_url(alert.email),
            days=MANAGE_DAYS,
            limit=MAX_ALERTS_PER_ADDRESS,
        )
        return _message("manage", context, [alert.email])


def digest_message(mail, digest):
    """The new projects of one digest, with one-click unsubscribe (RFC 8058)."""
    alert = digest.alert
    if not alert.is_confirmed:
        raise MailRecordGone
    project_ids = list(digest.items.values_list("project_id", flat=True))
    projects = list(
        ProjectPage.objects.filter(pk__in=project_ids)
        .live()
        .select_related("municipality")
        .order_by("-first_published_at", "-pk")
    )
    if not projects:
        # Everything in it was unpublished in the meantime.
        raise MailRecordGone
    with translation.override(alert.language or settings.LANGUAGE_CODE):
        localized = localize_many([p.municipality for p in projects])
        items = [
            {
                "title": project.title,
                "municipality": getattr(localized.get(project.municipality), "name", ""),
                "status": project.get_status_display(),
                "url": project.full_url,
            }
            for project in projects
        ]
        unsubscribe = unsubscribe_url(alert)
        context = {
            "alert": alert,
            "items": items,
            "count": len(items),
            "summary": alert_summary(alert),
            "frequency": alert.get_frequency_display(),
            "listing_url": listing_url(alert),
            "unsubscribe_url": unsubscribe,
            "manage_url": manage_url(alert.email),
        }
        headers = {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        return _message("digest", context, [alert.email], headers)
