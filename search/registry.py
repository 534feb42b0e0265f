"""Which documents the engine keeps: the app that owns them registers one definition.

The search app knows no other app. The projects app registers its ``ProjectIndex`` in its
``AppConfig.ready()``; search/indexing.py and search/signals.py work with whatever is
registered. A definition provides ``name``, ``model`` (a Page subclass), ``indexable()``,
``index_settings(lang)``, ``language_of(page)`` and ``document_builder()`` (an object with
``prefetch(pages)``, ``document(page)`` and ``forget(pages)``).
"""

from django.core.exceptions import ImproperlyConfigured

_registered = []


def register(definition):
    """Register the definition of the indexed documents (search/signals.py then follows it)."""
    if _registered and _registered[0] is not definition:
        raise ImproperlyConfigured("Only one kind of document can be indexed.")
    if not _registered:
        _registered.append(definition)


def is_indexed(instance):
    """True if ``instance`` is of the registered kind of page."""
    return bool(_registered) and isinstance(instance, _registered[0].model)


def indexed():
    """The registered definition; raises ImproperlyConfigured if none is."""
    if not _registered:
        raise ImproperlyConfigured("No search index is registered (see search/registry.py).")
    return _registered[0]
