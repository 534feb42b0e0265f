"""The Begleitprogramm: programme page and events."""

import datetime

import factory
from django.utils import timezone

from programme.models import EventIndexPage, EventPage
from tests.factories.core import PageFactory


def in_days(days, hour=10):
    """An aware datetime ``days`` from today at ``hour`` o'clock, German time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(
        day, datetime.time(hour), tzinfo=timezone.get_default_timezone()
    )


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Begleitprogramm"
    slug = "begleitprogramm"


class EventPageFactory(PageFactory):
    """An event below an EventIndexPage (``parent``), by default a workshop in ten days."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Workshop {n}")
    kind = "workshop"
    audience = "macherinnen"
    start = factory.LazyFunction(lambda: in_days(10))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=3))
    location = "Rathaus Eschwege, Obermarkt 22, 37269 Eschwege"
    teaser = "Change Management im Amt, mit Übungen aus echten Projekten."
