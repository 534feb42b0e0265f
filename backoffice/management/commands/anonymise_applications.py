"""Anonymise applications closed longer than a configurable number of days (DSGVO)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backoffice.privacy import anonymise_closed_applications


class Command(BaseCommand):
    help = (
        "Anonymisiert Bewerbungen, die länger als N Tage abgeschlossen sind "
        "(Standard: ANONYMISE_AFTER_DAYS), samt Lebenslauf und Notizen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Tage seit dem Abschluss (Standard: {settings.ANONYMISE_AFTER_DAYS})",
        )

    def handle(self, *args, days=None, **options):
        if days is not None and days < 0:
            raise CommandError("--days darf nicht negativ sein.")
        count = anonymise_closed_applications(days=days)
        self.stdout.write(f"{count} Bewerbung(en) anonymisiert.")
