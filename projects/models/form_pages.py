"""Pages that carry a public form, and the durable outbox of the mails the forms send."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage


class FormKind(models.TextChoices):
    TALENT_POOL = "talent_pool", _("Initiativbewerbung für den Talentpool")
    MUNICIPALITY = "municipality", _("Anfrage einer Kommune")
    COMPANY = "company", _("Angebot eines Unternehmens")
    FUNDER = "funder", _("Kontaktanfrage von Förderern")


class FormPage(RoutablePageMixin, BasePage):
    """A page with one of the public forms; editors place it and word its texts."""

    form_kind = models.CharField(
        _("Formular"),
        max_length=20,
        choices=FormKind.choices,
        default=FormKind.TALENT_POOL,
        help_text=_("Welches Formular diese Seite zeigt."),
    )
    intro = RichTextField(_("Einleitung"), blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField(
        _("Text nach dem Absenden"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Erscheint, wenn das Formular erfolgreich abgeschickt wurde."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("form_kind"),
        FieldPanel("intro"),
        FieldPanel("thank_you_text"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("form_kind"),
        TranslatableField("intro"),
        TranslatableField("thank_you_text"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Formularseite")
        verbose_name_plural = _("Formularseiten")

    @path("")
    def form_route(self, request):
        """The form itself (GET shows it, POST checks and saves it)."""
        from projects.application_views import form_page_view

        return form_page_view(request, self)

    @path("danke/", name="thanks")
    def thanks_route(self, request):
        """The thank-you text after a successful submission."""
        from projects.application_views import form_page_thanks

        return form_page_thanks(request, self)


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
