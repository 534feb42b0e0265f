"""Queue the reminder mail for everyone registered for an event that starts tomorrow.

Run it once a day, e.g. by cron in the morning (docs/operations.md). Idempotent: each
registration is reminded once (``Registration.reminded_at``), however often it runs.
"""

from django.core.management.base import BaseCommand

from programme.registrations import send_reminders


class Command(BaseCommand):
    help = (
        "Verschickt die Erinnerung an alle, die für eine Veranstaltung von morgen angemeldet "
        "sind (jede Anmeldung einmal; täglich per cron)."
    )

    def handle(self, *args, **options):
        count = send_reminders()
        if options["verbosity"] >= 1:
            self.stdout.write(f"{count} Erinnerung(en) in den Postausgang gelegt.")
