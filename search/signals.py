"""Signal handlers that queue index updates when the indexed pages change.

Each handler records a PendingIndexUpdate in the transaction that made the change and enqueues
the sync task once that transaction has committed. By then modelcluster has saved the page's
topics and competence profile (Wagtail's own save-time indexing runs before that and would see
the old ones), and a rolled-back change never reaches the index.
"""

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import indexing, registry
from search.models import PendingIndexUpdate
from search.tasks import sync_index

logger = logging.getLogger(__name__)


def queue_sync(page_ids, action=PendingIndexUpdate.Action.INDEX):
    """Record updates for ``page_ids`` and enqueue their sync after the current commit.

    Does nothing when no engine is configured. Never raises into the caller's request: a
    failing queue or engine must not stop an editor from publishing.
    """
    page_ids = sorted(set(page_ids))
    if not page_ids or not indexing.engine_configured():
        return
    indexing.record_pending(page_ids, action)
    transaction.on_commit(partial(_enqueue, page_ids), robust=True)


def _enqueue(page_ids):
    try:
        sync_index.enqueue(page_ids)
    except Exception:  # the rows are stored; search_catch_up retries them
        logger.exception("Could not enqueue the search index sync for pages %s", page_ids)


def on_page_published(sender, instance, **kwargs):
    """A published page (or translation) goes into its language's index."""
    if registry.is_indexed(instance):
        queue_sync([instance.pk])


def on_page_unpublished(sender, instance, **kwargs):
    """An unpublished page leaves the index."""
    if registry.is_indexed(instance):
        queue_sync([instance.pk], PendingIndexUpdate.Action.DELETE)


def on_page_deleted(sender, instance, **kwargs):
    """A deleted page leaves the index."""
    if registry.is_indexed(instance):
        queue_sync([instance.pk], PendingIndexUpdate.Action.DELETE)


def on_page_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    """A moved indexed page, or those below a moved page, get their new URLs indexed."""
    model = registry.indexed().model
    if issubclass(sender, model):
        queue_sync([instance.pk])
    elif url_path_before != url_path_after:
        descendants = model.objects.descendant_of(instance).values_list("pk", flat=True)
        queue_sync(list(descendants))


def on_view_restriction_changed(sender, instance, raw=False, **kwargs):
    """Privacy set on or lifted from a page: indexed pages at and below it leave or re-enter.

    sync_pages decides from the page's state after the commit, so both cases queue an update.
    """
    if raw or not indexing.engine_configured():
        return
    try:
        restricted = instance.page
    except Page.DoesNotExist:  # the page itself is being deleted; its own signal handles it
        return
    descendants = registry.indexed().model.objects.descendant_of(restricted, inclusive=True)
    queue_sync(list(descendants.values_list("pk", flat=True)))


def refresh_site_search_entry(sender, instance, **kwargs):
    """Reindex a published page in Wagtail's site search once the transaction has committed.

    modelsearch indexes on post_save, before modelcluster stores the page's many-to-many rows
    (topics): with tasks run at once (development, tests) a publish that changes the topics
    would be indexed with the previous ones. A second index task after the commit sees the
    stored ones; with the production task queue it is one cheap extra task.
    """
    meta = instance._meta
    transaction.on_commit(
        partial(
            insert_or_update_object_task.enqueue, meta.app_label, meta.model_name, str(instance.pk)
        ),
        robust=True,
    )


def connect():
    """Connect the handlers every page needs (called from the search app's ready())."""
    uid = "site_search.{}".format
    page_published.connect(refresh_site_search_entry, dispatch_uid=uid("site_search_entry"))
    # Sent with each page's specific class; the handlers pick the registered kind of page.
    page_published.connect(on_page_published, dispatch_uid=uid("published"))
    page_unpublished.connect(on_page_unpublished, dispatch_uid=uid("unpublished"))
    post_delete.connect(on_page_deleted, dispatch_uid=uid("deleted"))
    # Sent with the moved page's specific class; the handler sorts indexed pages from the rest.
    post_page_move.connect(on_page_moved, dispatch_uid=uid("moved"))
    for signal in (post_save, post_delete):
        signal.connect(
            on_view_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=uid(f"privacy_{signal is post_save}"),
        )
