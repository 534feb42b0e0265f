"""Small lookups that rarely change, kept by each worker process across requests.

Every request reads the same few rows: the Locales, the taxonomy rows behind the filters and
their labels. They change only when an editor changes one of them, yet
each request queried them again (three of the search API's three queries). Here a process
keeps them while the *lookup generation* in the shared cache (Redis, one read per request)
is unchanged; a change of any such model sets a new generation (now, and again at commit,
like the page cache), so every worker reads the rows anew from its next request on.

Outside a request (management commands, tasks) nothing is kept: ``remember_shared`` computes
every time, as ``core.locales.remember`` does.
"""

import threading

from django.db.models.signals import post_delete, post_save

from core import generations
from core.locales import forget, in_request, remember

GENERATION_KEY = "lookups:generation"
# This request's copy of the generation (core.locales.remember).
_REQUEST_GENERATION = ("lookup-generation",)
# Far more than the lookups there are (a few per model and language): a bound, not a size.
MAX_ENTRIES = 512

_kept = {}
_lock = threading.Lock()


def generation():
    """The current lookup generation, read once per request."""
    return remember(_REQUEST_GENERATION, lambda: generations.current(GENERATION_KEY))


def remember_shared(key, compute):
    """``compute()`` once per process and lookup generation; outside a request every time.

    The value is shared by the process's threads: callers must not change it.
    """
    if not in_request():
        return compute()

    def kept_or_computed():
        current = generation()
        entry = _kept.get(key)
        if entry is not None and entry[0] == current:
            return entry[1]
        value = compute()
        with _lock:
            if len(_kept) >= MAX_ENTRIES:
                _kept.clear()
            _kept[key] = (current, value)
        return value

    return remember(key, kept_or_computed)


def changed(**kwargs):
    """Start a new lookup generation, now and at commit. A signal receiver."""
    generations.start_new_now_and_at_commit(GENERATION_KEY)
    # The request that made the change reads the new generation too.
    forget(_REQUEST_GENERATION)


def watch(*models):
    """Start a new lookup generation whenever an instance of ``models`` is saved or deleted."""
    for model in models:
        post_save.connect(
            changed, sender=model, weak=False, dispatch_uid=f"lookups-saved.{model._meta.label}"
        )
        uid = f"lookups-deleted.{model._meta.label}"
        post_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid)
