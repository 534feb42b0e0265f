"""CSV exports: what a person typed into a public form never runs as a spreadsheet formula."""

import csv
import io

from django.urls import reverse

from intake.models import PipelineStatus
from tests import factories


def csv_rows(response):
    body = b"".join(response.streaming_content)
    return body, list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_contact_export_neutralises_formulas_and_keeps_umlauts(team_client, db):
    factories.ContactRequestFactory(
        name='=HYPERLINK("https://example.com";"Hier")', organisation="+49 Amt"
    )
    factories.ContactRequestFactory(name="@SUMME(A1)", organisation="-1+2")
    factories.ContactRequestFactory(name="\tTab", organisation="\rZeile")
    factories.ContactRequestFactory(name="＝1+1", organisation="＠Amt")
    factories.ContactRequestFactory(name="Jürgen Müller", organisation="Bürgeramt Köln")

    response = team_client.get(reverse("backoffice_contacts:index"), {"export": "csv"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body, rows = csv_rows(response)
    # The byte order mark lets spreadsheet programs read the file as UTF-8 (umlauts).
    assert body.startswith(b"\xef\xbb\xbf")
    cells = {cell for row in rows[1:] for cell in row}
    for typed in (
        '=HYPERLINK("https://example.com";"Hier")',
        "+49 Amt",
        "@SUMME(A1)",
        "-1+2",
        "\tTab",
        "\rZeile",
        "＝1+1",
        "＠Amt",
    ):
        assert "'" + typed in cells
        assert typed not in cells
    assert "Jürgen Müller" in cells
    assert "Bürgeramt Köln" in cells


def test_application_and_candidate_exports_neutralise_revealed_names(team_client, project):
    candidate = factories.CandidateFactory(first_name="=1+1", last_name="Mustermann")
    factories.ApplicationFactory(
        candidate=candidate, project=project, status=PipelineStatus.SHORTLISTED
    )
    for listing in ("backoffice_applications:index", "backoffice_candidates:index"):
        response = team_client.get(reverse(listing), {"export": "csv"})
        _, rows = csv_rows(response)
        cells = {cell for row in rows[1:] for cell in row}
        assert "'=1+1 Mustermann" in cells, listing
        assert "=1+1 Mustermann" not in cells, listing


def test_xlsx_export_keeps_the_value_as_typed(team_client, db):
    from openpyxl import load_workbook

    factories.ContactRequestFactory(name="=1+1")
    response = team_client.get(reverse("backoffice_contacts:index"), {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [cell.value for row in workbook.active.iter_rows() for cell in row]
    # Stored as a text cell (Wagtail's own safeguard), without an added apostrophe.
    assert "=1+1" in values
