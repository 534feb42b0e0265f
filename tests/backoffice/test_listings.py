"""Filters, search and ordering of the other back-office listings."""

import datetime

import pytest
from django.urls import reverse

from intake.models import CompanyOffer, ConsentRecord, ContactRequest, MunicipalityRequest
from tests import factories

from .conftest import make_candidate


@pytest.fixture
def team_client(client, users):
    client.force_login(users.member)
    return client


def consent():
    return ConsentRecord.objects.create(purpose="x", privacy_version="2026-01")


def inspect(name, obj):
    return reverse(f"backoffice_{name}:inspect", args=[obj.pk])


def test_candidates_filter_by_competency_state_and_mobility(team_client, locales):
    digital = factories.CompetencyFactory(name="Digitalisierung")
    hesse = make_candidate(competencies={digital: 2}, bundesland="HE")
    bavaria = make_candidate(bundesland="BY", mobility="nationwide")
    url = reverse("backoffice_candidates:index")
    html = team_client.get(url, {"competency": digital.pk}).content.decode()
    assert inspect("candidates", hesse) in html
    assert inspect("candidates", bavaria) not in html
    html = team_client.get(url, {"bundesland": "BY"}).content.decode()
    assert inspect("candidates", bavaria) in html
    assert inspect("candidates", hesse) not in html
    html = team_client.get(url, {"mobility": "nationwide"}).content.decode()
    assert inspect("candidates", bavaria) in html
    assert inspect("candidates", hesse) not in html
    html = team_client.get(url, {"ordering": "available_from"})
    assert html.status_code == 200


def test_municipality_requests_filter_by_status_and_search(team_client, db):
    def make(name, status):
        return MunicipalityRequest.objects.create(
            municipality_name=name,
            bundesland="HE",
            contact_name="Amt",
            email="amt@example.org",
            challenge="Fachkräfte fehlen.",
            status=status,
            consent=consent(),
        )

    new = make("Eschwege", "new")
    reviewed = make("Kalletal", "in_review")
    url = reverse("backoffice_requests:index")
    html = team_client.get(url, {"status": "in_review"}).content.decode()
    assert inspect("requests", reviewed) in html
    assert inspect("requests", new) not in html
    html = team_client.get(url, {"q": "Eschwege"}).content.decode()
    assert inspect("requests", new) in html
    assert inspect("requests", reviewed) not in html
    csv = team_client.get(url, {"export": "csv", "status": "new"})
    body = b"".join(csv.streaming_content).decode()
    assert "Eschwege" in body
    assert "Kalletal" not in body


def test_team_changes_a_requests_status_in_the_edit_form(team_client, db):
    request = MunicipalityRequest.objects.create(
        municipality_name="Eschwege",
        bundesland="HE",
        contact_name="Amt",
        email="amt@example.org",
        challenge="x",
        consent=consent(),
    )
    team_client.post(reverse("backoffice_requests:edit", args=[request.pk]), {"status": "sketch"})
    request.refresh_from_db()
    assert request.status == "sketch"


def test_company_offers_search_and_contact_requests_filter(team_client, db):
    offer = CompanyOffer.objects.create(
        company_name="Beispiel AG",
        contact_name="HR",
        email="hr@example.org",
        staff_count=3,
        consent=consent(),
    )
    other = CompanyOffer.objects.create(
        company_name="Andere GmbH",
        contact_name="HR",
        email="hr@andere.example",
        staff_count=1,
        consent=consent(),
    )
    html = team_client.get(reverse("backoffice_offers:index"), {"q": "Beispiel"}).content.decode()
    assert inspect("offers", offer) in html
    assert inspect("offers", other) not in html

    def contact(kind):
        return ContactRequest.objects.create(
            kind=kind,
            name="Name",
            email="a@example.org",
            message="Hallo",
            privacy_version="2026-01",
            consent_given_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        )

    funder, general = contact("funder"), contact("general")
    html = team_client.get(
        reverse("backoffice_contacts:index"), {"kind": "funder"}
    ).content.decode()
    assert inspect("contacts", funder) in html
    assert inspect("contacts", general) not in html
