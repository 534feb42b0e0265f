"""The durable outbox of the mails the public forms and the pipeline send."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


def _send_after_commit(mail_id):
    # Imported here: the task module imports the models.
    from intake.tasks import send_outgoing_mail

    send_outgoing_mail.enqueue(mail_id)


class OutgoingMail(models.Model):
    """One mail a form submission or a status change owes someone, kept until it is sent.

    Written in the same transaction as the submission, so a mail server that is down loses
    nothing: the task tries once, ``manage.py send_pending_mail`` retries. The text is
    rendered at sending time from the record it refers to, so this table holds no personal
    data, and a record deleted in the meantime (DSGVO) means the mail is simply dropped.
    A status update keeps the status it announces, since the record may have moved on by
    the time the mail goes out.
    """

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Bestätigung an die Absender:in")
        NOTIFICATION = "notification", _("Benachrichtigung des Matching-Teams")
        STATUS_UPDATE = "status_update", _("Neuer Stand an die Bewerber:in")
        DECISION_LINK = "decision_link", _("Entscheidungslink an die Kommune")
        DECISION_NOTICE = "decision_notice", _("Entscheidung der Kommune an das Matching-Team")
        # Rendered by the alerts app (its records have ``build_outgoing_mail``).
        ALERT_CONFIRMATION = "alert_confirmation", _("Bestätigungslink einer Suchbenachrichtigung")
        ALERT_DIGEST = "alert_digest", _("Neue Projekte zu einer Suchbenachrichtigung")
        ALERT_MANAGE = "alert_manage", _("Link zum Verwalten der Suchbenachrichtigungen")
        # Rendered by the programme app (``build_outgoing_mail``); ``status`` says which one.
        EVENT_REGISTRATION = "event_registration", _("Nachricht zur Anmeldung (Begleitprogramm)")

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    status = models.CharField(
        _("Mitgeteilter Status"),
        max_length=12,
        blank=True,
        help_text=_("Nur bei einem neuen Stand: der Status der Bewerbung, den die Mail mitteilt."),
    )
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

    @classmethod
    def queue(cls, kind, record, status=""):
        """Queue a mail of ``kind`` about ``record``; it is sent once the transaction commits.

        Call it inside the transaction that writes ``record`` (see queue_status_update).
        ``status`` names the state the mail announces, where the record may move on.
        """
        mail = cls.objects.create(
            kind=kind,
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            status=status,
        )
        transaction.on_commit(lambda: _send_after_commit(mail.pk), robust=True)
        return mail

    @classmethod
    def queue_status_update(cls, application, status):
        """Queue the mail telling the applicant about ``status``, unless it was queued before.

        Call it inside the transaction that changes the status: the row commits with the
        change or not at all, and the task starts after the commit. Returns True if queued.
        """
        content_type = ContentType.objects.get_for_model(application)
        mail, created = cls.objects.get_or_create(
            kind=cls.Kind.STATUS_UPDATE,
            content_type=content_type,
            object_id=application.pk,
            status=status,
        )
        if created:
            # robust: a queue that is down must not undo the status change; the mail stays
            # pending and send_pending_mail retries it.
            transaction.on_commit(lambda: _send_after_commit(mail.pk), robust=True)
        return created
