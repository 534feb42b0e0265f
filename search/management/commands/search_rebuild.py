"""``manage.py search_rebuild [--lang de|en]``: new indices, swapped in at once."""

from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.analysis import LANGUAGES
from search.dsl import configured_url, engine_errors
from search.indexing import index_alias


class Command(BaseCommand):
    help = (
        "Build a new index per language from the indexable pages and switch the "
        "alias to it in one atomic step; the old index is deleted afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--lang",
            choices=LANGUAGES,
            action="append",
            help="Only this language (repeatable); default: all languages.",
        )
        parser.add_argument(
            "--batch-size", type=int, default=indexing.BATCH_SIZE, help="Documents per request."
        )

    def handle(self, *args, **options):
        if not configured_url():
            raise CommandError("No search engine configured: set OPENSEARCH_URL.")
        verbosity = options["verbosity"]
        for lang in options["lang"] or LANGUAGES:
            if verbosity:
                self.stdout.write(f"Rebuilding {index_alias(lang)} ...")
            try:
                result = indexing.rebuild(
                    lang,
                    stream=self.stdout,
                    progress=verbosity > 0,
                    batch_size=options["batch_size"],
                )
            except engine_errors() as error:
                raise CommandError(f"Rebuilding the {lang} index failed: {error}") from error
            if verbosity:
                removed = ", ".join(result.removed) or "-"
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{result.count} documents in {result.index}; alias "
                        f"{index_alias(lang)} switched; removed: {removed}"
                    )
                )
