"""Cron: mail every due search alert the projects that are new for it."""

from django.core.management.base import BaseCommand

from alerts.digests import send_due_digests
from alerts.models import Frequency


class Command(BaseCommand):
    help = (
        "Sends the due digests of the search alerts (daily ones after 20 hours, weekly ones "
        "after six days and 20 hours). Run it once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            choices=Frequency.values,
            help="Only alerts of this frequency (default: all that are due).",
        )

    def handle(self, *args, frequency=None, **options):
        checked, queued = send_due_digests(frequency)
        self.stdout.write(f"{checked} alerts checked, {queued} digests queued.")
