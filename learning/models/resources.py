"""On-demand learning resources; some are only for signed-in Macher:innen."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
    ReferenceIndex,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyStreamBlock
from core.models import BasePage, ListingPage
from learning.cards import localize_cards
from learning.choices import ResourceFormat, ResourceLevel
from learning.filters import LearningResourceFilterSet
from taxonomy.models import in_default_language

from .experts import ExpertIndexPage


def is_switch_restriction(restriction):
    """Whether ``restriction`` is the one the Macher:innen-only switch manages.

    That is a group restriction on a learning resource with the Macher:innen group as its only
    group. Any other restriction (password, login, other groups) is an editor's choice.
    """
    if restriction.restriction_type != PageViewRestriction.GROUPS:
        return False
    if (
        restriction.page.content_type_id
        != ContentType.objects.get_for_model(LearningResourcePage).pk
    ):
        return False
    return [group.name for group in restriction.groups.all()] == [settings.MACHERINNEN_GROUP_NAME]


def listable_resources(queryset):
    """``queryset`` without pages behind page privacy, except the Macher:innen-only switch.

    The library lists Macher:innen-only resources with a badge, so members find them; a
    resource an editor hid behind a password, a login or another group stays out of lists.
    """
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    for restriction in restrictions:
        if not is_switch_restriction(restriction):
            queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset


# The documents of Macher:innen-only resources live here; the collection is restricted to
# the Macher:innen group, so Wagtail serves its files to members only (page privacy does
# not reach documents). Created by a data migration, and on demand if it is missing.
MACHERINNEN_COLLECTION_NAME = "Nur für Macher:innen"


def macherinnen_collection():
    """The collection for Macher:innen-only documents, with its group view restriction."""
    group, _created = Group.objects.get_or_create(name=settings.MACHERINNEN_GROUP_NAME)
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=MACHERINNEN_COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(name=MACHERINNEN_COLLECTION_NAME)
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    ).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.add(group)
    return collection


def referenced_documents(page):
    """The documents ``page``'s current content links to (document blocks and text links)."""
    document_model = get_document_model()
    content_type = ContentType.objects.get_for_model(document_model)
    # Read from the page itself: the reference index may be updated later by a task.
    ids = {
        object_id
        for content_type_id, object_id, _model_path, _content_path in (
            ReferenceIndex._extract_references_from_object(page)
        )
        if content_type_id == content_type.pk
    }
    return document_model.objects.filter(pk__in=ids)


class LearningIndexPage(ListingPage):
    """The learning library's start page with filters."""

    filterset_class = LearningResourceFilterSet

    parent_page_types = ["home.HomePage"]
    # ExpertIndexPage lists this page among its parents; both sides must allow it.
    subpage_types = ["learning.LearningResourcePage", "learning.ExpertIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Lernbibliothek")
        verbose_name_plural = _("Lernbibliotheken")

    def resources(self):
        """Live resources below this page in its language, the newest first.

        Macher:innen-only resources are listed too (with a badge); page privacy guards them.
        Resources behind any other restriction are left out.
        """
        return (
            listable_resources(LearningResourcePage.objects.child_of(self).live())
            .filter(locale_id=self.locale_id)
            .select_related("listing_image")
            .prefetch_related("topics")
            .order_by("-first_published_at", "title")
        )

    @property
    def expert_pool(self):
        """The published expert pool in this page's language, if the site has one."""
        return (
            ExpertIndexPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("path")
            .first()
        )

    def card_image(self, item):
        return item.listing_image

    def listing_items(self):
        return self.resources()

    def listing_context(self, request):
        """The page of resources with their topics in the active language (one query)."""
        context = super().listing_context(request)
        localize_cards(context["page_obj"], "topics")
        return context


class LearningResourcePage(BasePage):
    """An article, video, worksheet or course module of the accompanying programme."""

    format = models.CharField(_("Format"), max_length=20, choices=ResourceFormat.choices)
    level = models.CharField(
        _("Niveau"), max_length=10, choices=ResourceLevel.choices, default=ResourceLevel.INTRO
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic",
        verbose_name=_("Themenfelder"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_language,
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("Dauer in Minuten"), null=True, blank=True
    )
    macherinnen_only = models.BooleanField(
        _("Nur für angemeldete Macher:innen"),
        default=False,
        help_text=_(
            "Beim Veröffentlichen wird die Seite auf die Gruppe „Macher:innen“ beschränkt."
        ),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("Inhalt"), blank=True)
    video_url = models.URLField(_("Video-Adresse"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("format"), FieldPanel("level")]),
                FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("macherinnen_only")]),
                FieldPanel("topics"),
            ],
            heading=_("Einordnung"),
        ),
        FieldPanel("video_url"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("format"),
        index.FilterField("level"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("format"),
        SynchronizedField("level"),
        SynchronizedField("topics"),
        SynchronizedField("duration_minutes"),
        SynchronizedField("macherinnen_only"),
        TranslatableField("body"),
        SynchronizedField("video_url"),
    ]
    api_fields = [
        APIField("format"),
        APIField("level"),
        APIField("duration_minutes"),
        APIField("macherinnen_only"),
        APIField("video_url"),
        APIField("body"),
    ]

    parent_page_types = ["learning.LearningIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Lernangebot")
        verbose_name_plural = _("Lernangebote")

    def sync_view_restriction(self):
        """Make the switch's own group restriction match the Macher:innen-only switch.

        Only that restriction (the Macher:innen group alone) is added or removed; a password,
        login or other group restriction an editor set stays as it is.
        """
        restrictions = PageViewRestriction.objects.filter(page=self).prefetch_related("groups")
        if not self.macherinnen_only:
            for restriction in restrictions:
                if is_switch_restriction(restriction):
                    restriction.delete()
            return
        group, _created = Group.objects.get_or_create(name=settings.MACHERINNEN_GROUP_NAME)
        if any(
            restriction.restriction_type == PageViewRestriction.GROUPS
            and group in restriction.groups.all()
            for restriction in restrictions
        ):
            return
        restriction = PageViewRestriction.objects.create(
            page=self, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(group)

    def restrict_documents(self):
        """Move the documents of a Macher:innen-only resource into the restricted collection.

        They stay there if the switch is turned off later: a document once meant for members
        only is not made public by accident. A document in another restricted collection
        is left where it is.
        """
        if not self.macherinnen_only:
            return
        documents = referenced_documents(self)
        restricted = [
            document
            for document in documents.select_related("collection")
            if document.collection.get_view_restrictions().exists()
        ]
        documents.exclude(pk__in=[d.pk for d in restricted]).update(
            collection=macherinnen_collection()
        )
