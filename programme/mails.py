"""The mails about a registration, in the language the person registered in.

The outbox (intake/models/outbox.py) keeps them and retries them; the text is rendered when
the mail goes out, from the registration as it is then.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from intake.tasks import MailRecordGone, render_subject
from programme.registrations import CANCELLED, MOVED_UP, REGISTERED, REMINDER, WAITING

# Which registration status each mail needs still to be true when it goes out: a reminder
# for someone who cancelled meanwhile is dropped, not sent.
STILL_TRUE = {
    REGISTERED: {"registered"},
    WAITING: {"waiting"},
    MOVED_UP: {"registered"},
    REMINDER: {"registered"},
    CANCELLED: {"cancelled"},
}


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def cancel_url(registration):
    """The absolute private cancellation link, in the registration's language."""
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        path = reverse("programme:cancel", kwargs={"token": registration.cancel_token})
    return absolute(path)


def registration_message(registration, mail):
    """The mail ``mail.status`` (registered, waiting, moved_up, cancelled, reminder)."""
    if registration.status not in STILL_TRUE.get(mail.status, ()):
        raise MailRecordGone
    language = registration.language or settings.LANGUAGE_CODE
    with translation.override(language):
        # The event's page in the person's language, if it has been translated.
        event = registration.event.localized
        context = {
            "registration": registration,
            "name": registration.name,
            "event": event,
            "event_url": event.full_url,
            "calendar_url": absolute(event.calendar_url()),
            "cancel_url": cancel_url(registration),
            "waiting_place": registration.waiting_place(),
            "team_email": settings.MATCHING_TEAM_EMAIL,
        }
        prefix = f"programme/emails/{mail.status}"
        subject = render_subject(f"{prefix}_subject.txt", context)
        body = render_to_string(f"{prefix}_body.txt", context)
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
        reply_to=[settings.MATCHING_TEAM_EMAIL],
    )
