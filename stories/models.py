"""Success stories of completed Lokalprojekte."""

import functools

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyStreamBlock
from core.locales import locale_by_id
from core.models import BasePage, ListingPage, SiteSettings
from stories.feeds import StoryFeed
from stories.filters import StoryFilterSet
from taxonomy.localization import localize_many
from taxonomy.models import in_default_language

# The value of ProjectPage.status for a finished project (projects.models.ProjectStatus; the
# apps do not import each other).
PROJECT_COMPLETED = "completed"


def finished_project():
    """Stories whose project is over: a success story is told only once there is a success.

    A story linked to a project counts when that project is completed (the editors keep the
    status current); a story without a project when its period has ended. Stories of projects
    in preparation or still running are kept out of every list (listing, feeds, home page)
    rather than labelled there: a list called "Erfolgsgeschichten" should hold only successes,
    and a small label on a card is easy to overlook. Their own page stays reachable and says
    plainly that the project has not finished.
    """
    return Q(project__status=PROJECT_COMPLETED) | Q(
        project__isnull=True, period_end__lt=timezone.localdate()
    )


def success_stories(locale_id):
    """Live, public stories of finished projects in a locale, newest project period first."""
    return (
        StoryPage.objects.live()
        .public()
        .filter(finished_project(), locale_id=locale_id)
        .select_related("municipality", "listing_image", "lead_image")
        .prefetch_related("topics")
        .order_by("-period_start", "title")
    )


class StoryIndexPage(ListingPage):
    """The list of success stories, with filters and RSS/Atom feeds."""

    filterset_class = StoryFilterSet
    feed_class = StoryFeed
    only_in_default_language_notice = ngettext_lazy(
        "%(count)s weitere Geschichte ist nur auf Deutsch verfügbar.",
        "%(count)s weitere Geschichten sind nur auf Deutsch verfügbar.",
        "count",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Übersicht Erfolgsgeschichten")
        verbose_name_plural = _("Übersichten Erfolgsgeschichten")

    def stories(self):
        """Live stories of finished projects below this page, newest project period first."""
        return success_stories(self.locale_id).child_of(self)

    def card_image(self, item):
        return item.listing_image or item.lead_image

    def listing_items(self):
        return self.stories()


class StoryPage(BasePage):
    """What a Macher:in achieved together with a municipality."""

    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        limit_choices_to=in_default_language,
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
        "taxonomy.Topic",
        verbose_name=_("Themenfelder"),
        blank=True,
        related_name="stories",
        limit_choices_to=in_default_language,
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
        "core.CustomImage",
        verbose_name=_("Aufmacherbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Images are not translated (wagtail-localize translates pages and snippets), so the
    # texts around this one live on the page, where translators see them.
    lead_image_alt = models.CharField(
        _("Alternativtext des Aufmacherbilds"),
        max_length=250,
        blank=True,
        help_text=_("Leer lassen, um den Alternativtext aus der Bildverwaltung zu verwenden."),
    )
    lead_image_credit = models.CharField(
        _("Bildnachweis des Aufmacherbilds"),
        max_length=250,
        blank=True,
        help_text=_("Leer lassen, um den Bildnachweis aus der Bildverwaltung zu verwenden."),
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
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_credit"),
            ],
            heading=_("Aufmacherbild"),
        ),
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
        TranslatableField("quote_author"),
        SynchronizedField("lead_image"),
        TranslatableField("lead_image_alt"),
        TranslatableField("lead_image_credit"),
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
    def unfinished_label(self):
        """For a story whose project has not finished: what to tell the reader, else ""."""
        if self.project is not None:
            if self.project.status == PROJECT_COMPLETED:
                return ""
            if self.project.status == "running":
                return _("Das Projekt läuft noch.")
            return _("Projekt in Vorbereitung: Es hat noch nicht begonnen.")
        if self.period_end is None or self.period_end >= timezone.localdate():
            return _("Das Projekt läuft noch.")
        return ""

    @property
    def lead_image_alt_text(self):
        """The lead image's alt text in the page's language, else the image's own."""
        if self.lead_image is None:
            return ""
        return self.lead_image_alt or self.lead_image.default_alt_text

    @property
    def lead_image_credit_text(self):
        """The lead image's credit in the page's language, else the image's own."""
        if self.lead_image is None:
            return ""
        return self.lead_image_credit or self.lead_image.credit

    @property
    def related_project(self):
        """The linked project page in the visitor's language, if it is published."""
        if self.project is None:
            return None
        project = self.project.localized
        return project if project.live else None

    def get_structured_data(self, request=None):
        """schema.org Article describing this story, for search engines (JSON-LD)."""
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "alternativeHeadline": self.subject,
            "inLanguage": locale_by_id(self.locale_id).language_code,
            "url": self.full_url,
        }
        if request is not None:
            organisation = SiteSettings.for_request(request).organisation_name
            data["publisher"] = {"@type": "Organization", "name": organisation}
        if self.first_published_at:
            data["datePublished"] = self.first_published_at.isoformat()
        modified = self.last_published_at or self.first_published_at
        if modified:
            data["dateModified"] = modified.isoformat()
        if self.summary:
            data["description"] = self.summary
        if self.lead_image and request is not None:
            image_url = self.lead_image.absolute_rendition_url("width-1200")
            if image_url:
                data["image"] = image_url
        if self.municipality:
            place = self.municipality.localized.name
            data["about"] = {
                "@type": "Place",
                "name": place,
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": place,
                    "addressRegion": self.municipality.get_bundesland_display(),
                    "addressCountry": "DE",
                },
            }
        return data

    def get_context(self, request, *args, **kwargs):
        """Add the structured data and the localized topics, each computed on first use.

        The template keeps the parts that use them as fragments (core/fragment_cache.py); a
        kept fragment needs neither.
        """
        context = super().get_context(request, *args, **kwargs)
        # The template calls each on first use; functools.cache answers a second use.
        context["structured_data"] = functools.cache(
            functools.partial(self.get_structured_data, request)
        )
        context["display_topics"] = functools.cache(self._display_topics)
        return context

    def _display_topics(self):
        # Read once and localized in one query (the |localized filter asks once per topic).
        topics = list(self.topics.all())
        localized = localize_many(topics)
        return [localized[topic] for topic in topics]

    @property
    def municipality_name(self):
        return self.municipality.name if self.municipality else ""

    @property
    def bundesland(self):
        return self.municipality.bundesland if self.municipality else ""
