"""Writing documents into the engine: single updates, the pending queue, rebuilds.

What is indexed, and how a page becomes a document, comes from the definition registered in
search/registry.py (the projects app's ProjectIndex). Every update is idempotent:
``sync_pages`` looks at what the database says *now* (an indexable page is indexed in its
language's index, anything else is removed from both), so
running it twice, late or out of order gives the same index. That is what lets the durable
queue (PendingIndexUpdate) simply retry until the engine accepts.
"""

import logging
import sys
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Max
from django.dispatch import Signal
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry

from search import analysis, registry
from search.analysis import LANGUAGES, language_for_locale
from search.dsl import configured_url, engine_errors, get_client, get_dsl
from search.models import PendingIndexUpdate

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# Bulk requests carry hundreds of documents; the visitor-facing 2 s timeout is too short there.
BULK_TIMEOUT_SECONDS = 60
# How many queued pages one successful task run takes from the backlog besides its own.
BACKLOG_PER_TASK = 2000
# Threads sending bulk requests while the next batch is built; more would only queue on the
# engine (and two cores are what CI has).
BULK_SENDERS = 2
BULK_MAX_BYTES = 50 * 1024 * 1024


def indexable_pages():
    """The pages that belong in the index, as the registered definition selects them."""
    return registry.indexed().indexable()


def index_alias(lang):
    """The alias of the registered index for ``lang``."""
    return analysis.index_alias(registry.indexed().name, lang)


def _new_index(client, lang, aliases=None):
    definition = registry.indexed()
    name = analysis.new_index_name(definition.name, lang)
    body = definition.index_settings(lang)
    if aliases:
        body = {**body, "aliases": aliases}
    client.indices.create(index=name, body=body)
    return name


def _client(client=None, bulk=False):
    if client is not None:
        return client
    return get_client(timeout=BULK_TIMEOUT_SECONDS if bulk else None)


def ensure_index(lang, client=None):
    """Create the ``lang`` index behind its alias unless the alias exists already.

    Without this a first update would let the engine auto-create an index named like the
    alias, with guessed mappings and no German analysis.
    """
    client = _client(client)
    alias = index_alias(lang)
    if client.indices.exists_alias(name=alias):
        return
    if client.indices.exists(index=alias):
        # An index that took the alias's name (auto-created): replace it in one step.
        name = _new_index(client, lang)
        actions = [{"add": {"index": name, "alias": alias}}, {"remove_index": {"index": alias}}]
        client.indices.update_aliases(body={"actions": actions})
        return
    _new_index(client, lang, aliases={alias: {}})


def ensure_indices(client=None):
    """Make sure every language's alias exists."""
    for lang in LANGUAGES:
        ensure_index(lang, client)


def _is_missing(item):
    # A delete of a document that is not there is the outcome we wanted.
    return item.get("status") == 404


def sync_pages(page_ids, client=None):
    """Bring the documents of ``page_ids`` in line with the database; return the ids done.

    Indexable pages are (re)indexed in their language's index (and removed from the
    other one); every other id is deleted from both. Raises the engine's exception when it is
    unreachable or slow; ids whose single operation the engine rejected are left out of the
    returned set (and logged), so their queue rows stay.
    """
    page_ids = sorted({int(pk) for pk in page_ids})
    if not page_ids:
        return set()
    client = _client(client, bulk=len(page_ids) > 1)
    dsl = get_dsl()
    ensure_indices(client)
    definition = registry.indexed()
    builder = definition.document_builder()
    found = indexable_pages().prefetch_related(None).filter(pk__in=page_ids)
    pages = {page.pk: page for page in found}
    builder.prefetch(pages.values())
    actions = []
    for pk in page_ids:
        page = pages.get(pk)
        keep = definition.language_of(page) if page is not None else None
        if page is not None:
            actions.append(
                {
                    "_op_type": "index",
                    "_index": index_alias(keep),
                    "_id": str(pk),
                    "_source": builder.document(page),
                }
            )
        for lang in LANGUAGES:
            if lang != keep:
                actions.append({"_op_type": "delete", "_index": index_alias(lang), "_id": str(pk)})
    failed = set()
    for ok, result in dsl.helpers.streaming_bulk(
        client, actions, chunk_size=BATCH_SIZE, raise_on_error=False, raise_on_exception=True
    ):
        item = next(iter(result.values()))
        if not ok and not _is_missing(item):
            failed.add(int(item["_id"]))
            logger.error("Search engine rejected page %s: %s", item["_id"], item.get("error"))
    return set(page_ids) - failed


