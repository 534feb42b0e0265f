"""The applicant's private status page and withdrawing an application."""

import pytest

from intake.models import Application, ApplicationStatusChange, PipelineStatus
from tests import factories
from tests.forms.conftest import application_data
from tests.markup import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(submit, open_project, competencies):
    submit(f"{open_project.url}bewerben/", application_data(competencies))
    return Application.objects.get()


def status_url(application, language="de"):
    word = "bewerbung" if language == "de" else "application"
    return f"/{language}/{word}/{application.access_token}/"


def test_status_page_says_where_the_application_stands(client, application):
    response = client.get(status_url(application))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kompass Kalletal" in html
    assert "Eingegangen" in html
    assert "Ihre Bewerbung ist bei uns angekommen." in html
    assert response["X-Robots-Tag"].startswith("noindex")
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]


def test_status_page_in_english(client, application):
    response = client.get(status_url(application, "en"))

    assert response.status_code == 200
    assert "Your application" in response.content.decode()


def test_internal_notes_and_names_of_the_team_stay_hidden(client, application, django_user_model):
    reviewer = factories.UserFactory(username="prüferin")
    factories.ApplicationNoteFactory(
        application=application, author=reviewer, text="Sehr starke Kandidatin, Gehalt prüfen"
    )
    application.transition_to(PipelineStatus.SCREENING, user=reviewer, comment="intern: passt")

    html = client.get(status_url(application)).content.decode()

    assert "Wir lesen Ihre Bewerbung gerade" in html
    assert "Sehr starke Kandidatin" not in html
    assert "intern: passt" not in html
    assert "prüferin" not in html


def test_unknown_token_is_404(client, application):
    assert client.get("/de/bewerbung/unbekannt/").status_code == 404
    assert client.post("/de/bewerbung/unbekannt/zurueckziehen/").status_code == 404


def test_withdraw_asks_first_then_withdraws_and_records_it(client, application):
    page = parse(client.get(status_url(application)))
    withdraw_url = f"{status_url(application)}zurueckziehen/"
    withdraw = page.select_one('section[aria-labelledby="withdraw-heading"] a.button')
    assert withdraw.get("href") == withdraw_url

    confirm = client.get(withdraw_url)
    assert confirm.status_code == 200
    assert "Bewerbung wirklich zurückziehen?" in confirm.content.decode()
    assert confirm["Referrer-Policy"] == "no-referrer"
    application.refresh_from_db()
    assert application.status == PipelineStatus.RECEIVED  # asking changes nothing

    response = client.post(withdraw_url)

    assert response.status_code == 302
    assert response["Location"] == status_url(application)
    application.refresh_from_db()
    assert application.status == PipelineStatus.WITHDRAWN
    assert application.closed_at is not None
    change = ApplicationStatusChange.objects.get(application=application)
    assert (change.from_status, change.to_status) == ("received", "withdrawn")
    assert change.changed_by is None
    after = client.get(status_url(application)).content.decode()
    assert "Sie haben Ihre Bewerbung zurückgezogen." in after
    assert "zurueckziehen/" not in after


def test_withdraw_needs_csrf_token(application):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)

    response = strict.post(f"{status_url(application)}zurueckziehen/")

    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == PipelineStatus.RECEIVED


def test_closed_application_cannot_be_withdrawn(client, application):
    application.transition_to(PipelineStatus.DECLINED)

    page = client.get(status_url(application)).content.decode()
    response = client.post(f"{status_url(application)}zurueckziehen/", follow=True)

    assert "zurueckziehen/" not in page
    assert "Diesmal hat es leider nicht gepasst." in page
    application.refresh_from_db()
    assert application.status == PipelineStatus.DECLINED
    assert "kann nicht mehr zurückgezogen werden" in response.content.decode()


def test_english_withdraw_route(client, application):
    response = client.post(f"{status_url(application, 'en')}withdraw/")

    assert response["Location"] == status_url(application, "en")
    application.refresh_from_db()
    assert application.status == PipelineStatus.WITHDRAWN


def test_declined_applicant_can_choose_to_stay_in_the_talent_pool(client, application):
    application.transition_to(PipelineStatus.DECLINED)
    old_consent = application.candidate.consent
    page = client.get(status_url(application)).content.decode()
    join_url = f"{status_url(application)}talentpool/"
    assert parse(page).select(f'form[method=post][action="{join_url}"]')
    assert "12 Monate lang in unserem Talentpool" in page

    response = client.post(join_url, follow=True)

    candidate = application.candidate
    candidate.refresh_from_db()
    assert candidate.talent_pool_until is not None
    assert candidate.consent != old_consent
    assert candidate.consent.purpose == "talent_pool"
    html = response.content.decode()
    assert "Sie bleiben bis zum" in html
    assert join_url not in html  # offered only once


def test_talent_pool_offer_only_after_a_decline(client, application):
    join_url = f"{status_url(application)}talentpool/"

    assert join_url not in client.get(status_url(application)).content.decode()
    client.post(join_url)
    assert client.get(join_url).status_code == 405

    application.candidate.refresh_from_db()
    assert application.candidate.talent_pool_until is None
