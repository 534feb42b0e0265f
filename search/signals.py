"""Signal handlers that queue project index updates when pages change.

Each handler records a PendingIndexUpdate in the transaction that made the change and enqueues
the sync task once that transaction has committed. By then modelcluster has saved the page's
topics and competence profile (Wagtail's own save-time indexing runs before that and would see
the old ones), and a rolled-back change never reaches the index.
"""

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import indexing
from search.models import PendingIndexUpdate

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
    from search.tasks import sync_project_index

    try:
        sync_project_index.enqueue(page_ids)
    except Exception:  # the rows are stored; search_catch_up retries them
        logger.exception("Could not enqueue the search index sync for pages %s", page_ids)


def _project_ids_using(lookup, taxonomy):
    from projects.models import ProjectPage

    pages = ProjectPage.objects.live().filter(**{lookup: taxonomy.translation_key})
    return list(pages.values_list("pk", flat=True).distinct())


def on_page_published(sender, instance, **kwargs):
    """A published project (or translation) goes into its language's index."""
    queue_sync([instance.pk])


def on_page_unpublished(sender, instance, **kwargs):
    """An unpublished project leaves the index."""
    queue_sync([instance.pk], PendingIndexUpdate.Action.DELETE)


def on_page_deleted(sender, instance, **kwargs):
    """A deleted project leaves the index."""
    queue_sync([instance.pk], PendingIndexUpdate.Action.DELETE)


def on_page_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    """A moved project, or the projects below a moved page, get their new URLs indexed."""
    from projects.models import ProjectPage

    if issubclass(sender, ProjectPage):
        queue_sync([instance.pk])
    elif url_path_before != url_path_after:
        descendants = ProjectPage.objects.descendant_of(instance).values_list("pk", flat=True)
        queue_sync(list(descendants))


def on_view_restriction_changed(sender, instance, raw=False, **kwargs):
    """Privacy set on or lifted from a page: the projects at and below it leave or re-enter.

    sync_pages decides from the page's state after the commit, so both cases queue an update.
    """
    from projects.models import ProjectPage

    if raw or not indexing.engine_configured():
        return
    try:
        restricted = instance.page
    except Page.DoesNotExist:  # the page itself is being deleted; its own signal handles it
        return
    descendants = ProjectPage.objects.descendant_of(restricted, inclusive=True)
    queue_sync(list(descendants.values_list("pk", flat=True)))


def refresh_site_search_entry(sender, instance, **kwargs):
    """Reindex a published page in Wagtail's site search once the transaction has committed.

    modelsearch indexes on post_save, before modelcluster stores the page's many-to-many rows
    (topics): with tasks run at once (development, tests) a publish that changes the topics
    would be indexed with the previous ones. A second index task after the commit sees the
    stored ones; with the production task queue it is one cheap extra task.
    """
    from modelsearch.tasks import insert_or_update_object_task

    meta = instance._meta
    transaction.on_commit(
        partial(
            insert_or_update_object_task.enqueue, meta.app_label, meta.model_name, str(instance.pk)
        ),
        robust=True,
    )


def on_topic_saved(sender, instance, raw=False, **kwargs):
    """A renamed topic (in any language) changes the documents of the projects using it."""
    if not raw:
        queue_sync(_project_ids_using("topics__translation_key", instance))


def on_competency_saved(sender, instance, raw=False, **kwargs):
    """A renamed competency changes the documents of the projects that ask for it."""
    if not raw:
        queue_sync(_project_ids_using("competence_profile__competency__translation_key", instance))


def on_municipality_saved(sender, instance, raw=False, **kwargs):
    """A renamed municipality (or one moved to another Bundesland) changes its projects."""
    if not raw:
        queue_sync(_project_ids_using("municipality__translation_key", instance))


def connect():
    """Connect the handlers (called from the app config's ready())."""
    from projects.models import Competency, Municipality, ProjectPage, Topic

    uid = "site_search.{}".format
    page_published.connect(on_page_published, sender=ProjectPage, dispatch_uid=uid("published"))
    page_unpublished.connect(
        on_page_unpublished, sender=ProjectPage, dispatch_uid=uid("unpublished")
    )
    post_delete.connect(on_page_deleted, sender=ProjectPage, dispatch_uid=uid("deleted"))
    # Sent with the moved page's specific class; the handler sorts projects from the rest.
    post_page_move.connect(on_page_moved, dispatch_uid=uid("moved"))
    page_published.connect(refresh_site_search_entry, dispatch_uid=uid("site_search_entry"))
    for signal in (post_save, post_delete):
        signal.connect(
            on_view_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=uid(f"privacy_{signal is post_save}"),
        )
    post_save.connect(on_topic_saved, sender=Topic, dispatch_uid=uid("topic"))
    post_save.connect(on_competency_saved, sender=Competency, dispatch_uid=uid("competency"))
    post_save.connect(on_municipality_saved, sender=Municipality, dispatch_uid=uid("municipality"))
