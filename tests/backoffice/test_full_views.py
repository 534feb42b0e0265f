"""Records open from their listing on a full view a new team member can read and act on."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from intake.models import ContactRequest, PipelineStatus, RequestStatus
from intake.submissions import queue_mails
from tests import factories
from tests.markup import parse

BERLIN_AFTERNOON = timezone.make_aware(
    datetime.datetime(2026, 12, 1, 14, 3), timezone=datetime.UTC
) + datetime.timedelta(hours=-1)
"""01.12.2026, 14:03 in Berlin (13:03 UTC): a list formatting UTC would show 13:03."""


def received(record, when=BERLIN_AFTERNOON):
    """Set the (auto_now_add) received time of a record."""
    type(record).objects.filter(pk=record.pk).update(created_at=when)
    record.refresh_from_db()
    return record


@pytest.fixture
def municipality_request(db):
    consent = factories.ConsentRecordFactory(
        purpose="municipality_request", privacy_version="2026-11", given_at=BERLIN_AFTERNOON
    )
    record = factories.MunicipalityRequestFactory(
        municipality_name="Kalletal",
        bundesland="NW",
        contact_name="Petra Rathaus",
        email="rathaus@kalletal.example",
        challenge="Neu Zugezogene finden sich schwer zurecht.\nEine Willkommensmappe fehlt.",
        consent=consent,
    )
    return received(record)


def text_of(html):
    """What the admin page's main area says (no scripts, no menu)."""
    return parse(html).select_one("main").text


def row_links(html):
    """The hrefs of the listing's rows (the title links)."""
    return [a.get("href") for a in parse(html).select("table.listing tbody td a")]


def test_the_listing_opens_the_full_view_with_the_same_berlin_time(
    team_client, municipality_request
):
    index = team_client.get(reverse("backoffice_requests:index")).content.decode()
    inspect_url = reverse("backoffice_requests:inspect", args=[municipality_request.pk])
    edit_url = reverse("backoffice_requests:edit", args=[municipality_request.pk])
    assert inspect_url in row_links(index)
    assert edit_url not in index
    assert "01.12.2026, 14:03" in text_of(index)
    export = team_client.get(reverse("backoffice_requests:index"), {"export": "csv"})
    row = b"".join(export.streaming_content).decode().splitlines()[1]
    assert row.endswith('Neu,,,"01.12.2026, 14:03"')
    assert "Nordrhein-Westfalen" in row

    response = team_client.get(inspect_url)
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(html)
    # Everything the Kommune submitted, readable.
    for shown in (
        "Kalletal",
        "Nordrhein-Westfalen",
        "Petra Rathaus",
        "rathaus@kalletal.example",
        "Neu Zugezogene finden sich schwer zurecht.",
        "Eine Willkommensmappe fehlt.",
        "Deutsch",
        "Status: Neu",
    ):
        assert shown in text, shown
    assert "Einwilligung erteilt am 01.12.2026, 14:03 (Datenschutzerklärung Version 2026-11)" in (
        text
    )
    assert "Eingegangen am 01.12.2026, 14:03" in text
    assert "None" not in text
    assert "municipality_request" not in text
    # The header names the record; nothing says "Home" as the page's title.
    page = parse(html)
    assert page.select("h1")[0].text == "Anfrage einer Kommune: Kalletal"
    # The actions are visible buttons, not entries of a "…" menu.
    header = page.select("header")[0]
    labels = header.texts("a.button")
    assert "Projektentwurf anlegen" in labels
    assert "Löschen" in labels
    assert not header.select("[data-controller~='w-dropdown']")
    assert page.select(f"form[action='{edit_url}'] select[name='status']")


def test_the_status_form_changes_the_status_and_returns_to_the_full_view(
    team_client, municipality_request
):
    edit_url = reverse("backoffice_requests:edit", args=[municipality_request.pk])
    response = team_client.post(edit_url, {"status": RequestStatus.IN_REVIEW}, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "backoffice_requests:inspect", args=[municipality_request.pk]
    )
    assert "Status: In Prüfung" in text_of(response.content.decode())
    municipality_request.refresh_from_db()
    assert municipality_request.status == RequestStatus.IN_REVIEW


def test_projektentwurf_anlegen_from_the_full_view(team_client, municipality_request, site_tree):
    url = reverse("backoffice_request_to_project", args=[municipality_request.pk])
    # Without JavaScript the header link opens a confirmation page with the button.
    confirm = team_client.get(url)
    assert confirm.status_code == 200
    assert "Projektentwurf anlegen" in text_of(confirm.content.decode())
    team_client.post(url)
    municipality_request.refresh_from_db()
    assert municipality_request.project is not None
    assert municipality_request.status == RequestStatus.PROJECT_CREATED
    html = team_client.get(
        reverse("backoffice_requests:inspect", args=[municipality_request.pk])
    ).content.decode()
    assert "Projektentwurf anlegen" not in text_of(html)
    assert municipality_request.project.title in text_of(html)


