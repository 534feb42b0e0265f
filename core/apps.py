from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = _("Website-Grundlagen")

    def ready(self):
        # checks registers the deploy checks on import.
        from wagtail.models import Locale

        from core import checks, lookup_cache, page_cache  # noqa: F401
        from core.locales import use_request_cache_in_wagtail
        from core.request_memo import use_request_cache_for_pages

        use_request_cache_in_wagtail()
        use_request_cache_for_pages()
        page_cache.connect()
        lookup_cache.watch(Locale)
