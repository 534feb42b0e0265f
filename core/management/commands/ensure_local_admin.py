"""Create a local administrator for development and say how to sign in."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Legt für die lokale Entwicklung ein Admin-Konto an (nur mit DEBUG=True)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Only for local development (DEBUG=True).")
        username = os.environ.get("LOCAL_ADMIN_USER", "admin")
        password = os.environ.get("LOCAL_ADMIN_PASSWORD", "lokalprojekte")
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": "admin@lokalprojekte.example",
                "is_staff": True,
                "is_superuser": True,
            },
        )
        if created:
            user.set_password(password)
            user.save()
        base = settings.WAGTAILADMIN_BASE_URL
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Website:     {base}/de/"))
        self.stdout.write(self.style.SUCCESS(f"Admin:       {base}/admin/"))
        if created:
            self.stdout.write(self.style.SUCCESS(f"Anmeldung:   {username} / {password}"))
        else:
            self.stdout.write(self.style.SUCCESS(f"Anmeldung:   {username} (Passwort unverändert)"))
        self.stdout.write("")