def test_offer_and_contact_request_full_views_read_like_sentences(team_client, db):
    competency = factories.CompetencyFactory(name="UX-Design")
    offer = received(
        factories.CompanyOfferFactory(
            company_name="Beispiel AG", staff_count=2, competencies=[competency]
        )
    )
    html = team_client.get(reverse("backoffice_offers:index")).content.decode()
    assert reverse("backoffice_offers:inspect", args=[offer.pk]) in row_links(html)
    text = text_of(team_client.get(reverse("backoffice_offers:inspect", args=[offer.pk])).content)
    assert "Beispiel AG" in text
    assert "UX-Design" in text
    assert "Verfügbar ab —" in text
    assert "Einwilligung erteilt am" in text
    assert "None" not in text

    contact = received(
        factories.ContactRequestFactory(
            kind=ContactRequest.Kind.FUNDER,
            name="Stiftung Beispiel",
            organisation="",
            privacy_version="2026-11",
            consent_given_at=BERLIN_AFTERNOON,
        )
    )
    html = team_client.get(reverse("backoffice_contacts:index")).content.decode()
    assert reverse("backoffice_contacts:inspect", args=[contact.pk]) in row_links(html)
    assert "None" not in text_of(html)
    text = text_of(
        team_client.get(reverse("backoffice_contacts:inspect", args=[contact.pk])).content
    )
    assert "Anfrage von Förderer" in text
    assert "Organisation —" in text
    assert "Expert:in —" in text
    assert "Einwilligung erteilt am 01.12.2026, 14:03 (Datenschutzerklärung Version 2026-11)" in (
        text
    )
    assert "None" not in text


def test_application_list_and_full_view_show_the_same_berlin_time(team_client, project):
    application = received(factories.ApplicationFactory(project=project))
    html = team_client.get(reverse("backoffice_applications:index")).content.decode()
    inspect_url = reverse("backoffice_applications:inspect", args=[application.pk])
    assert inspect_url in row_links(html)
    assert "01.12.2026, 14:03" in text_of(html)
    detail = text_of(team_client.get(inspect_url).content)
    assert "01.12.2026, 14:03" in detail
    assert "None" not in detail


def test_own_back_office_pages_are_named_not_home(team_client, db):
    html = team_client.get(reverse("backoffice_matching_projects")).content.decode()
    header = parse(html).select("header")[0]
    assert header.select("li")[-1].text == "Matching nach Projekt"


def dashboard_text(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_dashboard_lists_new_records_for_the_team_only(client, users, project):
    new_request = factories.MunicipalityRequestFactory(municipality_name="Kalletal")
    factories.MunicipalityRequestFactory(
        municipality_name="Schon bearbeitet", status=RequestStatus.DECLINED
    )
    offer = factories.CompanyOfferFactory(company_name="Beispiel AG")
    contact = factories.ContactRequestFactory(name="Stiftung Beispiel")
    application = factories.ApplicationFactory(project=project)
    factories.ApplicationFactory(project=project, status=PipelineStatus.SCREENING)

    client.force_login(users.member)
    html = dashboard_text(client)
    page = parse(html)
    panel = page.select("[aria-labelledby='new-records-heading']")[0]
    links = [a.get("href") for a in panel.select("a")]
    for viewset, record in (
        ("requests", new_request),
        ("offers", offer),
        ("contacts", contact),
        ("applications", application),
    ):
        assert reverse(f"backoffice_{viewset}:inspect", args=[record.pk]) in links, viewset
    counts = {
        section.get("data-new-records"): section.select("[data-count]")[0].text
        for section in panel.select("[data-new-records]")
    }
    assert counts == {
        "backoffice_requests": "1",
        "backoffice_offers": "1",
        "backoffice_contacts": "1",
        "backoffice_applications": "1",
    }
    assert "Schon bearbeitet" not in panel.text
    # The personal data of a blind application stay hidden on the dashboard too.
    assert application.candidate.last_name not in panel.text

    client.force_login(users.editor)
    html = dashboard_text(client)
    assert "Neu eingegangen" not in html
    assert "Kalletal" not in html
    assert "Beispiel AG" not in html


@pytest.mark.parametrize(
    ("make", "viewset"),
    [
        (lambda project: factories.MunicipalityRequestFactory(), "requests"),
        (lambda project: factories.CompanyOfferFactory(), "offers"),
        (lambda project: factories.ContactRequestFactory(), "contacts"),
        (
            lambda project: factories.ContactRequestFactory(
                kind=ContactRequest.Kind.EXPERT, expert=factories.ExpertFactory()
            ),
            "contacts",
        ),
        (lambda project: factories.ApplicationFactory(project=project), "applications"),
    ],
)
def test_team_notification_links_to_the_full_view(
    client, users, project, make, viewset, django_capture_on_commit_callbacks, settings
):
    settings.MATCHING_TEAM_EMAIL = "team@lokalprojekte.example"
    record = make(project)
    with django_capture_on_commit_callbacks(execute=True):
        queue_mails(record)
    notification = next(m for m in mail.outbox if "team@lokalprojekte.example" in m.to)
    path = reverse(f"backoffice_{viewset}:inspect", args=[record.pk])
    link = f"http://testserver{path}"
    assert link in notification.body
    assert re.search(rf"{re.escape(link)}\s", notification.body)

    client.force_login(users.member)
    assert client.get(path).status_code == 200
    client.force_login(users.editor)
    assert client.get(path).status_code == 403
    client.logout()
    assert client.get(path).status_code == 302
