"""The form pages: talent pool, municipality request, company offer, funder contact."""

import pytest
from django.core import mail

from intake.models import (
    Application,
    Candidate,
    CompanyOffer,
    ConsentRecord,
    ContactRequest,
    FormKind,
    MunicipalityRequest,
)
from tests.forms.conftest import application_data, started
from tests.markup import parse

pytestmark = pytest.mark.django_db


def municipality_data(**overrides):
    data = {
        "municipality_name": "Gemeinde Kalletal",
        "bundesland": "NW",
        "contact_name": "Mira Muster",
        "contact_role": "Bürgermeisterin",
        "email": "mira@kalletal.example",
        "challenge": "Neu Zugezogene finden schwer den Weg zu Ämtern und Vereinen.",
        "duration_months": "12",
        "privacy_consent": "on",
        "form_started": started(kind=FormKind.MUNICIPALITY),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def company_data(comps, **overrides):
    data = {
        "company_name": "Beispiel GmbH",
        "contact_name": "Karl Kontakt",
        "email": "karl@beispiel.example",
        "staff_count": "3",
        "competencies": [str(comps[0].pk), str(comps[2].pk)],
        "privacy_consent": "on",
        "form_started": started(kind=FormKind.COMPANY),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def funder_data(**overrides):
    data = {
        "name": "Fiona Förder",
        "organisation": "Stiftung Beispiel",
        "email": "fiona@stiftung.example",
        "message": "Wir würden gern zwei Projekte in Thüringen fördern.",
        "privacy_consent": "on",
        "form_started": started(kind=FormKind.FUNDER),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def thanks_url(page):
    return f"{page.url}danke/"


def test_every_form_page_renders_in_both_languages(client, form_pages):
    for key, page in form_pages.items():
        response = client.get(page.url)
        assert response.status_code == 200, key
        assert "Eine Einleitung." in response.content.decode()


def test_talent_pool_application_has_no_project_and_joins_the_pool(
    client, submit, form_pages, competencies
):
    page = form_pages[FormKind.TALENT_POOL]
    form_html = client.get(page.url).content.decode()
    assert 'name="talent_pool"' not in form_html
    assert "12 Monate im Talentpool" in form_html

    response = submit(page.url, application_data(competencies))

    assert response["Location"] == thanks_url(page)
    application = Application.objects.get()
    assert application.project is None
    assert application.candidate.talent_pool_until is not None
    assert ConsentRecord.objects.get().purpose == "talent_pool"
    assert {tuple(m.to) for m in mail.outbox} == {
        ("ada@example.org",),
        ("team@lokalprojekte.example",),
    }
    assert "Initiativbewerbung" in next(m for m in mail.outbox if m.to == ["ada@example.org"]).body
    assert "Danke talentpool!" in client.get(response["Location"]).content.decode()


def test_municipality_request_is_saved_with_consent_and_mails(submit, form_pages, settings):
    page = form_pages[FormKind.MUNICIPALITY]

    response = submit(page.url, municipality_data())

    assert response["Location"] == thanks_url(page)
    request = MunicipalityRequest.objects.get()
    assert request.municipality_name == "Gemeinde Kalletal"
    assert request.duration_months == 12
    assert request.consent.purpose == "municipality_request"
    assert request.consent.privacy_version == settings.PRIVACY_VERSION
    team = next(m for m in mail.outbox if m.to == ["team@lokalprojekte.example"])
    assert "Gemeinde Kalletal" in team.subject
    assert "Neu Zugezogene" in team.body
    assert any(m.to == ["mira@kalletal.example"] for m in mail.outbox)


def test_company_offer_keeps_the_chosen_competencies(submit, form_pages, competencies):
    page = form_pages[FormKind.COMPANY]

    submit(page.url, company_data(competencies))

    offer = CompanyOffer.objects.get()
    assert offer.staff_count == 3
    assert set(offer.competencies.all()) == {competencies[0], competencies[2]}
    assert offer.consent.purpose == "company_offer"
    assert len(mail.outbox) == 2


def test_funder_contact_is_a_contact_request_of_kind_funder(submit, form_pages, settings):
    page = form_pages[FormKind.FUNDER]

    submit(page.url, funder_data())

    contact = ContactRequest.objects.get()
    assert contact.kind == ContactRequest.Kind.FUNDER
    assert contact.privacy_version == settings.PRIVACY_VERSION
    consent = ConsentRecord.objects.get()
    assert consent.purpose == "funder_contact"
    assert contact.consent_given_at == consent.given_at
    assert len(mail.outbox) == 2


def test_english_submission_is_recorded_in_english(submit, form_pages):
    page = form_pages[f"{FormKind.FUNDER}_en"]

    submit(page.url, funder_data())

    assert ContactRequest.objects.get().language == "en"
    assert ConsentRecord.objects.get().language == "en"
    confirmation = next(m for m in mail.outbox if m.to == ["fiona@stiftung.example"])
    assert "Thank you" in confirmation.body


@pytest.mark.parametrize(
    ("kind", "make_data", "field", "german", "english"),
    [
        (
            FormKind.MUNICIPALITY,
            lambda c: municipality_data(challenge=""),
            "challenge",
            "Bitte beschreiben Sie die Herausforderung.",
            "Please describe the challenge.",
        ),
        (
            FormKind.MUNICIPALITY,
            lambda c: municipality_data(duration_months="36"),
            "duration_months",
            "Bitte wählen Sie eine Dauer zwischen 6 und 18 Monaten.",
            "Please choose a duration between 6 and 18 months.",
        ),
        (
            FormKind.COMPANY,
            lambda c: company_data(c, staff_count="0"),
            "staff_count",
            "Bitte geben Sie eine Anzahl zwischen 1 und 100 an.",
            "Please enter a number between 1 and 100.",
        ),
        (
            FormKind.COMPANY,
            lambda c: company_data(c, competencies=["abc"]),
            "competencies",
            "Bitte wählen Sie Kompetenzen aus der Liste.",
            "Please choose competencies from the list.",
        ),
        (
            FormKind.FUNDER,
            lambda c: funder_data(email="fiona"),
            "email",
            "Bitte geben Sie eine gültige E-Mail-Adresse an",
            "Please enter a valid email address",
        ),
        (
            FormKind.FUNDER,
            lambda c: funder_data(privacy_consent=None),
            "privacy_consent",
            "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.",
            "Please agree to the processing of your details.",
        ),
    ],
)
def test_bad_input_in_both_languages(
    client, form_pages, competencies, kind, make_data, field, german, english
):
    for page, message in [(form_pages[kind], german), (form_pages[f"{kind}_en"], english)]:
        response = client.post(page.url, make_data(competencies))

        assert response.status_code == 200
        summary = parse(response).select_one("#error-summary")
        assert summary.select(f'a[href="#id_{field}"]')
        assert message in summary.text
    assert not MunicipalityRequest.objects.exists()
    assert not CompanyOffer.objects.exists()
    assert not ContactRequest.objects.exists()
    assert not ConsentRecord.objects.exists()
    assert not Candidate.objects.exists()
    assert mail.outbox == []
