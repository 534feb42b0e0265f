"""One-line fields stay one line, and mail subjects are plain text.

A line break in a name would add lines of the sender's choosing to the team's notification
mail (and its subject); an escaped apostrophe in a subject reads "citizens&#x27; office".
"""

import pytest
from django.core import mail

from intake.models import Candidate, CompanyOffer, ContactRequest, FormKind, MunicipalityRequest
from tests import factories
from tests.forms.conftest import application_data
from tests.forms.test_other_forms import company_data, funder_data, municipality_data
from tests.markup import parse

pytestmark = pytest.mark.django_db

GERMAN = "Bitte schreiben Sie diese Angabe in eine Zeile"
ENGLISH = "Please write this on one line"


CASES = [
    (FormKind.FUNDER, "name", "Fiona\r\nBcc: x@example.org"),
    (FormKind.FUNDER, "organisation", "Stiftung\nBeispiel"),
    (FormKind.MUNICIPALITY, "contact_name", "Mira\tMuster"),
    (FormKind.MUNICIPALITY, "municipality_name", "Kalle\x0btal"),
    (FormKind.COMPANY, "company_name", "Beispiel\u2028GmbH"),
    (FormKind.TALENT_POOL, "last_name", "Lovelace\rX"),
    (FormKind.TALENT_POOL, "city", "Kassel\x1b[31m"),
]


def valid_data(kind, comps, **overrides):
    if kind == FormKind.FUNDER:
        return funder_data(**overrides)
    if kind == FormKind.MUNICIPALITY:
        return municipality_data(**overrides)
    if kind == FormKind.COMPANY:
        return company_data(comps, **overrides)
    return application_data(comps, **overrides)


@pytest.mark.parametrize(("kind", "field", "value"), CASES)
def test_line_breaks_and_control_characters_are_refused_in_both_languages(
    client, form_pages, competencies, kind, field, value
):
    for page, message in [(form_pages[kind], GERMAN), (form_pages[f"{kind}_en"], ENGLISH)]:
        response = client.post(page.url, valid_data(kind, competencies, **{field: value}))

        assert response.status_code == 200
        html = parse(response)
        summary = html.select_one("#error-summary")
        assert summary.select(f'a[href="#id_{field}"]')
        assert message in summary.text
        # Nothing typed is lost: the other fields come back filled in.
        assert html.select_one('input[name="email"]').get("value")
    for model in (ContactRequest, MunicipalityRequest, CompanyOffer, Candidate):
        assert not model.objects.exists()
    assert mail.outbox == []


def test_ordinary_names_with_umlauts_apostrophes_and_dashes_pass(submit, form_pages):
    submit(form_pages[FormKind.FUNDER].url, funder_data(name="Renée O'Brien-Müller"))
    assert ContactRequest.objects.get().name == "Renée O'Brien-Müller"


def test_mail_subjects_are_not_html_escaped(submit, site_tree, competencies, form_pages):
    submit(form_pages[FormKind.FUNDER].url, funder_data(name="Fiona O'Brien & Töchter"))
    notification = next(m for m in mail.outbox if m.to == ["team@lokalprojekte.example"])
    assert notification.subject.endswith(": Fiona O'Brien & Töchter")

    mail.outbox.clear()
    project = factories.ProjectPageFactory(
        parent=site_tree.projects, title="Citizens' office <Mitte>", profile=[competencies[0]]
    )
    submit(f"{project.url}bewerben/", application_data(competencies))
    confirmation = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    assert "„Citizens' office <Mitte>“" in confirmation.subject
    assert "&" not in confirmation.subject
