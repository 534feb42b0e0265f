"""English pages: translated image texts, slugs from translated titles, what exists only in
German, and dates in British style. Translations go through wagtail-localize's own flow."""

import datetime

import pytest
from django.test import TestCase
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests import factories
from tests.markup import parse

pytestmark = pytest.mark.django_db


def translate(page, locale, strings):
    """Translate ``page`` as a translator does in wagtail-localize's editor, and publish it.

    ``strings`` maps German source texts to their English translations; the rest falls back
    to the source, as when a translator publishes with segments left untranslated.
    Calling it again for the same page updates the translation (a later sync).
    """
    source, _ = TranslationSource.get_or_create_from_instance(page)
    source.update_from_db()
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": strings[segment.string.data]},
            )
    # wagtail-localize publishes once the transaction commits; the test's never does.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    return page.get_translation(locale).specific


def test_translated_image_block_alt_text_and_credit_appear_on_the_english_page(
    client, site_tree, locales
):
    image = factories.ImageFactory(alt_text="Standard-Alternativtext", credit="Foto: Stadt")
    page = factories.StandardPageFactory(
        parent=site_tree.home,
        title="Über uns",
        body=[
            (
                "image",
                {
                    "image": {
                        "image": image,
                        "alt_text": "Das Rathaus am Markt",
                        "decorative": False,
                    },
                    "caption": "Unser Rathaus",
                    "credit": "Foto: Stadt Eschwege",
                },
            )
        ],
        publish=True,
    )

    english = translate(
        page,
        locales.en,
        {
            "Über uns": "About us",
            "Das Rathaus am Markt": "The town hall on the market square",
            "Unser Rathaus": "Our town hall",
            "Foto: Stadt Eschwege": "Photo: Town of Eschwege",
        },
    )

    german_figure = parse(client.get(page.url)).select_one("main figure")
    english_figure = parse(client.get(english.url)).select_one("main figure")
    assert german_figure.select_one("img").get("alt") == "Das Rathaus am Markt"
    assert english_figure.select_one("img").get("alt") == "The town hall on the market square"
    assert english_figure.select_one("figcaption").text == "Our town hall © Photo: Town of Eschwege"


def test_image_block_without_own_alt_text_uses_the_images_default(client, site_tree):
    image = factories.ImageFactory(alt_text="Standard-Alternativtext", credit="Foto: Archiv")
    page = factories.StandardPageFactory(
        parent=site_tree.home,
        body=[("image", {"image": {"image": image, "alt_text": "", "decorative": False}})],
        publish=True,
    )

    figure = parse(client.get(page.url)).select_one("main figure")

    assert figure.select_one("img").get("alt") == "Standard-Alternativtext"
    assert figure.select_one("figcaption").text == "© Foto: Archiv"


def test_story_lead_image_alt_credit_and_quote_author_are_translated(client, site_tree, locales):
    image = factories.ImageFactory(alt_text="Deutscher Alternativtext", credit="Foto: Stadt")
    story = factories.StoryPageFactory(
        parent=site_tree.stories,
        lead_image=image,
        lead_image_alt="Die Macherin am Schreibtisch",
        lead_image_credit="Foto: Stadt Eschwege",
        quote="Wie gewinnen wir Fachkräfte?",
        quote_author="Bürgermeister der Stadt Eschwege",
        publish=True,
    )
    factories.publish_translation(site_tree.stories, locales.en, title="Success stories")

    english = translate(
        story,
        locales.en,
        {
            "Die Macherin am Schreibtisch": "The maker at her desk",
            "Foto: Stadt Eschwege": "Photo: Town of Eschwege",
            "Bürgermeister der Stadt Eschwege": "Mayor of Eschwege",
        },
    )

    document = parse(client.get(english.url))
    lead = document.select_one("figure.lead-image")
    assert lead.select_one("img").get("alt") == "The maker at her desk"
    assert lead.select_one("figcaption").text == "Image credit: Photo: Town of Eschwege"
    assert document.select_one("figure.block-quote figcaption").text == "— Mayor of Eschwege"


