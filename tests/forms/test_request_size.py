"""Oversized posts get a readable 413 page, never a 500; error pages obey the site's CSP."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import loader

from intake.models import Candidate
from tests.factories import MINIMAL_PDF
from tests.forms.conftest import application_data
from tests.markup import parse

pytestmark = pytest.mark.django_db


def test_a_post_above_the_body_limit_gets_a_clear_413(client, settings, open_project, competencies):
    # Above the whole-body cap (11 MB): a 12 MB "CV".
    big = MINIMAL_PDF + b"0" * (12 * 1024 * 1024)
    cv = SimpleUploadedFile("cv.pdf", big, content_type="application/pdf")

    response = client.post(f"{open_project.url}bewerben/", application_data(competencies, cv=cv))

    assert response.status_code == 413
    html = response.content.decode()
    assert "Die gesendeten Daten sind zu groß" in html
    assert "The data you sent is too large" in html
    assert response["Content-Security-Policy"]
    assert not Candidate.objects.exists()


def test_a_cv_just_over_its_own_limit_still_gets_the_forms_message(
    client, settings, open_project, competencies
):
    big = MINIMAL_PDF + b"0" * settings.APPLICATION_CV_MAX_BYTES
    cv = SimpleUploadedFile("cv.pdf", big, content_type="application/pdf")

    response = client.post(f"{open_project.url}bewerben/", application_data(competencies, cv=cv))

    assert response.status_code == 200
    assert parse(response).select_one("#error-summary") is not None


def test_a_non_file_body_above_djangos_limit_is_a_400_not_a_500(client, open_project):
    response = client.post(f"{open_project.url}bewerben/", {"motivation": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 400


@pytest.mark.parametrize("template", ["500.html", "413.html"])
def test_error_pages_have_no_inline_style_the_csp_would_block(template):
    page = parse(loader.get_template(template).render())
    assert not page.select("style")
    assert not page.select("[style]")
    assert page.select('link[rel="stylesheet"]')
