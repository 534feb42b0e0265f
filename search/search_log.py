"""The private search log: what visitors search and what finds nothing, as daily counts.

Editors read it in the admin (reports "Suchanfragen ohne Treffer" and "Häufige
Suchanfragen") to add synonyms, promotions or content. Only the normalised query text, the
language, the search used and the day are stored, each with two counters; nothing that
identifies a visitor (see ``SearchQueryDay``).
"""

import datetime
import logging

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from search.models import SearchQueryDay, SearchScope

logger = logging.getLogger(__name__)

# How long the daily counts are kept (``purge_search_log``).
RETENTION_DAYS = 90
# Longer queries are cut: a report line, not a place for pasted text.
QUERY_MAX_LENGTH = SearchQueryDay._meta.get_field("query").max_length

# One statement whether the row for the day exists or not (PostgreSQL and SQLite 3.24+), so
# that logging costs the search one short query and concurrent searches never collide.
_UPSERT = (
    "INSERT INTO {table} (date, locale, scope, query, searches, zero_results) "
    "VALUES (%s, %s, %s, %s, 1, %s) "
    "ON CONFLICT (date, locale, scope, query) DO UPDATE SET "
    "searches = {table}.searches + 1, "
    "zero_results = {table}.zero_results + excluded.zero_results"
)


def normalise_query(text):
    """The query as the log counts it: lower-case, whitespace collapsed, at most 100 chars."""
    return " ".join((text or "").lower().split())[:QUERY_MAX_LENGTH].strip()


def record_search(query, *, locale, scope, result_count):
    """Count one search for ``query`` today; ``result_count`` 0 counts it as without results.

    A database error never reaches the caller: the log is an extra and must not break the
    search page (the error is logged as a warning). Inside a transaction the write runs in a
    savepoint, so a failed insert does not break the rest of the request's transaction either.
    """
    normalised = normalise_query(query)
    if not normalised:
        return
    if scope not in SearchScope.values:
        raise ValueError(f"Unknown search scope: {scope!r}")
    table = connection.ops.quote_name(SearchQueryDay._meta.db_table)
    params = [
        timezone.localdate(),
        (locale or "")[:8],
        scope,
        normalised,
        0 if result_count else 1,
    ]
    try:
        if connection.in_atomic_block:
            with transaction.atomic():
                _write(table, params)
        else:
            _write(table, params)
    except DatabaseError:
        logger.warning("Search log not written", exc_info=True)


def _write(table, params):
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT.format(table=table), params)


def purge_search_log(days=RETENTION_DAYS, today=None):
    """Delete the counts of days more than ``days`` days ago; returns how many rows went."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=days)
    deleted, _ = SearchQueryDay.objects.filter(date__lt=cutoff).delete()
    return deleted
