"""DSGVO: blind screening, CV download, export and deletion on request, anonymisation, purge."""

import datetime
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from intake.models import (
    Application,
    ApplicationStatusChange,
    Candidate,
    CandidateCompetency,
    ConsentRecord,
    PipelineStatus,
)
from tests import factories


def cv_path(candidate):
    return Path(settings.PRIVATE_MEDIA_ROOT) / candidate.cv.name


# Blind screening

IDENTIFYING = ["Erika", "Mustermann", "0170 1234567", "1980", "weiblich"]


@pytest.mark.parametrize("status", [PipelineStatus.RECEIVED, PipelineStatus.SCREENING])
def test_screening_hides_who_applied(team_client, project, status):
    application = factories.ApplicationFactory(
        candidate=factories.CandidateFactory(cv=True), project=project, status=status
    )
    pages = [
        reverse("backoffice_applications:index"),
        reverse("backoffice_applications:inspect", args=[application.pk]),
        reverse("backoffice_candidates:index"),
        reverse("backoffice_candidates:inspect", args=[application.candidate_id]),
        reverse("backoffice_project_ranking", args=[project.pk]),
        reverse("backoffice_bulk_status"),
    ]
    cv_name = Path(application.candidate.cv.name).name
    for url in pages:
        html = team_client.get(url).content.decode()
        for detail in [*IDENTIFYING, cv_name]:
            assert detail not in html, (url, detail)
        assert application.candidate.email not in html, url
        assert f"Kandidat:in #{application.candidate_id}" in html, url


@pytest.mark.parametrize(
    "status", [PipelineStatus.SHORTLISTED, PipelineStatus.PROPOSED, PipelineStatus.ACCEPTED]
)
def test_from_the_shortlist_on_the_person_is_shown(team_client, project, status):
    application = factories.ApplicationFactory(
        candidate=factories.CandidateFactory(cv=True), project=project, status=status
    )
    html = team_client.get(
        reverse("backoffice_applications:inspect", args=[application.pk])
    ).content.decode()
    cv_name = Path(application.candidate.cv.name).name
    for detail in ["Erika Mustermann", "0170 1234567", "1980", "weiblich", cv_name]:
        assert detail in html, detail


def test_shortlisting_in_the_admin_reveals_the_name(team_client, project):
    application = factories.ApplicationFactory(project=project, status=PipelineStatus.SCREENING)
    url = reverse("backoffice_applications:inspect", args=[application.pk])
    assert "Erika Mustermann" not in team_client.get(url).content.decode()
    team_client.post(
        reverse("backoffice_transition", args=[application.pk]), {"status": "shortlisted"}
    )
    assert "Erika Mustermann" in team_client.get(url).content.decode()
    # Back to screening: the team has seen the name already; it stays visible.
    team_client.post(
        reverse("backoffice_transition", args=[application.pk]), {"status": "screening"}
    )
    assert "Erika Mustermann" in team_client.get(url).content.decode()


# CV download


