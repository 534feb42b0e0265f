"""The expert pool: listing, filters, the expert page and its contact form."""

import time

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from pytest_django.asserts import assertInHTML

from core.models import SiteSettings
from intake.forms import EXPERT_FORM_KIND
from intake.models import ContactRequest, OutgoingMail
from intake.spam import HONEYPOT_FIELD, issue_started_token
from tests import factories
from tests.markup import parse

pytestmark = pytest.mark.django_db

POOL_URL = "/de/lernen/expertinnen/"


def detail_url(expert):
    return f"{POOL_URL}{expert.slug}/"


def valid_data(**changes):
    data = {
        "name": "Petra Pat",
        "email": "petra@kommune.example",
        "organisation": "Stadt Eschwege",
        "message": "Wir möchten die E-Akte einführen. Haben Sie Zeit für ein Gespräch?",
        "privacy_consent": "on",
        "website": "",
        # Handed out with the form a minute ago, as if a person had filled it in.
        "form_started": issue_started_token(EXPERT_FORM_KIND, issued_at=time.time() - 60),
    }
    data.update(changes)
    return data


@pytest.fixture
def expert(expert_pool):
    return factories.ExpertFactory(
        name="Dr. Ada Agil",
        slug="ada-agil",
        position="Agile Coach",
        languages="Deutsch, Englisch",
        contact_email="ada.privat@example.org",
    )


