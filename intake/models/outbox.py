"""The durable outbox of the mails the public forms send."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """One mail a form submission owes someone, kept until it has been sent.

    Written in the same transaction as the submission, so a mail server that is down loses
    nothing: the task tries once, ``manage.py send_pending_mail`` retries. The text is
    rendered at sending time from the record it refers to, so this table holds no personal
    data, and a record deleted in the meantime (DSGVO) means the mail is simply dropped.
    """

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Bestätigung an die Absender:in")
        NOTIFICATION = "notification", _("Benachrichtigung des Matching-Teams")

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    last_error = models.CharField(_("Letzter Fehler"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("Gesendet am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Ausgehende E-Mail")
        verbose_name_plural = _("Ausgehende E-Mails")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["sent_at", "attempts"], name="outgoingmail_pending")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.content_type.model} {self.object_id})"
