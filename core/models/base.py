"""The abstract page every page type of the site derives from."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class BasePage(Page):
    """Search, translation and teaser fields declared once for all page types.

    Subclasses extend ``search_fields``, ``translatable_fields`` and ``api_fields``.
    """

    listing_summary = models.TextField(
        _("Kurzbeschreibung"),
        blank=True,
        max_length=300,
        help_text=_("Erscheint in Übersichten und Suchergebnissen (höchstens 300 Zeichen)."),
    )
    listing_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("Vorschaubild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("listing_summary"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("listing_summary"),
        SynchronizedField("listing_image"),
        SynchronizedField("show_in_menus"),
    ]

    promote_panels = [
        *Page.promote_panels,
        FieldPanel("listing_summary"),
        FieldPanel("listing_image"),
    ]

    class Meta:
        abstract = True

    @property
    def summary(self):
        """The teaser text: the summary, else the search description."""
        return self.listing_summary or self.search_description
