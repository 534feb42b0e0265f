"""Home page and the general content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyStreamBlock
from core.models import BasePage


class HomePage(BasePage):
    """The start page of one language tree."""

    hero_title = models.CharField(_("Überschrift"), max_length=160)
    hero_text = models.TextField(_("Einleitung"), blank=True)
    hero_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("Titelbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The two next steps most visitors came for, as buttons in the hero.
    hero_primary_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Erster Button: Seite"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_primary_label = models.CharField(_("Erster Button: Text"), max_length=60, blank=True)
    hero_secondary_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Zweiter Button: Seite"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_secondary_label = models.CharField(_("Zweiter Button: Text"), max_length=60, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldRowPanel([FieldPanel("hero_primary_page"), FieldPanel("hero_primary_label")]),
                FieldRowPanel(
                    [FieldPanel("hero_secondary_page"), FieldPanel("hero_secondary_label")]
                ),
            ],
            heading=_("Kopfbereich"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("hero_title"),
        TranslatableField("hero_text"),
        SynchronizedField("hero_image"),
        SynchronizedField("hero_primary_page"),
        TranslatableField("hero_primary_label"),
        SynchronizedField("hero_secondary_page"),
        TranslatableField("hero_secondary_label"),
        TranslatableField("body"),
    ]
    api_fields = [APIField("hero_title"), APIField("hero_text"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")


class StandardPage(BasePage):
    """A general content page: audience pages, the Impressum, the Datenschutzerklärung."""

    intro = models.TextField(_("Einleitung"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
    ]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")

    def get_context(self, request, *args, **kwargs):
        """Add the published pages below this one: a section page (Mitmachen) lists them."""
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().specific()
        return context
