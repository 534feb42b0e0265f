"""Cron: delete the search alerts whose address never confirmed them."""

from django.core.management.base import BaseCommand

from alerts.digests import purge_unconfirmed
from alerts.models import UNCONFIRMED_DAYS


class Command(BaseCommand):
    help = f"Deletes search alerts not confirmed within {UNCONFIRMED_DAYS} days. Run it daily."

    def handle(self, *args, **options):
        count = purge_unconfirmed()
        self.stdout.write(f"{count} unconfirmed alerts deleted.")
