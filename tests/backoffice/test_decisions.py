"""The municipality decides through its private link, and the project starts.

The team sends the link from the project's matching page; the decision-maker opens it
without an account, sees only the proposed candidates who agreed to be shown, and asks for
a conversation, declines with a reason, or chooses. Then the team records the Pat:in and the
period, and the project page runs.
"""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from backoffice import decisions
from intake.models import (
    Application,
    ApplicationNote,
    MunicipalityDecisionLink,
    OutgoingMail,
    PipelineStatus,
    Placement,
)
from intake.tasks import deliver, pending_mail_ids
from projects.models import ProjectPage, ProjectStatus
from tests import factories
from tests.markup import parse

TEAM_ADDRESS = "team@lokalprojekte.example"


@pytest.fixture(autouse=True)
def _team_address(settings):
    settings.MATCHING_TEAM_EMAIL = TEAM_ADDRESS


def deliver_outbox():
    for mail_id in pending_mail_ids():
        deliver(mail_id)


def proposed(project, consent=True, status=PipelineStatus.PROPOSED, **candidate):
    """An application in ``status``, with or without the consent to be shown."""
    application = factories.ApplicationFactory(
        project=project,
        candidate=factories.CandidateFactory(**candidate),
        status=status,
        motivation=f"Motivation von {candidate.get('first_name', 'Erika')}.",
    )
    if consent:
        application.municipality_consent_at = timezone.now()
        application.save(update_fields=["municipality_consent_at"])
    # The mails of the steps so far (shortlisted) are not what the tests look at.
    deliver_outbox()
    mail.outbox.clear()
    return application


def make_link(project, **changes):
    values = {
        "project": project,
        "recipient_name": "Bürgermeisterin Berta",
        "recipient_email": "berta@eschwege.example",
        "expires_at": timezone.now() + datetime.timedelta(days=30),
    }
    values.update(changes)
    return MunicipalityDecisionLink.objects.create(**values)


def page_url(link, language="de"):
    word = "entscheidung" if language == "de" else "decision"
    return f"/{language}/{word}/{link.token}/"


def decide_url(link, application):
    return reverse("decision:decide", kwargs={"token": link.token, "pk": application.pk})


def cv_url(link, application):
    return reverse("decision:cv", kwargs={"token": link.token, "pk": application.pk})


# The team sends the link


def test_team_sends_the_link_proposing_the_shortlisted_who_agreed(team_client, project):
    agreed = proposed(project, status=PipelineStatus.SHORTLISTED, first_name="Alma")
    refused = proposed(project, consent=False, status=PipelineStatus.SHORTLISTED, first_name="Ben")
    send = reverse("backoffice_send_decision_link", args=[project.pk])

    form = parse(team_client.get(send).content)
    # Only the person who agreed can be proposed; the other one is named as not shown.
    assert [box.parent.text for box in form.select("[name=propose]")] == [
        "Alma Mustermann (Engere Wahl)"
    ]
    assert "1 Person in der engeren Wahl hat der Weitergabe" in form.text

    response = team_client.post(
        send,
        {
            "recipient_name": "Bürgermeisterin Berta",
            "recipient_email": "berta@eschwege.example",
            "language": "de",
            "valid_days": "30",
            "propose": [agreed.pk],
        },
        follow=True,
    )

    assert "Der Entscheidungslink ist an berta@eschwege.example unterwegs" in (
        response.content.decode()
    )
    agreed.refresh_from_db()
    refused.refresh_from_db()
    assert agreed.status == PipelineStatus.PROPOSED
    assert refused.status == PipelineStatus.SHORTLISTED
    link = MunicipalityDecisionLink.objects.get()
    assert link.created_by.username == "matcherin"
    assert timezone.now() + datetime.timedelta(days=29) < link.expires_at

    deliver_outbox()
    [message] = [m for m in mail.outbox if m.to == ["berta@eschwege.example"]]
    assert message.subject == "Ihre Entscheidung: Kandidat:innen für das Projekt „E-Akte Eschwege“"
    assert message.reply_to == [TEAM_ADDRESS]
    assert f"http://testserver{page_url(link)}" in message.body
    # The applicant is not told about the internal step "proposed".
    assert [m for m in mail.outbox if m.to == [agreed.candidate.email]] == []


