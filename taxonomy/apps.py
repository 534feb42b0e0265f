from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "taxonomy"
    verbose_name = _("Einordnung")

    def ready(self):
        from core.lookup_cache import watch

        from .models import Competency, Topic

        watch(Competency, Topic)
