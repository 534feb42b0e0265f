"""CV uploads: recognised by their content, limited in size."""

import io
import zipfile

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from intake.models import Candidate
from intake.uploads import validate_cv
from tests.factories import MINIMAL_PDF
from tests.forms.conftest import application_data, minimal_docx, minimal_odt, minimal_png
from tests.markup import parse

pytestmark = pytest.mark.django_db

REFUSED = "Diese Datei können wir nicht annehmen."


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def post_cv(submit, project, competencies, cv):
    return submit(f"{project.url}bewerben/", application_data(competencies, cv=cv))


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("cv.pdf", MINIMAL_PDF, "pdf"),
        ("cv.docx", minimal_docx(), "docx"),
        ("cv.odt", minimal_odt(), "odt"),
        # The name does not matter: a PDF called .txt is still a PDF.
        ("lebenslauf.txt", MINIMAL_PDF, "pdf"),
    ],
)
def test_real_documents_are_accepted(submit, open_project, competencies, name, content, kind):
    response = post_cv(submit, open_project, competencies, upload(name, content))

    assert response.status_code == 302
    stored = Candidate.objects.get().cv
    assert stored.name.endswith(f".{kind}")
    assert stored.read() == content


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cv.pdf", minimal_png()),  # an image renamed to .pdf
        ("cv.docx", b"PK\x03\x04 not really a zip"),
        ("cv.odt", b"plain text pretending to be a document"),
    ],
)
def test_other_content_is_refused_whatever_the_name(
    client, open_project, competencies, name, content
):
    data = application_data(competencies, cv=upload(name, content))

    response = client.post(f"{open_project.url}bewerben/", data)

    assert response.status_code == 200
    html = response.content.decode()
    assert REFUSED in html
    assert parse(html).select_one("#error-summary").select('a[href="#id_cv"]')
    assert not Candidate.objects.exists()


def test_a_zip_that_is_neither_docx_nor_odt_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("word/other.xml", "<x/>")

    with pytest.raises(ValidationError) as error:
        validate_cv(upload("cv.odt", buffer.getvalue()))
    assert error.value.code == "file_type"


def test_files_over_ten_megabytes_are_refused(client, open_project, competencies):
    big = MINIMAL_PDF + b"0" * settings.APPLICATION_CV_MAX_BYTES

    html = client.post(
        f"{open_project.url}bewerben/", application_data(competencies, cv=upload("cv.pdf", big))
    ).content.decode()

    assert "Die Datei ist zu groß" in html
    assert "Erlaubt sind höchstens 10,0\xa0MB." in html
    assert not Candidate.objects.exists()


def test_exactly_ten_megabytes_is_still_fine():
    content = MINIMAL_PDF + b"0" * (settings.APPLICATION_CV_MAX_BYTES - len(MINIMAL_PDF))

    assert validate_cv(upload("cv.pdf", content)) == "pdf"


def test_english_message_for_a_refused_file(client, open_project_en, competencies):
    data = application_data(competencies, cv=upload("cv.pdf", minimal_png()))

    html = client.post(f"{open_project_en.url}bewerben/", data).content.decode()

    assert "We cannot accept this file." in html
