"""Taxonomy names in a given language, with an optional per-request cache.

Pages refer to the German taxonomy rows; a page in another language shows the names of
their translations. Inside ``taxonomy_name_cache()`` all names of a model and language are
read once, so a listing of N pages costs one query per taxonomy instead of N.
"""

import contextlib
import contextvars
from collections import defaultdict

from core.locales import active_locale

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


def localize_many(instances):
    """Map each taxonomy instance to its version in the active language.

    Does what the ``|localized`` template filter does, but with one query per model instead
    of one per instance, so a listing's query count does not grow with its length.
    Instances without a translation map to themselves. The keys are the instances (model
    instances compare by model and pk), so several models can be localized in one call.
    """
    instances = [obj for obj in instances if obj is not None]
    result = {obj: obj for obj in instances}
    locale = active_locale()
    by_model = defaultdict(list)
    for obj in instances:
        if obj.locale_id != locale.id:
            by_model[type(obj)].append(obj)
    for model, objs in by_model.items():
        translations = {
            t.translation_key: t
            for t in model.objects.filter(
                locale=locale, translation_key__in={obj.translation_key for obj in objs}
            )
        }
        for obj in objs:
            result[obj] = translations.get(obj.translation_key, obj)
    return result
