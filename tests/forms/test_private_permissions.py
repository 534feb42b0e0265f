"""CVs are readable by the application's own user only: files 0600 in folders 0700."""

import os
import stat

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from intake.models import Candidate
from tests.factories import MINIMAL_PDF
from tests.forms.conftest import application_data

pytestmark = pytest.mark.django_db


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_cv_sent_through_the_form_is_private_to_the_application_user(
    submit, open_project, competencies
):
    # A usual server umask would leave files world-readable (0644) and folders 0755.
    old_umask = os.umask(0o022)
    try:
        cv = SimpleUploadedFile("cv.pdf", MINIMAL_PDF, content_type="application/pdf")
        response = submit(f"{open_project.url}bewerben/", application_data(competencies, cv=cv))
    finally:
        os.umask(old_umask)

    assert response.status_code == 302
    path = Candidate.objects.get().cv.path
    assert mode(path) == 0o600
    root = os.path.realpath(settings.PRIVATE_MEDIA_ROOT)
    folder = os.path.dirname(path)
    while os.path.realpath(folder) != root:
        assert mode(folder) == 0o700, folder
        folder = os.path.dirname(folder)
    assert mode(root) == 0o700
