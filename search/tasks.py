"""Background tasks that keep the search index in step with the published pages.

They run on the django-tasks backend of the settings: at once in development and tests, in a
``manage.py db_worker`` process in production. A task that fails (engine down or slow) leaves
its PendingIndexUpdate rows behind; the next successful task, or ``search_catch_up``, retries.
"""

import logging

from django_tasks import task

from search import indexing

logger = logging.getLogger(__name__)


@task()
def sync_index(page_ids: list[int]) -> dict:
    """Index (or remove) the pages ``page_ids``, then work off part of the backlog.

    Raises the engine's error when it is unreachable, so the task shows as failed; the queue rows
    stay and nothing is lost.
    """
    if not indexing.engine_configured():
        return {"synced": 0, "backlog": 0}
    done = indexing.process_pending(page_ids)
    # The engine answers again: take what earlier, failed runs left behind.
    backlog = indexing.catch_up(limit=indexing.BACKLOG_PER_TASK, exclude=page_ids)
    if backlog.error:
        logger.warning("Catching up the search index stopped: %s", backlog.error)
    return {"synced": len(done), "backlog": backlog.synced}
