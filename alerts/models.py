"""Search alerts: a saved project search whose new matches are mailed to an address.

No account is needed. An alert is only active after its address confirmed it (double
opt-in); unconfirmed ones are deleted after ``UNCONFIRMED_DAYS`` (``purge_alerts``). What
was already known or mailed is recorded per alert (``SeenProject``), so a digest never
repeats a project. The addresses are personal data and are not shown in the admin.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from intake.models import ConsentRecord

# An address may hold this many alerts (confirmed or waiting for confirmation).
MAX_ALERTS_PER_ADDRESS = 5
# Unconfirmed alerts are deleted after this many days; the confirmation link expires with them.
UNCONFIRMED_DAYS = 7
CONSENT_PURPOSE = "search_alert"


class Frequency(models.TextChoices):
    DAILY = "daily", _("Täglich")
    WEEKLY = "weekly", _("Wöchentlich")


class SearchAlert(models.Model):
    """One saved search of the project listing ``listing`` (one language) for one address."""

    email = models.EmailField(_("E-Mail"))
    listing = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Projektliste"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The listing's query string without page and sort, as the listing understands it.
    query = models.CharField(_("Suche"), max_length=2000, blank=True)
    language = models.CharField(_("Sprache"), max_length=5, default="de")
    frequency = models.CharField(
        _("Häufigkeit"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    consent = models.ForeignKey(
        ConsentRecord, verbose_name=_("Einwilligung"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("Bestätigt am"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("Zuletzt geprüft am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Suchbenachrichtigung")
        verbose_name_plural = _("Suchbenachrichtigungen")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["email"], name="searchalert_email")]

    def __str__(self):
        return f"{self.get_frequency_display()} ({self.pk})"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def build_outgoing_mail(self, mail):
        """The confirmation or the manage-link mail (the outbox asks the record to render)."""
        from alerts.mails import alert_message

        return alert_message(mail, self)


class AlertDigest(models.Model):
    """One mail of new projects for one alert; its projects are the SeenProject rows."""

    alert = models.ForeignKey(SearchAlert, on_delete=models.CASCADE, related_name="digests")
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Benachrichtigung")
        verbose_name_plural = _("Benachrichtigungen")

    def __str__(self):
        return f"{self.alert_id}: {self.created_at:%Y-%m-%d}"

    def build_outgoing_mail(self, mail):
        """The digest mail (the outbox asks the record to render)."""
        from alerts.mails import digest_message

        return digest_message(mail, self)


class SeenProject(models.Model):
    """A project an alert will not mail (again): known at confirmation or already in a digest."""

    alert = models.ForeignKey(SearchAlert, on_delete=models.CASCADE, related_name="seen")
    project = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    # None: the project already matched when the alert was confirmed, so it is not new.
    digest = models.ForeignKey(
        AlertDigest, null=True, blank=True, on_delete=models.CASCADE, related_name="items"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["alert", "project"], name="seenproject_once")
        ]

    def __str__(self):
        return f"{self.alert_id}: {self.project_id}"