def record_pending(page_ids, action):
    """Queue updates for ``page_ids`` durably (call inside the transaction that changed them)."""
    PendingIndexUpdate.objects.bulk_create(
        [PendingIndexUpdate(page_id=pk, action=action) for pk in sorted(set(page_ids))]
    )


# Sent with ``page_ids`` once their documents are in the engine: what the engine answers has
# changed (the page cache starts anew, projects/signals.py).
pages_synced = Signal()


def process_pending(page_ids):
    """Sync ``page_ids`` and delete their queue rows, but only the rows that existed before.

    A row queued while this runs (a second publish) stays for the next run. On an engine error
    the rows get their attempt counted and the error is raised to the caller.
    """
    page_ids = sorted({int(pk) for pk in page_ids})
    rows = PendingIndexUpdate.objects.filter(page_id__in=page_ids)
    newest = rows.aggregate(newest=Max("pk"))["newest"]
    try:
        done = sync_pages(page_ids)
    except engine_errors() as error:
        if newest is not None:
            _count_attempt(rows.filter(pk__lte=newest), error)
        raise
    if newest is not None:
        rows.filter(pk__lte=newest, page_id__in=done).delete()
        rejected = set(page_ids) - done
        if rejected:
            _count_attempt(rows.filter(pk__lte=newest, page_id__in=rejected), "rejected")
    if done:
        pages_synced.send(sender=process_pending, page_ids=sorted(done))
    return done


def _count_attempt(rows, error):
    rows.update(attempts=F("attempts") + 1, last_error=str(error)[:2000])


@dataclass
class CatchUpResult:
    """What a catch-up run did: pages synced, and the error that stopped it (if any)."""

    synced: int = 0
    remaining: int = 0
    error: str = ""
    rejected: set = field(default_factory=set)


def catch_up(limit=None, exclude=(), batch_size=BATCH_SIZE):
    """Process the queue of pending updates, oldest first, in batches; stop at an engine error.

    ``limit`` caps the number of pages taken (None: all); ``exclude`` skips pages the caller is
    handling itself. Never raises for engine errors: they end up in ``CatchUpResult.error``.
    """
    result = CatchUpResult()
    seen = set(exclude)
    while limit is None or result.synced < limit:
        queue = PendingIndexUpdate.objects.exclude(page_id__in=seen).order_by("pk")
        page_ids = []
        for pk in queue.values_list("page_id", flat=True).iterator():
            if pk not in page_ids:
                page_ids.append(pk)
            if len(page_ids) >= batch_size:
                break
        if limit is not None:
            page_ids = page_ids[: limit - result.synced]
        if not page_ids:
            break
        seen.update(page_ids)
        try:
            done = process_pending(page_ids)
        except engine_errors() as error:
            result.error = str(error)
            break
        result.synced += len(done)
        result.rejected |= set(page_ids) - done
    result.remaining = PendingIndexUpdate.objects.values("page_id").distinct().count()
    return result


class ProgressBar:
    """A one-line text progress bar: ``\\r[#####     ] 5000/10000``; silent when disabled."""

    def __init__(self, total, stream=None, width=30, enabled=True, label=""):
        self.total = total
        self.stream = stream or sys.stdout
        self.width = width
        self.enabled = enabled
        self.label = label
        self.done = 0

    def advance(self, count=1):
        """Count ``count`` more items and redraw."""
        self.done += count
        if self.enabled:
            filled = self.width if not self.total else self.width * self.done // self.total
            bar = "#" * filled + " " * (self.width - filled)
            self.stream.write(f"\r{self.label}[{bar}] {self.done}/{self.total}")
            self.stream.flush()

    def finish(self):
        """End the bar's line."""
        if self.enabled:
            if self.done == 0:
                self.advance(0)
            self.stream.write("\n")
            self.stream.flush()


def locale_ids_for(lang):
    """The pks of the Wagtail locales whose pages go into the ``lang`` index."""
    return [
        locale.pk
        for locale in Locale.objects.all()
        if language_for_locale(locale.language_code) == lang
    ]


