from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    # Not "events": that name belongs to a package opensearch-py imports.
    default_auto_field = "django.db.models.BigAutoField"
    name = "programme"
    verbose_name = _("Begleitprogramm")

    def ready(self):
        from programme.signals import connect

        connect()
