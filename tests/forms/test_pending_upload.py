"""A valid CV survives a form error: kept in private storage under a signed, expiring
reference, shown by name with the choice to replace or remove it, deleted when abandoned."""

import os
import time

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from intake.models import Candidate, FormKind
from intake.uploads import PENDING_DIR
from tests.factories import MINIMAL_PDF
from tests.forms.conftest import application_data, minimal_docx
from tests.markup import parse

pytestmark = pytest.mark.django_db

KEPT_NOTICE = "Lebenslauf.pdf ist angehängt."
NOT_MATCHED = "Die angehängte Datei konnte nicht zugeordnet werden."


def apply_url(project):
    return f"{project.url}bewerben/"


def pdf(name="Lebenslauf.pdf", content=MINIMAL_PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def pending_files(settings):
    folder = settings.PRIVATE_MEDIA_ROOT / PENDING_DIR
    return sorted(folder.iterdir()) if folder.exists() else []


def reference_in(html):
    """The value of the hidden reference the re-rendered form carries."""
    field = parse(html).select_one("input[name=cv_pending]")
    assert field is not None and field.get("type") == "hidden"
    return field.get("value")


def post_with_mistake(client, project, competencies, cv=None, **overrides):
    """Send the form (with a new CV unless ``cv`` is given, "" for none) without the consent
    tick."""
    data = application_data(
        competencies, privacy_consent=None, cv=pdf() if cv is None else cv, **overrides
    )
    response = client.post(apply_url(project), data)
    assert response.status_code == 200
    return response.content.decode()


def test_a_valid_cv_is_kept_after_another_mistake(client, open_project, competencies, settings):
    html = post_with_mistake(client, open_project, competencies)

    page = parse(html)
    assert (
        "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu."
        in page.select_one("#error-summary").text
    )
    assert page.select_one(".upload-kept__name").text == KEPT_NOTICE
    # Replace: the file input is still there, described by the notice; remove: a checkbox.
    file_input = page.select_one("input[type=file][name=cv]")
    assert file_input.get("aria-describedby") == "id_cv_helptext"
    assert page.select_one("#id_cv_helptext .upload-kept__name")
    assert "Angehängte Datei entfernen" in page.texts("label[for=id_cv_remove]")
    assert page.select_one("input[type=checkbox][name=cv_remove]").get("checked") is None
    # The file lies in the private pending folder under a random name, not under MEDIA_ROOT.
    [parked] = pending_files(settings)
    assert parked.read_bytes() == MINIMAL_PDF
    assert "Lebenslauf" not in parked.name
    assert not parked.is_relative_to(settings.MEDIA_ROOT)
    assert parked.name not in html
    assert reference_in(html)
    assert not Candidate.objects.exists()
    # Template comments stay comments (a multi-line {# #} would be printed on the page).
    assert "{#" not in html and "#}" not in html


def test_next_valid_post_without_file_saves_the_kept_cv(
    client, submit, open_project, competencies, settings
):
    reference = reference_in(post_with_mistake(client, open_project, competencies))

    response = submit(apply_url(open_project), application_data(competencies, cv_pending=reference))

    assert response.status_code == 302
    candidate = Candidate.objects.get()
    assert candidate.cv.name.startswith("cv/")
    assert candidate.cv.read() == MINIMAL_PDF
    # Moved into its place: the parked copy is gone.
    assert pending_files(settings) == []


def test_kept_cv_survives_several_mistakes(client, submit, open_project, competencies):
    reference = reference_in(post_with_mistake(client, open_project, competencies))
    html = post_with_mistake(
        client, open_project, competencies, cv="", cv_pending=reference, motivation=""
    )
    assert parse(html).select_one(".upload-kept__name").text == KEPT_NOTICE
    assert reference_in(html) == reference

    submit(apply_url(open_project), application_data(competencies, cv_pending=reference))

    assert Candidate.objects.get().cv.read() == MINIMAL_PDF


def test_a_new_file_replaces_the_kept_one(client, submit, open_project, competencies, settings):
    first = reference_in(post_with_mistake(client, open_project, competencies))
    docx = SimpleUploadedFile("Neuer Lebenslauf.docx", minimal_docx())

    html = post_with_mistake(client, open_project, competencies, cv=docx, cv_pending=first)

    assert parse(html).select_one(".upload-kept__name").text == (
        "Neuer Lebenslauf.docx ist angehängt."
    )
    [parked] = pending_files(settings)
    assert parked.suffix == ".docx"
    submit(apply_url(open_project), application_data(competencies, cv_pending=reference_in(html)))
    assert Candidate.objects.get().cv.name.endswith(".docx")


def test_remove_sends_no_cv(client, submit, open_project, competencies, settings):
    reference = reference_in(post_with_mistake(client, open_project, competencies))

    response = submit(
        apply_url(open_project),
        application_data(competencies, cv_pending=reference, cv_remove="on"),
    )

    assert response.status_code == 302
    assert not Candidate.objects.get().cv
    assert pending_files(settings) == []


def test_remove_with_another_mistake_shows_no_notice(client, open_project, competencies, settings):
    reference = reference_in(post_with_mistake(client, open_project, competencies))

    html = post_with_mistake(
        client, open_project, competencies, cv="", cv_pending=reference, cv_remove="on"
    )

    assert "ist angehängt" not in html
    assert parse(html).select("input[name=cv_pending]") == []
    assert pending_files(settings) == []


def test_a_tampered_reference_is_a_clear_error(client, open_project, competencies):
    reference = reference_in(post_with_mistake(client, open_project, competencies))
    tampered = reference[:-3] + ("abc" if not reference.endswith("abc") else "xyz")

    response = client.post(
        apply_url(open_project), application_data(competencies, cv_pending=tampered)
    )

    assert response.status_code == 200
    summary = parse(response.content.decode()).select_one("#error-summary")
    [link] = summary.select('a[href="#id_cv"]')
    assert NOT_MATCHED in link.text
    assert not Candidate.objects.exists()


def test_a_signed_reference_cannot_point_outside_the_pending_folder(
    client, open_project, competencies, settings
):
    from intake import uploads

    secret = settings.PRIVATE_MEDIA_ROOT / "cv" / "2026" / "01"
    secret.mkdir(parents=True)
    (secret / ("a" * 32 + ".pdf")).write_bytes(MINIMAL_PDF)
    # Even a correctly signed reference (which needs the secret key) names only a file
    # directly in the pending folder.
    signer = signing.TimestampSigner(salt=uploads._PENDING_SALT)
    for name in ["../cv/2026/01/" + "a" * 32 + ".pdf", "/etc/passwd", "a" * 32 + ".exe"]:
        forged = signer.sign_object({"n": name, "o": "x.pdf"})
        html = client.post(
            apply_url(open_project), application_data(competencies, cv_pending=forged)
        ).content.decode()
        assert NOT_MATCHED in html
    assert not Candidate.objects.exists()


def test_an_expired_reference_asks_for_the_file_again(client, open_project, competencies, settings):
    reference = reference_in(post_with_mistake(client, open_project, competencies))
    settings.PENDING_UPLOAD_MAX_AGE = -1

    html = client.post(
        apply_url(open_project), application_data(competencies, cv_pending=reference)
    ).content.decode()

    assert "Die angehängte Datei haben wir nur einen Tag lang aufbewahrt." in html
    assert not Candidate.objects.exists()


def test_a_purged_file_asks_for_the_file_again(client, open_project, competencies, settings):
    reference = reference_in(post_with_mistake(client, open_project, competencies))
    for parked in pending_files(settings):
        parked.unlink()

    html = client.post(
        apply_url(open_project), application_data(competencies, cv_pending=reference)
    ).content.decode()

    assert "Die angehängte Datei haben wir nur einen Tag lang aufbewahrt." in html


def test_english_error_for_a_tampered_reference(client, open_project_en, competencies):
    html = client.post(
        apply_url(open_project_en), application_data(competencies, cv_pending="forged:x:y")
    ).content.decode()

    assert "We could not match the attached file." in html


def test_the_file_name_is_shown_escaped(client, open_project, competencies):
    html = post_with_mistake(
        client, open_project, competencies, cv=pdf(name="Ada & <img src=x onerror=alert(1)>.pdf")
    )

    assert "<img src=x" not in html
    assert "Ada &amp; &lt;img src=x onerror=alert(1)&gt;.pdf ist angehängt." in html


def test_a_refused_file_is_not_kept(client, open_project, competencies, settings):
    html = post_with_mistake(client, open_project, competencies, cv=pdf(content=b"not a document"))

    assert "Diese Datei können wir nicht annehmen." in html
    assert "ist angehängt" not in html
    assert pending_files(settings) == []


def test_the_talent_pool_form_keeps_the_cv_too(client, submit, form_pages, competencies):
    page = form_pages[FormKind.TALENT_POOL]
    html = client.post(
        page.url, application_data(competencies, privacy_consent=None, cv=pdf())
    ).content.decode()
    assert KEPT_NOTICE in parse(html).select_one(".upload-kept").text

    submit(page.url, application_data(competencies, cv_pending=reference_in(html)))

    assert Candidate.objects.get().cv.read() == MINIMAL_PDF


def test_a_rate_limited_post_keeps_the_cv(client, open_project, competencies, settings):
    settings.FORM_RATE_LIMIT = {"submissions": 0, "seconds": 600}

    response = client.post(apply_url(open_project), application_data(competencies, cv=pdf()))

    assert response.status_code == 429
    html = response.content.decode()
    assert KEPT_NOTICE in parse(html).select_one(".upload-kept").text
    assert 'value="Lovelace"' in html


def test_purge_deletes_old_pending_uploads_and_keeps_fresh_ones(settings):
    folder = settings.PRIVATE_MEDIA_ROOT / PENDING_DIR
    folder.mkdir(parents=True)
    old, fresh = folder / ("a" * 32 + ".pdf"), folder / ("b" * 32 + ".pdf")
    for path in (old, fresh):
        path.write_bytes(MINIMAL_PDF)
    day_and_a_bit = time.time() - settings.PENDING_UPLOAD_MAX_AGE - 60
    os.utime(old, (day_and_a_bit, day_and_a_bit))
    # A CV of an application lies elsewhere and is never touched, however old.
    saved = settings.PRIVATE_MEDIA_ROOT / "cv" / ("c" * 32 + ".pdf")
    saved.parent.mkdir(parents=True)
    saved.write_bytes(MINIMAL_PDF)
    os.utime(saved, (day_and_a_bit, day_and_a_bit))

    call_command("purge_pending_uploads", verbosity=0)

    assert not old.exists()
    assert fresh.exists()
    assert saved.exists()


def test_purge_without_any_pending_upload_does_nothing(settings):
    call_command("purge_pending_uploads", verbosity=0)

    assert not (settings.PRIVATE_MEDIA_ROOT / PENDING_DIR).exists()
