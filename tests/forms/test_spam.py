"""Spam defence: honeypot, minimum fill time, per-address rate limit."""

import pytest
from django.core import mail

from intake.models import Candidate, ConsentRecord, FormKind, MunicipalityRequest
from intake.spam import seconds_since_started
from tests.forms.conftest import application_data, started
from tests.forms.test_other_forms import municipality_data
from tests.markup import parse

pytestmark = pytest.mark.django_db


def test_filled_honeypot_looks_like_success_but_stores_nothing(submit, open_project, competencies):
    response = submit(
        f"{open_project.url}bewerben/", application_data(competencies, website="http://spam")
    )

    assert response.status_code == 302
    assert response["Location"].endswith("/bewerben/danke/")
    assert not Candidate.objects.exists()
    assert not ConsentRecord.objects.exists()
    assert mail.outbox == []


def test_bot_speed_looks_like_success_but_stores_nothing(client, open_project, competencies):
    data = application_data(competencies, form_started=started(seconds_ago=0))

    response = client.post(f"{open_project.url}bewerben/", data, follow=True)

    assert response.redirect_chain[-1][0].endswith("/bewerben/danke/")
    assert "Das ging sehr schnell" not in response.content.decode()
    assert not Candidate.objects.exists()
    assert mail.outbox == []


def test_pressing_send_at_once_shows_the_field_errors(client, open_project, competencies):
    """A person who presses the button before filling anything in is told what is missing,
    not thanked for a submission that was never kept."""
    data = {"form_started": started(seconds_ago=0), "first_name": "Kim"}

    response = client.post(f"{open_project.url}bewerben/", data)

    assert response.status_code == 200
    html = parse(response.content.decode())
    assert html.select_one("#error-summary") is not None
    assert html.select_one("input[name=first_name]").get("value") == "Kim"
    assert "Das ging sehr schnell" not in response.content.decode()
    assert not Candidate.objects.exists()


def test_a_few_seconds_are_enough_for_a_person(submit, open_project, competencies, settings):
    data = application_data(
        competencies, form_started=started(seconds_ago=settings.FORM_MIN_FILL_SECONDS + 1)
    )

    assert submit(f"{open_project.url}bewerben/", data).status_code == 302
    assert Candidate.objects.count() == 1


def test_fixing_one_mistake_quickly_is_not_too_fast(client, submit, open_project, competencies):
    """The form shown again keeps its first start time: ticking the forgotten box and sending
    it again at once is accepted."""
    first = client.post(
        f"{open_project.url}bewerben/", application_data(competencies, privacy_consent=None)
    )
    assert first.status_code == 200
    token = parse(first.content.decode()).select_one("input[name=form_started]").get("value")

    data = application_data(competencies, form_started=token)
    again = submit(f"{open_project.url}bewerben/", data)

    assert again.status_code == 302
    assert Candidate.objects.count() == 1


def test_missing_or_forged_token_is_refused(client, open_project, competencies):
    for token in [None, "forged", started(kind=FormKind.FUNDER)]:
        data = application_data(competencies, form_started=token)
        html = client.post(f"{open_project.url}bewerben/", data).content.decode()
        assert "Das Formular war zu lange geöffnet" in html
    assert not Candidate.objects.exists()


def test_a_form_sent_again_after_a_day_gets_a_fresh_token(client, form_pages):
    page = form_pages[FormKind.MUNICIPALITY]
    stale = started(seconds_ago=60 * 60 * 25, kind=FormKind.MUNICIPALITY)

    response = client.post(page.url, municipality_data(form_started=stale))

    assert "Das Formular war zu lange geöffnet" in response.content.decode()
    fresh = parse(response.content.decode()).select_one("input[name=form_started]").get("value")
    # The clock starts anew, so sending it again works.
    assert 0 <= seconds_since_started(fresh, FormKind.MUNICIPALITY) < 5


def test_sixth_submission_within_ten_minutes_gets_429(client, form_pages, settings):
    page = form_pages[FormKind.MUNICIPALITY]
    limit = settings.FORM_RATE_LIMIT["submissions"]
    for _ in range(limit):
        assert client.post(page.url, municipality_data()).status_code == 302

    response = client.post(page.url, municipality_data())

    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    html = response.content.decode()
    assert "Bitte versuchen Sie es in etwa zehn Minuten noch einmal." in html
    # Nothing typed is lost: the refused form comes back filled in.
    assert 'value="Gemeinde Kalletal"' in html
    assert MunicipalityRequest.objects.count() == limit


def test_failed_attempts_do_not_count_towards_the_limit(client, form_pages, settings):
    page = form_pages[FormKind.MUNICIPALITY]
    for _ in range(settings.FORM_RATE_LIMIT["submissions"] + 2):
        invalid = client.post(page.url, municipality_data(challenge=""))
        assert invalid.status_code == 200

    accepted = client.post(page.url, municipality_data())

    assert accepted.status_code == 302
    assert MunicipalityRequest.objects.count() == 1


def test_rate_limit_counts_per_address_and_per_form(client, form_pages, settings):
    page = form_pages[FormKind.MUNICIPALITY]
    for _ in range(settings.FORM_RATE_LIMIT["submissions"] + 1):
        client.post(page.url, municipality_data())

    other_address = client.post(page.url, municipality_data(), REMOTE_ADDR="198.51.100.7")
    other_form = client.get(form_pages[FormKind.FUNDER].url)

    assert other_address.status_code == 302
    assert other_form.status_code == 200


def test_behind_a_proxy_the_limit_counts_per_visitor_not_per_proxy(client, form_pages, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    page = form_pages[FormKind.MUNICIPALITY]
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(settings.FORM_RATE_LIMIT["submissions"] + 1):
        client.post(page.url, municipality_data(), HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)

    another_visitor = client.post(
        page.url, municipality_data(), HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy
    )
    # A made-up entry in front of the proxy's own does not make the sender someone else.
    forged = client.post(
        page.url, municipality_data(), HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.5", **proxy
    )

    assert another_visitor.status_code == 302
    assert forged.status_code == 429


def test_reading_the_form_does_not_count(client, form_pages, settings):
    page = form_pages[FormKind.MUNICIPALITY]
    for _ in range(settings.FORM_RATE_LIMIT["submissions"] * 2):
        assert client.get(page.url).status_code == 200

    assert client.post(page.url, municipality_data()).status_code == 302