def test_sending_a_link_nobody_could_decide_on_is_refused(team_client, project):
    proposed(project, consent=False, status=PipelineStatus.SHORTLISTED)

    response = team_client.post(
        reverse("backoffice_send_decision_link", args=[project.pk]),
        {
            "recipient_name": "Berta",
            "recipient_email": "berta@eschwege.example",
            "language": "de",
            "valid_days": "30",
        },
    )

    assert response.status_code == 200
    assert "Die Kommune hätte niemanden zu entscheiden" in response.content.decode()
    assert not MunicipalityDecisionLink.objects.exists()


def test_the_link_form_is_for_the_team_only(client, users, project):
    client.force_login(users.editor)
    response = client.get(reverse("backoffice_send_decision_link", args=[project.pk]))
    assert response.status_code == 403


# What the municipality sees


def test_only_proposed_candidates_who_agreed_are_shown_with_their_fit(client, project):
    shown = proposed(project, first_name="Alma", city="Eschwege")
    proposed(project, consent=False, first_name="Ben")
    proposed(project, status=PipelineStatus.SHORTLISTED, first_name="Cleo")  # not proposed
    link = make_link(project)

    response = client.get(page_url(link))

    assert response.status_code == 200
    html = parse(response.content)
    names = [h.text for h in html.select("article h3")]
    assert names == ["Alma Mustermann"]
    article = html.select_one(f"#bewerbung-{shown.pk}")
    assert "Passung zum Projekt" in article.text
    assert "von 100 Punkten" in article.text
    assert "Motivation von Alma." in article.text
    # Contact data stays with the team.
    assert shown.candidate.email not in response.content.decode()
    assert shown.candidate.phone not in response.content.decode()


def test_private_page_headers_and_meta(client, project):
    proposed(project)
    response = client.get(page_url(make_link(project)))

    assert response["X-Robots-Tag"].startswith("noindex")
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]
    html = parse(response.content)
    assert html.select_one('meta[name="robots"]').get("content").startswith("noindex")
    assert html.select_one('meta[name="referrer"]').get("content") == "no-referrer"
    assert html.select('link[rel="alternate"]') == []


@pytest.mark.parametrize(
    ("change", "status", "heading"),
    [
        ({"expires_at": "past"}, 410, "Dieser Link ist abgelaufen"),
        ({"revoked_at": "now"}, 410, "Dieser Link gilt nicht mehr"),
    ],
)
def test_expired_or_revoked_link_gets_a_clear_page(client, project, change, status, heading):
    application = proposed(project, cv=True)
    values = {
        "expires_at": timezone.now() - datetime.timedelta(minutes=1),
        "revoked_at": timezone.now(),
    }
    link = make_link(project, **{key: values[key] for key in change})

    for url in (page_url(link), cv_url(link, application), decide_url(link, application)):
        response = client.get(url)
        assert response.status_code == status, url
        assert parse(response.content).select_one("h1").text == heading
        assert response["X-Robots-Tag"].startswith("noindex")
        assert response["Referrer-Policy"] == "no-referrer"
        assert "Alma" not in response.content.decode()
    response = client.post(decide_url(link, application), {"action": "choose"})
    assert response.status_code == status
    application.refresh_from_db()
    assert application.status == PipelineStatus.PROPOSED


def test_wrong_token_gets_a_friendly_404_in_both_languages(client, project):
    link = make_link(project)
    forged = f"{link.pk}.{'x' * 27}"

    german = client.get(f"/de/entscheidung/{forged}/")
    english = client.get(f"/en/decision/{link.pk}/")

    assert german.status_code == english.status_code == 404
    assert parse(german.content).select_one("h1").text == "Diesen Link kennen wir nicht"
    assert parse(english.content).select_one("h1").text == "We do not know this link"
    assert german["Referrer-Policy"] == "no-referrer"


def test_views_are_written_to_the_history_once_an_hour(client, project):
    application = proposed(project)
    link = make_link(project)

    client.get(page_url(link))
    client.get(page_url(link))  # a reload moments later

    [note] = ApplicationNote.objects.filter(application=application)
    assert note.decision_link == link
    assert "Bürgermeisterin Berta (Kommune) hat die Vorschläge" in note.text
    link.refresh_from_db()
    assert link.last_viewed_at is not None

    link.last_viewed_at = timezone.now() - datetime.timedelta(hours=2)
    link.save()
    client.get(page_url(link))
    assert ApplicationNote.objects.filter(application=application).count() == 2


# CV only through a valid token


