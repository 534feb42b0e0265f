"""How the back office shows values: German labels, Berlin time, never "None".

Lists, full views, the dashboard and the notification mails all format through these
functions, so a time reads the same everywhere (a list and a detail view one hour apart was
a UTC value formatted without converting it first).
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

EMPTY = "—"
"""Shown for a field the person left empty."""

DATETIME_FORMAT = "%d.%m.%Y, %H:%M"
DATE_FORMAT = "%d.%m.%Y"


def berlin_datetime(value):
    """``01.12.2026, 14:03`` in the site's time zone (Europe/Berlin); "—" for no value."""
    if value is None:
        return EMPTY
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime(DATETIME_FORMAT)


def human_date(value):
    """``01.12.2026``; "—" for no value."""
    if value is None:
        return EMPTY
    if isinstance(value, datetime.datetime):
        return berlin_datetime(value)
    return value.strftime(DATE_FORMAT)


def yes_no(value):
    """Ja/Nein for a boolean, "—" when unknown."""
    if value is None:
        return EMPTY
    return _("Ja") if value else _("Nein")


def language_name(code):
    """The name of a language code from settings.LANGUAGES ("de" -> "Deutsch")."""
    if not code:
        return EMPTY
    return str(dict(settings.LANGUAGES).get(code, code))


def consent_sentence(given_at, version):
    """The consent as a sentence with date and version of the privacy notice."""
    if given_at is None:
        return _("Keine Einwilligung gespeichert")
    return _("Einwilligung erteilt am %(when)s (Datenschutzerklärung Version %(version)s)") % {
        "when": berlin_datetime(given_at),
        "version": version or EMPTY,
    }


def record_consent(record):
    """The consent sentence of a record, whether it keeps a ConsentRecord or its own fields."""
    consent = getattr(record, "consent", None)
    if consent is not None:
        return consent_sentence(consent.given_at, consent.privacy_version)
    return consent_sentence(
        getattr(record, "consent_given_at", None), getattr(record, "privacy_version", "")
    )


def field_value(record, field):
    """A model field's value on ``record``, as text or safe HTML a person can read."""
    if field.choices:
        raw = getattr(record, field.attname)
        return getattr(record, f"get_{field.name}_display")() if raw not in (None, "") else EMPTY
    if field.many_to_many:
        names = [str(item) for item in getattr(record, field.name).all()]
        return ", ".join(sorted(names)) or EMPTY
    value = getattr(record, field.name)
    if value is None or value == "":
        return EMPTY
    if isinstance(field, models.BooleanField):
        return yes_no(value)
    if isinstance(field, models.DateTimeField):
        return berlin_datetime(value)
    if isinstance(field, models.DateField):
        return human_date(value)
    if isinstance(field, models.EmailField):
        return format_html('<a href="mailto:{0}">{0}</a>', value)
    if isinstance(field, models.TextField):
        # linebreaks escapes the text itself (autoescape=True); the result is safe HTML.
        return mark_safe(linebreaks(value, autoescape=True))  # noqa: S308
    if field.name == "language":
        return language_name(value)
    return str(value)
