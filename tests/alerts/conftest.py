"""Fixtures of the search alert tests: a listing, a saving helper, the engine fixtures."""

import time

import pytest
from django.core import mail

from alerts.forms import ALERT_FORM_KIND
from intake.spam import issue_started_token
from tests.search.conftest import closed_port_url, opensearch_url, project_index  # noqa: F401

ADDRESS = "ada@example.org"


@pytest.fixture(autouse=True)
def _mail_settings(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://lokalprojekte.example"


@pytest.fixture
def listing(site_tree):
    """The German project listing."""
    return site_tree.projects


@pytest.fixture
def run_commit_hooks(django_capture_on_commit_callbacks):
    """Run a block's on-commit callbacks (the outbox's send task), as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def started(seconds_ago=60, kind=ALERT_FORM_KIND):
    """A valid start token of the alert form (or ``kind``), as if opened ``seconds_ago``."""
    return issue_started_token(kind, issued_at=time.time() - seconds_ago)


def alert_data(**overrides):
    data = {
        "email": ADDRESS,
        "frequency": "weekly",
        "privacy_consent": "on",
        "website": "",
        "form_started": started(),
    }
    data.update(overrides)
    return data


def link_in(message, marker):
    """The first URL of a mail's body containing ``marker``, as a path for the test client."""
    for word in message.body.split():
        if word.startswith("https://") and marker in word:
            return word.removeprefix("https://lokalprojekte.example")
    raise AssertionError(f"no link with {marker!r} in:\n{message.body}")


def mails_to(address):
    return [m for m in mail.outbox if address in m.to]
