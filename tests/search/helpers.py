"""Small helpers shared by the search tests."""

import re

from tests import factories


def result_titles(response):
    """The titles of the ordinary search results, in the order the page lists them."""
    html = response.content.decode()
    section = html.split('<ol class="search-results"', 1)
    if len(section) < 2:
        return []
    listing = section[1].split("</ol>", 1)[0]
    return re.findall(r'class="card__link" href="[^"]*">([^<]+)</a>', listing)


def promoted_titles(response):
    """The titles of the editor's picks above the results."""
    html = response.content.decode()
    section = html.split('<ol class="search-results search-results--promoted">', 1)
    if len(section) < 2:
        return []
    listing = section[1].split("</ol>", 1)[0]
    return re.findall(r'class="card__link" href="[^"]*">([^<]+)</a>', listing)


def standard_page(parent, title, **kwargs):
    """A published StandardPage under ``parent``."""
    return factories.StandardPageFactory(parent=parent, title=title, **kwargs)


def translate(page, locale, title, **fields):
    """Publish an English (or other) translation of ``page`` with the given title and fields."""
    translation = page.copy_for_translation(locale)
    translation.title = title
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation
