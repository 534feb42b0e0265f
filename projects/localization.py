"""Taxonomy names in a given language, with an optional per-request cache.

Pages refer to the German taxonomy rows; a page in another language shows the names of
their translations. Inside ``taxonomy_name_cache()`` all names of a model and language are
read once, so a listing of N pages costs one query per taxonomy instead of N.
"""

import contextlib
import contextvars

_names = contextvars.ContextVar("taxonomy_names", default=None)


@contextlib.contextmanager
def taxonomy_name_cache():
    """Cache translated taxonomy names for the duration of the block (e.g. one API request)."""
    token = _names.set({})
    try:
        yield
    finally:
        _names.reset(token)


def name_in_locale(obj, locale_id):
    """The name of a taxonomy row (Topic, Competency) in the language ``locale_id``."""
    if obj.locale_id == locale_id:
        return obj.name
    model = type(obj)
    cache = _names.get()
    if cache is None:
        translated = (
            model.objects.filter(translation_key=obj.translation_key, locale_id=locale_id)
            .values_list("name", flat=True)
            .first()
        )
        return translated or obj.name
    key = (model, locale_id)
    if key not in cache:
        cache[key] = dict(
            model.objects.filter(locale_id=locale_id).values_list("translation_key", "name")
        )
    return cache[key].get(obj.translation_key, obj.name)
