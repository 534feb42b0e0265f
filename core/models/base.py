"""The abstract page every page type of the site derives from."""

import functools

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtail_localize.models import Translation

from core.locales import default_locale
from core.request_memo import may_have_view_restrictions


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

    def route(self, request, path_components):
        """Wagtail's routing, but a child of the only page type allowed here comes in one query.

        Wagtail reads the child as a plain ``Page``, then its specific row: two queries per
        level. Below a listing that holds one page type (projects, stories, news) the child
        is read as that type directly. A child of another type (placed there in code) or no
        child at all goes Wagtail's way, which also decides the 404.
        """
        child_model = only_child_model(type(self))
        if path_components and child_model is not None:
            try:
                child = child_model.objects.child_of(self).get(slug=path_components[0])
            except child_model.DoesNotExist:
                pass
            else:
                child._cached_parent_obj = self  # as Wagtail does: no query for the parent
                return child.specific.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_view_restrictions(self):
        """Wagtail's restrictions of this page and its ancestors; none, without a query, when
        no restriction can apply (Wagtail asks on every view, in two queries)."""
        if not may_have_view_restrictions(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def summary(self):
        """The teaser text: the summary, else the search description."""
        return self.listing_summary or self.search_description

    def save(self, *args, **kwargs):
        """Save the page; a translation kept in sync by wagtail-localize gets its own slug."""
        self.slug = self.translated_slug()
        return super().save(*args, **kwargs)

    def translated_slug(self):
        """The slug this page should have: a synced translation's slug follows its title.

        wagtail-localize copies the source slug into every translation and falls back to it
        on each sync while nobody translates the slug segment, so English pages would keep
        German addresses. While the slug is still the source's and the title is translated,
        the slug becomes the slugified title (free among its siblings). A slug the page
        already had stays, so a later change of the title does not move the page; a slug a
        translator wrote is kept as it is. Pages outside wagtail-localize's translation flow
        (an editor's own page, a translation turned into a manual copy) keep their slug.
        """
        if self.locale_id is None or self.locale_id == default_locale().pk:
            return self.slug
        translation = (
            Translation.objects.filter(
                source__object_id=self.translation_key,
                target_locale_id=self.locale_id,
                enabled=True,
            )
            .select_related("source")
            .first()
        )
        if translation is None:
            return self.slug
        source = (
            Page.objects.filter(
                translation_key=self.translation_key, locale_id=translation.source.locale_id
            )
            .only("slug", "title")
            .first()
        )
        if source is None or self.slug != source.slug or self.title == source.title:
            return self.slug
        stored = Page.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
        if stored and stored != source.slug:
            return stored
        wanted = slugify(self.title)
        parent = self.get_parent() if self.pk else None
        if not wanted or parent is None:
            return self.slug
        return find_available_slug(parent, wanted, ignore_page_id=self.pk)


@functools.cache
def only_child_model(page_class):
    """The page model that is the only one allowed below ``page_class``, else None."""
    allowed = page_class.allowed_subpage_models()
    return allowed[0] if len(allowed) == 1 else None
