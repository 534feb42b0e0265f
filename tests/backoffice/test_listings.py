"""Filters, search and ordering of the other back-office listings."""

from django.urls import reverse

from intake.models import ContactRequest, RequestStatus
from tests import factories


def inspect(name, obj):
    return reverse(f"backoffice_{name}:inspect", args=[obj.pk])


def test_candidates_filter_by_competency_state_and_mobility(team_client, locales):
    digital = factories.CompetencyFactory(name="Digitalisierung")
    hesse = factories.CandidateFactory(competencies={digital: 2}, bundesland="HE")
    bavaria = factories.CandidateFactory(bundesland="BY", mobility="nationwide")
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
    new = factories.MunicipalityRequestFactory(municipality_name="Eschwege")
    reviewed = factories.MunicipalityRequestFactory(
        municipality_name="Kalletal", status=RequestStatus.IN_REVIEW
    )
    assert new.status == RequestStatus.NEW
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
    request = factories.MunicipalityRequestFactory(municipality_name="Eschwege")
    team_client.post(reverse("backoffice_requests:edit", args=[request.pk]), {"status": "sketch"})
    request.refresh_from_db()
    assert request.status == "sketch"


def test_company_offers_search_and_contact_requests_filter(team_client, db):
    offer = factories.CompanyOfferFactory(company_name="Beispiel AG", staff_count=3)
    other = factories.CompanyOfferFactory(company_name="Andere GmbH")
    html = team_client.get(reverse("backoffice_offers:index"), {"q": "Beispiel"}).content.decode()
    assert inspect("offers", offer) in html
    assert inspect("offers", other) not in html

    funder = factories.ContactRequestFactory(kind=ContactRequest.Kind.FUNDER)
    general = factories.ContactRequestFactory(kind=ContactRequest.Kind.GENERAL)
    html = team_client.get(
        reverse("backoffice_contacts:index"), {"kind": "funder"}
    ).content.decode()
    assert inspect("contacts", funder) in html
    assert inspect("contacts", general) not in html
