"""Delete talent-pool entries whose agreed period has passed (DSGVO)."""

from django.core.management.base import BaseCommand

from backoffice.privacy import purge_talent_pool


class Command(BaseCommand):
    help = (
        "Löscht Kandidat:innen, deren Zeit im Talentpool abgelaufen ist und die keine offene "
        "Bewerbung haben, mit Lebenslauf."
    )

    def handle(self, *args, **options):
        count = purge_talent_pool()
        self.stdout.write(f"{count} Person(en) aus dem Talentpool gelöscht.")
