"""Home page and the general content page."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyStreamBlock, KeyFigureBlock
from core.models import BasePage, prefetch_renditions
from news.models import NewsIndexPage, NewsPage
from projects.models import ProjectIndexPage, ProjectPage, ProjectStatus
from projects.views import CARD_DEFERRED_FIELDS, prepare_cards
from stories.models import StoryIndexPage, success_stories

# How many of the newest open projects and success stories the home page shows.
HOME_CARDS = 3


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
    # The image itself is not translated; its description is, with the page.
    hero_image_alt = models.CharField(
        _("Alternativtext des Titelbilds"),
        max_length=250,
        blank=True,
        help_text=_("Leer lassen, um den Alternativtext aus der Bildverwaltung zu verwenden."),
    )
    # Editors keep the figures current; each is translated with the page (wagtail-localize).
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        verbose_name=_("Kennzahlen"),
        blank=True,
        max_num=6,
        help_text=_("Erscheinen unter dem Kopfbereich, z. B. „6–18“ – „Monate vor Ort“."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldRowPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")]),
                FieldRowPanel([FieldPanel("hero_primary_page"), FieldPanel("hero_primary_label")]),
                FieldRowPanel(
                    [FieldPanel("hero_secondary_page"), FieldPanel("hero_secondary_label")]
                ),
            ],
            heading=_("Kopfbereich"),
        ),
        FieldPanel("key_figures"),
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
        TranslatableField("hero_image_alt"),
        SynchronizedField("hero_primary_page"),
        TranslatableField("hero_primary_label"),
        SynchronizedField("hero_secondary_page"),
        TranslatableField("hero_secondary_label"),
        TranslatableField("key_figures"),
        TranslatableField("body"),
    ]
    api_fields = [
        APIField("hero_title"),
        APIField("hero_text"),
        APIField("key_figures"),
        APIField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    @property
    def hero_image_alt_text(self):
        """The hero image's alt text in the page's language, else the image's own."""
        if self.hero_image is None:
            return ""
        return self.hero_image_alt or self.hero_image.default_alt_text

    def newest_open_projects(self):
        """The newest projects of this language that accept applications, ready for cards."""
        projects = list(
            ProjectPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, status=ProjectStatus.OPEN)
            .exclude(application_deadline__lt=timezone.localdate())
            .defer(*CARD_DEFERRED_FIELDS)
            .select_related("municipality")
            .prefetch_related("topics")
            .order_by("-first_published_at", "-pk")[:HOME_CARDS]
        )
        return prepare_cards(projects)

    def get_context(self, request, *args, **kwargs):
        """Add the newest open projects, success stories and news with their listings."""
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = HomeSections(self)
        return context


class HomeSections:
    """The home page's three card sections, each queried on first use.

    Lazy because the template keeps the sections as one fragment (core/fragment_cache.py):
    when it is kept, none of these queries runs.
    """

    def __init__(self, home):
        self.home = home

    @cached_property
    def _listings(self):
        # All three listings in one query; each exists once per language.
        return {
            page.content_type_id: page
            for page in Page.objects.type(ProjectIndexPage, StoryIndexPage, NewsIndexPage)
            .live()
            .filter(locale_id=self.home.locale_id)
            .order_by("path")
        }

    @cached_property
    def open_projects(self):
        return self.home.newest_open_projects()

    @cached_property
    def project_index(self):
        return self._listings.get(_content_type_id(ProjectIndexPage))

    @cached_property
    def _stories_and_news(self):
        stories = list(success_stories(self.home.locale_id)[:HOME_CARDS])
        news = list(
            NewsPage.objects.live()
            .public()
            .filter(locale_id=self.home.locale_id)
            .select_related("image")
            .order_by("-date", "-pk")[:HOME_CARDS]
        )
        # The cards' renditions in one query rather than a cache round trip per card.
        prefetch_renditions(
            [story.listing_image or story.lead_image for story in stories]
            + [item.image for item in news]
        )
        return stories, news

    @cached_property
    def stories(self):
        return self._stories_and_news[0]

    @cached_property
    def story_index(self):
        return self._listings.get(_content_type_id(StoryIndexPage))

    @cached_property
    def news(self):
        return self._stories_and_news[1]

    @cached_property
    def news_index(self):
        return self._listings.get(_content_type_id(NewsIndexPage))


def _content_type_id(model):
    return ContentType.objects.get_for_model(model).pk


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
