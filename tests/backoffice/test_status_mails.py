"""The applicant hears about the steps that concern them.

The team moves an application in the admin; the mail waits in the outbox, written with the
status change, and goes out in the applicant's language when the outbox is delivered.
"""

import pytest
from django.core import mail
from django.urls import reverse

from intake.models import OutgoingMail, PipelineStatus
from intake.tasks import deliver, pending_mail_ids
from tests import factories

TEAM_ADDRESS = "team@lokalprojekte.example"


@pytest.fixture(autouse=True)
def _team_address(settings):
    settings.MATCHING_TEAM_EMAIL = TEAM_ADDRESS


def move(team_client, application, status):
    """Press the status button on the application's page in the admin."""
    response = team_client.post(
        reverse("backoffice_transition", args=[application.pk]), {"status": status}, follow=True
    )
    assert response.status_code == 200
    return response.content.decode()


def deliver_outbox():
    """What the task and ``send_pending_mail`` do: send every pending mail once."""
    for mail_id in pending_mail_ids():
        deliver(mail_id)


def status_mails(application):
    return OutgoingMail.objects.filter(
        kind=OutgoingMail.Kind.STATUS_UPDATE, object_id=application.pk
    )


def test_shortlisting_queues_a_german_mail_with_the_status_link(team_client, project):
    application = factories.ApplicationFactory(project=project, status=PipelineStatus.SCREENING)

    html = move(team_client, application, "shortlisted")

    assert "Die Bewerber:in bekommt dazu eine E-Mail." in html
    queued = status_mails(application).get()
    assert (queued.status, queued.sent_at) == ("shortlisted", None)
    assert mail.outbox == []  # written with the change, sent by the outbox

    deliver_outbox()

    [message] = mail.outbox
    assert message.to == [application.candidate.email]
    assert message.reply_to == [TEAM_ADDRESS]
    assert message.subject == "Sie sind in der engeren Wahl: „E-Akte Eschwege“"
    assert "Hallo Erika Mustermann," in message.body
    assert "Wie es weitergeht: Wir melden uns in den nächsten zwei Wochen" in message.body
    assert f"http://testserver/de/bewerbung/{application.access_token}/" in message.body
    queued.refresh_from_db()
    assert queued.sent_at is not None


def test_english_applicant_is_told_in_english_with_the_english_link(
    team_client, project, site_tree, locales
):
    factories.publish_translation(site_tree.projects, locales.en, slug="projects")
    factories.publish_translation(
        project, locales.en, slug="e-files", title="Electronic files in Eschwege"
    )
    application = factories.ApplicationFactory(
        project=project, status=PipelineStatus.SCREENING, language="en"
    )

    move(team_client, application, "shortlisted")
    move(team_client, application, "interview")
    deliver_outbox()

    assert [message.subject for message in mail.outbox] == [
        "You are on the shortlist: “Electronic files in Eschwege”",
        "Invitation to a conversation: “Electronic files in Eschwege”",
    ]
    invitation = mail.outbox[1].body
    assert "Hello Erika Mustermann," in invitation
    assert "we will send you some suggested dates" in invitation
    assert f"http://testserver/en/application/{application.access_token}/" in invitation
    assert "Bewerbung" not in invitation


def test_internal_steps_send_nothing(team_client, project):
    application = factories.ApplicationFactory(project=project)

    html = move(team_client, application, "screening")
    assert "bekommt dazu eine E-Mail" not in html
    move(team_client, application, "shortlisted")
    html = move(team_client, application, "proposed")
    assert "bekommt dazu eine E-Mail" not in html
    deliver_outbox()

    application.refresh_from_db()
    assert application.status == PipelineStatus.PROPOSED
    assert [message.subject for message in mail.outbox] == [
        "Sie sind in der engeren Wahl: „E-Akte Eschwege“"
    ]


def test_the_same_status_twice_is_told_once(team_client, project):
    application = factories.ApplicationFactory(project=project, status=PipelineStatus.SCREENING)

    move(team_client, application, "shortlisted")
    move(team_client, application, "screening")
    html = move(team_client, application, "shortlisted")
    deliver_outbox()

    assert "bekommt dazu eine E-Mail" not in html
    assert application.history.filter(to_status="shortlisted").count() == 2
    assert len(mail.outbox) == 1


def test_each_mail_tells_its_own_step_even_if_sent_later(team_client, project):
    """The mail server was down while the team shortlisted, invited and accepted."""
    application = factories.ApplicationFactory(project=project, status=PipelineStatus.SCREENING)

    for status in ("shortlisted", "interview", "accepted"):
        move(team_client, application, status)
    deliver_outbox()

    assert [message.subject for message in mail.outbox] == [
        "Sie sind in der engeren Wahl: „E-Akte Eschwege“",
        "Einladung zum Gespräch: „E-Akte Eschwege“",
        "Zusage für das Projekt „E-Akte Eschwege“",
    ]
    assert "herzlichen Glückwunsch!" in mail.outbox[2].body
    assert "Pat:in" in mail.outbox[2].body


def test_a_declined_applicant_hears_it_and_is_offered_the_talent_pool(team_client, project):
    application = factories.ApplicationFactory(project=project, status=PipelineStatus.SCREENING)

    move(team_client, application, "declined")
    deliver_outbox()

    [message] = mail.outbox
    assert message.subject == "Ihre Bewerbung für „E-Akte Eschwege“: leider keine Zusage"
    assert "mit einem Klick in unseren Talentpool wechseln" in message.body
    assert "12 Monate lang" in message.body
    assert f"/de/bewerbung/{application.access_token}/" in message.body


def test_bulk_decline_tells_each_applicant_once(team_client, project):
    first, second = (
        factories.ApplicationFactory(project=project, status=PipelineStatus.SCREENING)
        for _ in range(2)
    )

    team_client.post(
        reverse("backoffice_bulk_status"),
        {"status": "declined", "applications": [first.pk, second.pk]},
    )
    deliver_outbox()

    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [first.candidate.email, second.candidate.email]
    )


def test_mail_to_a_person_anonymised_meanwhile_is_dropped(team_client, project):
    from backoffice.privacy import anonymise_candidate

    application = factories.ApplicationFactory(project=project, status=PipelineStatus.SCREENING)
    move(team_client, application, "declined")

    anonymise_candidate(application.candidate)
    deliver_outbox()

    assert mail.outbox == []
    assert pending_mail_ids() == []


def test_the_application_page_names_the_steps_that_mail_the_applicant(team_client, project):
    application = factories.ApplicationFactory(project=project, status=PipelineStatus.SCREENING)

    html = team_client.get(
        reverse("backoffice_applications:inspect", args=[application.pk])
    ).content.decode()

    # From screening the team can shortlist (mailed) or decline (mailed); nothing else is named.
    hint = html.split("automatisch eine E-Mail:")[1].split("</p>")[0]
    assert "Engere Wahl" in hint and "Abgesagt" in hint
    assert "In Sichtung" not in hint
