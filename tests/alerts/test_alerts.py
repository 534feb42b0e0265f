"""Search alerts on the database path: double opt-in, digests, unsubscribe, manage, purge."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from alerts.digests import send_due_digests
from alerts.forms import MANAGE_FORM_KIND
from alerts.models import MAX_ALERTS_PER_ADDRESS, SearchAlert, SeenProject
from intake.models import ConsentRecord
from projects.models import ProjectStatus
from taxonomy.models import Bundesland
from tests import factories
from tests.alerts.conftest import ADDRESS, alert_data, link_in, mails_to, started
from tests.markup import parse

pytestmark = pytest.mark.django_db

SEARCH = "bundesland=HE&status=open"


def alert_url(listing, query=SEARCH):
    return f"/de/benachrichtigung/neu/{listing.pk}/" + (f"?{query}" if query else "")


def save_alert(client, listing, run_commit_hooks, query=SEARCH, **data):
    with run_commit_hooks():
        return client.post(alert_url(listing, query), alert_data(**data))


def confirm_from_mail(client, run_commit_hooks):
    message = mails_to(ADDRESS)[-1]
    url = link_in(message, "/bestaetigen/")
    with run_commit_hooks():
        return client.post(url)


def run_digests(run_commit_hooks, alerts=None):
    """Make every alert due and run the cron command, returning the new digest mails."""
    SearchAlert.objects.update(last_sent_at=timezone.now() - datetime.timedelta(days=8))
    before = len(mail.outbox)
    with run_commit_hooks():
        call_command("send_alerts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return mail.outbox[before:]


def titles_in(message):
    return re.findall(r"^\* (.+?)(?: \(| –)", message.body, flags=re.MULTILINE)


@pytest.fixture
def hessen_open(listing):
    """An open project in Hessen, published before any alert exists."""
    return factories.ProjectPageFactory(parent=listing, title="Altes Projekt Hessen")


def test_listing_links_its_search_to_the_alert_form(client, listing, hessen_open):
    response = client.get(listing.url + "?bundesland=HE&status=open&page=1")
    links = [a.get("href") for a in parse(response).select("a[href*=benachrichtigung]")]
    assert links
    assert all(link.endswith(f"/{listing.pk}/?bundesland=HE&status=open") for link in links)


def test_empty_listing_offers_the_alert(client, listing):
    response = client.get(listing.url + "?q=Datenschutz")
    offer = parse(response).select_one(".alert-offer a")
    assert "Per E-Mail benachrichtigen" in offer.text
    assert offer.get("href").endswith("?q=Datenschutz")


def test_the_form_says_in_words_what_is_saved(client, listing):
    response = client.get(alert_url(listing, "q=Datenschutz&bundesland=HE&status=open"))
    summary = parse(response).select_one(".alert-summary").text
    assert summary == "Suche: „Datenschutz“ · Bundesland: Hessen · Status: Ausgeschrieben"


def test_saving_needs_confirmation_and_records_consent(client, listing, run_commit_hooks):
    response = save_alert(client, listing, run_commit_hooks, query=SEARCH + "&page=2&sort=start")
    assert response.status_code == 302
    alert = SearchAlert.objects.get()
    assert alert.email == ADDRESS
    assert alert.query == SEARCH  # without page and sort
    assert alert.confirmed_at is None
    consent = ConsentRecord.objects.get(pk=alert.consent_id)
    assert consent.purpose == "search_alert"
    [message] = mails_to(ADDRESS)
    assert "bestätigen" in message.subject
    assert "Bundesland: Hessen · Status: Ausgeschrieben" in message.body

    # The link alone (a mail scanner opening it) does not confirm; the button does.
    url = link_in(message, "/bestaetigen/")
    assert client.get(url).status_code == 200
    alert.refresh_from_db()
    assert alert.confirmed_at is None
    confirm_from_mail(client, run_commit_hooks)
    alert.refresh_from_db()
    assert alert.confirmed_at is not None


def test_unconfirmed_alert_gets_no_digest(client, listing, run_commit_hooks):
    save_alert(client, listing, run_commit_hooks)
    factories.ProjectPageFactory(parent=listing, title="Neues Projekt")
    assert run_digests(run_commit_hooks) == []


def test_a_forged_or_broken_confirmation_link_is_refused(client, listing, run_commit_hooks):
    save_alert(client, listing, run_commit_hooks)
    url = link_in(mails_to(ADDRESS)[-1], "/bestaetigen/")
    response = client.post(url[:-3] + "xy/")
    assert response.status_code == 404
    assert SearchAlert.objects.get().confirmed_at is None


def test_digest_brings_only_new_matching_projects_once(
    client, listing, hessen_open, run_commit_hooks
):
    save_alert(client, listing, run_commit_hooks)
    confirm_from_mail(client, run_commit_hooks)
    factories.ProjectPageFactory(parent=listing, title="Neues Projekt Hessen")
    bavaria = factories.MunicipalityFactory(bundesland=Bundesland.BAYERN)
    factories.ProjectPageFactory(parent=listing, title="Neues Projekt Bayern", municipality=bavaria)
    factories.ProjectPageFactory(
        parent=listing, title="Laufendes Projekt Hessen", status=ProjectStatus.RUNNING
    )

    [digest] = run_digests(run_commit_hooks)
    assert digest.to == [ADDRESS]
    assert titles_in(digest) == ["Neues Projekt Hessen"]
    assert digest.subject == "1 neues Lokalprojekt zu Ihrer Suche"

    # The next run has nothing new: no mail at all.
    assert run_digests(run_commit_hooks) == []
    factories.ProjectPageFactory(parent=listing, title="Noch ein Projekt Hessen")
    [second] = run_digests(run_commit_hooks)
    assert titles_in(second) == ["Noch ein Projekt Hessen"]


def test_a_project_that_opens_is_new_for_an_alert_on_open_projects(
    client, listing, run_commit_hooks
):
    planned = factories.ProjectPageFactory(
        parent=listing, title="Bald ausgeschrieben", status=ProjectStatus.IN_PREPARATION
    )
    save_alert(client, listing, run_commit_hooks)
    confirm_from_mail(client, run_commit_hooks)
    assert run_digests(run_commit_hooks) == []

    planned.status = ProjectStatus.OPEN
    planned.save()
    [digest] = run_digests(run_commit_hooks)
    assert titles_in(digest) == ["Bald ausgeschrieben"]
    assert run_digests(run_commit_hooks) == []


def test_digest_is_due_by_frequency(client, listing, run_commit_hooks):
    save_alert(client, listing, run_commit_hooks, frequency="daily")
    confirm_from_mail(client, run_commit_hooks)
    factories.ProjectPageFactory(parent=listing, title="Neu")
    alert = SearchAlert.objects.get()
    # Confirmed just now: not yet due.
    assert send_due_digests() == (0, 0)
    alert.last_sent_at = timezone.now() - datetime.timedelta(hours=21)
    alert.save()
    assert send_due_digests("weekly") == (0, 0)
    with run_commit_hooks():
        assert send_due_digests("daily") == (1, 1)


def test_digest_in_the_subscribers_language(client, listing, site_tree, locales, run_commit_hooks):
    listing_en = factories.publish_translation(listing, locales.en, slug="projects")
    with run_commit_hooks():
        client.post(f"/en/alerts/new/{listing_en.pk}/?status=open", alert_data())
    [confirmation] = mails_to(ADDRESS)
    assert "Please confirm" in confirmation.subject
    assert "Status: Open" in confirmation.body
    with run_commit_hooks():
        client.post(link_in(confirmation, "/confirm/"))
    project = factories.ProjectPageFactory(parent=listing, title="Kompass")
    factories.publish_translation(project, locales.en, title="Compass")
    [digest] = run_digests(run_commit_hooks)
    assert digest.subject == "1 new local project for your search"
    assert titles_in(digest) == ["Compass"]
    assert "/en/alerts/unsubscribe/" in digest.extra_headers["List-Unsubscribe"]


def confirmed_with_digest(client, listing, run_commit_hooks):
    save_alert(client, listing, run_commit_hooks)
    confirm_from_mail(client, run_commit_hooks)
    factories.ProjectPageFactory(parent=listing, title="Neues Projekt Hessen")
    [digest] = run_digests(run_commit_hooks)
    return digest


def test_unsubscribe_by_the_link_in_the_digest(client, listing, run_commit_hooks):
    digest = confirmed_with_digest(client, listing, run_commit_hooks)
    url = link_in(digest, "/abbestellen/")
    page = client.get(url)
    assert "Ja, abbestellen" in page.content.decode()
    assert SearchAlert.objects.count() == 1  # looking is not unsubscribing
    response = client.post(url)
    assert "keine E-Mails mehr" in response.content.decode()
    assert not SearchAlert.objects.exists()
    assert not SeenProject.objects.exists()
    factories.ProjectPageFactory(parent=listing, title="Danach")
    assert run_digests(run_commit_hooks) == []


def test_one_click_unsubscribe_by_the_header(client, listing, run_commit_hooks):
    digest = confirmed_with_digest(client, listing, run_commit_hooks)
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = digest.extra_headers["List-Unsubscribe"]
    url = header.strip("<>").removeprefix("https://lokalprojekte.example")
    # A mail program posts without cookies or CSRF token (RFC 8058).
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not SearchAlert.objects.exists()
    # Twice is fine: the alert is gone, the answer is the same.
    assert mail_program.post(url).status_code == 200


def test_unconfirmed_alerts_are_deleted_after_seven_days(client, listing, run_commit_hooks):
    save_alert(client, listing, run_commit_hooks, email="old@example.org")
    save_alert(client, listing, run_commit_hooks, email="new@example.org")
    save_alert(client, listing, run_commit_hooks)
    confirm_from_mail(client, run_commit_hooks)
    eight_days_ago = timezone.now() - datetime.timedelta(days=8)
    SearchAlert.objects.filter(email__in=["old@example.org", ADDRESS]).update(
        created_at=eight_days_ago
    )
    call_command("purge_alerts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sorted(SearchAlert.objects.values_list("email", flat=True)) == [
        ADDRESS,
        "new@example.org",
    ]


def test_an_address_holds_a_limited_number_of_alerts(client, listing, run_commit_hooks, settings):
    settings.FORM_RATE_LIMIT = {"submissions": 50, "seconds": 600}
    for n in range(MAX_ALERTS_PER_ADDRESS):
        save_alert(client, listing, run_commit_hooks, query=f"q=Wort{n}")
    mail.outbox.clear()
    response = save_alert(client, listing, run_commit_hooks, query="q=zuviel")
    # The same answer as always; the address gets the link to its alerts instead.
    assert response.status_code == 302
    assert SearchAlert.objects.count() == MAX_ALERTS_PER_ADDRESS
    [message] = mails_to(ADDRESS)
    assert "höchstens 5" in message.body
    assert "/benachrichtigungen/" in message.body


def test_manage_all_alerts_of_an_address(client, listing, run_commit_hooks):
    save_alert(client, listing, run_commit_hooks)
    save_alert(client, listing, run_commit_hooks, query="q=Datenschutz")
    mail.outbox.clear()
    with run_commit_hooks():
        response = client.post(
            "/de/benachrichtigungen/",
            alert_data(email=ADDRESS.upper(), form_started=started(kind=MANAGE_FORM_KIND)),
        )
    assert response.status_code == 302
    [message] = mails_to(ADDRESS)
    url = link_in(message, "/benachrichtigungen/")
    page = parse(client.get(url))
    summaries = [h.text for h in page.select(".alert-item h2")]
    assert summaries == ["Bundesland: Hessen · Status: Ausgeschrieben", "Suche: „Datenschutz“"]
    first, second = SearchAlert.objects.order_by("pk")
    client.post(url, {"action": "frequency", "alert": first.pk, "frequency": "daily"})
    first.refresh_from_db()
    assert first.frequency == "daily"
    client.post(url, {"action": "delete", "alert": second.pk})
    assert list(SearchAlert.objects.all()) == [first]
    client.post(url, {"action": "delete_all"})
    assert not SearchAlert.objects.exists()


def test_manage_link_of_another_address_is_never_sent(client, listing, run_commit_hooks):
    with run_commit_hooks():
        response = client.post(
            "/de/benachrichtigungen/",
            alert_data(email="nobody@example.org", form_started=started(kind=MANAGE_FORM_KIND)),
        )
    assert response.status_code == 302
    assert mail.outbox == []


def test_honeypot_keeps_nothing(client, listing, run_commit_hooks):
    response = save_alert(client, listing, run_commit_hooks, website="http://spam.example")
    assert response.status_code == 302
    assert not SearchAlert.objects.exists()
    assert mail.outbox == []


def test_missing_consent_is_explained_and_nothing_is_lost(client, listing, run_commit_hooks):
    response = save_alert(client, listing, run_commit_hooks, privacy_consent="")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Bitte stimmen Sie der Verarbeitung" in body
    assert ADDRESS in body
    assert not SearchAlert.objects.exists()


def test_the_rate_limit_keeps_what_was_typed(client, listing, run_commit_hooks, settings):
    settings.FORM_RATE_LIMIT = {"submissions": 2, "seconds": 600}
    save_alert(client, listing, run_commit_hooks, email="a@example.org")
    save_alert(client, listing, run_commit_hooks, email="b@example.org")
    response = save_alert(client, listing, run_commit_hooks, email="c@example.org")
    assert response.status_code == 429
    assert "c@example.org" in response.content.decode()
    assert SearchAlert.objects.count() == 2


def test_bad_input_on_the_manage_page_is_no_error(client, listing, run_commit_hooks):
    save_alert(client, listing, run_commit_hooks)
    with run_commit_hooks():
        client.post(
            "/de/benachrichtigungen/",
            alert_data(form_started=started(kind=MANAGE_FORM_KIND)),
        )
    url = link_in(mails_to(ADDRESS)[-1], "/benachrichtigungen/")
    assert client.post(url, {"action": "delete", "alert": "abc"}).status_code == 404
    assert client.post(url, {"action": "frequency", "alert": "1x"}).status_code == 404
    assert client.get(url[:-5] + "abcd/").status_code == 404
    assert SearchAlert.objects.count() == 1


def test_alert_form_for_a_page_that_is_no_listing_is_not_found(client, site_tree):
    assert client.get(f"/de/benachrichtigung/neu/{site_tree.home.pk}/").status_code == 404
