"""Fixtures for the back office: the three kinds of visitor, and candidates with applications."""

import datetime
import itertools
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from intake.models import Application, Candidate, CandidateCompetency, ConsentRecord, PipelineStatus
from users.models import User

_numbers = itertools.count(1)

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def users(db):
    """A plain editor (admin access, not in the group) and a Matching-Team member.

    The team member has no Wagtail permission of its own: admin access comes from the group.
    """
    editors = Group.objects.get(name="Editors")
    editor = User.objects.create_user("redakteurin", "redaktion@example.org", "x")
    editor.groups.add(editors)
    team = Group.objects.get_or_create(name=settings.MATCHING_TEAM_GROUP_NAME)[0]
    member = User.objects.create_user(
        "matcherin", "matching@example.org", "x", first_name="Mia", last_name="Matcher"
    )
    member.groups.add(team)
    return SimpleNamespace(editor=editor, member=member)


def make_candidate(
    first_name="Erika",
    last_name="Mustermann",
    competencies=None,
    cv=False,
    **fields,
):
    """A candidate with consent record, optional competencies {Competency: level} and CV."""
    number = next(_numbers)
    consent = ConsentRecord.objects.create(purpose="application", privacy_version="2026-01")
    defaults = {
        "email": f"person{number}@example.org",
        "phone": "0170 1234567",
        "city": "Eschwege",
        "postcode": "37269",
        "bundesland": "HE",
        "mobility": "state",
        "available_from": datetime.date.today(),
        "preferred_duration_months": 12,
        "year_of_birth": 1980,
        "gender": "weiblich",
    }
    defaults.update(fields)
    candidate = Candidate(first_name=first_name, last_name=last_name, consent=consent, **defaults)
    if cv:
        candidate.cv.save(
            f"{first_name}-{last_name}-lebenslauf.pdf", ContentFile(PDF_BYTES), save=False
        )
    candidate.save()
    for competency, level in (competencies or {}).items():
        CandidateCompetency.objects.create(candidate=candidate, competency=competency, level=level)
    return candidate


def make_application(candidate=None, project=None, status=PipelineStatus.RECEIVED, **fields):
    """An application, moved through the pipeline to ``status`` with a history."""
    candidate = candidate or make_candidate()
    application = Application.objects.create(
        candidate=candidate, project=project, motivation="Ich möchte helfen.", **fields
    )
    path = {
        PipelineStatus.RECEIVED: [],
        PipelineStatus.SCREENING: ["screening"],
        PipelineStatus.SHORTLISTED: ["screening", "shortlisted"],
        PipelineStatus.PROPOSED: ["screening", "shortlisted", "proposed"],
        PipelineStatus.ACCEPTED: ["screening", "shortlisted", "proposed", "accepted"],
        PipelineStatus.DECLINED: ["screening", "declined"],
        PipelineStatus.WITHDRAWN: ["withdrawn"],
    }[PipelineStatus(status)]
    for step in path:
        application.transition_to(step)
    return application
