"""Every POST form on the site refuses a submission without the CSRF token.

The forms are found by crawling every live page (and the login pages) for
``<form method="post">``, so forms added later are covered without editing this test.
"""

import re
from urllib.parse import urljoin

import pytest
from django.test import Client
from wagtail.models import Page

from tests.markup import parse

pytestmark = pytest.mark.django_db

EXTRA_PATHS = ["/de/anmelden/", "/en/anmelden/", "/admin/login/"]
# Routes below a page that hold forms (e.g. the application form at .../bewerben/).
SUB_ROUTES = ["bewerben/"]


def _post_forms(client, path):
    """The action URLs of the POST forms on the page at ``path`` (none if it is no 200)."""
    response = client.get(path)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    return [
        urljoin(path, form.get("action") or path)
        for form in parse(response).select("form")
        if (form.get("method") or "get").lower() == "post"
    ]


def _all_post_forms():
    client = Client()
    paths = list(EXTRA_PATHS)
    for page in Page.objects.live().filter(depth__gt=1).specific():
        paths.append(page.url)
        if type(page).__name__ == "ProjectPage":
            paths.extend(page.url + sub for sub in SUB_ROUTES)
        if type(page).__name__ == "ExpertIndexPage":
            hrefs = {link.get("href") for link in parse(client.get(page.url)).select("a[href]")}
            detail = re.compile(rf"{re.escape(page.url)}[\w-]+/")
            paths.extend(sorted(href for href in hrefs if detail.fullmatch(href))[:3])
    forms = {}
    for path in paths:
        for action in _post_forms(client, path):
            forms.setdefault(action, path)
    return forms


def test_every_post_form_requires_the_csrf_token(demo_site):
    forms = _all_post_forms()
    # The login pages, the admin login and the expert contact forms at least.
    assert "/de/anmelden/" in forms
    assert "/admin/login/" in forms
    assert any("/expertinnen/" in action for action in forms)
    strict = Client(enforce_csrf_checks=True)
    for action, found_on in forms.items():
        response = strict.post(action, {"name": "Test", "email": "t@example.org"})
        assert response.status_code == 403, f"{action} (form on {found_on})"


def test_the_same_form_accepts_a_submission_with_the_token(demo_site):
    strict = Client(enforce_csrf_checks=True)
    strict.get("/de/anmelden/")
    token = strict.cookies["csrftoken"].value
    response = strict.post(
        "/de/anmelden/", {"username": "nobody", "password": "wrong", "csrfmiddlewaretoken": token}
    )
    # Past the CSRF check: the login form answers with its own error message.
    assert response.status_code == 200
    assert "Benutzername und Passwort" in response.content.decode()
