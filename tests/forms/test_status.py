"""The applicant's private status page and withdrawing an application."""

import datetime

import pytest
from django.core import mail

from intake.models import Application, ApplicationStatusChange, OutgoingMail, PipelineStatus
from intake.tasks import deliver, pending_mail_ids
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
    # Withdrawing is there, but it is not the page's primary action.
    assert "button--secondary" in withdraw.classes
    [primary] = [b for b in page.select("main .button") if "button--secondary" not in b.classes]
    assert primary.text == "Weitere offene Projekte ansehen"
    assert primary.get("href") == "/de/projekte/?status=open"

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


def timeline(response):
    """The status page's stages as (name, state text, is current) in their order."""
    return [
        (
            step.select_one(".timeline__name").text,
            step.select_one(".timeline__state").text,
            step.get("aria-current") == "step",
        )
        for step in parse(response).select("ol.timeline > li")
    ]


def test_status_page_shows_the_stages_with_the_current_one(client, application):
    application.transition_to(PipelineStatus.SCREENING)
    application.transition_to(PipelineStatus.SHORTLISTED)
    # Shortlisted late in the evening (UTC): in Berlin it is already the next day.
    ApplicationStatusChange.objects.filter(to_status="shortlisted").update(
        changed_at=datetime.datetime(2027, 3, 1, 23, 30, tzinfo=datetime.UTC)
    )

    response = client.get(status_url(application))

    stages = timeline(response)
    assert [name for name, _state, _current in stages] == [
        "Eingegangen",
        "In Sichtung",
        "Engere Wahl",
        "Gespräch",
        "Vermittelt",
    ]
    assert [current for _name, _state, current in stages] == [False, False, True, False, False]
    assert stages[0][1].startswith("erledigt, ")
    assert stages[2][1] == "aktueller Schritt, seit 2. März 2027"
    assert [state for _name, state, _current in stages[3:]] == ["noch offen", "noch offen"]
    assert 'datetime="2027-03-02T00:30:00+01:00"' in response.content.decode()


def test_internal_step_keeps_the_applicant_at_their_stage(client, application):
    for status in ("screening", "shortlisted", "interview", "proposed"):
        application.transition_to(status)

    stages = timeline(client.get(status_url(application)))

    assert [name for name, _state, current in stages if current] == ["Gespräch"]


def test_declined_application_ends_the_timeline_with_its_date(client, application):
    application.transition_to(PipelineStatus.SCREENING)
    application.transition_to(PipelineStatus.DECLINED)
    ApplicationStatusChange.objects.filter(to_status="declined").update(
        changed_at=datetime.datetime(2027, 4, 10, 9, 0, tzinfo=datetime.UTC)
    )

    stages = timeline(client.get(status_url(application)))

    assert stages == [
        ("Eingegangen", stages[0][1], False),
        ("In Sichtung", stages[1][1], False),
        ("Abgesagt", "abgeschlossen, 10. April 2027", True),
    ]


def test_english_timeline(client, application):
    application.transition_to(PipelineStatus.SCREENING)

    stages = timeline(client.get(status_url(application, "en")))

    assert [(name, current) for name, _state, current in stages] == [
        ("Received", False),
        ("In screening", True),
        ("Shortlisted", False),
        ("Conversation", False),
        ("Matched", False),
    ]


def test_withdrawing_is_confirmed_by_mail(client, application):
    mail.outbox.clear()  # the confirmation of the application itself

    client.post(f"{status_url(application)}zurueckziehen/")
    assert OutgoingMail.objects.filter(kind="status_update", status="withdrawn").exists()
    for mail_id in pending_mail_ids():
        deliver(mail_id)

    [message] = mail.outbox
    assert message.to == ["ada@example.org"]
    assert message.subject == "Bestätigung: Ihre Bewerbung für „Kompass Kalletal“ ist zurückgezogen"
    assert status_url(application) in message.body


def test_withdrawing_works_from_a_browser_that_hides_the_origin(application):
    """The status pages send no referrer, so browsers post with "Origin: null"; the CSRF token
    is what counts, and without it the post is refused."""
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    withdraw = f"/de/bewerbung/{application.access_token}/zurueckziehen/"
    page = parse(browser.get(withdraw).content)
    token = page.select_one("input[name=csrfmiddlewaretoken]").get("value")

    refused = browser.post(withdraw, {}, HTTP_ORIGIN="null")
    assert refused.status_code == 403
    accepted = browser.post(withdraw, {"csrfmiddlewaretoken": token}, HTTP_ORIGIN="null")
    assert accepted.status_code == 302
    application.refresh_from_db()
    assert application.status == PipelineStatus.WITHDRAWN
