"""Applying to a project: the form, what is saved, the mails, and the messages for bad input."""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.asserts import assertInHTML

from intake.models import (
    Application,
    Candidate,
    CandidateCompetency,
    ConsentRecord,
    OutgoingMail,
    PipelineStatus,
)
from projects.models import ProjectStatus
from tests.factories import MINIMAL_PDF
from tests.forms.conftest import application_data
from tests.markup import parse

pytestmark = pytest.mark.django_db


def apply_url(project):
    return f"{project.url}bewerben/"


def test_form_labels_every_field_and_groups_them(client, open_project, competencies):
    form = parse(client.get(apply_url(open_project))).select_one("form[method=post]")

    ids = {element.get("id") for element in form.select("input[id], select[id], textarea[id]")}
    labelled = {label.get("for") for label in form.select("label[for]")}
    hidden = {"id_form_started"}
    assert ids - hidden
    for field_id in ids - hidden:
        # Radio buttons and checkboxes of a group carry their own labels too.
        assert field_id in labelled, field_id
    assertInHTML("<legend><h3>Ihre Kompetenzen</h3></legend>", form.html)
    assert "Wo können Sie arbeiten?" in form.texts("legend")
    assert form.get("enctype") == "multipart/form-data"
    assert "Geburtsjahr (freiwillig)" in form.texts("label")
    assert "Geschlecht (freiwillig)" in form.texts("label")
    # Competencies are offered in the visitor's language, grouped by category.
    assert "UX-Design" in form.texts("optgroup > option")


def test_english_form_shows_english_competency_names(client, open_project_en):
    html = client.get(f"{open_project_en.url}bewerben/").content.decode()

    options = parse(html).texts("option")
    assert "UX design" in options
    assert "12 months" in options
    assertInHTML("<legend><h3>Your competencies</h3></legend>", html)


def test_consent_links_to_the_privacy_page(client, site_tree, open_project):
    from core.models import SiteSettings
    from tests import factories

    privacy = factories.StandardPageFactory(
        parent=site_tree.home, title="Datenschutzerklärung", slug="datenschutz"
    )
    site_settings = SiteSettings.for_site(site_tree.home.get_site())
    site_settings.privacy_page = privacy
    site_settings.save()

    html = client.get(apply_url(open_project)).content.decode()

    assertInHTML(f'<a href="{privacy.url}">Datenschutzerklärung</a>', html)


def test_happy_path_saves_everything_and_sends_both_mails(
    client, submit, open_project, competencies, settings
):
    response = submit(apply_url(open_project), application_data(competencies))

    assert response.status_code == 302
    assert response["Location"] == f"{apply_url(open_project)}danke/"
    candidate = Candidate.objects.get()
    assert candidate.full_name == "Ada Lovelace"
    assert candidate.talent_pool_until is None
    assert sorted(CandidateCompetency.objects.values_list("competency__name", "level")) == [
        ("Projektmanagement", 2),
        ("UX-Design", 3),
    ]
    application = Application.objects.get()
    assert application.project_id == open_project.pk
    assert application.status == PipelineStatus.RECEIVED
    assert application.language == "de"
    consent = ConsentRecord.objects.get()
    assert candidate.consent == consent
    assert consent.purpose == "application"
    assert consent.privacy_version == settings.PRIVACY_VERSION
    assert consent.language == "de"

    confirmation, notification = sorted(mail.outbox, key=lambda m: m.to != ["ada@example.org"])
    assert confirmation.to == ["ada@example.org"]
    assert "Kompass Kalletal" in confirmation.subject
    status_link = f"http://testserver/de/bewerbung/{application.access_token}/"
    assert status_link in confirmation.body
    assert notification.to == ["team@lokalprojekte.example"]
    assert notification.reply_to == ["ada@example.org"]
    assert "Ada Lovelace" in notification.body
    assert application.access_token not in notification.body
    assert OutgoingMail.objects.filter(sent_at__isnull=False).count() == 2

    thanks = client.get(response["Location"]).content.decode()
    assert "privater Link" in thanks


