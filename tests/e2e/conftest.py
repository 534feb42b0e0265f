"""Browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live server.

Every browser test runs on a transactional database (the live server thread needs committed
data) with serialized rollback, so the rows the migrations create (root page, locales,
groups) come back after each test's flush; the demo content is loaded per test.
"""

import os
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from tests.sites import ensure_tree_roots

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
# fixtures from the same thread would otherwise be refused as "async unsafe".
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run (never a downloaded browser)."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab (own cookies) at 1280 px; records CSP violations and page errors.

    ``page.problems`` lists every console error and failed sub-resource (image, stylesheet)
    of the page, so a test can assert that nothing is broken or blocked by the
    Content-Security-Policy.
    """
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda message: _record_console_error(tab, message))
    tab.on("pageerror", lambda error: tab.problems.append(str(error)))
    tab.on(
        "response",
        lambda response: (
            tab.problems.append(f"{response.status} {response.url}")
            if response.status >= 400 and response.request.resource_type != "document"
            else None
        ),
    )
    yield tab
    context.close()


def _record_console_error(tab, message):
    # Failed loads are recorded with their URL by the response listener; the browser's own
    # favicon probe (the site has none) is not the page's problem.
    if message.type == "error" and not message.text.startswith("Failed to load resource"):
        tab.problems.append(message.text)


@pytest.fixture
def demo(live_server):
    """The demo content behind the live server; ``demo.url(path)`` makes absolute URLs."""
    ensure_tree_roots()
    call_command("seed_demo", verbosity=0)
    return SimpleNamespace(base=live_server.url, url=lambda path="/": f"{live_server.url}{path}")


@pytest.fixture
def open_forms(settings, live_server, tmp_path):
    """The public forms accept a browser's submissions at once, and keep CVs in a temp folder.

    The live server runs in this process, so the ``settings`` fixture reaches it: no minimum
    fill time (a script is faster than a person), no rate limit across the many submissions
    of one run, private media under tmp_path, and mail links that point at the live server.
    """
    from django.core.cache import cache
    from django.utils.functional import empty

    from intake.storage import private_storage

    cache.clear()
    settings.FORM_MIN_FILL_SECONDS = 0
    settings.FORM_RATE_LIMIT = {"submissions": 1000, "seconds": 600}
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.SITE_BASE_URL = settings.WAGTAILADMIN_BASE_URL = live_server.url
    # The storage reads PRIVATE_MEDIA_ROOT when first used; make it read the new one.
    private_storage._wrapped = empty
    yield settings
    private_storage._wrapped = empty
    cache.clear()
