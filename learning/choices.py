"""The fixed choices of the learning library and the expert pool (models and filters use them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceFormat(models.TextChoices):
    ARTICLE = "article", _("Artikel")
    VIDEO = "video", _("Video")
    WORKSHEET = "worksheet", _("Arbeitsblatt")
    COURSE_MODULE = "course_module", _("Kursmodul")
    FURTHER_READING = "further_reading", _("Weiterführende Links")


class ResourceLevel(models.TextChoices):
    INTRO = "intro", _("Einstieg")
    ADVANCED = "advanced", _("Vertiefung")
    EXPERT = "expert", _("Expertise")


class ExpertAvailability(models.TextChoices):
    AVAILABLE = "available", _("Verfügbar")
    LIMITED = "limited", _("Eingeschränkt verfügbar")
    UNAVAILABLE = "unavailable", _("Derzeit nicht verfügbar")
