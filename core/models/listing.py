"""The base of every listing page: intro, filters, pagination, feeds and no indexing of filters."""

from types import SimpleNamespace

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail_localize.fields import TranslatableField

from core.blocks import RICH_TEXT_FEATURES
from core.locales import default_locale

from .base import BasePage
from .images import prefetch_renditions


class ListingPage(RoutablePageMixin, BasePage):
    """A page that lists items with a django-filter FilterSet, pages of ``per_page`` items and,
    where ``feed_class`` is set, RSS and Atom feeds of the same items.

    Subclasses set ``filterset_class`` and implement ``listing_items()``; a listing whose
    results come from elsewhere (the project search engine) overrides ``listing_context()``.
    """

    intro = RichTextField(_("Einleitung"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]
    api_fields = [APIField("intro")]

    filterset_class = None
    per_page = 12
    feed_class = None
    # The notice on a translated listing; subclasses name their items ("Projekte").
    only_in_default_language_notice = ngettext_lazy(
        "%(count)s weiterer Eintrag ist nur auf Deutsch verfügbar.",
        "%(count)s weitere Einträge sind nur auf Deutsch verfügbar.",
        "count",
    )

    class Meta:
        abstract = True

    def listing_items(self):
        """The items this page lists before filtering (a queryset)."""
        raise NotImplementedError

    def card_image(self, item):
        """The image the card of ``item`` shows, or None (its renditions are prefetched)."""
        return None

    @classmethod
    def query_parameters(cls):
        """The names of the query parameters this listing answers to: its filters and ``page``.

        The page cache (core/page_cache.py) keeps listing pages whose parameters are all known.
        """
        names = {"page"}
        if cls.filterset_class is not None:
            names.update(cls.filterset_class.base_filters)
        return names

    def listing_context(self, request):
        """The filter form and the requested page of filtered items."""
        filterset = self.filterset_class(
            request.GET or None, queryset=self.listing_items(), request=request
        )
        paginator = Paginator(filterset.qs, self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        # The cards' renditions in one query rather than a cache round trip per card.
        page_obj.object_list = list(page_obj.object_list)
        prefetch_renditions(self.card_image(item) for item in page_obj.object_list)
        return {"filter": filterset, "page_obj": page_obj}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request))
        context["only_in_default_language"] = self.only_in_default_language()
        return context

    def only_in_default_language(self):
        """What a translated listing misses: the count of items only the German listing shows.

        Returns None on German pages, when nothing is missing or when the German listing is
        not published; else a namespace with ``count``, ``notice`` (the sentence) and ``page``
        (the German listing to link to). Counts the unfiltered listings, so the notice does
        not change with the visitor's filters.
        """
        german_locale = default_locale()
        if self.locale_id == german_locale.pk:
            return None
        german = self.get_translation_or_none(german_locale)
        if german is None or not german.live:
            return None
        german = german.specific
        translated = self.listing_items().values("translation_key")
        count = german.listing_items().exclude(translation_key__in=translated).count()
        if not count:
            return None
        notice = self.only_in_default_language_notice % {"count": count}
        return SimpleNamespace(count=count, notice=notice, page=german)

    def serve(self, request, *args, **kwargs):
        """Serve the listing; filtered or paged variants ask search engines not to index them.

        Every combination of filters is its own URL; only the plain listing should be found.
        """
        response = super().serve(request, *args, **kwargs)
        if request.GET:
            response["X-Robots-Tag"] = "noindex"
        return response

    def get_feed_class(self):
        """The PageFeed subclass of this listing, or None for a listing without feeds."""
        return self.feed_class

    @path("feed/rss/", name="feed_rss")
    def rss_feed(self, request):
        """The newest items as RSS 2.0."""
        return self._feed(request, "rss")

    @path("feed/atom/", name="feed_atom")
    def atom_feed(self, request):
        """The newest items as Atom 1.0."""
        return self._feed(request, "atom")

    def _feed(self, request, kind):
        feed_class = self.get_feed_class()
        if feed_class is None:
            raise Http404
        return feed_class(self, kind)(request)
