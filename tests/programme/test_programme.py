"""The Begleitprogramm: programme page, registration with capacity and waiting list,
cancellation link, reminders, calendar files and who sees the registrations."""

import datetime
import time
from threading import Thread

import icalendar
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from intake.models import OutgoingMail, PipelineStatus
from intake.spam import issue_started_token
from programme.forms import FORM_KIND
from programme.models import Registration
from programme.registrations import RegistrationRefused, cancel, register
from tests import factories
from tests.factories.programme import in_days
from tests.markup import json_ld, parse
from tests.sites import ensure_tree_roots

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(site_tree):
    return factories.EventIndexPageFactory(parent=site_tree.home, publish=True)


@pytest.fixture
def workshop(programme):
    return factories.EventPageFactory(
        parent=programme, title="Workshop Change Management", capacity=2, publish=True
    )


def form(name="Alex Beispiel", email="alex@example.org", **extra):
    return {
        "name": name,
        "email": email,
        "organisation": "",
        "role": "",
        "privacy_consent": "on",
        "form_started": issue_started_token(FORM_KIND, issued_at=time.time() - 60),
        **extra,
    }


def post(client, page, capture, **data):
    with capture(execute=True):
        return client.post(page.url, form(**data), follow=True)


def cancel_link(mail):
    return next(line for line in mail.body.splitlines() if "/abmelden/" in line).strip()


def test_programme_page_lists_upcoming_soonest_first_and_past_latest_first(client, programme):
    factories.EventPageFactory(parent=programme, title="Abschluss", start=in_days(60))
    factories.EventPageFactory(parent=programme, title="Workshop morgen", start=in_days(1))
    factories.EventPageFactory(parent=programme, title="Kick-off", start=in_days(-40))
    factories.EventPageFactory(parent=programme, title="Workshop neulich", start=in_days(-5))
    for page in programme.get_children():
        page.specific.save_revision().publish()

    page = parse(client.get(programme.url).content)

    upcoming, past = page.select("section")[:2]
    assert [h.text.strip() for h in upcoming.select(".card h3")] == ["Workshop morgen", "Abschluss"]
    assert [h.text.strip() for h in past.select(".card h3")] == ["Workshop neulich", "Kick-off"]
    assert "Vergangene Veranstaltungen" in past.text


def test_registration_until_full_then_waiting_list(
    client, workshop, mailoutbox, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    post(client, workshop, capture, name="Alex", email="alex@example.org")
    post(client, workshop, capture, name="Sam", email="sam@example.org")
    response = post(client, workshop, capture, name="Robin", email="robin@example.org")

    page = parse(response.content)
    assert "Platz 1 der Warteliste" in page.text
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "alex@example.org": "registered",
        "sam@example.org": "registered",
        "robin@example.org": "waiting",
    }
    assert [mail.subject for mail in mailoutbox] == [
        "Anmeldung bestätigt: Workshop Change Management",
        "Anmeldung bestätigt: Workshop Change Management",
        "Warteliste: Workshop Change Management",
    ]
    assert "Platz 1 der Warteliste" in mailoutbox[2].body
    # Every mail went through the outbox and is marked sent.
    assert OutgoingMail.objects.filter(sent_at__isnull=False).count() == 3
    # The page now says it is full and offers the waiting list.
    page = parse(client.get(workshop.url).content)
    assert "Die Veranstaltung ist ausgebucht." in page.text
    assert "Auf die Warteliste setzen" in page.text