def test_talent_pool_checkbox_keeps_the_person_for_twelve_months(
    submit, open_project, competencies
):
    submit(apply_url(open_project), application_data(competencies, talent_pool="on"))

    candidate = Candidate.objects.get()
    today = datetime.date.today()
    assert candidate.talent_pool_until.year * 12 + candidate.talent_pool_until.month == (
        today.year * 12 + today.month + 12
    )
    assert ConsentRecord.objects.get().purpose == "application+talent_pool"
    confirmation = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    assert "Talentpool" in confirmation.body


def test_cv_is_stored_privately_under_a_random_name(
    client, submit, open_project, competencies, settings
):
    cv = SimpleUploadedFile("Lebenslauf Ada.pdf", MINIMAL_PDF, content_type="image/png")

    submit(apply_url(open_project), application_data(competencies, cv=cv))

    candidate = Candidate.objects.get()
    name = candidate.cv.name
    assert re.fullmatch(r"cv/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", name)
    stored = settings.PRIVATE_MEDIA_ROOT / name
    assert stored.read_bytes() == MINIMAL_PDF
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))
    # Nothing under the public media URL serves it.
    assert client.get(f"/media/{name}").status_code == 404


def test_not_open_project_has_no_form(client, site_tree, competencies):
    from tests import factories

    project = factories.ProjectPageFactory(
        parent=site_tree.projects, status=ProjectStatus.COMPLETED
    )

    assert client.get(apply_url(project)).status_code == 404
    assert client.post(apply_url(project), application_data(competencies)).status_code == 404
    assert not Candidate.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"first_name": ""}, "first_name", "Bitte geben Sie Ihren Vornamen an."),
        ({"email": "ada-at-example"}, "email", "Bitte geben Sie eine gültige E-Mail-Adresse an"),
        ({"postcode": "3411"}, "postcode", "Bitte geben Sie eine fünfstellige Postleitzahl an."),
        ({"phone": "call me"}, "phone", "Bitte geben Sie eine Telefonnummer aus Ziffern an"),
        ({"bundesland": "XX"}, "bundesland", "Bitte wählen Sie ein Bundesland aus der Liste."),
        ({"available_from": "morgen"}, "available_from", "Bitte geben Sie ein gültiges Datum an"),
        (
            {"preferred_duration_months": "24"},
            "preferred_duration_months",
            "Bitte wählen Sie eine Dauer zwischen 6 und 18 Monaten.",
        ),
        ({"year_of_birth": "1850"}, "year_of_birth", "Bitte prüfen Sie das Geburtsjahr."),
        ({"motivation": "x" * 5001}, "motivation", "höchstens 5.000 Zeichen"),
        ({"privacy_consent": None}, "privacy_consent", "Bitte stimmen Sie der Verarbeitung"),
        ({"competency_1": "999999"}, "competency_1", "Bitte wählen Sie eine Kompetenz aus der"),
        ({"level_1": ""}, "level_1", "Bitte schätzen Sie Ihr Niveau in dieser Kompetenz ein."),
        ({"level_1": "7"}, "level_1", "Bitte wählen Sie ein Niveau aus der Liste."),
        (
            {"competency_1": "", "level_1": "", "competency_2": "", "level_2": ""},
            "competency_1",
            "Bitte nennen Sie mindestens eine Kompetenz",
        ),
    ],
)
def test_bad_input_is_explained_in_german(
    client, open_project, competencies, overrides, field, message
):
    response = client.post(apply_url(open_project), application_data(competencies, **overrides))

    assert response.status_code == 200
    page = parse(response)
    # The error summary links to the field; the field points at its error message.
    summary = page.select_one("#error-summary")
    assert summary.select(f'a[href="#id_{field}"]')
    assert message in summary.text
    assert page.select(f"#id_{field}_error")
    assert page.select(f'[aria-describedby~="id_{field}_error"]')
    assert not Candidate.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_the_same_competency_twice_is_refused(client, open_project, competencies):
    data = application_data(competencies, competency_2=str(competencies[0].pk))

    html = client.post(apply_url(open_project), data).content.decode()

    assert "Diese Kompetenz haben Sie schon weiter oben gewählt." in html
    assert not Candidate.objects.exists()


