"""Success stories of completed Lokalprojekte."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from home.models import BasePage


class StoryIndexPage(BasePage):
    """The list of success stories."""

    intro = RichTextField(_("Einleitung"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Übersicht Erfolgsgeschichten")
        verbose_name_plural = _("Übersichten Erfolgsgeschichten")


class StoryPage(BasePage):
    """What a Macher:in achieved together with a municipality."""

    municipality = models.ForeignKey(
        "projects.Municipality",
        verbose_name=_("Kommune"),
        null=True,
        on_delete=models.PROTECT,
        related_name="stories",
    )
    project = models.ForeignKey(
        "projects.ProjectPage",
        verbose_name=_("Zugehöriges Projekt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    topics = ParentalManyToManyField(
        "projects.Topic", verbose_name=_("Themenfelder"), blank=True, related_name="stories"
    )
    subject = models.CharField(
        _("Projekttitel"), max_length=200, help_text=_("z. B. „Papierlos – aber richtig!“")
    )
    period_start = models.DateField(_("Beginn"))
    period_end = models.DateField(_("Ende"), null=True, blank=True)
    maker_role = models.CharField(
        _("Die Macher:in"),
        max_length=250,
        help_text=_("Beruflicher Hintergrund und Rolle im Projekt"),
    )
    funder = models.CharField(_("Förderer"), max_length=200, blank=True)
    outcome = models.TextField(_("Ergebnis"))
    quote = models.TextField(_("Zitat"), blank=True)
    quote_author = models.CharField(_("Zitat von"), max_length=160, blank=True)
    lead_image = models.ForeignKey(
        "home.CustomImage",
        verbose_name=_("Aufmacherbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("Geschichte"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("subject"),
                FieldRowPanel([FieldPanel("municipality"), FieldPanel("project")]),
                FieldPanel("topics"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldRowPanel([FieldPanel("maker_role"), FieldPanel("funder")]),
            ],
            heading=_("Eckdaten"),
        ),
        FieldPanel("lead_image"),
        FieldPanel("outcome"),
        MultiFieldPanel([FieldPanel("quote"), FieldPanel("quote_author")], heading=_("Zitat")),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("subject", boost=2),
        index.SearchField("outcome"),
        index.SearchField("body"),
        index.RelatedFields("municipality", [index.SearchField("name")]),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("municipality"),
        SynchronizedField("project"),
        SynchronizedField("topics"),
        TranslatableField("subject"),
        SynchronizedField("period_start"),
        SynchronizedField("period_end"),
        TranslatableField("maker_role"),
        SynchronizedField("funder"),
        TranslatableField("outcome"),
        TranslatableField("quote"),
        SynchronizedField("quote_author"),
        SynchronizedField("lead_image"),
        TranslatableField("body"),
    ]
    api_fields = [
        APIField("subject"),
        APIField("municipality_name"),
        APIField("bundesland"),
        APIField("period_start"),
        APIField("period_end"),
        APIField("maker_role"),
        APIField("funder"),
        APIField("outcome"),
        APIField("quote"),
        APIField("quote_author"),
        APIField("body"),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Erfolgsgeschichte")
        verbose_name_plural = _("Erfolgsgeschichten")

    @property
    def municipality_name(self):
        return self.municipality.name if self.municipality else ""

    @property
    def bundesland(self):
        return self.municipality.bundesland if self.municipality else ""
