from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    # "search" would clash with wagtail.search's label.
    label = "site_search"
    verbose_name = _("Suche")

    def ready(self):
        """Keep the site search and the registered index in step with the pages."""
        # Django: the handlers use models, so they load once the app registry is ready.
        from search import signals

        signals.connect()
