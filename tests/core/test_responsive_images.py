"""Images reach visitors as <picture>: AVIF and WebP in three widths, JPEG for the rest.

The lead image loads at once (it is the largest thing at the top of the page); images in
cards load lazily. Each <img> keeps its width and height (no layout shift) and its alt text.
"""

import functools
import re

import pytest

from tests import factories
from tests.markup import parse

pytestmark = pytest.mark.django_db

WIDTHS = {"480w", "800w", "1200w"}


@pytest.fixture
def story(site_tree):
    """A published German story below the stories index."""
    return functools.partial(factories.StoryPageFactory, parent=site_tree.stories, publish=True)


@pytest.fixture
def photo():
    """A landscape image larger than the widest rendition, with a default alt text."""
    return factories.ImageFactory(
        file__width=1600,
        file__height=900,
        alt_text="Das Rathaus von Eschwege am Marktplatz",
    )


def srcset_widths(srcset):
    """The width descriptors of a srcset value ({'480w', ...})."""
    return {candidate.split()[-1] for candidate in srcset.split(",")}


def test_story_lead_image_is_a_picture_with_avif_and_webp_loaded_first(client, story, photo):
    page = story(lead_image=photo, lead_image_alt="Die Macherin vor dem Rathaus")

    response = client.get(page.url)

    picture = parse(response).select_one("figure.lead-image picture")
    sources = {source.get("type"): source for source in picture.select("source")}
    assert set(sources) == {"image/avif", "image/webp"}
    for source in sources.values():
        assert srcset_widths(source.get("srcset")) == WIDTHS
        assert source.get("sizes")
    img = picture.select_one("img")
    assert img.get("src").endswith(".jpg")
    assert srcset_widths(img.get("srcset")) == WIDTHS
    # The fallback is the widest JPEG: its width and height set the aspect ratio and the
    # size the layout may scale down from, as before there were several widths.
    assert (img.get("width"), img.get("height")) == ("1200", "675")
    assert img.get("alt") == "Die Macherin vor dem Rathaus"
    assert img.get("loading") != "lazy"
    assert img.get("fetchpriority") == "high"


def test_avif_rendition_is_a_real_avif_file(client, story, photo):
    page = story(lead_image=photo)

    response = client.get(page.url)

    srcset = parse(response).select_one('source[type="image/avif"]').get("srcset")
    url = srcset.split(",")[0].split()[0]
    rendition = photo.renditions.get(file__endswith=url.rsplit("/", 1)[-1])
    with rendition.file.open("rb") as file:
        assert re.match(rb"....ftypavif", file.read(12))


def test_story_card_image_loads_lazily_and_is_decorative(client, site_tree, story, photo):
    story(title="E-Akte in Eschwege", lead_image=photo)

    response = client.get(site_tree.stories.url)

    card = parse(response).select_one("article.card")
    assert {s.get("type") for s in card.select("picture source")} == {"image/avif", "image/webp"}
    img = card.select_one("picture img")
    assert img.get("loading") == "lazy"
    assert img.get("alt") == ""
    assert img.has("width") and img.has("height")


def test_lead_image_without_any_alt_text_gets_an_empty_alt(client, story):
    image = factories.ImageFactory(file__width=1600, file__height=900, alt_text="")
    page = story(lead_image=image, lead_image_alt="")

    img = parse(client.get(page.url)).select_one("figure.lead-image img")

    assert img.has("alt") and img.get("alt") == ""
