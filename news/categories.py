"""The kinds of item in the news section."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsCategory(models.TextChoices):
    NEWS = "news", _("Meldung")
    PRESS = "press", _("Pressebericht")
    PUBLICATION = "publication", _("Veröffentlichung")
