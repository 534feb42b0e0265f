"""From the shortlist to a running project: the municipality's private decision link and the
placement the team records once a candidate has been chosen.

Both hold personal data (the decision-maker's and the Pat:in's names and addresses) and are
seen only by the Matching-Team in the back office; the decision-maker sees the candidates
through the link alone, without an account.
"""

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The link's token is its id signed with the site's secret key: nothing secret is stored, the
# outbox can build the link again when it sends the mail, and a token cannot be guessed.
# Validity (expiry, revocation) is kept in the row, so it can change after the mail is out.
TOKEN_SALT = "intake.municipality-decision-link"


def _signer():
    # "." never occurs in the signature (URL-safe base64), so the token is one path segment.
    return signing.Signer(salt=TOKEN_SALT, sep=".")


class MunicipalityDecisionLink(models.Model):
    """A private, expiring link for the municipality's decision-maker on one project.

    Behind it the decision-maker sees the candidates proposed to the municipality who agreed
    to be shown to it, and asks for a conversation, declines with a reason, or chooses.
    """

    project = models.ForeignKey(
        "projects.ProjectPage",
        verbose_name=_("Projekt"),
        on_delete=models.CASCADE,
        related_name="decision_links",
    )
    recipient_name = models.CharField(_("Name der Empfänger:in"), max_length=160)
    recipient_email = models.EmailField(_("E-Mail der Empfänger:in"))
    language = models.CharField(
        _("Sprache"), max_length=5, choices=settings.LANGUAGES, default="de"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Gesendet von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Gesendet am"), default=timezone.now)
    expires_at = models.DateTimeField(_("Gültig bis"))
    revoked_at = models.DateTimeField(_("Zurückgezogen am"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Zurückgezogen von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_viewed_at = models.DateTimeField(_("Zuletzt angesehen"), null=True, blank=True)

    class Meta:
        verbose_name = _("Entscheidungslink der Kommune")
        verbose_name_plural = _("Entscheidungslinks der Kommunen")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.recipient_name} ({self.created_at:%Y-%m-%d})"

    @property
    def token(self):
        """The secret part of the link's address."""
        return _signer().sign(str(self.pk))

    @classmethod
    def from_token(cls, token):
        """The link a token belongs to, or None if the token is wrong (expired ones included)."""
        try:
            pk = _signer().unsign(token)
        except signing.BadSignature:
            return None
        if not pk.isdigit():
            return None
        return cls.objects.select_related("project").filter(pk=int(pk)).first()

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self):
        """True while the link may be opened: neither revoked nor expired."""
        return not self.is_revoked and not self.is_expired

    def state_label(self):
        """The link's state in words, for the back office."""
        if self.is_revoked:
            return _("zurückgezogen")
        if self.is_expired:
            return _("abgelaufen")
        return _("gültig")


class Placement(models.Model):
    """The start of a project with the chosen Macher:in: the Pat:in and the agreed period.

    The Pat:in is a person in the municipality's administration who accompanies the
    Macher:in; their name and office are personal data, shown only in the back office.
    """

    application = models.OneToOneField(
        "intake.Application",
        verbose_name=_("Bewerbung"),
        on_delete=models.CASCADE,
        related_name="placement",
    )
    sponsor_name = models.CharField(_("Name der Pat:in"), max_length=160)
    sponsor_role = models.CharField(_("Funktion der Pat:in"), max_length=200)
    sponsor_office = models.CharField(
        _("Dienststelle der Pat:in"),
        max_length=200,
        help_text=_("z. B. „Fachbereich Bürgerservice, Rathaus Eschwege“"),
    )
    start_date = models.DateField(_("Vereinbarter Start"))
    end_date = models.DateField(_("Vereinbartes Ende"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Festgehalten von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Festgehalten am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Projektstart")
        verbose_name_plural = _("Projektstarts")
        ordering = ["-start_date", "-pk"]

    def __str__(self):
        return f"{self.application} ({self.start_date:%Y-%m-%d})"
