"""Paging the database listing: the keys and the total in one scan, then twelve rows."""

from django.db.models import Count, Window


class KeysFirst:
    """The filtered projects for Django's Paginator, read the cheap way round.

    Sorting thousands of full rows to show twelve cost more than the rest of the query, and
    the count scanned the same rows again. Here one narrow query finds the keys of the
    requested page together with the total (a window count in the same scan), and only
    those twelve rows are then loaded in full.
    """

    def __init__(self, filterset, per_page, number):
        self.filterset = filterset
        self.expected_start = (number - 1) * per_page
        self.per_page = per_page
        self._keys = {}  # start -> [(pk, total), ...]

    def _window(self, start):
        if start not in self._keys:
            keys = self.filterset.qs.prefetch_related(None).annotate(
                result_total=Window(Count("pk"))
            )
            self._keys[start] = list(
                keys.values_list("pk", "result_total")[start : start + self.per_page]
            )
        return self._keys[start]

    def count(self):
        """How many projects match (asked first by the Paginator)."""
        if self.filterset.qs.query.distinct:
            # The window counts before DISTINCT removes duplicates: count them apart.
            return self.filterset.qs.count()
        rows = self._window(self.expected_start)
        if rows:
            return rows[0][1]
        # Nothing from here on: no match at all, or a page past the end.
        return self.filterset.qs.order_by().count() if self.expected_start else 0

    def __getitem__(self, window):
        keys = [pk for pk, _total in self._window(window.start)][: window.stop - window.start]
        # The base query (live, public, below the index), without the filters' subqueries.
        pages = self.filterset.queryset.filter(pk__in=keys).in_bulk()
        return [pages[pk] for pk in keys if pk in pages]