def test_bad_input_is_explained_in_english(client, open_project_en, competencies):
    data = application_data(
        competencies, first_name="", email="nope", privacy_consent=None, level_1=""
    )

    html = client.post(f"{open_project_en.url}bewerben/", data).content.decode()

    assert "Please check your details" in html
    assert "Please enter your first name." in html
    assert "Please enter a valid email address" in html
    assert "Please agree to the processing of your details" in html
    assert "Please rate your level in this competency." in html
    assert not Candidate.objects.exists()


def selected_values(html, name):
    select = parse(html).select_one(f"select[name={name}]")
    return [o.get("value") for o in select.select("option[selected]") if o.get("value")]


def test_competency_rows_start_with_the_projects_profile(client, site_tree, competencies):
    from taxonomy.models import CompetencyLevel
    from tests import factories

    ux, management, participation = competencies
    project = factories.ProjectPageFactory(
        parent=site_tree.projects,
        slug="profil",
        # A nice-to-have listed first still comes after the must-haves.
        profile=[(participation, "nice"), (ux, "must", CompetencyLevel.EXPERT), management],
    )

    html = client.get(apply_url(project)).content.decode()

    assert selected_values(html, "competency_1") == [str(ux.pk)]
    assert selected_values(html, "competency_2") == [str(management.pk)]
    assert selected_values(html, "competency_3") == [str(participation.pk)]
    assert selected_values(html, "competency_4") == []
    # With the level the project asks for, as a starting point for the applicant's own.
    assert selected_values(html, "level_1") == [str(CompetencyLevel.EXPERT)]
    assert selected_values(html, "level_2") == [str(CompetencyLevel.ADVANCED)]
    assert selected_values(html, "level_4") == []
    assert "Eingetragen sind die Kompetenzen, die das Projekt sucht" in html


def test_a_prefilled_row_is_removed_by_unsetting_its_competency(submit, open_project, competencies):
    # What the browser sends when row 2 was pre-filled and its competency set back.
    data = application_data(competencies, competency_2="", level_2="2")

    assert submit(apply_url(open_project), data).status_code == 302
    assert [c.competency for c in CandidateCompetency.objects.all()] == [competencies[0]]


def test_posted_competencies_are_never_replaced_by_the_profile(client, open_project, competencies):
    data = application_data(
        competencies,
        competency_1=str(competencies[2].pk),
        competency_2="",
        level_2="",
        privacy_consent=None,
    )

    html = client.post(apply_url(open_project), data).content.decode()

    assert selected_values(html, "competency_1") == [str(competencies[2].pk)]
    assert selected_values(html, "competency_2") == []


def test_the_talent_pool_form_has_no_prefilled_competencies(client, form_pages, competencies):
    from intake.models import FormKind

    html = client.get(form_pages[FormKind.TALENT_POOL].url).content.decode()

    assert selected_values(html, "competency_1") == []
    assert "Eingetragen sind die Kompetenzen" not in html


def test_consent_to_be_shown_to_the_municipality_is_asked_and_off_by_default(
    client, submit, open_project, competencies
):
    form = parse(client.get(apply_url(open_project))).select_one("form[method=post]")
    box = form.select_one("input[name=municipality_consent]")
    assert box.get("type") == "checkbox"
    assert not box.has("checked")
    label = form.select_one(f"label[for={box.get('id')}]").text
    assert "der Kommune des Projekts zeigen" in label

    submit(apply_url(open_project), application_data(competencies))
    submit(
        apply_url(open_project),
        application_data(competencies, email="grace@example.org", municipality_consent="on"),
    )

    without, with_consent = Application.objects.order_by("pk")
    assert without.municipality_consent_at is None
    assert with_consent.municipality_consent_at is not None


def test_consent_to_be_shown_to_the_municipality_in_english(client, open_project_en):
    html = parse(client.get(f"{open_project_en.url}bewerben/").content)
    box = html.select_one("input[name=municipality_consent]")
    label = html.select_one(f"label[for={box.get('id')}]").text
    assert label.startswith("Lokalprojekte may show my application")
