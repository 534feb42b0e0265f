"""Wagtail locales, looked up once per request.

``Locale.get_active()`` and ``Locale.get_default()`` query the database on every call, and
one listing page asks a dozen times (routing, header, filters, cards, labels). Inside a
request (``LocaleCacheMiddleware``) each language is read once; outside one (management
commands, tasks) every call queries as before, so a cache can never outlive its data.
"""

import contextvars

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

_cache = contextvars.ContextVar("locale_cache", default=None)


class LocaleCacheMiddleware:
    """Give each request its own locale cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _cache.set({})
        try:
            return self.get_response(request)
        finally:
            _cache.reset(token)


def locale_for_language(code):
    """The Locale of a content language code (``"de"``, ``"en"``), or None if there is none."""
    try:
        code = get_supported_content_language_variant(code)
    except LookupError:
        return None
    cache = _cache.get()
    if cache is None:
        return Locale.objects.filter(language_code=code).first()
    key = ("code", code)
    if key not in cache:
        cache[key] = Locale.objects.filter(language_code=code).first()
    return cache[key]


def locale_by_id(locale_id):
    """The Locale with this primary key (e.g. a page's ``locale_id``)."""
    cache = _cache.get()
    if cache is not None:
        for locale in cache.values():
            if locale is not None and locale.pk == locale_id:
                return locale
    locale = Locale.objects.get(pk=locale_id)
    if cache is not None:
        cache[("code", locale.language_code)] = locale
    return locale


def default_locale():
    """The Locale of ``LANGUAGE_CODE`` (German): the one taxonomy references point at."""
    locale = locale_for_language(settings.LANGUAGE_CODE)
    if locale is None:
        raise Locale.DoesNotExist(f"No locale for {settings.LANGUAGE_CODE!r}")
    return locale


def active_locale():
    """The Locale of the active language, falling back to the default like ``get_active()``."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    return locale_for_language(code) or default_locale()
