"""Records of the back office. They hold personal data and are never pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactRequest(models.Model):
    """A message to an expert of the pool or from a funder, stored for the team."""

    class Kind(models.TextChoices):
        EXPERT = "expert", _("Anfrage an Expert:in")
        FUNDER = "funder", _("Anfrage von Förderer")
        GENERAL = "general", _("Allgemeine Anfrage")

    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices)
    expert = models.ForeignKey(
        "learning.Expert",
        verbose_name=_("Expert:in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_requests",
    )
    name = models.CharField(_("Name"), max_length=160)
    email = models.EmailField(_("E-Mail"))
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    message = models.TextField(_("Nachricht"), max_length=5000)
    privacy_version = models.CharField(_("Version der Datenschutzhinweise"), max_length=40)
    consent_given_at = models.DateTimeField(_("Einwilligung erteilt am"))
    language = models.CharField(_("Sprache"), max_length=5, default="de")
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Kontaktanfrage")
        verbose_name_plural = _("Kontaktanfragen")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.name}"
