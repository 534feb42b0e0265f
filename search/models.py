"""The durable queue of project index updates that have not reached the engine yet."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexUpdate(models.Model):
    """A project page whose search document must be brought up to date.

    Written in the same transaction as the publish, unpublish, move or delete that caused it, so
    a change cannot be lost between the database and the engine: the sync task deletes the row
    only after the engine has accepted the update, and ``search_catch_up`` retries what is left
    (for example everything recorded while the engine was down).
    """

    class Action(models.TextChoices):
        INDEX = "index", _("Indizieren")
        DELETE = "delete", _("Löschen")

    # No foreign key: the row must outlive the page it is about (deletions are updates too).
    page_id = models.PositiveIntegerField(_("Seiten-ID"), db_index=True)
    action = models.CharField(_("Aktion"), max_length=10, choices=Action.choices)
    created_at = models.DateTimeField(_("Erstellt am"), auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    last_error = models.TextField(_("Letzter Fehler"), blank=True)

    class Meta:
        verbose_name = _("Ausstehende Indexaktualisierung")
        verbose_name_plural = _("Ausstehende Indexaktualisierungen")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.action} {self.page_id}"


class SearchScope(models.TextChoices):
    """Which search a visitor used."""

    PROJECTS = "projects", _("Projektsuche")
    SITE = "site", _("Seitensuche")


class SearchQueryDay(models.Model):
    """How often a query was searched on one day, and how often it found nothing.

    Privacy by design: one row per normalised query, language, search and day, with two
    counters and nothing else (no IP address, user, session or time of day), so a row cannot
    be traced back to a visitor. ``purge_search_log`` deletes rows after RETENTION_DAYS.
    """

    date = models.DateField(_("Tag"))
    locale = models.CharField(_("Sprache"), max_length=8)
    scope = models.CharField(_("Suche"), max_length=10, choices=SearchScope.choices)
    query = models.CharField(_("Suchanfrage"), max_length=100)
    searches = models.PositiveIntegerField(_("Anzahl Suchen"), default=0)
    zero_results = models.PositiveIntegerField(_("Ohne Treffer"), default=0)

    class Meta:
        verbose_name = _("Suchanfrage des Tages")
        verbose_name_plural = _("Suchanfragen (Tageszählung)")
        # Only "view": the rows are written by the searches and deleted by the purge.
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["date", "locale", "scope", "query"], name="search_query_day_unique"
            )
        ]

    def __str__(self):
        return f"{self.date} {self.locale} {self.scope} {self.query}"
