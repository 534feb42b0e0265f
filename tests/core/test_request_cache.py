"""The per-request cache (core/locales.py) holds locales next to other remembered values."""

import pytest
from wagtail.models import Locale, Site

from core.locales import _cache, locale_by_id, locale_for_language, remember

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_a_request():
    token = _cache.set({})
    yield
    _cache.reset(token)


def test_a_locale_is_found_by_id_next_to_other_remembered_values(in_a_request):
    german = Locale.objects.get(language_code="de")
    english, _ = Locale.objects.get_or_create(language_code="en")
    remember(("site-root-paths",), Site.get_site_root_paths)  # a list in the same cache
    assert locale_for_language("de") == german
    assert locale_by_id(english.pk) == english
    assert locale_by_id(german.pk) == german


def test_a_remembered_value_is_computed_once_per_request(in_a_request):
    calls = []
    assert remember(("answer",), lambda: calls.append(1) or 42) == 42
    assert remember(("answer",), lambda: calls.append(1) or 43) == 42
    assert calls == [1]
