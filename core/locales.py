"""Wagtail locales, looked up once per request.

``Locale.get_active()`` and ``Locale.get_default()`` query the database on every call, and
one listing page asks a dozen times (routing, header, filters, cards, labels). Inside a
request (``LocaleCacheMiddleware``) each language is read once; outside one (management
commands, tasks) every call queries as before, so a cache can never outlive its data.

Wagtail itself calls ``Locale.get_active()`` for routing and for every ``.localized``
(a story page asked eight times); ``use_request_cache_in_wagtail()`` routes those calls
through the same per-request cache.
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
        from core.lookup_cache import remember_shared  # it builds on this module

        cache[key] = remember_shared(
            ("locale", code), lambda: Locale.objects.filter(language_code=code).first()
        )
    return cache[key]


def locale_by_id(locale_id):
    """The Locale with this primary key (e.g. a page's ``locale_id``)."""
    cache = _cache.get()
    if cache is not None:
        # The cache also holds other per-request values (``remember``); only the
        # ("code", …) entries are locales.
        for key, locale in cache.items():
            if key[0] == "code" and locale is not None and locale.pk == locale_id:
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


def in_request():
    """True inside a request (``LocaleCacheMiddleware``), where values may be remembered."""
    return _cache.get() is not None


def remember(key, compute):
    """``compute()`` once per request under ``key`` (a tuple); outside a request every time."""
    cache = _cache.get()
    if cache is None:
        return compute()
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def forget(key):
    """Drop ``key`` from this request's cache (after a change of what it holds)."""
    cache = _cache.get()
    if cache is not None:
        cache.pop(key, None)


def use_request_cache_in_wagtail():
    """Make ``Locale.get_active()``/``get_default()`` answer from the request cache.

    Outside a request, and for a language without a Locale, Wagtail's own lookup runs, so
    its behaviour (including ``DoesNotExist``) is unchanged.
    """
    wagtail_get_active = Locale.get_active.__func__
    wagtail_get_default = Locale.get_default.__func__

    def get_active(cls):
        if _cache.get() is None:
            return wagtail_get_active(cls)
        code = translation.get_language() or settings.LANGUAGE_CODE
        return locale_for_language(code) or wagtail_get_default(cls)

    def get_default(cls):
        if _cache.get() is None:
            return wagtail_get_default(cls)
        return locale_for_language(settings.LANGUAGE_CODE) or wagtail_get_default(cls)

    Locale.get_active = classmethod(get_active)
    Locale.get_default = classmethod(get_default)