def test_one_address_registers_once(
    client, workshop, mailoutbox, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    post(client, workshop, capture, email="alex@example.org")
    response = post(client, workshop, capture, name="Alex B.", email="ALEX@example.org ")

    assert "bereits jemand für diese Veranstaltung angemeldet" in parse(response.content).text
    assert Registration.objects.count() == 1
    assert len(mailoutbox) == 1


def test_cancelling_moves_the_first_waiting_person_up(
    client, workshop, mailoutbox, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    for name in ("alex", "sam", "robin", "kim"):
        post(client, workshop, capture, name=name.title(), email=f"{name}@example.org")
    link = cancel_link(mailoutbox[0])
    mailoutbox.clear()

    shown = parse(client.get(link).content)
    assert "Angemeldet, Ihr Platz ist sicher" in shown.text
    with capture(execute=True):
        response = client.post(link, HTTP_ORIGIN="null")

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "Sie sind abgemeldet." in parse(response.content).text
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["alex@example.org"] == "cancelled"
    assert statuses["robin@example.org"] == "registered"
    assert statuses["kim@example.org"] == "waiting"
    subjects = sorted((mail.to[0], mail.subject) for mail in mailoutbox)
    assert subjects == [
        ("alex@example.org", "Abmeldung bestätigt: Workshop Change Management"),
        ("robin@example.org", "Sie sind nachgerückt: Workshop Change Management"),
    ]
    # Kim is now first in line.
    assert Registration.objects.get(email="kim@example.org").waiting_place() == 1
    # A second cancellation changes nothing and sends nothing.
    with capture(execute=True):
        again = client.post(link, HTTP_ORIGIN="null")
    assert "bereits abgemeldet" in parse(again.content).text
    assert len(mailoutbox) == 2


def test_cancelling_from_the_waiting_list_moves_nobody(
    workshop, django_capture_on_commit_callbacks
):
    people = [
        register(workshop, name=name, email=f"{name}@example.org") for name in ("a", "b", "c")
    ]
    cancel(people[2])
    assert Registration.objects.filter(status="registered").count() == 2
    assert people[2].status == "cancelled"


def test_unknown_cancel_link_is_not_found(client, workshop):
    assert client.get("/de/anmeldung/gibt-es-nicht/abmelden/").status_code == 404


def test_no_cancellation_after_the_start(workshop):
    registration = register(workshop, name="Alex", email="alex@example.org")
    workshop.start = timezone.now() - datetime.timedelta(minutes=5)
    workshop.save()
    with pytest.raises(RegistrationRefused):
        cancel(registration)


def test_macherinnen_only_event_takes_only_accepted_applicants(
    client, programme, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    event = factories.EventPageFactory(parent=programme, macherinnen_only=True, publish=True)
    candidate = factories.CandidateFactory(email="macherin@example.org")
    factories.ApplicationFactory(candidate=candidate, status=PipelineStatus.ACCEPTED)
    factories.ApplicationFactory(
        candidate=factories.CandidateFactory(email="bewerberin@example.org"),
        status=PipelineStatus.SHORTLISTED,
    )

    refused = post(client, event, capture, email="bewerberin@example.org")
    accepted = post(client, event, capture, email="Macherin@example.org")

    assert "nur für Macher:innen des Programms" in parse(refused.content).text
    assert "Sie sind angemeldet." in parse(accepted.content).text
    assert list(Registration.objects.values_list("email", flat=True)) == ["Macherin@example.org"]


def test_closed_or_past_events_take_no_registration(client, programme):
    closed = factories.EventPageFactory(parent=programme, registration_open=False, publish=True)
    past = factories.EventPageFactory(parent=programme, start=in_days(-3), publish=True)
    for event in (closed, past):
        page = parse(client.get(event.url).content)
        assert page.select("form input[name=email]") == []
        client.post(event.url, form())
    assert not Registration.objects.exists()


@pytest.fixture
def tree_roots(transactional_db):
    ensure_tree_roots()


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_overbook(tree_roots, site_tree):
    programme = factories.EventIndexPageFactory(parent=site_tree.home, publish=True)
    event = factories.EventPageFactory(parent=programme, capacity=3, publish=True)
    errors = []

    def attempt(number):
        try:
            register(event, name=f"Person {number}", email=f"p{number}@example.org")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [Thread(target=attempt, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Registration.objects.filter(status="registered").count() == 3
    positions = sorted(
        Registration.objects.filter(status="waiting").values_list("position", flat=True)
    )
    assert positions == [1, 2, 3, 4, 5]


def test_reminder_goes_once_to_confirmed_people_the_day_before(
    programme, mailoutbox, django_capture_on_commit_callbacks
):
    tomorrow = factories.EventPageFactory(
        parent=programme,
        title="Workshop morgen",
        start=in_days(1, hour=9),
        capacity=1,
        publish=True,
    )
    later = factories.EventPageFactory(parent=programme, start=in_days(3), publish=True)
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = register(tomorrow, name="Alex", email="alex@example.org")
        register(tomorrow, name="Sam", email="sam@example.org")  # waiting list
        register(later, name="Kim", email="kim@example.org")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", verbosity=0)
        call_command("send_event_reminders", verbosity=0)

    assert [(mail.to, mail.subject) for mail in mailoutbox] == [
        (["alex@example.org"], "Erinnerung: morgen Workshop morgen")
    ]
    confirmed.refresh_from_db()
    assert confirmed.reminded_at is not None
    assert "/abmelden/" in mailoutbox[0].body


def test_mails_are_in_the_language_of_the_registration(
    client, site_tree, locales, workshop, mailoutbox, django_capture_on_commit_callbacks
):
    programme_en = factories.publish_translation(
        workshop.get_parent().specific, locales.en, title="Programme", slug="programme"
    )
    english = factories.publish_translation(
        workshop, locales.en, title="Change workshop", slug="change-workshop"
    )
    assert programme_en.url.startswith("/en/")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(english.url, form(), follow=True)

    assert "You are registered." in parse(response.content).text
    assert mailoutbox[0].subject == "Registration confirmed: Change workshop"
    assert "/en/registration/" in mailoutbox[0].body
    # The English page shares the places with the German one.
    assert Registration.objects.get().event_id == workshop.pk


def test_calendar_feed_and_event_file_parse_as_icalendar(client, programme, workshop):
    online = factories.EventPageFactory(
        parent=programme,
        title="Online-Vernetzung",
        location="",
        online_url="https://meet.example/pat",
        start=in_days(20, hour=16),
        publish=True,
    )

    feed = client.get(programme.url.rstrip("/") + ".ics")
    single = client.get(workshop.url.rstrip("/") + ".ics")

    assert feed["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(feed.content)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Workshop Change Management", "Online-Vernetzung"}
    entry = events["Workshop Change Management"]
    assert entry.decoded("DTSTART") == workshop.start
    assert entry["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert str(entry["LOCATION"]) == workshop.location
    assert str(entry["URL"]) == workshop.full_url
    assert str(events["Online-Vernetzung"]["LOCATION"]) == online.online_url
    one = icalendar.Calendar.from_ical(single.content)
    (only,) = one.walk("VEVENT")
    # The same appointment in both files.
    assert str(only["UID"]) == str(entry["UID"])
    assert 'filename="' in single["Content-Disposition"]
    # Both are linked where people look for them.
    listing_links = [a.get("href") for a in parse(client.get(programme.url).content).select("a")]
    assert "/de/begleitprogramm.ics" in listing_links
    event_links = parse(client.get(workshop.url).content).select('a[type="text/calendar"]')
    assert workshop.url.rstrip("/") + ".ics" in [a.get("href") for a in event_links]


def test_calendar_of_other_pages_is_not_found(client, site_tree, programme):
    assert client.get("/de/start.ics").status_code == 404
    assert client.get("/de/gibt-es-nicht.ics").status_code == 404


def test_event_page_has_schema_org_event(client, workshop):
    data = json_ld(client.get(workshop.url).content)
    event = next(item for item in data if item.get("@type") == "Event")
    assert event["name"] == "Workshop Change Management"
    assert event["startDate"] == timezone.localtime(workshop.start).isoformat()
    assert event["location"]["address"] == workshop.location


def test_event_needs_a_place_and_an_end_after_its_start(programme):
    event = factories.EventPageFactory.build(
        location="", online_url="", start=in_days(5), end=in_days(4)
    )
    with pytest.raises(Exception) as error:
        event.full_clean()
    assert "end" in error.value.message_dict
    assert "location" in error.value.message_dict


def test_registrations_only_for_the_matching_team(client, workshop):
    from tests.factories import UserFactory

    register(workshop, name="Alex", email="alex@example.org")
    editor = UserFactory(username="redaktion", groups=["Editors"])
    member = UserFactory(username="team", groups=[settings.MATCHING_TEAM_GROUP_NAME])

    client.force_login(editor)
    assert client.get("/admin/matching/anmeldungen/").status_code == 403
    counts = client.get(f"/admin/pages/{workshop.pk}/edit/")
    assert "1 von 2 Plätzen belegt" in counts.content.decode()
    assert "alex@example.org" not in counts.content.decode()

    client.force_login(member)
    listing = client.get("/admin/matching/anmeldungen/")
    assert listing.status_code == 200
    assert "Alex" in listing.content.decode()


def test_more_places_move_the_waiting_list_up(workshop, django_capture_on_commit_callbacks):
    for name in ("a", "b", "c"):
        register(workshop, name=name, email=f"{name}@example.org")
    workshop.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        workshop.save_revision().publish()
    assert Registration.objects.filter(status="registered").count() == 3


def test_a_reminder_queued_before_a_cancellation_is_dropped(
    programme, mailoutbox, django_capture_on_commit_callbacks
):
    from intake.tasks import deliver

    event = factories.EventPageFactory(parent=programme, start=in_days(1, hour=18), publish=True)
    registration = register(event, name="Alex", email="alex@example.org")
    call_command("send_event_reminders", verbosity=0)
    cancel(registration)
    reminder = OutgoingMail.objects.get(status="reminder")
    mailoutbox.clear()

    assert deliver(reminder.pk) is False
    assert not [mail for mail in mailoutbox if mail.subject.startswith("Erinnerung")]
