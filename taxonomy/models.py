"""Translatable taxonomy snippets that pages refer to.

Pages always point at the default-locale (German) instance; templates show
``instance.localized``, so one set of references serves every language and the
facets count the same objects in German and English.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.locales import default_locale


class Bundesland(models.TextChoices):
    BADEN_WUERTTEMBERG = "BW", "Baden-Württemberg"
    BAYERN = "BY", "Bayern"
    BERLIN = "BE", "Berlin"
    BRANDENBURG = "BB", "Brandenburg"
    BREMEN = "HB", "Bremen"
    HAMBURG = "HH", "Hamburg"
    HESSEN = "HE", "Hessen"
    MECKLENBURG_VORPOMMERN = "MV", "Mecklenburg-Vorpommern"
    NIEDERSACHSEN = "NI", "Niedersachsen"
    NORDRHEIN_WESTFALEN = "NW", "Nordrhein-Westfalen"
    RHEINLAND_PFALZ = "RP", "Rheinland-Pfalz"
    SAARLAND = "SL", "Saarland"
    SACHSEN = "SN", "Sachsen"
    SACHSEN_ANHALT = "ST", "Sachsen-Anhalt"
    SCHLESWIG_HOLSTEIN = "SH", "Schleswig-Holstein"
    THUERINGEN = "TH", "Thüringen"


# What else people call a Bundesland when they search: the English name and the abbreviations
# in common use. Codes that are also words ("BE", "ST", "SH") are left out, so a query for
# "St. Wendel" or "be" does not mean a state.
BUNDESLAND_ALIASES = {
    "BW": ("BaWü", "BW"),
    "BY": ("Bavaria",),
    "BE": (),
    "BB": (),
    "HB": (),
    "HH": (),
    "HE": ("Hesse",),
    "MV": ("Mecklenburg-Western Pomerania", "Meck-Pomm", "MV", "MVP"),
    "NI": ("Lower Saxony",),
    "NW": ("North Rhine-Westphalia", "NRW"),
    "RP": ("Rhineland-Palatinate", "RLP"),
    "SL": (),
    "SN": ("Saxony",),
    "ST": ("Saxony-Anhalt", "LSA"),
    "SH": (),
    "TH": ("Thuringia",),
}


class CompetencyCategory(models.TextChoices):
    DIGITAL = "digital", _("Digitalisierung und IT")
    METHODS = "methods", _("Methoden und Projektarbeit")
    COMMUNICATION = "communication", _("Kommunikation und Beteiligung")
    SOCIAL = "social", _("Soziales und Integration")
    ECONOMY = "economy", _("Wirtschaft und Finanzen")
    ENVIRONMENT = "environment", _("Umwelt, Klima und Mobilität")
    ORGANISATION = "organisation", _("Organisation und Personal")


class CompetencyLevel(models.IntegerChoices):
    BASIC = 1, _("Grundkenntnisse")
    ADVANCED = 2, _("Fortgeschritten")
    EXPERT = 3, _("Expertise")


def in_default_language():
    """Choices for taxonomy references: only the German rows, the ones pages point at."""
    return models.Q(locale__language_code=settings.LANGUAGE_CODE)


class TaxonomyQuerySet(models.QuerySet):
    def canonical(self):
        """Only the default-locale instances, the ones pages refer to."""

        return self.filter(locale=default_locale())


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """What every taxonomy shares: a name, a description, a language, and search by name."""

    name = models.CharField(_("Bezeichnung"), max_length=120)
    description = models.TextField(_("Beschreibung"), blank=True)

    objects = TaxonomyQuerySet.as_manager()

    # FilterField("locale"): the admin choosers filter snippets by language.
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Competency(TaxonomyTerm):
    """A skill a project needs and a Macher:in brings."""

    category = models.CharField(_("Kategorie"), max_length=20, choices=CompetencyCategory.choices)

    panels = [FieldPanel("name"), FieldPanel("category"), FieldPanel("description")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("category"),
        TranslatableField("description"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("Kompetenz")
        verbose_name_plural = _("Kompetenzen")
        ordering = ["category", "name"]


class Topic(TaxonomyTerm):
    """A Themenfeld, such as digital administration or integration."""

    slug = models.SlugField(_("Kurzname"), max_length=80)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("description"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("Themenfeld")
        verbose_name_plural = _("Themenfelder")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale")
        ]


class Municipality(TaxonomyTerm):
    """A Kommune, Landkreis or authority that hosts projects."""

    name = models.CharField(_("Name"), max_length=160)
    bundesland = models.CharField(_("Bundesland"), max_length=2, choices=Bundesland.choices)
    district = models.CharField(_("Landkreis"), max_length=160, blank=True)
    population = models.PositiveIntegerField(_("Einwohner:innen"), null=True, blank=True)
    ags = models.CharField(
        _("Amtlicher Gemeindeschlüssel"),
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", _("Der AGS besteht aus acht Ziffern."))],
    )
    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(47), MaxValueValidator(56)],
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(5), MaxValueValidator(16)],
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("bundesland"), FieldPanel("district")]),
        FieldRowPanel([FieldPanel("population"), FieldPanel("ags")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Koordinaten"),
        ),
        FieldPanel("description"),
    ]
    search_fields = [*TaxonomyTerm.search_fields, index.FilterField("bundesland")]
    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("bundesland"),
        SynchronizedField("district"),
        SynchronizedField("population"),
        SynchronizedField("ags"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        TranslatableField("description"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")

    def __str__(self):
        return f"{self.name} ({self.get_bundesland_display()})"
