"""axe-core finds no WCAG 2.1 A/AA violation on any public form, in German and English, both
as first shown and with the error messages of an empty submission.

The forms: the application form of an open project and the form pages under "Mitmachen"
(talent pool, municipality request, company offer, funder contact).
"""

from playwright.sync_api import expect

from intake.models import FormKind, FormPage
from projects.models import ProjectPage
from tests.e2e.helpers import E2E, axe_violations

pytestmark = E2E

PROJECT_SLUG = {
    "de": "e-akte-im-buergerbuero-einfuehren-witzenhausen",
    "en": "electronic-files-for-the-citizens-office-witzenhausen",
}


def form_paths(language):
    """The URL of every public form in ``language``: the project application, then each
    form page (found in the page tree, so a new form page is audited without a change here)."""
    project = ProjectPage.objects.live().get(
        locale__language_code=language, slug=PROJECT_SLUG[language]
    )
    paths = [project.url + "bewerben/"]
    form_pages = FormPage.objects.live().filter(locale__language_code=language)
    kinds = {page.form_kind for page in form_pages}
    assert kinds == set(FormKind.values), kinds
    paths += sorted(page.url for page in form_pages)
    return paths


def audit_forms(page, demo, language):
    """Audit each form empty and with errors; return {page: violations} for those with any."""
    findings = {}
    for path in form_paths(language):
        page.goto(demo.url(path))
        form = page.locator("main form[method=post]")
        expect(form).to_have_count(1)
        if violations := axe_violations(page):
            findings[path] = violations

        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        summary = page.get_by_role("alert")
        expect(summary).to_be_visible()
        expect(summary.get_by_role("link")).not_to_have_count(0)
        assert page.locator("main .errorlist").count() >= 2, path
        if violations := axe_violations(page):
            findings[f"{path} (with errors)"] = violations
    return findings


def _report(findings):
    return "\n".join(f"{url}:\n  " + "\n  ".join(items) for url, items in findings.items())


def test_german_forms_have_no_accessibility_violations(page, demo, open_forms):
    findings = audit_forms(page, demo, "de")
    assert not findings, _report(findings)


def test_english_forms_have_no_accessibility_violations(page, demo, open_forms):
    findings = audit_forms(page, demo, "en")
    assert not findings, _report(findings)
