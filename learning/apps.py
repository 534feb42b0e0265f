from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "learning"
    verbose_name = _("Lernen und Expert:innen")

    def ready(self):
        # Django: the signal and hook modules use models, so they load once apps are ready.
        from . import privacy, signals  # noqa: F401
