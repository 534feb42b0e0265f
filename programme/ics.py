"""iCalendar (RFC 5545) for the Begleitprogramm: the feed of all events and one event's file.

Times are written in Europe/Berlin with a TZID and the matching VTIMEZONE, so calendars show
the local time the team entered, also across the change to summer time. The UID is the
event's translation key: the German and the English page are the same appointment, and an
event moved to another day is updated in a subscribed calendar instead of duplicated.
"""

import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Lokalprojekte//Begleitprogramm//DE"


def _uid(event):
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "lokalprojekte.example"
    return f"event-{event.translation_key}@{host}"


def calendar_bytes(events, *, name):
    """The events as one VCALENDAR, ready to send."""
    berlin = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        entry = Event()
        entry.add("uid", _uid(event))
        entry.add("summary", event.title)
        entry.add("dtstart", event.start.astimezone(berlin))
        entry.add("dtend", event.end.astimezone(berlin))
        entry.add("dtstamp", timezone.now())
        if event.last_published_at:
            entry.add("last-modified", event.last_published_at)
        url = event.full_url
        description = event.teaser
        if event.online_url:
            description += f"\n\nOnline: {event.online_url}"
        if url:
            entry.add("url", url)
            description += f"\n\n{url}"
        entry.add("description", description)
        entry.add("location", event.location or event.online_url)
        entry.add("categories", [str(event.get_kind_display())])
        entry.add("status", "CONFIRMED")
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()
