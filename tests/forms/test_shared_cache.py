"""The form rate limit and the one-use start tokens hold across worker processes.

gunicorn runs several processes; each has its own memory. A second process with the same
settings stands in for a second worker: what one worker counted or used up, the other sees,
because both keep it in the shared Redis cache (REDIS_URL).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from intake.models import FormKind, MunicipalityRequest
from tests.forms.test_other_forms import municipality_data

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent

# The other worker: the same settings and cache, no database. It counts accepted submissions
# for an address, then reports whether the address is over the limit and whether a start
# token would be refused as used.
OTHER_WORKER = """
import json, sys
import django
django.setup()
from django.test import RequestFactory
from intake.spam import SpamProtectionMixin, count_submission, over_rate_limit

address, kind, submissions, token = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
request = RequestFactory().post("/", REMOTE_ADDR=address)
for _ in range(submissions):
    count_submission(request, kind)

class StartedOnly(SpamProtectionMixin):
    form_kind = kind

form = StartedOnly(data={"form_started": token, "website": ""})
form.is_valid()
print(json.dumps({
    "over_limit": over_rate_limit(request, kind),
    "token_used": any(e.code == "used" for e in form.non_field_errors().as_data()),
}))
"""


def other_worker(address, kind, submissions=0, token=""):
    """Run OTHER_WORKER in a new Python process; return what it reports."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", OTHER_WORKER, address, kind, str(submissions), token],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_submissions_counted_by_one_worker_limit_the_next(
    client, form_pages, settings, redis_cache
):
    page = form_pages[FormKind.MUNICIPALITY]
    limit = settings.FORM_RATE_LIMIT["submissions"]

    # Four accepted posts through the other worker, one through this one: the limit is reached.
    other_worker("203.0.113.9", FormKind.MUNICIPALITY, submissions=limit - 1)
    assert client.post(page.url, municipality_data(), REMOTE_ADDR="203.0.113.9").status_code == 302
    refused = client.post(page.url, municipality_data(), REMOTE_ADDR="203.0.113.9")

    assert refused.status_code == 429
    assert MunicipalityRequest.objects.count() == 1
    assert other_worker("203.0.113.9", FormKind.MUNICIPALITY)["over_limit"] is True
    # Another address is not affected, in either worker.
    assert other_worker("198.51.100.7", FormKind.MUNICIPALITY)["over_limit"] is False


def test_a_token_used_in_one_worker_is_refused_by_the_other(client, form_pages, redis_cache):
    page = form_pages[FormKind.MUNICIPALITY]
    data = municipality_data()
    unused = municipality_data()["form_started"]

    assert client.post(page.url, data).status_code == 302

    assert other_worker("203.0.113.9", FormKind.MUNICIPALITY, token=data["form_started"]) == {
        "over_limit": False,
        "token_used": True,
    }
    assert other_worker("203.0.113.9", FormKind.MUNICIPALITY, token=unused)["token_used"] is False
