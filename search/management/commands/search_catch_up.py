"""``manage.py search_catch_up``: send the index updates missed while the engine was down."""

from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.dsl import configured_url


class Command(BaseCommand):
    help = (
        "Process the queue of pending search index updates (PendingIndexUpdate), oldest first. "
        "Safe to run at any time, for example every few minutes from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="At most this many pages.")

    def handle(self, *args, **options):
        if not configured_url():
            raise CommandError("No search engine configured: set OPENSEARCH_URL.")
        result = indexing.catch_up(limit=options["limit"])
        if options["verbosity"]:
            self.stdout.write(f"{result.synced} pages synced, {result.remaining} still pending.")
        if result.rejected:
            self.stderr.write(f"Rejected by the engine: {sorted(result.rejected)}")
        if result.error:
            raise CommandError(f"The search engine failed: {result.error}")
