"""The project's image model: a credit line and a default alt text every editor fills in."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    alt_text = models.CharField(
        _("Alternativtext"),
        max_length=250,
        blank=True,
        help_text=_("Beschreibt das Bild für Menschen, die es nicht sehen können."),
    )
    credit = models.CharField(_("Bildnachweis"), max_length=250, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "alt_text", "credit")

    @property
    def default_alt_text(self):
        return self.alt_text or ""


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
