"""Give the default Wagtail Site record the host and port of SITE_BASE_URL."""

from django.core.management.base import BaseCommand

from core.public_url import public_base_url, site_address, sync_default_site


class Command(BaseCommand):
    help = (
        "Set hostname and port of the default Wagtail site from SITE_BASE_URL, so page URLs "
        "in the sitemap, feeds, hreflang and JSON-LD use the public host."
    )

    def handle(self, *args, **options):
        changed = sync_default_site()
        hostname, port = site_address()
        state = "updated" if changed else "unchanged"
        self.stdout.write(f"Default site {state}: {hostname}:{port} ({public_base_url()})")
