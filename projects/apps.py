from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from search import registry


class ProjectsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"
    verbose_name = _("Projekte")

    def ready(self):
        """Register the project documents with the search index and keep them current."""
        # Django: modules that use models are imported once the app registry is ready.
        from projects import search_document, signals

        registry.register(search_document.ProjectIndex())
        signals.connect()
