"""The expert pool: people Macher:innen can ask, reached only through a form."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES
from core.models import ListingPage
from learning.cards import localize_cards
from learning.choices import ExpertAvailability
from learning.filters import ExpertFilterSet
from taxonomy.models import in_default_language


class Expert(TranslatableMixin, index.Indexed, ClusterableModel):
    """A member of the expert pool. No e-mail address is ever published."""

    name = models.CharField(_("Name"), max_length=160)
    slug = models.SlugField(_("Kurzname"), max_length=80)
    photo = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("Foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    position = models.CharField(_("Funktion"), max_length=200, blank=True)
    expertise = ParentalManyToManyField(
        "taxonomy.Competency",
        verbose_name=_("Fachgebiete"),
        blank=True,
        related_name="experts",
        limit_choices_to=in_default_language,
    )
    languages = models.CharField(
        _("Sprachen"), max_length=200, default="Deutsch", help_text=_("Kommagetrennt")
    )
    bio = RichTextField(_("Kurzbiografie"), features=RICH_TEXT_FEATURES)
    availability = models.CharField(
        _("Verfügbarkeit"),
        max_length=12,
        choices=ExpertAvailability.choices,
        default=ExpertAvailability.AVAILABLE,
    )
    contact_email = models.EmailField(
        _("E-Mail für Anfragen"),
        blank=True,
        help_text=_("Wird nie veröffentlicht; Anfragen leitet das Team weiter."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("position")]),
        FieldPanel("expertise"),
        FieldRowPanel([FieldPanel("languages"), FieldPanel("availability")]),
        FieldPanel("bio"),
        FieldPanel("contact_email"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
        index.SearchField("bio"),
        index.FilterField("locale"),
    ]
    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("slug"),
        SynchronizedField("photo"),
        SynchronizedField("organisation"),
        TranslatableField("position"),
        SynchronizedField("expertise"),
        TranslatableField("languages"),
        TranslatableField("bio"),
        SynchronizedField("availability"),
        SynchronizedField("contact_email"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Expert:in")
        verbose_name_plural = _("Expert:innen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_expert_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    @property
    def language_list(self):
        return [lang.strip() for lang in self.languages.split(",") if lang.strip()]


class ExpertIndexPage(ListingPage):
    """The expert pool: a filterable list and one page per expert with a contact form."""

    filterset_class = ExpertFilterSet

    parent_page_types = ["home.HomePage", "learning.LearningIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Expert:innenpool")
        verbose_name_plural = _("Expert:innenpools")

    def card_image(self, item):
        return item.photo

    def listing_items(self):
        """The experts of this page's language, by name."""
        return (
            Expert.objects.filter(locale_id=self.locale_id)
            .select_related("photo")
            .prefetch_related("expertise")
            .order_by("name")
        )

    def listing_context(self, request):
        """The page of experts with their expertise in the active language (one query)."""
        context = super().listing_context(request)
        localize_cards(context["page_obj"], "expertise")
        return context

    @path("<slug:slug>/")
    def expert_route(self, request, slug):
        return _views().expert_detail(request, self, slug)


def _views():
    # Wagtail routes live on the page model and the views import the models: import late.
    from learning import views

    return views
