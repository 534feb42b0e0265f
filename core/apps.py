from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = _("Website-Grundlagen")

    def ready(self):
        from core import checks  # noqa: F401  (registers the deploy checks)
        from core.locales import use_request_cache_in_wagtail

        use_request_cache_in_wagtail()
