"""The Begleitprogramm's events (data/programme.toml), German and English, and example people
who registered, so one workshop is nearly full.

Dates count from the day of the run: a second run the same day finds nothing to change.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from intake.models import ConsentRecord
from programme.models import EventPage, Registration

from .base import CREATED, UNCHANGED, Tally, upsert_page, upsert_page_translation
from .content import field_values, load

# Keys of an event's table that are not fields of the page.
SCHEDULE_KEYS = ("slug", "de", "en", "days", "time", "hours", "registrations")
# Example people for the registrations (the demo invents no real persons' data).
EXAMPLE_NAMES = (
    "Alex Beispiel",
    "Sam Muster",
    "Robin Probe",
    "Kim Exempel",
    "Jo Vorlage",
    "Mika Test",
    "Noah Demo",
    "Lea Schablone",
    "Ben Entwurf",
    "Ida Skizze",
    "Tom Modell",
    "Eva Versuch",
)


def _schedule(spec, today):
    """Start and end of an event as aware datetimes in German time."""
    hour, minute = (int(part) for part in spec["time"].split(":"))
    day = today + datetime.timedelta(days=spec["days"])
    start = datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=timezone.get_default_timezone()
    )
    return start, start + datetime.timedelta(hours=float(spec["hours"]))


def _example_registrations(event, count):
    """``count`` confirmed example registrations (found again by address)."""
    tally = Tally()
    for number in range(count):
        name = EXAMPLE_NAMES[number % len(EXAMPLE_NAMES)]
        email = f"teilnahme-{event.slug}-{number + 1}@example.org"
        if Registration.objects.filter(event=event, email=email).exists():
            tally.add(UNCHANGED)
            continue
        consent = ConsentRecord.objects.create(
            purpose="event_registration", privacy_version=settings.PRIVACY_VERSION
        )
        Registration.objects.create(event=event, name=name, email=email, consent=consent)
        tally.add(CREATED)
    return tally


def build_programme(index, en, today=None):
    """The events below the programme page ``index``. Returns the tally."""
    today = today or timezone.localdate()
    tally = Tally()
    for spec in load("programme").values():
        start, end = _schedule(spec, today)
        shared = {name: value for name, value in spec.items() if name not in SCHEDULE_KEYS}
        shared = field_values(EventPage, shared) | {"start": start, "end": end}
        german = {**shared, **field_values(EventPage, spec["de"])}
        page, outcome = upsert_page(index, EventPage, spec["slug"], german)
        tally.add(outcome)
        tally.add(upsert_page_translation(page, en, field_values(EventPage, spec["en"]))[1])
        people = _example_registrations(page, spec.get("registrations", 0))
        # Registrations count as one entry per event: created if any was added.
        tally.add(CREATED if people.created else UNCHANGED)
    return tally
