"""Pages that carry one of the public forms; editors place them and word their texts."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage


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
    # Shown on the card of this form in its section (Mitmachen) and beside the form.
    audience = models.CharField(
        _("Für wen"), max_length=160, blank=True, help_text=_("Zum Beispiel: Für Kommunen.")
    )
    time_needed = models.CharField(
        _("Zeitaufwand"), max_length=80, blank=True, help_text=_("Zum Beispiel: etwa 10 Minuten.")
    )
    next_steps = models.TextField(
        _("Was danach passiert"),
        blank=True,
        help_text=_("Wer antwortet, wann, und wie es weitergeht."),
    )
    thank_you_text = RichTextField(
        _("Text nach dem Absenden"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Erscheint, wenn das Formular erfolgreich abgeschickt wurde."),
    )

    @classmethod
    def published_for(cls, form_kind, locale):
        """The live page with this form in ``locale`` (or None), for links from other pages."""
        return cls.objects.live().public().filter(form_kind=form_kind, locale=locale).first()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("form_kind"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("time_needed"), FieldPanel("next_steps")],
            heading=_("Auf einen Blick"),
        ),
        FieldPanel("thank_you_text"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("form_kind"),
        TranslatableField("intro"),
        TranslatableField("audience"),
        TranslatableField("time_needed"),
        TranslatableField("next_steps"),
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
        return _views().form_page_view(request, self)

    @path("danke/", name="thanks")
    def thanks_route(self, request):
        """The thank-you text after a successful submission."""
        return _views().form_page_thanks(request, self)


def _views():
    # Wagtail routes live on the page model and the views import the models: import late.
    from intake import views

    return views
