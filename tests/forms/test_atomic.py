"""A submission is saved whole or not at all, including its consent and its CV."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from intake.forms import ApplicationForm
from intake.models import Application, Candidate, CandidateCompetency, ConsentRecord, OutgoingMail
from intake.submissions import save_application
from tests.factories import MINIMAL_PDF
from tests.forms.conftest import application_data

pytestmark = pytest.mark.django_db


def test_a_failure_midway_leaves_no_rows_and_no_file(open_project, competencies, settings):
    cv = SimpleUploadedFile("cv.pdf", MINIMAL_PDF, content_type="application/pdf")
    form = ApplicationForm(application_data(competencies), {"cv": cv})
    assert form.is_valid(), form.errors
    # The same competency twice breaks the database's unique constraint after the
    # candidate, the consent and the first competency row have been written.
    first = form.cleaned_data["competencies"][0]
    form.cleaned_data["competencies"] = [first, first]

    with pytest.raises(IntegrityError):
        save_application(form, project=open_project)

    assert not Candidate.objects.exists()
    assert not ConsentRecord.objects.exists()
    assert not CandidateCompetency.objects.exists()
    assert not Application.objects.exists()
    assert not OutgoingMail.objects.exists()
    stored = list((settings.PRIVATE_MEDIA_ROOT).rglob("*.pdf"))
    assert stored == []


def test_a_failure_midway_keeps_the_parked_cv_for_the_next_try(
    client, open_project, competencies, settings
):
    from tests.forms.test_pending_upload import pending_files, post_with_mistake, reference_in

    reference = reference_in(post_with_mistake(client, open_project, competencies))
    form = ApplicationForm(application_data(competencies, cv_pending=reference))
    assert form.is_valid(), form.errors
    first = form.cleaned_data["competencies"][0]
    form.cleaned_data["competencies"] = [first, first]

    with pytest.raises(IntegrityError):
        save_application(form, project=open_project)

    assert not Candidate.objects.exists()
    # Nothing half-saved: no copy in the CV folder, the parked file still there.
    assert list((settings.PRIVATE_MEDIA_ROOT / "cv").rglob("*.pdf")) == []
    assert len(pending_files(settings)) == 1