def test_cv_is_streamed_only_for_a_candidate_on_the_link(client, project):
    shown = proposed(project, cv=True, first_name="Alma")
    hidden = proposed(project, consent=False, cv=True, first_name="Ben")
    link = make_link(project)

    response = client.get(cv_url(link, shown))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Referrer-Policy"] == "no-referrer"
    assert "Lebenslauf über den Entscheidungslink heruntergeladen" in (
        ApplicationNote.objects.filter(application=shown).last().text
    )
    assert client.get(cv_url(link, hidden)).status_code == 404
    other_project = factories.ProjectPageFactory(parent=project.get_parent())
    other_link = make_link(other_project)
    assert client.get(cv_url(other_link, shown)).status_code == 404
    # No public media address leads to the file.
    assert "/media/" not in client.get(page_url(link)).content.decode()


# Decisions


def test_asking_for_a_conversation(client, project):
    application = proposed(project)
    link = make_link(project)

    confirm = client.get(decide_url(link, application) + "?action=interview")
    assert confirm.status_code == 200
    heading = parse(confirm.content).select_one("h1").text
    assert heading == "Um ein Gespräch bitten: Erika Mustermann"

    response = client.post(
        decide_url(link, application),
        {"action": "interview", "message": "Gern am Dienstagvormittag."},
        follow=True,
    )

    assert "Wir vereinbaren das Gespräch mit Erika Mustermann" in response.content.decode()
    application.refresh_from_db()
    assert application.status == PipelineStatus.INTERVIEW
    change = application.history.last()
    assert (change.decision_link, change.changed_by, change.comment) == (
        link,
        None,
        "Gern am Dienstagvormittag.",
    )
    deliver_outbox()
    team = [m for m in mail.outbox if m.to == [TEAM_ADDRESS]]
    assert [m.subject for m in team] == [
        "Entscheidung der Kommune: Erika Mustermann – Gespräch gewünscht (E-Akte Eschwege)"
    ]
    assert team[0].reply_to == ["berta@eschwege.example"]
    assert "Gern am Dienstagvormittag." in team[0].body
    applicant = [m for m in mail.outbox if m.to == [application.candidate.email]]
    assert [m.subject for m in applicant] == ["Einladung zum Gespräch: „E-Akte Eschwege“"]


def test_declining_needs_a_reason_which_is_recorded_but_not_mailed(client, project):
    application = proposed(project)
    link = make_link(project)

    empty = client.post(decide_url(link, application), {"action": "decline", "message": " "})
    assert empty.status_code == 400
    assert "Bitte nennen Sie kurz den Grund für die Absage." in empty.content.decode()
    application.refresh_from_db()
    assert application.status == PipelineStatus.PROPOSED

    client.post(
        decide_url(link, application),
        {"action": "decline", "message": "Uns fehlt die Erfahrung mit Ratsarbeit."},
    )

    application.refresh_from_db()
    assert application.status == PipelineStatus.DECLINED
    change = application.history.last()
    assert change.comment == "Uns fehlt die Erfahrung mit Ratsarbeit."
    assert change.decision_link == link
    deliver_outbox()
    [to_applicant] = [m for m in mail.outbox if m.to == [application.candidate.email]]
    assert "leider keine Zusage" in to_applicant.subject
    assert "Ratsarbeit" not in to_applicant.body
    assert "Talentpool" in to_applicant.body
    [to_team] = [m for m in mail.outbox if m.to == [TEAM_ADDRESS]]
    assert "Begründung: Uns fehlt die Erfahrung mit Ratsarbeit." in to_team.body


def test_choosing_twice_is_refused(client, project):
    first = proposed(project, first_name="Alma")
    second = proposed(project, first_name="Ben")
    link = make_link(project)

    client.post(decide_url(link, first), {"action": "choose"})
    again = client.post(decide_url(link, first), {"action": "choose"}, follow=True)
    other = client.post(decide_url(link, second), {"action": "choose"}, follow=True)

    assert "Über diese Bewerbung ist bereits entschieden." in again.content.decode()
    assert "Für dieses Projekt ist bereits eine Person ausgewählt." in other.content.decode()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (PipelineStatus.ACCEPTED, PipelineStatus.PROPOSED)
    assert first.history.filter(to_status=PipelineStatus.ACCEPTED).count() == 1
    assert OutgoingMail.objects.filter(kind=OutgoingMail.Kind.DECISION_NOTICE).count() == 1
    # After the choice the page offers no more decisions.
    html = parse(client.get(page_url(link)).content)
    assert html.select(".decision__actions") == []
    assert "Sie haben Alma Mustermann ausgewählt." in html.text


