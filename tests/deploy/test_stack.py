"""The production stack as scripts/stack-up.sh starts it: nginx (deploy/nginx/) in front of
gunicorn with config.settings.production, the task worker, PostgreSQL and OpenSearch.

The stack serves this test run's database and its own index prefix; every request goes through
nginx over real HTTP, as a visitor's would. A stack that cannot start fails the test.
"""

import gzip
import http.client
import io
import json
import os
import re
import time
import uuid
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote, urlsplit

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from config.settings.search import search_backends_from_env
from intake.models import Candidate
from search import indexing
from search.analysis import LANGUAGES
from search.dsl import get_client
from tests import factories
from tests.factories.intake import MINIMAL_PDF
from tests.forms.conftest import application_data
from tests.markup import card_titles, parse
from tests.scripts import ROOT, free_ports, run_script
from tests.search.conftest import require_engine

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PROJECT = "Kompass Kalletal"
DEGRADED = "Die Suche ist gerade eingeschränkt"
# Not the address of any proxy here: a client that claims to be someone else.
FORGED = "203.0.113.9"


@pytest.fixture(scope="module")
def stack(django_db_setup, tmp_path_factory):
    """Start the stack on free ports for this module's tests; stop it afterwards.

    ``stack.request(method, path, ...)`` talks to nginx; ``env`` is the stack's environment.
    """
    engine_url = require_engine(os.environ.get("OPENSEARCH_TEST_URL", "").strip())
    nginx_port, gunicorn_port = free_ports(2, first=20000)
    database = django_settings.DATABASES["default"]
    tmp = tmp_path_factory.mktemp("stack")
    env = {
        **os.environ,
        "NGINX_PORT": str(nginx_port),
        "GUNICORN_PORT": str(gunicorn_port),
        "STACK_DIR": str(tmp / "run"),
        # Kept between runs: collectstatic is slow and only repeated when a source changed.
        "STATIC_ROOT": str(ROOT / ".cache" / "stack-test" / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp / "private"),
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{database['NAME']}"
        ),
        "OPENSEARCH_URL": engine_url,
        "SEARCH_INDEX_PREFIX": f"stack_{uuid.uuid4().hex[:10]}",
        "STACK_MIGRATE": "0",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_THREADS": "4",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    run_script("stack-up", env)
    try:
        yield SimpleNamespace(
            env=env,
            port=nginx_port,
            request=lambda *args, **kwargs: _request(nginx_port, *args, **kwargs),
        )
    finally:
        run_script("stack-down", env)
        client = get_client(engine_url)
        client.indices.delete(
            index=f"{env['SEARCH_INDEX_PREFIX']}_*", expand_wildcards="open,closed"
        )


def _request(port, method, path, body=None, headers=None, source="127.0.0.1"):
    """One HTTP request to nginx from ``source``; the response with its body already read."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=30, source_address=(source, 0)
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        response.body = response.read()
        return response
    finally:
        connection.close()


def _text(response):
    """The body as text, unpacked if nginx compressed it."""
    body = response.body
    if response.getheader("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode()


@pytest.fixture
def content(stack, site_tree, settings):
    """A project with an apply form, indexed under the stack's prefix (as a deploy does)."""
    competencies = [
        factories.CompetencyFactory(name="UX-Design"),
        factories.CompetencyFactory(name="Projektmanagement"),
    ]
    project = factories.ProjectPageFactory(
        parent=site_tree.projects, title=PROJECT, slug="kompass-kalletal", profile=[competencies[0]]
    )
    prefix = stack.env["SEARCH_INDEX_PREFIX"]
    engine = stack.env["OPENSEARCH_URL"]
    settings.WAGTAILSEARCH_BACKENDS = search_backends_from_env(
        {"OPENSEARCH_URL": engine, "SEARCH_INDEX_PREFIX": prefix}
    )
    settings.PROJECT_SEARCH_URL = engine
    settings.PROJECT_SEARCH_ENGINE = "opensearch"
    settings.SEARCH_INDEX_PREFIX = prefix
    call_command("update_index", stdout=io.StringIO())
    for lang in LANGUAGES:
        indexing.rebuild(lang, progress=False)
    get_client(engine).indices.refresh(index=f"{prefix}_*")
    return SimpleNamespace(
        project=project, competencies=competencies, home=site_tree.home, listing=site_tree.projects
    )


def test_pages_static_and_media_come_compressed_and_cached_from_nginx(stack, content):
    page = stack.request("GET", "/de/", headers={"Accept-Encoding": "gzip"})
    assert page.status == 200
    assert page.getheader("Content-Encoding") == "gzip"
    assert content.home.title in _text(page)
    # A client that cannot unpack gets the page as it is.
    plain = stack.request("GET", "/de/")
    assert plain.getheader("Content-Encoding") is None
    assert content.home.title in plain.body.decode()

    feed_path = f"{urlsplit(content.listing.url).path}feed/rss/"
    feed = stack.request("GET", feed_path, headers={"Accept-Encoding": "gzip"})
    assert feed.status == 200
    assert feed.getheader("Content-Encoding") == "gzip"
    assert PROJECT in _text(feed)

    # The stylesheet under its hashed name, with a year's cache. The application's WhiteNoise
    # would send ten years (max-age=315360000): this value comes from nginx's configuration.
    stylesheets = [link.get("href") for link in parse(_text(page)).select("link[rel=stylesheet]")]
    stylesheet = next(href for href in stylesheets if href.startswith("/static/css/site."))
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", stylesheet)
    css = stack.request("GET", stylesheet, headers={"Accept-Encoding": "gzip"})
    assert css.status == 200
    assert css.getheader("Content-Type") == "text/css"
    assert css.getheader("Content-Encoding") == "gzip"
    assert css.getheader("Cache-Control") == "public, max-age=31536000, immutable"

    # Public uploads straight from MEDIA_ROOT; Wagtail documents only through /documents/.
    media_root = stack.env["MEDIA_ROOT"]
    for folder in ("images", "documents"):
        os.makedirs(f"{media_root}/{folder}", exist_ok=True)
        with open(f"{media_root}/{folder}/probe.txt", "w") as probe:
            probe.write("probe")
    image = stack.request("GET", "/media/images/probe.txt")
    assert image.status == 200
    assert image.body == b"probe"
    assert image.getheader("Cache-Control") == "public, max-age=86400"
    assert stack.request("GET", "/media/documents/probe.txt").status == 404


