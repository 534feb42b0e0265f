"""The signed start token is good for one accepted submission, not for a stream of them."""

import pytest
from django.core import mail

from intake.models import FormKind, MunicipalityRequest
from tests.forms.test_other_forms import municipality_data
from tests.markup import parse

pytestmark = pytest.mark.django_db

USED = "Dieses Formular haben Sie bereits abgeschickt"
USED_EN = "You have already sent this form"


def token_in(response):
    return parse(response.content.decode()).select_one("input[name=form_started]").get("value")


def test_a_replayed_token_is_refused_and_the_form_comes_back_filled_in(client, submit, form_pages):
    page = form_pages[FormKind.MUNICIPALITY]
    data = municipality_data()

    assert submit(page.url, data).status_code == 302
    mail.outbox.clear()
    replay = submit(page.url, data)

    assert replay.status_code == 200
    html = replay.content.decode()
    assert USED in html
    assert 'value="Gemeinde Kalletal"' in html
    assert MunicipalityRequest.objects.count() == 1
    assert mail.outbox == []

    # Sent again on purpose from the form shown again: it has a fresh token and goes through.
    again = submit(page.url, municipality_data(form_started=token_in(replay)))
    assert again.status_code == 302
    assert MunicipalityRequest.objects.count() == 2


def test_replay_message_in_english(client, submit, form_pages):
    page = form_pages[f"{FormKind.MUNICIPALITY}_en"]
    data = municipality_data()
    submit(page.url, data)

    assert USED_EN in submit(page.url, data).content.decode()
    assert MunicipalityRequest.objects.count() == 1


def test_a_form_shown_again_after_a_mistake_keeps_working_once(client, submit, form_pages):
    page = form_pages[FormKind.MUNICIPALITY]
    first = client.post(page.url, municipality_data(challenge=""))
    assert first.status_code == 200
    # Shown again a second time: still the same one-use token, nothing was accepted.
    second = client.post(page.url, municipality_data(challenge="", form_started=token_in(first)))
    token = token_in(second)

    accepted = submit(page.url, municipality_data(form_started=token))
    replayed = submit(page.url, municipality_data(form_started=token))

    assert accepted.status_code == 302
    assert replayed.status_code == 200
    assert USED in replayed.content.decode()
    assert MunicipalityRequest.objects.count() == 1