def test_decide_refuses_a_second_choice_even_without_the_page(project):
    first = proposed(project, first_name="Alma")
    second = proposed(project, first_name="Ben")
    link = make_link(project)
    decisions.decide(link, first, decisions.CHOOSE)

    with pytest.raises(decisions.DecisionRefused):
        decisions.decide(link, second, decisions.CHOOSE)


def test_decisions_need_the_csrf_token(project):
    from django.test import Client

    application = proposed(project)
    link = make_link(project)
    response = Client(enforce_csrf_checks=True).post(
        decide_url(link, application), {"action": "choose"}
    )
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == PipelineStatus.PROPOSED


def test_a_browser_hiding_the_origin_may_decide_with_the_csrf_token(project):
    """The page sends no referrer, so browsers post with "Origin: null"; the token counts."""
    from django.test import Client

    application = proposed(project)
    link = make_link(project)
    browser = Client(enforce_csrf_checks=True)
    form = parse(browser.get(decide_url(link, application) + "?action=choose").content)
    token = form.select_one("input[name=csrfmiddlewaretoken]").get("value")

    response = browser.post(
        decide_url(link, application),
        {"action": "choose", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="null",
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == PipelineStatus.ACCEPTED


def test_revoked_link_no_longer_opens(team_client, client, project):
    proposed(project)
    link = make_link(project)

    team_client.post(reverse("backoffice_revoke_decision_link", args=[link.pk]))

    link.refresh_from_db()
    assert link.revoked_at is not None
    assert client.get(page_url(link)).status_code == 410
    ranking_url = reverse("backoffice_project_ranking", args=[project.pk])
    ranking = parse(team_client.get(ranking_url).content)
    assert ranking.select_one('[data-testid="link-state"]').text == ("zurückgezogen")


def test_mail_of_a_link_revoked_before_sending_is_dropped(project):
    link = make_link(project)
    OutgoingMail.queue(OutgoingMail.Kind.DECISION_LINK, link)
    decisions.revoke(link)

    deliver_outbox()

    assert mail.outbox == []


def test_english_decision_maker_gets_english_mail_and_page(client, project, site_tree, locales):
    factories.publish_translation(site_tree.projects, locales.en, slug="projects")
    factories.publish_translation(project, locales.en, slug="e-files", title="E-files Eschwege")
    proposed(project)
    link = make_link(project, language="en")
    OutgoingMail.queue(OutgoingMail.Kind.DECISION_LINK, link)

    deliver_outbox()

    [message] = mail.outbox
    assert message.subject == "Your decision: candidates for the project “E-files Eschwege”"
    url = re.search(r"http://testserver(/en/decision/\S+/)", message.body)[1]
    html = parse(client.get(url).content)
    assert html.select_one("h1").text == "Your decision"
    assert "Ask for a conversation with Erika Mustermann" in html.text


# The project starts


def test_placement_starts_the_project_and_declines_the_others(team_client, project, users):
    chosen = proposed(project, first_name="Alma")
    other = proposed(project, first_name="Ben")
    early = factories.ApplicationFactory(project=project, status=PipelineStatus.SCREENING)
    decisions.decide(make_link(project), chosen, decisions.CHOOSE)
    start = datetime.date.today() + datetime.timedelta(days=60)

    response = team_client.post(
        reverse("backoffice_placement", args=[chosen.pk]),
        {
            "sponsor_name": "Paula Pat",
            "sponsor_role": "Fachbereichsleitung Bürgerservice",
            "sponsor_office": "Rathaus Eschwege",
            "start_date": start.isoformat(),
            "end_date": (start + datetime.timedelta(days=365)).isoformat(),
            "decline_others": "on",
        },
        follow=True,
    )

    html = response.content.decode()
    assert "Die Projektseite steht jetzt auf „Läuft“" in html
    assert "2 weitere Bewerber:innen bekommen eine freundliche Absage." in html
    placement = Placement.objects.get()
    assert (placement.application, placement.sponsor_name) == (chosen, "Paula Pat")
    live = ProjectPage.objects.get(pk=project.pk)
    assert (live.status, live.start_date, live.duration_months) == (
        ProjectStatus.RUNNING,
        start,
        12,
    )
    assert not live.has_unpublished_changes
    assert live.live_revision.content["status"] == ProjectStatus.RUNNING
    for application in (other, early):
        application.refresh_from_db()
        assert application.status == PipelineStatus.DECLINED
    # The public page says "Läuft" and its start; the Pat:in's name stays in the back office.
    public = team_client.get(live.url).content.decode()
    assert "Läuft" in public
    assert "Paula Pat" not in public
    # The person's data export names the agreed period (not the Pat:in, someone else).
    from backoffice.privacy import export_person

    [exported] = export_person(chosen.candidate)["applications"]
    assert exported["placement"] == {
        "start_date": start.isoformat(),
        "end_date": (start + datetime.timedelta(days=365)).isoformat(),
    }
    # The Pat:in is shown to the team on the application.
    inspect = team_client.get(reverse("backoffice_applications:inspect", args=[chosen.pk]))
    assert "Paula Pat" in inspect.content.decode()


def test_placement_keeps_an_editors_draft_and_updates_the_translation(
    team_client, project, site_tree, locales
):
    factories.publish_translation(site_tree.projects, locales.en, slug="projects")
    english = factories.publish_translation(project, locales.en, slug="e-files", title="E-files")
    draft = ProjectPage.objects.get(pk=project.pk)
    draft.target_groups = "Neue Zielgruppe im Entwurf"
    draft.save_revision()
    chosen = proposed(project)
    decisions.decide(make_link(project), chosen, decisions.CHOOSE)
    start = datetime.date(2027, 5, 1)

    decisions.start_project(
        chosen,
        values={
            "sponsor_name": "Paula Pat",
            "sponsor_role": "Leitung",
            "sponsor_office": "Rathaus",
            "start_date": start,
            "end_date": datetime.date(2028, 4, 30),
        },
    )

    german = ProjectPage.objects.get(pk=project.pk)
    assert (german.status, german.start_date, german.target_groups) == (
        ProjectStatus.RUNNING,
        start,
        "Bürger:innen",  # the live content, without the editor's unpublished change
    )
    assert german.has_unpublished_changes
    kept = german.get_latest_revision_as_object()
    assert (kept.target_groups, kept.status) == ("Neue Zielgruppe im Entwurf", "running")
    english.refresh_from_db()
    assert (english.status, english.start_date) == (ProjectStatus.RUNNING, start)


def test_placement_refuses_an_impossible_period(team_client, project):
    chosen = proposed(project)
    decisions.decide(make_link(project), chosen, decisions.CHOOSE)

    response = team_client.post(
        reverse("backoffice_placement", args=[chosen.pk]),
        {
            "sponsor_name": "Paula Pat",
            "sponsor_role": "Leitung",
            "sponsor_office": "Rathaus",
            "start_date": "2027-05-01",
            "end_date": "2027-07-01",
        },
    )

    assert response.status_code == 200
    assert "zwischen 6 und 18 Monaten" in response.content.decode()
    assert not Placement.objects.exists()
    assert ProjectPage.objects.get(pk=project.pk).status == ProjectStatus.OPEN


def test_placement_only_for_an_accepted_application(team_client, project):
    application = proposed(project)
    response = team_client.get(reverse("backoffice_placement", args=[application.pk]))
    assert response.status_code == 302


def test_application_form_consent_is_off_by_default(project):
    from intake.forms import ApplicationForm

    form = ApplicationForm()
    assert form.fields["municipality_consent"].required is False
    assert form["municipality_consent"].value() in (None, False)
    assert "municipality_consent" not in ApplicationForm(for_talent_pool=True).fields
    assert Application._meta.get_field("municipality_consent_at").null


def test_team_records_a_consent_given_later(team_client, client, project):
    application = proposed(project, consent=False)
    link = make_link(project)
    assert "Erika" not in client.get(page_url(link)).content.decode()

    team_client.post(
        reverse("backoffice_municipality_consent", args=[application.pk]), {"consent": "yes"}
    )

    application.refresh_from_db()
    assert application.municipality_consent_at is not None
    assert application.notes.get().author.username == "matcherin"
    assert "Erika Mustermann" in client.get(page_url(link)).content.decode()

    team_client.post(
        reverse("backoffice_municipality_consent", args=[application.pk]), {"consent": "no"}
    )
    application.refresh_from_db()
    assert application.municipality_consent_at is None
