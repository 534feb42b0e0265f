"""Retry the form mails that could not be sent yet (run it every few minutes, e.g. by cron)."""

from django.core.management.base import BaseCommand

from intake.tasks import deliver, pending_mail_ids


class Command(BaseCommand):
    help = "Sendet ausstehende E-Mails der Formulare erneut (z. B. nach einer SMTP-Störung)."

    def handle(self, *args, **options):
        sent = failed = 0
        for mail_id in pending_mail_ids():
            if deliver(mail_id):
                sent += 1
            else:
                failed += 1
        if options["verbosity"] >= 1:
            self.stdout.write(f"{sent} gesendet, {failed} weiterhin ausstehend.")