def test_pool_lists_the_experts_of_its_language(client, expert_pool, locales):
    bernd = factories.ExpertFactory(name="Bernd Beispiel", organisation="Verwaltungsrebellen e. V.")
    english_only = factories.ExpertFactory(name="Eve English", locale=locales.en)

    response = client.get(POOL_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Bernd Beispiel" in html
    assert "Verwaltungsrebellen e. V." in html
    assert parse(html).select(f'a.card__link[href="{detail_url(bernd)}"]')
    assert english_only.name not in html


def test_pool_filters_by_expertise_availability_and_language(client, expert_pool):
    agile = factories.CompetencyFactory(name="Agile Methoden")
    law = factories.CompetencyFactory(name="Vergaberecht")
    factories.ExpertFactory(name="Anna Agil", expertise=[agile], languages="Deutsch, Englisch")
    factories.ExpertFactory(
        name="Volker Vergabe", expertise=[law], languages="Deutsch", availability="unavailable"
    )

    by_expertise = client.get(POOL_URL, {"expertise": agile.pk}).content.decode()
    assert "Anna Agil" in by_expertise and "Volker Vergabe" not in by_expertise

    by_availability = client.get(POOL_URL, {"availability": "unavailable"}).content.decode()
    assert "Volker Vergabe" in by_availability and "Anna Agil" not in by_availability

    by_language = client.get(POOL_URL, {"language": "englisch"}).content.decode()
    assert "Anna Agil" in by_language and "Volker Vergabe" not in by_language


def test_pool_paginates(client, expert_pool):
    for number in range(13):
        factories.ExpertFactory(name=f"Expertin {number:02d}")

    first = parse(client.get(POOL_URL))
    second = parse(client.get(POOL_URL, {"page": 2}))

    assert len(first.select(".card")) == 12
    assert len(second.select(".card")) == 1
    assert second.texts(".card__link") == ["Expertin 12"]


def test_pool_and_expert_render_in_english(client, site_tree, expert_pool, expert, locales):
    agile = factories.CompetencyFactory(name="Agile Methoden")
    factories.translate_snippet(agile, locales.en, name="Agile methods")
    expert.expertise.set([agile])
    expert.save()
    factories.translate_snippet(expert, locales.en, position="Agile coach (EN)")
    factories.publish_translation(site_tree.learning, locales.en, title="Learning library")
    pool_en = factories.publish_translation(expert_pool, locales.en, title="Expert pool")

    listing = client.get(pool_en.url)
    assert listing.status_code == 200
    assert "Dr. Ada Agil" in listing.content.decode()
    assert "Agile methods" in listing.content.decode()

    detail = client.get(f"{pool_en.url}ada-agil/")
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "Agile coach (EN)" in html
    assert "Agile methods" in html
    assert "Write a message to Dr. Ada Agil" in html


def test_expert_page_shows_the_profile(client, expert):
    expert.photo = factories.ImageFactory(title="Porträt")
    expert.organisation = "Forum Agile Verwaltung e. V."
    expert.save()

    response = client.get(detail_url(expert))

    assert response.status_code == 200
    html = response.content.decode()
    assertInHTML("<h1>Dr. Ada Agil</h1>", html)
    assert parse(html).select('img[alt="Dr. Ada Agil"]')
    assert "Forum Agile Verwaltung e. V." in html
    assert "Agile Coach" in html
    assert "Deutsch, Englisch" in parse(html).texts("dd")
    assert "Berät Kommunen seit vielen Jahren." in html
    assert "Verfügbar" in parse(html).texts("dd")


def test_unknown_expert_gives_404(client, expert_pool):
    assert client.get(f"{POOL_URL}niemand/").status_code == 404


def test_consent_links_to_the_privacy_page(client, site_tree, expert):
    privacy = factories.StandardPageFactory(
        parent=site_tree.home, title="Datenschutzerklärung", slug="datenschutz"
    )
    site_settings = SiteSettings.for_site(site_tree.home.get_site())
    site_settings.privacy_page = privacy
    site_settings.save()

    html = client.get(detail_url(expert)).content.decode()

    assert parse(html).select("input[name=privacy_consent]")
    assertInHTML('<a href="/de/datenschutz/">Datenschutzerklärung</a>', html)


def test_valid_request_is_stored_and_mailed(client, expert, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(detail_url(expert), valid_data())

    assert response.status_code == 302
    assert response["Location"] == detail_url(expert)
    contact = ContactRequest.objects.get()
    assert contact.kind == ContactRequest.Kind.EXPERT
    assert contact.expert == expert
    assert contact.email == "petra@kommune.example"
    assert contact.organisation == "Stadt Eschwege"
    assert contact.privacy_version == settings.PRIVACY_VERSION
    assert contact.consent_given_at is not None
    assert contact.language == "de"

    # The expert and the team get the message, the visitor a confirmation; both through the
    # outbox like every form's mail.
    assert OutgoingMail.objects.filter(sent_at__isnull=False).count() == 2
    forwarded, confirmation = _forwarded_and_confirmation()
    assert set(forwarded.to) == {settings.MATCHING_TEAM_EMAIL, "ada.privat@example.org"}
    assert forwarded.reply_to == ["petra@kommune.example"]
    assert "Dr. Ada Agil" in forwarded.subject
    assert "Wir möchten die E-Akte einführen." in forwarded.body
    assert confirmation.to == ["petra@kommune.example"]
    assert "Dr. Ada Agil" in confirmation.body
    assert "ada.privat@example.org" not in confirmation.body

    page = client.get(response["Location"])
    assert "Vielen Dank! Wir haben Ihre Nachricht an Dr. Ada Agil weitergeleitet." in (
        page.content.decode()
    )


def _forwarded_and_confirmation():
    """The mail to the expert and team, and the confirmation to the visitor."""
    forwarded = [m for m in mail.outbox if settings.MATCHING_TEAM_EMAIL in m.to]
    confirmation = [m for m in mail.outbox if settings.MATCHING_TEAM_EMAIL not in m.to]
    assert len(forwarded) == len(confirmation) == 1
    return forwarded[0], confirmation[0]


def test_request_without_expert_address_goes_to_the_team_only(
    client, expert, django_capture_on_commit_callbacks
):
    expert.contact_email = ""
    expert.save()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(detail_url(expert), valid_data())

    forwarded, _confirmation = _forwarded_and_confirmation()
    assert forwarded.to == [settings.MATCHING_TEAM_EMAIL]


def test_request_in_english_records_the_language(
    client, site_tree, expert_pool, expert, locales, django_capture_on_commit_callbacks
):
    factories.translate_snippet(expert, locales.en)
    factories.publish_translation(site_tree.learning, locales.en, title="Learning library")
    pool_en = factories.publish_translation(expert_pool, locales.en, title="Expert pool")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{pool_en.url}ada-agil/", valid_data(), follow=True)

    assert ContactRequest.objects.get().language == "en"
    assert "Thank you! We have forwarded your message to Dr. Ada Agil." in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        (
            {"privacy_consent": ""},
            "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu",
        ),
        ({"email": "keine-adresse"}, "Bitte geben Sie eine gültige E-Mail-Adresse an"),
        ({"message": ""}, "Bitte schreiben Sie eine Nachricht."),
        ({"message": "x" * 5001}, "höchstens 5.000 Zeichen"),
    ],
)
def test_invalid_request_shows_the_error_and_stores_nothing(
    client, expert, django_capture_on_commit_callbacks, changes, error
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(detail_url(expert), valid_data(**changes))

    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    assert "Bitte prüfen Sie Ihre Angaben" in html
    assert ContactRequest.objects.count() == 0
    assert mail.outbox == []


def test_invalid_request_in_english_shows_english_errors(
    client, site_tree, expert_pool, expert, locales
):
    factories.translate_snippet(expert, locales.en)
    factories.publish_translation(site_tree.learning, locales.en, title="Learning library")
    pool_en = factories.publish_translation(expert_pool, locales.en, title="Expert pool")

    response = client.post(f"{pool_en.url}ada-agil/", valid_data(privacy_consent="", email="nope"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Please agree to the processing of your details" in html
    assert "Please enter a valid email address" in html
    assert ContactRequest.objects.count() == 0


def test_filled_honeypot_looks_like_success_but_stores_and_sends_nothing(
    client, expert, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            detail_url(expert), valid_data(website="https://spam.example"), follow=True
        )

    assert response.status_code == 200
    assert "Vielen Dank!" in response.content.decode()
    assert ContactRequest.objects.count() == 0
    assert mail.outbox == []


def test_honeypot_is_hidden_from_people(client, expert):
    page = parse(client.get(detail_url(expert)))
    field = page.select_one(f"input[name={HONEYPOT_FIELD}]")
    wrapper = field.parent

    assert wrapper.classes == ["visually-hidden"]
    assert wrapper.get("aria-hidden") == "true"
    assert field.get("tabindex") == "-1"
    assert field.get("autocomplete") == "off"


def test_contact_form_requires_a_csrf_token(expert):
    response = Client(enforce_csrf_checks=True).post(detail_url(expert), valid_data())

    assert response.status_code == 403
    assert ContactRequest.objects.count() == 0


def test_expert_address_never_appears_in_html_or_api(client, site_tree, expert):
    address = expert.contact_email
    pages = [
        client.get(POOL_URL),
        client.get(detail_url(expert)),
        client.post(detail_url(expert), valid_data(privacy_consent="")),
        client.get("/de/lernen/"),
        client.get("/api/v2/experts/", {"fields": "*"}),
        client.get(f"/api/v2/experts/{expert.pk}/"),
    ]

    assert [response.status_code for response in pages] == [200] * len(pages)
    for response in pages:
        assert address not in response.content.decode()
    # The API does answer with the expert, so the check above looked at real content.
    assert "Dr. Ada Agil" in pages[-1].content.decode()


def test_contact_form_has_the_spam_protection_of_the_other_forms(client, expert, settings):
    """Too fast, replayed without a token, or too often: refused like every public form."""
    too_fast = valid_data(form_started=issue_started_token(EXPERT_FORM_KIND))
    response = client.post(detail_url(expert), too_fast)
    assert response.status_code == 302  # looks like success to a bot, keeps nothing
    assert ContactRequest.objects.count() == 0

    without_token = valid_data(form_started="")
    assert client.post(detail_url(expert), without_token).status_code == 200
    assert ContactRequest.objects.count() == 0

    cache.clear()
    settings.FORM_RATE_LIMIT = {"submissions": 2, "seconds": 600}
    for _ in range(2):
        assert client.post(detail_url(expert), valid_data()).status_code == 302
    refused = client.post(detail_url(expert), valid_data())
    assert refused.status_code == 429
    assert ContactRequest.objects.count() == 2


def test_contact_mail_waits_in_the_outbox_while_the_mail_server_is_down(
    client, expert, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.forms.failing_backend.FailingEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(detail_url(expert), valid_data())

    assert response.status_code == 302
    assert ContactRequest.objects.count() == 1
    pending = OutgoingMail.objects.filter(sent_at__isnull=True)
    assert pending.count() == 2
    assert all(row.attempts == 1 and row.last_error for row in pending)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_mail", verbosity=0)

    assert OutgoingMail.objects.filter(sent_at__isnull=True).count() == 0
    forwarded, _confirmation = _forwarded_and_confirmation()
    assert "ada.privat@example.org" in forwarded.to
