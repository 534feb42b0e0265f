"""Keep project documents current when the taxonomy names they carry change."""

from django.db.models.signals import post_save

from core import page_cache
from projects.models import ProjectPage
from search.indexing import pages_synced
from search.signals import queue_sync
from taxonomy.models import Competency, Municipality, Topic


def _project_ids_using(lookup, taxonomy):
    pages = ProjectPage.objects.live().filter(**{lookup: taxonomy.translation_key})
    return list(pages.values_list("pk", flat=True).distinct())


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


def on_pages_synced(sender, page_ids, **kwargs):
    """The listing and feeds answer from the engine: cached pages go once it has the change."""
    page_cache.invalidate()


def connect():
    """Connect the handlers (called from the app config's ready())."""
    uid = "projects.{}".format
    pages_synced.connect(on_pages_synced, dispatch_uid=uid("pages_synced"))
    post_save.connect(on_topic_saved, sender=Topic, dispatch_uid=uid("topic"))
    post_save.connect(on_competency_saved, sender=Competency, dispatch_uid=uid("competency"))
    post_save.connect(on_municipality_saved, sender=Municipality, dispatch_uid=uid("municipality"))