def test_team_downloads_the_cv_as_attachment_with_a_neutral_name(team_client, project):
    candidate = factories.CandidateFactory(cv=True)
    factories.ApplicationFactory(candidate=candidate, project=project)
    response = team_client.get(reverse("backoffice_cv_download", args=[candidate.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == factories.MINIMAL_PDF
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert f"lebenslauf-kandidatin-{candidate.pk}.pdf" in disposition
    assert "Mustermann" not in disposition
    assert response["Content-Type"] == "application/pdf"


def test_cv_has_no_public_url_and_lies_outside_media_root(client, project):
    candidate = factories.CandidateFactory(cv=True)
    path = cv_path(candidate)
    assert path.exists()
    assert Path(settings.MEDIA_ROOT) not in path.parents
    assert client.get(f"/media/{candidate.cv.name}").status_code == 404
    assert client.get(f"/private_media/{candidate.cv.name}").status_code == 404


def test_no_cv_gives_404(team_client):
    candidate = factories.CandidateFactory()
    assert (
        team_client.get(reverse("backoffice_cv_download", args=[candidate.pk])).status_code == 404
    )


# Export and deletion on request


def test_team_exports_one_persons_data_as_json(team_client, users, project):
    competency = factories.CompetencyFactory(name="Projektmanagement")
    candidate = factories.CandidateFactory(
        cv=True, competencies={competency: 3}, consent__privacy_version="2026-01"
    )
    application = factories.ApplicationFactory(
        candidate=candidate, project=project, status=PipelineStatus.SCREENING
    )
    factories.ApplicationNoteFactory(application=application, author=users.member, text="Gut")
    response = team_client.get(reverse("backoffice_candidate_export", args=[candidate.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["candidate"]["email"] == candidate.email
    assert data["candidate"]["last_name"] == "Mustermann"
    assert data["competencies"] == [{"competency": "Projektmanagement", "level": 3}]
    assert data["applications"][0]["motivation"] == "Ich möchte helfen."
    assert data["applications"][0]["history"][0]["to_status"] == "screening"
    assert data["applications"][0]["notes"][0]["text"] == "Gut"
    assert data["consent_records"][0]["privacy_version"] == "2026-01"


def test_deleting_a_person_asks_first_then_removes_everything_and_the_cv(
    team_client, project, django_capture_on_commit_callbacks
):
    candidate = factories.CandidateFactory(cv=True)
    factories.ApplicationFactory(
        candidate=candidate, project=project, status=PipelineStatus.SCREENING
    )
    other = factories.CandidateFactory(first_name="Bleibt")
    path = cv_path(candidate)
    url = reverse("backoffice_candidate_delete", args=[candidate.pk])
    confirm = team_client.get(url)
    assert "endgültig gelöscht" in confirm.content.decode()
    assert Candidate.objects.filter(pk=candidate.pk).exists()
    # Without the confirmation field nothing happens.
    team_client.post(url, {})
    assert Candidate.objects.filter(pk=candidate.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = team_client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    assert not Candidate.objects.filter(pk=candidate.pk).exists()
    assert not Application.objects.filter(candidate_id=candidate.pk).exists()
    assert not ApplicationStatusChange.objects.exists()
    assert not ConsentRecord.objects.filter(pk=candidate.consent_id).exists()
    assert not path.exists()
    assert Candidate.objects.filter(pk=other.pk).exists()


# Anonymisation


def test_anonymise_command_blanks_people_closed_longer_than_the_period(
    users, project, django_capture_on_commit_callbacks
):
    competency = factories.CompetencyFactory()
    old = factories.CandidateFactory(cv=True, competencies={competency: 2})
    old_app = factories.ApplicationFactory(
        candidate=old, project=project, status=PipelineStatus.DECLINED
    )
    factories.ApplicationNoteFactory(application=old_app, author=users.member, text="Zu teuer")
    Application.objects.filter(pk=old_app.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=200)
    )
    recent = factories.CandidateFactory(first_name="Frisch", cv=True)
    recent_app = factories.ApplicationFactory(
        candidate=recent, project=project, status=PipelineStatus.DECLINED
    )
    open_app = factories.ApplicationFactory(
        candidate=factories.CandidateFactory(first_name="Offen"), project=project
    )
    path = cv_path(old)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("anonymise_applications")

    old.refresh_from_db()
    old_app.refresh_from_db()
    assert old.anonymised_at is not None
    assert Candidate.objects.get(pk=recent.pk).anonymised_at is None
    assert old_app.anonymised_at is not None
    assert old_app.motivation == ""
    assert old_app.status == PipelineStatus.DECLINED  # statistics stay
    assert old_app.project_id == project.pk
    assert old_app.notes.get().text == ""
    assert (old.first_name, old.last_name, old.phone, old.year_of_birth, old.gender) == (
        "Anonymisiert",
        "",
        "",
        None,
        "",
    )
    assert "Mustermann" not in old.email
    assert not old.cv
    assert not path.exists()
    assert CandidateCompetency.objects.filter(candidate=old).count() == 1
    # Closed only recently, or still open: untouched.
    recent_app.refresh_from_db()
    assert recent_app.anonymised_at is None
    assert Candidate.objects.get(pk=recent.pk).first_name == "Frisch"
    assert cv_path(recent).exists()
    assert Application.objects.get(pk=open_app.pk).anonymised_at is None


def test_anonymise_days_option_and_talent_pool_consent(project, django_capture_on_commit_callbacks):
    stays = factories.CandidateFactory(
        first_name="Pool", talent_pool_until=timezone.localdate() + datetime.timedelta(days=90)
    )
    app = factories.ApplicationFactory(
        candidate=stays, project=project, status=PipelineStatus.DECLINED
    )
    Application.objects.filter(pk=app.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=40)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("anonymise_applications", days=60)
    assert Application.objects.get(pk=app.pk).anonymised_at is None
    with django_capture_on_commit_callbacks(execute=True):
        call_command("anonymise_applications", "--days", "30")
    assert Application.objects.get(pk=app.pk).anonymised_at is not None
    # The person agreed to stay in the talent pool: the application is blanked, the person not.
    assert Candidate.objects.get(pk=stays.pk).first_name == "Pool"


def test_anonymised_people_leave_the_talent_pool_ranking(
    team_client, project, django_capture_on_commit_callbacks
):
    gone = factories.CandidateFactory(first_name="Weg")
    app = factories.ApplicationFactory(
        candidate=gone, project=project, status=PipelineStatus.SHORTLISTED
    )
    app.transition_to("declined")
    Application.objects.filter(pk=app.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=365)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("anonymise_applications")
    html = team_client.get(
        reverse("backoffice_project_ranking", args=[project.pk])
    ).content.decode()
    assert f'data-candidate="{gone.pk}"' not in html


# Purge of the talent pool


# Not transactional: its flush would take the rows the migrations made (groups such as
# "Editors") away from the browser tests; the on-commit callbacks are captured instead.
@pytest.mark.django_db
def test_purge_deletes_expired_pool_entries_without_open_application(
    project, django_capture_on_commit_callbacks
):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    expired = factories.CandidateFactory(
        first_name="Abgelaufen", cv=True, talent_pool_until=yesterday
    )
    factories.ApplicationFactory(candidate=expired, project=project, status=PipelineStatus.DECLINED)
    busy = factories.CandidateFactory(first_name="Offen", talent_pool_until=yesterday)
    factories.ApplicationFactory(candidate=busy, project=project, status=PipelineStatus.SCREENING)
    current = factories.CandidateFactory(
        first_name="Aktuell", talent_pool_until=timezone.localdate() + datetime.timedelta(days=1)
    )
    path = cv_path(expired)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_talent_pool")
    assert not Candidate.objects.filter(pk=expired.pk).exists()
    assert not path.exists()
    assert Candidate.objects.filter(pk__in=[busy.pk, current.pk]).count() == 2


# Searching the lists while blinded


def _searched_labels(client, list_name, query):
    """The HTML of a back-office list searched for ``query``."""
    response = client.get(reverse(f"backoffice_{list_name}:index"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_searching_a_blinded_surname_finds_no_application(team_client, project):
    blinded = factories.ApplicationFactory(
        candidate=factories.CandidateFactory(last_name="Quellenbach", email="q@example.org"),
        project=project,
        status=PipelineStatus.SCREENING,
    )
    revealed = factories.ApplicationFactory(
        candidate=factories.CandidateFactory(
            first_name="Rita", last_name="Quellenbach", email="rita@example.org"
        ),
        project=project,
        status=PipelineStatus.SHORTLISTED,
    )

    for query in ["Quellenbach", "q@example.org"]:
        for list_name in ["applications", "candidates"]:
            html = _searched_labels(team_client, list_name, query)
            assert f"Kandidat:in #{blinded.candidate_id}" not in html, (list_name, query)
    for list_name in ["applications", "candidates"]:
        html = _searched_labels(team_client, list_name, "Quellenbach")
        assert "Rita Quellenbach" in html, list_name
        assert f"Kandidat:in #{revealed.candidate_id}" not in html


def test_searching_what_screening_shows_still_finds_blinded_rows(team_client, project):
    blinded = factories.ApplicationFactory(
        candidate=factories.CandidateFactory(last_name="Quellenbach"),
        project=project,
        status=PipelineStatus.RECEIVED,
    )

    html = _searched_labels(team_client, "applications", "E-Akte Eschwege")

    assert f"Kandidat:in #{blinded.candidate_id}" in html


def test_an_administrator_finds_a_blinded_person_for_a_deletion_request(client, project):
    blinded = factories.ApplicationFactory(
        candidate=factories.CandidateFactory(last_name="Quellenbach", email="q@example.org"),
        project=project,
        status=PipelineStatus.SCREENING,
    )
    client.force_login(factories.UserFactory(username="admin", is_superuser=True))

    html = _searched_labels(client, "candidates", "q@example.org")

    assert reverse("backoffice_candidates:inspect", args=[blinded.candidate_id]) in html
