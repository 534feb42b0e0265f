"""No input makes a form answer 500: random strings, unicode and huge values to every form."""

from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.forms import (
    ApplicationForm,
    CompanyOfferForm,
    FunderContactForm,
    MunicipalityRequestForm,
)
from intake.models import FormKind
from tests.forms.conftest import started

pytestmark = pytest.mark.django_db

FIELD_NAMES = {
    "application": [*ApplicationForm.base_fields]
    + [f"{name}_{row}" for row in range(1, 7) for name in ("competency", "level")],
    FormKind.MUNICIPALITY: [*MunicipalityRequestForm.base_fields],
    FormKind.COMPANY: [*CompanyOfferForm.base_fields],
    FormKind.FUNDER: [*FunderContactForm.base_fields],
}

# Text of every kind: control characters, NUL, surrogates excluded (they cannot be sent),
# digits that overflow integer columns, dates out of range, very long values.
values = st.one_of(
    st.text(max_size=50),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=300),
    st.sampled_from(
        [
            "",
            "\x00",
            "9" * 30,
            "-1",
            "0",
            "1e400",
            "2030-02-31",
            "99999-01-01",
            "31.12.9999",
            "'; DROP TABLE projects_candidate; --",
            "<script>alert(1)</script>",
            "on",
            "x" * 70_000,
        ]
    ),
    st.integers().map(str),
)
lists = st.lists(values, max_size=3)


def form_data(kind):
    """A dict of random values for some of the form's fields, sometimes with valid extras."""
    names = FIELD_NAMES[kind]
    return st.fixed_dictionaries(
        {},
        optional={name: st.one_of(values, lists) for name in names},
    ).map(lambda data: data | {"form_started": data.get("form_started", started(kind=kind))})


@pytest.fixture
def urls(open_project, form_pages):
    return {
        "application": f"{open_project.url}bewerben/",
        "talent_pool": form_pages[FormKind.TALENT_POOL].url,
        FormKind.MUNICIPALITY: form_pages[FormKind.MUNICIPALITY].url,
        FormKind.COMPANY: form_pages[FormKind.COMPANY].url,
        FormKind.FUNDER: form_pages[f"{FormKind.FUNDER}_en"].url,
    }


FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(data=form_data("application"), cv=st.binary(max_size=2000))
def test_application_forms_never_fail(client, urls, data, cv):
    cache.clear()
    files = {"cv": SimpleUploadedFile("cv.pdf", cv, content_type="application/pdf")}
    for url in (urls["application"], urls["talent_pool"]):
        response = client.post(url, data | files)
        assert response.status_code in {200, 302, 429}


@FUZZ
@given(
    kind=st.sampled_from([FormKind.MUNICIPALITY, FormKind.COMPANY, FormKind.FUNDER]),
    data=st.data(),
)
def test_request_forms_never_fail(client, urls, kind, data):
    cache.clear()
    payload = data.draw(form_data(kind))

    response = client.post(urls[kind], payload)

    assert response.status_code in {200, 302, 429}


@FUZZ
@given(token=st.text(max_size=200))
def test_status_page_never_fails(client, token):
    token = quote(token, safe="")
    for path in (f"/de/bewerbung/{token}/", f"/en/application/{token}/withdraw/"):
        assert client.get(path).status_code in {200, 301, 302, 404}
        assert client.post(path).status_code in {200, 301, 302, 404, 405}


@FUZZ
@given(changes=st.dictionaries(st.sampled_from(FIELD_NAMES["application"]), values, max_size=3))
def test_valid_application_with_a_few_random_fields_never_fails(
    client, urls, competencies, changes
):
    """Mostly valid input reaches the saving code, where the database has its own limits."""
    from tests.forms.conftest import application_data

    cache.clear()
    response = client.post(urls["application"], application_data(competencies) | changes)

    assert response.status_code in {200, 302, 429}
