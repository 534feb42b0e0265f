"""Delete the search log's daily counts after their retention period."""

from django.core.management.base import BaseCommand, CommandError

from search.search_log import RETENTION_DAYS, purge_search_log


class Command(BaseCommand):
    help = f"Löscht die Tageszählungen der Suchanfragen, die älter als {RETENTION_DAYS} Tage sind."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=RETENTION_DAYS,
            help=f"Aufbewahrungsdauer in Tagen (Standard: {RETENTION_DAYS}).",
        )

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days muss mindestens 1 sein.")
        count = purge_search_log(days=days)
        if options["verbosity"]:
            self.stdout.write(f"{count} Tageszählung(en) von Suchanfragen gelöscht.")
