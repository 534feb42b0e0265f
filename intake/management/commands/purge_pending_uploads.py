"""Delete CVs kept from failed form attempts that nobody came back for (run it daily)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from intake.uploads import purge_pending_uploads


class Command(BaseCommand):
    help = (
        "Löscht Lebensläufe aus abgebrochenen Formularversuchen, die älter als "
        "PENDING_UPLOAD_MAX_AGE sind."
    )

    def handle(self, *args, **options):
        deleted = purge_pending_uploads()
        if options["verbosity"] >= 1:
            hours = settings.PENDING_UPLOAD_MAX_AGE / 3600
            self.stdout.write(
                f"{deleted} zurückgelassene Uploads (älter als {hours:g} h) gelöscht."
            )
