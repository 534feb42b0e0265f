"""axe-core finds no WCAG 2.1 A/AA violation on the public pages, in German and English.

One test per language visits every kind of page (and the forms in their error state) and
reports all violations at once, so a single run shows everything that needs fixing.
"""

from learning.models import Expert
from tests.e2e.helpers import E2E, axe_violations

pytestmark = E2E

PAGES = {
    "de": [
        "/de/",
        "/de/projekte/",
        "/de/projekte/?bundesland=HE&status=open&duration=10-12",
        "/de/projekte/e-akte-im-buergerbuero-einfuehren-witzenhausen/",
        "/de/erfolgsgeschichten/",
        "/de/erfolgsgeschichten/eschwege-papierlos-aber-richtig/",
        "/de/lernen/",
        "/de/lernen/change-management-einstieg/",
        "/de/lernen/expertinnen/",
        "/de/suche/?q=Digitalisierung",
        "/de/anmelden/",
        "/de/fuer-kommunen/",
        "/de/gibt-es-nicht/",
    ],
    "en": [
        "/en/",
        "/en/projects/",
        "/en/projects/?bundesland=HE&status=open",
        "/en/projects/electronic-files-for-the-citizens-office-witzenhausen/",
        "/en/success-stories/",
        "/en/success-stories/eschwege-paperless-but-done-right/",
        "/en/learning/",
        "/en/learning/change-management-introduction/",
        "/en/learning/experts/",
        "/en/search/?q=digital",
        "/en/anmelden/",
        "/en/for-municipalities/",
        "/en/does-not-exist/",
    ],
}
EXPERT_BASE = {"de": "/de/lernen/expertinnen/", "en": "/en/learning/experts/"}


def _audit(page, url, findings):
    violations = axe_violations(page)
    if violations:
        findings[url] = violations


def _audit_language(page, demo, language):
    findings = {}
    for path in PAGES[language]:
        page.goto(demo.url(path))
        _audit(page, path, findings)

    expert = Expert.objects.filter(locale__language_code=language).order_by("name").first()
    expert_path = f"{EXPERT_BASE[language]}{expert.slug}/"
    page.goto(demo.url(expert_path))
    _audit(page, expert_path, findings)
    # The contact form with its error messages shown (submitted empty).
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".errorlist").count() >= 3
    _audit(page, f"{expert_path} (with errors)", findings)
    # The login form with its error.
    page.goto(demo.url(f"/{language}/anmelden/"))
    page.locator("#id_username").fill("niemand")
    page.locator("#id_password").fill("falsch")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    _audit(page, "login (with error)", findings)
    return findings


def _report(findings):
    return "\n".join(f"{url}:\n  " + "\n  ".join(items) for url, items in findings.items())


def test_german_pages_have_no_accessibility_violations(page, demo):
    findings = _audit_language(page, demo, "de")
    assert not findings, _report(findings)


def test_english_pages_have_no_accessibility_violations(page, demo):
    findings = _audit_language(page, demo, "en")
    assert not findings, _report(findings)