def iter_batches(queryset, batch_size=BATCH_SIZE):
    """Yield lists of pages in pk order, ``batch_size`` at a time (a few queries per batch)."""
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last).order_by("pk")[:batch_size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def _chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def bulk_index_documents(
    client, index, documents, progress=None, batch_size=BATCH_SIZE, senders=BULK_SENDERS
):
    """Bulk-index ``(page_id, document)`` pairs into ``index``; return the number indexed.

    The code path of ``search_rebuild`` and the indexing benchmark. The documents are built
    (from the database) in the calling thread while up to ``senders`` threads send the previous
    batches, so the engine's work and Python's overlap. Raises the DSL's BulkIndexError when the
    engine rejects a document.
    """
    helpers = get_dsl().helpers

    def send(chunk):
        actions = [
            {"_op_type": "index", "_index": index, "_id": str(pk), "_source": doc}
            for pk, doc in chunk
        ]
        helpers.bulk(client, actions, chunk_size=len(actions), max_chunk_bytes=BULK_MAX_BYTES)
        return len(chunk)

    count = 0
    in_flight = deque()
    with ThreadPoolExecutor(max_workers=senders, thread_name_prefix="search-bulk") as pool:
        for chunk in _chunks(documents, batch_size):
            in_flight.append(pool.submit(send, chunk))
            while len(in_flight) > senders:
                count += _collect(in_flight.popleft(), progress)
        while in_flight:
            count += _collect(in_flight.popleft(), progress)
    return count


def _collect(future, progress):
    sent = future.result()
    if progress is not None:
        progress.advance(sent)
    return sent


def documents(queryset, batch_size=BATCH_SIZE):
    """Yield ``(page_id, document)`` for every page of ``queryset``, batch by batch."""
    builder = registry.indexed().document_builder()
    for batch in iter_batches(queryset.prefetch_related(None), batch_size):
        builder.prefetch(batch)
        for page in batch:
            yield page.pk, builder.document(page)
        builder.forget(batch)


@dataclass
class RebuildResult:
    """The outcome of rebuilding one language's index."""

    lang: str
    index: str
    count: int
    removed: list


def rebuild(lang, stream=None, progress=True, batch_size=BATCH_SIZE, client=None):
    """Build a new ``lang`` index from the database and swap the alias to it; no downtime.

    Readers keep using the old index through the alias until the atomic swap; the old concrete
    indices are deleted afterwards. Pages published, unpublished, moved or deleted while the
    rebuild ran are synced once more into the new index after the swap (from Wagtail's log).
    """
    client = _client(client, bulk=True)
    alias = index_alias(lang)
    started = timezone.now()
    name = _new_index(client, lang)
    # No refreshes while filling the new index: noticeably faster, and nobody reads it yet.
    client.indices.put_settings(index=name, body={"index": {"refresh_interval": "-1"}})
    queryset = indexable_pages().filter(locale_id__in=locale_ids_for(lang))
    bar = ProgressBar(queryset.count(), stream=stream, enabled=progress, label=f"{lang} ")
    count = bulk_index_documents(client, name, documents(queryset, batch_size), bar)
    bar.finish()
    client.indices.put_settings(index=name, body={"index": {"refresh_interval": None}})
    client.indices.refresh(index=name)
    removed = _swap_alias(client, alias, name)
    _resync_changed_since(started, lang)
    return RebuildResult(lang=lang, index=name, count=count, removed=removed)


def _swap_alias(client, alias, new_index):
    """Point ``alias`` at ``new_index`` only, in one atomic call; delete the indices it left."""
    holders = []
    if client.indices.exists_alias(name=alias):
        holders = list(client.indices.get_alias(name=alias))
    actions = [{"add": {"index": new_index, "alias": alias}}]
    actions += [{"remove": {"index": old, "alias": alias}} for old in holders if old != new_index]
    if not holders and client.indices.exists(index=alias):
        actions.append({"remove_index": {"index": alias}})
    client.indices.update_aliases(body={"actions": actions})
    # Leftovers of earlier, interrupted rebuilds go too: only the alias's index is ever read.
    stale = [
        existing
        for existing in client.indices.get(index=f"{alias}_*", expand_wildcards="open,closed")
        if existing != new_index
    ]
    for old in stale:
        client.indices.delete(index=old, ignore_unavailable=True)
    return sorted(stale)


def _resync_changed_since(started, lang):
    model = registry.indexed().model
    changed = (
        PageLogEntry.objects.filter(
            timestamp__gte=started, content_type=ContentType.objects.get_for_model(model)
        )
        .values_list("page_id", flat=True)
        .distinct()
    )
    page_ids = list(changed)
    if page_ids:
        logger.info("Re-syncing %d pages changed during the %s rebuild", len(page_ids), lang)
        sync_pages(page_ids)


def engine_configured():
    """True when an engine URL is configured (otherwise nothing is indexed)."""
    return bool(configured_url())