def test_english_slug_follows_the_translated_title(client, site_tree, locales):
    page = factories.StandardPageFactory(
        parent=site_tree.home, title="Für Kommunen", slug="fuer-kommunen", publish=True
    )

    english = translate(page, locales.en, {"Für Kommunen": "For municipalities"})

    assert english.slug == "for-municipalities"
    assert english.url == "/en/for-municipalities/"
    assert client.get("/en/for-municipalities/").status_code == 200

    # A later sync with a new title keeps the address the page already has.
    english = translate(page, locales.en, {"Für Kommunen": "For local authorities"})
    assert english.title == "For local authorities"
    assert english.slug == "for-municipalities"


def test_english_slug_is_unique_among_its_siblings(site_tree, locales):
    factories.publish_translation(
        factories.StandardPageFactory(parent=site_tree.home, slug="kontakt", publish=True),
        locales.en,
        title="Contact",
        slug="contact",
    )
    page = factories.StandardPageFactory(
        parent=site_tree.home, title="Kontaktformular", slug="kontaktformular", publish=True
    )

    english = translate(page, locales.en, {"Kontaktformular": "Contact"})

    assert english.slug == "contact-1"


def test_a_slug_the_translator_wrote_is_kept(site_tree, locales):
    page = factories.StandardPageFactory(
        parent=site_tree.home, title="Für Kommunen", slug="fuer-kommunen", publish=True
    )

    english = translate(
        page, locales.en, {"Für Kommunen": "For municipalities", "fuer-kommunen": "councils"}
    )

    assert english.slug == "councils"


def test_untranslated_title_keeps_the_source_slug(site_tree, locales):
    page = factories.StandardPageFactory(
        parent=site_tree.home, title="Impressum", slug="impressum", publish=True
    )

    english = translate(page, locales.en, {})

    assert english.slug == "impressum"


@pytest.fixture
def english_listings(site_tree, locales):
    """English project and story listings with one of three German items each translated."""
    projects = [
        factories.ProjectPageFactory(parent=site_tree.projects, title=f"Projekt {n}")
        for n in range(3)
    ]
    stories = [
        factories.StoryPageFactory(parent=site_tree.stories, title=f"Geschichte {n}", publish=True)
        for n in range(3)
    ]
    # Not a success story yet: it is not listed in German either, so it is not counted.
    factories.StoryPageFactory(
        parent=site_tree.stories,
        title="Läuft noch",
        period_end=None,
        project=projects[0],
        publish=True,
    )
    factories.publish_translation(site_tree.projects, locales.en, title="Projects")
    factories.publish_translation(site_tree.stories, locales.en, title="Success stories")
    factories.publish_translation(projects[0], locales.en, title="Project 0")
    factories.publish_translation(stories[0], locales.en, title="Story 0")
    return site_tree


def notice(response):
    """The text of a listing's language notice (below the alert's title), or None."""
    found = parse(response).select("main .notice--language .kern-body")
    return found[0] if found else None


def test_english_listings_say_how_many_items_exist_only_in_german(client, english_listings):
    projects = notice(client.get("/en/projekte/"))
    stories = notice(client.get("/en/geschichten/"))

    assert projects.text.startswith("2 more projects are only available in German.")
    link = projects.select_one("a")
    assert (link.get("href"), link.get("hreflang")) == ("/de/projekte/", "de")
    assert stories.text.startswith("2 more stories are only available in German.")
    assert stories.select_one("a").get("href") == "/de/geschichten/"


def test_english_listing_with_everything_translated_says_nothing(client, site_tree, locales):
    project = factories.ProjectPageFactory(parent=site_tree.projects)
    factories.publish_translation(site_tree.projects, locales.en, title="Projects")
    factories.publish_translation(project, locales.en, title="Project")

    assert notice(client.get("/en/projekte/")) is None


def test_german_listings_say_nothing_about_languages(client, english_listings):
    assert notice(client.get("/de/projekte/")) is None
    assert notice(client.get("/de/geschichten/")) is None


def test_dates_follow_the_language_of_the_page(client, site_tree, locales):
    deadline = datetime.date(datetime.date.today().year + 1, 12, 1)
    project = factories.ProjectPageFactory(parent=site_tree.projects, application_deadline=deadline)
    factories.publish_translation(site_tree.projects, locales.en, title="Projects")
    project_en = factories.publish_translation(project, locales.en, title="Project")

    german = client.get(project.url).content.decode()
    english = client.get(project_en.url).content.decode()

    assert f"1. Dezember {deadline.year}" in german
    assert f"1 December {deadline.year}" in english
    assert f"December 1, {deadline.year}" not in english