def _multipart(fields, files):
    """A multipart/form-data body and its content type, as a browser sends a form."""
    boundary = f"----lokalprojekte{uuid.uuid4().hex}"
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, data, content_type) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
        )
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _open_form(stack, path, source="127.0.0.1"):
    """GET a form like a browser: its hidden fields and the CSRF cookie to send back."""
    response = stack.request("GET", path, headers={"Accept-Encoding": "gzip"}, source=source)
    assert response.status == 200
    form = parse(_text(response)).select_one("main form[method=post]")
    hidden = {field.get("name"): field.get("value") for field in form.select("input[type=hidden]")}
    cookies = [value for key, value in response.getheaders() if key.lower() == "set-cookie"]
    csrf = next(c.split(";")[0] for c in cookies if c.startswith("csrftoken="))
    return hidden, csrf


def test_an_application_with_a_cv_is_posted_through_nginx_and_its_mail_task_runs(stack, content):
    apply_path = f"{urlsplit(content.project.url).path}bewerben/"
    hidden, csrf = _open_form(stack, apply_path)
    time.sleep(django_settings.FORM_MIN_FILL_SECONDS + 0.5)  # a person takes a moment
    fields = {**application_data(content.competencies), **hidden}
    body, content_type = _multipart(
        fields, {"cv": ("Lebenslauf.pdf", MINIMAL_PDF, "application/pdf")}
    )

    response = stack.request(
        "POST", apply_path, body=body, headers={"Content-Type": content_type, "Cookie": csrf}
    )

    assert response.status == 302, _text(response)
    assert response.getheader("Location").endswith("/bewerben/danke/")
    candidate = Candidate.objects.get()
    assert candidate.email == "ada@example.org"
    # The CV is stored privately and nginx has no way to it.
    stored = Path(stack.env["PRIVATE_MEDIA_ROOT"]) / candidate.cv.name
    assert stored.read_bytes() == MINIMAL_PDF
    assert stack.request("GET", f"/media/{candidate.cv.name}").status == 404
    # The worker sends the mails the submission queued.
    deadline = time.monotonic() + 30
    while DBTaskResult.objects.exclude(status="SUCCESSFUL").exists():
        assert time.monotonic() < deadline, list(DBTaskResult.objects.values("status", "task_path"))
        time.sleep(0.5)
    assert DBTaskResult.objects.exists()

    # A body over the application's limit is refused by nginx before gunicorn sees it: with the
    # application's bilingual page, served from a file (hence the ETag), nothing stored.
    limit = django_settings.REQUEST_BODY_MAX_BYTES
    connection = http.client.HTTPConnection("127.0.0.1", stack.port, timeout=30)
    connection.putrequest("POST", apply_path)
    connection.putheader("Content-Type", content_type)
    connection.putheader("Content-Length", str(limit + 1))
    connection.putheader("Cookie", csrf)
    connection.endheaders(b"x" * 65536)
    too_large = connection.getresponse()
    html = too_large.read().decode()
    connection.close()
    assert too_large.status == 413
    assert "Die gesendeten Daten sind zu groß" in html
    assert too_large.getheader("ETag")
    assert Candidate.objects.count() == 1


def test_the_visitor_address_reaches_the_application(stack, content):
    """A failed sign-in is counted for the address nginx saw, not one the client made up."""
    hidden, csrf = _open_form(stack, "/admin/login/", source="127.0.0.2")
    body = "&".join(
        f"{key}={quote(value)}"
        for key, value in {**hidden, "username": "niemand", "password": "falsch"}.items()
    )
    response = stack.request(
        "POST",
        "/admin/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": csrf,
            "X-Forwarded-For": FORGED,
        },
        source="127.0.0.2",
    )
    assert response.status == 200
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["127.0.0.2"]


def test_searches_through_nginx_are_answered_by_the_engine(stack, content):
    listing_path = urlsplit(content.listing.url).path
    listing = stack.request(
        "GET", f"{listing_path}?q=Kalletal", headers={"Accept-Encoding": "gzip"}
    )
    assert listing.status == 200
    html = _text(listing)
    assert card_titles(html) == [PROJECT]
    assert DEGRADED not in html

    api = stack.request(
        "GET", "/api/v2/projects/search/?q=Kalletal", headers={"Accept-Encoding": "gzip"}
    )
    assert api.status == 200
    assert api.getheader("Content-Encoding") == "gzip"
    found = json.loads(_text(api))
    assert found["engine"] == "opensearch"
    assert [hit["title"] for hit in found["results"]] == [PROJECT]

    site_search = stack.request("GET", f"/de/suche/?q={quote('Kalletal')}")
    assert site_search.status == 200
    assert PROJECT in site_search.body.decode()
