"""The news section (Aktuelles): announcements, press coverage and publications."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyStreamBlock
from core.locales import locale_by_id
from core.models import BasePage, ListingPage, SiteSettings
from core.public_url import absolute_url
from news.categories import NewsCategory
from news.feeds import NewsFeed
from news.filters import NewsFilterSet
from news.views import serve_with_feedback


class NewsIndexPage(ListingPage):
    """The news section: every item, newest first, filterable by kind, with feeds."""

    filterset_class = NewsFilterSet
    feed_class = NewsFeed
    only_in_default_language_notice = ngettext_lazy(
        "%(count)s weiterer Beitrag ist nur auf Deutsch verfügbar.",
        "%(count)s weitere Beiträge sind nur auf Deutsch verfügbar.",
        "count",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Übersicht Aktuelles")
        verbose_name_plural = _("Übersichten Aktuelles")

    def card_image(self, item):
        return item.image

    def listing_items(self):
        return (
            NewsPage.objects.live()
            .public()
            .child_of(self)
            .select_related("image", "document")
            .order_by("-date", "-pk")
        )


class NewsPage(BasePage):
    """One news item, press article or publication."""

    date = models.DateField(
        _("Datum"),
        default=datetime.date.today,
        help_text=_("Bei Presseberichten das Erscheinungsdatum des Artikels."),
    )
    category = models.CharField(
        _("Art"), max_length=20, choices=NewsCategory.choices, default=NewsCategory.NEWS
    )
    teaser = models.TextField(
        _("Anreißer"), max_length=400, help_text=_("Zwei bis drei Sätze für Übersicht und Feed.")
    )
    image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("Alternativtext des Bilds"),
        max_length=250,
        blank=True,
        help_text=_("Leer lassen, um den Alternativtext aus der Bildverwaltung zu verwenden."),
    )
    source_name = models.CharField(
        _("Quelle"),
        max_length=200,
        blank=True,
        help_text=_("Bei Presseberichten: das Medium, z. B. die Regionalzeitung."),
    )
    source_url = models.URLField(_("Link zur Quelle"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Dokument zum Herunterladen"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Bei Veröffentlichungen Pflicht, z. B. das Impulspapier als PDF."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("Text"), blank=True)
    feedback_enabled = models.BooleanField(
        _("Kommentare erbitten"),
        default=False,
        help_text=_(
            "Zeigt unter dem Beitrag das Formular „Mitdenker:innen gesucht“. Kommentare gehen "
            "an das Team (Back Office, Kontaktanfragen) und werden nicht veröffentlicht."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("category")]),
        FieldPanel("teaser"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Bild")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")])],
            heading=_("Presse"),
        ),
        FieldPanel("document"),
        FieldPanel("body"),
        FieldPanel("feedback_enabled"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("teaser", boost=2),
        index.SearchField("body"),
        index.SearchField("source_name"),
        index.FilterField("category"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("date"),
        SynchronizedField("category"),
        TranslatableField("teaser"),
        SynchronizedField("image"),
        TranslatableField("image_alt"),
        SynchronizedField("source_name"),
        SynchronizedField("source_url"),
        SynchronizedField("document"),
        TranslatableField("body"),
        SynchronizedField("feedback_enabled"),
    ]
    api_fields = [
        APIField("date"),
        APIField("category"),
        APIField("teaser"),
        APIField("source_name"),
        APIField("source_url"),
        APIField("document_url"),
        APIField("body"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Beitrag unter Aktuelles")
        verbose_name_plural = _("Beiträge unter Aktuelles")

    def clean(self):
        super().clean()
        errors = {}
        if self.category == NewsCategory.PRESS and not self.source_name:
            errors["source_name"] = _("Ein Pressebericht braucht die Angabe der Quelle.")
        if self.category == NewsCategory.PUBLICATION and self.document_id is None:
            errors["document"] = _("Eine Veröffentlichung braucht ein Dokument zum Herunterladen.")
        if errors:
            raise ValidationError(errors)

    @property
    def published_at(self):
        """The item's date as an aware datetime at noon (feeds need a time)."""
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time(12)))

    @property
    def image_alt_text(self):
        """The image's alt text in the page's language, else the image's own."""
        if self.image is None:
            return ""
        return self.image_alt or self.image.default_alt_text

    @property
    def document_url(self):
        """The full address of the document to download, or "" without one."""
        return absolute_url(self.document.url) if self.document else ""

    def get_structured_data(self, request=None):
        """schema.org NewsArticle (publications: Report) for search engines (JSON-LD)."""
        kind = "Report" if self.category == NewsCategory.PUBLICATION else "NewsArticle"
        data = {
            "@context": "https://schema.org",
            "@type": kind,
            "headline": self.title,
            "description": self.teaser,
            "datePublished": self.published_at.isoformat(),
            "inLanguage": locale_by_id(self.locale_id).language_code,
            "url": self.full_url,
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if request is not None:
            organisation = SiteSettings.for_request(request).organisation_name
            publisher = {"@type": "Organization", "name": organisation}
            data["publisher"] = publisher
            if self.category != NewsCategory.PRESS:
                data["author"] = publisher
        if self.category == NewsCategory.PRESS:
            data["sourceOrganization"] = {"@type": "Organization", "name": self.source_name}
            if self.source_url:
                data["isBasedOn"] = self.source_url
        if self.image and request is not None:
            image_url = self.image.absolute_rendition_url("width-1200")
            if image_url:
                data["image"] = image_url
        if self.document:
            data["encoding"] = {
                "@type": "MediaObject",
                "contentUrl": self.document_url,
                "encodingFormat": self.document.content_type,
            }
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["structured_data"] = self.get_structured_data(request)
        return context

    def serve(self, request, *args, **kwargs):
        """The page; with comments asked for, also the comment form and what it sends."""
        if not self.feedback_enabled:
            return super().serve(request, *args, **kwargs)
        return serve_with_feedback(request, self)
