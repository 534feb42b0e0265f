"""Working an application in the admin: status steps, history, notes, assignee, bulk changes."""

from django.urls import reverse

from intake.models import ApplicationStatusChange, PipelineStatus
from tests import factories
from tests.markup import parse


def inspect_url(application):
    return reverse("backoffice_applications:inspect", args=[application.pk])


def test_detail_shows_motivation_status_and_only_the_allowed_next_steps(team_client, project):
    application = factories.ApplicationFactory(project=project, status=PipelineStatus.SCREENING)
    html = team_client.get(inspect_url(application)).content.decode()
    assert "Ich möchte helfen." in html
    assert "E-Akte Eschwege" in html
    # From screening: shortlisted, declined or withdrawn; never straight to accepted.
    steps = parse(html).select('section[aria-labelledby="steps-heading"] button[name=status]')
    assert {button.get("value") for button in steps} == {"shortlisted", "declined", "withdrawn"}
    assert 'value="accepted"' not in html
    assert 'value="proposed"' not in html


def test_status_step_is_recorded_with_who_and_comment(team_client, users, project):
    application = factories.ApplicationFactory(project=project)
    response = team_client.post(
        reverse("backoffice_transition", args=[application.pk]),
        {"status": "screening", "comment": "Passt fachlich"},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == PipelineStatus.SCREENING
    change = ApplicationStatusChange.objects.get(application=application)
    assert (change.from_status, change.to_status, change.changed_by, change.comment) == (
        "received",
        "screening",
        users.member,
        "Passt fachlich",
    )
    html = team_client.get(inspect_url(application)).content.decode()
    assert "Passt fachlich" in html
    assert "Mia Matcher" in html


def test_a_step_the_pipeline_does_not_allow_is_refused_with_a_message(team_client, project):
    application = factories.ApplicationFactory(project=project)
    response = team_client.post(
        reverse("backoffice_transition", args=[application.pk]), {"status": "accepted"}, follow=True
    )
    application.refresh_from_db()
    assert application.status == PipelineStatus.RECEIVED
    assert "kein erlaubter Schritt" in response.content.decode()
    assert not application.history.exists()


def test_team_adds_a_note_and_sets_the_assignee(team_client, users, project):
    application = factories.ApplicationFactory(project=project)
    team_client.post(reverse("backoffice_add_note", args=[application.pk]), {"text": "Anrufen"})
    team_client.post(
        reverse("backoffice_assign", args=[application.pk]), {"assignee": users.member.pk}
    )
    application.refresh_from_db()
    assert application.assignee == users.member
    assert [note.text for note in application.notes.all()] == ["Anrufen"]
    assert application.notes.get().author == users.member
    html = team_client.get(inspect_url(application)).content.decode()
    assert "Anrufen" in html


def test_only_team_members_can_be_assigned(team_client, users, project):
    application = factories.ApplicationFactory(project=project)
    team_client.post(
        reverse("backoffice_assign", args=[application.pk]), {"assignee": users.editor.pk}
    )
    application.refresh_from_db()
    assert application.assignee is None


def test_bulk_change_moves_allowed_ones_and_names_the_refused(team_client, project):
    received = factories.ApplicationFactory(project=project)
    screening = factories.ApplicationFactory(project=project, status=PipelineStatus.SCREENING)
    accepted = factories.ApplicationFactory(project=project, status=PipelineStatus.ACCEPTED)
    response = team_client.post(
        reverse("backoffice_bulk_status"),
        {"applications": [received.pk, screening.pk, accepted.pk], "status": "declined"},
        follow=True,
    )
    html = response.content.decode()
    for application in (received, screening, accepted):
        application.refresh_from_db()
    assert received.status == screening.status == PipelineStatus.DECLINED
    assert accepted.status == PipelineStatus.ACCEPTED
    assert "2 Bewerbung(en)" in html
    assert "Nicht erlaubt für: Erika Mustermann (Angenommen)" in html


def test_bulk_form_lists_the_filtered_applications(team_client, project):
    received = factories.ApplicationFactory(project=project)
    screening = factories.ApplicationFactory(project=project, status=PipelineStatus.SCREENING)
    html = team_client.get(reverse("backoffice_bulk_status") + "?status=screening").content.decode()
    listed = parse(html).select("input[type=checkbox][name=applications]")
    assert [checkbox.get("value") for checkbox in listed] == [str(screening.pk)]
    assert f'value="{received.pk}"' not in html


def test_listing_filters_by_status_and_searches(team_client, project):
    screening = factories.ApplicationFactory(project=project, status=PipelineStatus.SCREENING)
    zora = factories.ApplicationFactory(
        candidate=factories.CandidateFactory(first_name="Zora", last_name="Zett"),
        project=project,
        motivation="Ich bringe Erfahrung mit Kanban-Tafeln mit.",
    )
    url = reverse("backoffice_applications:index")
    filtered = team_client.get(url, {"status": "received"}).content.decode()
    assert inspect_url(zora) in filtered
    assert inspect_url(screening) not in filtered
    # While blinded, what screening shows is searchable, not the name (see test_privacy.py).
    searched = team_client.get(url, {"q": "Kanban-Tafeln"}).content.decode()
    assert inspect_url(zora) in searched
    assert inspect_url(screening) not in searched
    ordered = team_client.get(url, {"ordering": "status"})
    assert ordered.status_code == 200


def test_csv_export_follows_the_filter_and_blinds_screening(team_client, project):
    factories.ApplicationFactory(
        candidate=factories.CandidateFactory(first_name="Sichtbar", last_name="Person"),
        project=project,
        status=PipelineStatus.SHORTLISTED,
    )
    hidden = factories.ApplicationFactory(
        candidate=factories.CandidateFactory(first_name="Verborgen", last_name="Person"),
        project=project,
    )
    response = team_client.get(reverse("backoffice_applications:index"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    assert "Sichtbar Person" in body
    assert "Verborgen" not in body
    assert f"Kandidat:in #{hidden.candidate_id}" in body
    filtered = team_client.get(
        reverse("backoffice_applications:index"), {"export": "csv", "status": "shortlisted"}
    )
    filtered_body = b"".join(filtered.streaming_content).decode()
    assert f"#{hidden.candidate_id}" not in filtered_body


def test_xlsx_export_is_a_spreadsheet(team_client, project):
    import io

    from openpyxl import load_workbook

    factories.ApplicationFactory(project=project, status=PipelineStatus.PROPOSED)
    response = team_client.get(reverse("backoffice_applications:index"), {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.values)
    assert rows[0][1] == "Kandidat:in"
    assert rows[1][1] == "Erika Mustermann"
    assert rows[1][4] == "Der Kommune vorgeschlagen"


def test_dashboard_panel_counts_applications_per_status(team_client, project):
    factories.ApplicationFactory(project=project)
    factories.ApplicationFactory(project=project)
    factories.ApplicationFactory(project=project, status=PipelineStatus.SCREENING)
    page = parse(team_client.get(reverse("wagtailadmin_home")))
    panel = page.select_one('section[aria-labelledby="pipeline-panel-heading"]')
    assert panel.select_one("h2").text == "Bewerbungen nach Status"
    counts = {
        row.select_one("th").text: row.select_one("td[data-pipeline-count]").text
        for row in panel.select("tr")
    }
    assert counts["Eingegangen"] == "2"
    assert counts["In Sichtung"] == "1"
