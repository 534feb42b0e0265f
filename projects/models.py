"""The project listing and the project page with its structured fields."""

import datetime
from types import SimpleNamespace

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES, BodyStreamBlock, KeyFigureBlock
from core.dates import add_months
from core.models import BasePage, ListingPage
from taxonomy.localization import localize_many, name_in_locale
from taxonomy.models import BUNDESLAND_ALIASES, CompetencyLevel, in_default_language

# The figures of the impact reached: a few, chosen by the editors, not a statistic.
MAX_IMPACT_FIGURES = 4


class ProjectStatus(models.TextChoices):
    IN_PREPARATION = "in_preparation", _("In Vorbereitung")
    OPEN = "open", _("Ausgeschrieben")
    MATCHING = "matching", _("Im Matching")
    RUNNING = "running", _("Läuft")
    COMPLETED = "completed", _("Abgeschlossen")


class Workload(models.TextChoices):
    FULL_TIME = "full_time", _("Vollzeit (ca. 40 Std./Woche)")
    PART_TIME_30 = "part_time_30", _("Teilzeit (ca. 30 Std./Woche)")
    PART_TIME_20 = "part_time_20", _("Teilzeit (ca. 20 Std./Woche)")


class Requirement(models.TextChoices):
    MUST = "must", _("Muss")
    NICE = "nice", _("Kann")


class ProjectIndexPage(ListingPage):
    """The listing of all projects of one language, with search, filters and feeds."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectPage"]
    max_count_per_parent = 1

    only_in_default_language_notice = ngettext_lazy(
        "%(count)s weiteres Projekt ist nur auf Deutsch verfügbar.",
        "%(count)s weitere Projekte sind nur auf Deutsch verfügbar.",
        "count",
    )

    class Meta:
        verbose_name = _("Projektübersicht")
        verbose_name_plural = _("Projektübersichten")

    def listing_items(self):
        """Every live, public project of this listing (the count behind the language notice)."""
        return ProjectPage.objects.child_of(self).live().public()

    def listing_context(self, request):
        """The filter form, the current page of projects (engine or database) and the count."""
        return _views().views.project_listing_context(self, request)

    @classmethod
    def query_parameters(cls):
        """The listing's filters (and ``page``), as the feeds take them too."""
        from projects.filters import ProjectFilterSet  # imports this module

        return {"page", *ProjectFilterSet.base_filters}

    def get_feed_class(self):
        return _views().feeds.ProjectSearchFeed


class ProjectPage(RoutablePageMixin, BasePage):
    """One Lokalprojekt: a municipality's challenge and the Macher:in it needs."""

    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        limit_choices_to=in_default_language,
        verbose_name=_("Kommune"),
        null=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic",
        verbose_name=_("Themenfelder"),
        blank=True,
        related_name="projects",
        limit_choices_to=in_default_language,
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.OPEN
    )
    challenge = RichTextField(
        _("Herausforderung"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Welches konkrete Problem soll das Projekt lösen?"),
    )
    intended_impact = RichTextField(
        _("Angestrebte Wirkung"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Was soll sich für die Zielgruppen verändern?"),
    )
    target_groups = models.TextField(
        _("Zielgruppen"), help_text=_("Für wen wirkt das Projekt, z. B. Bürger:innen, Verwaltung?")
    )
    start_date = models.DateField(_("Projektstart"))
    duration_months = models.PositiveSmallIntegerField(
        _("Dauer in Monaten"),
        validators=[MinValueValidator(6), MaxValueValidator(18)],
        help_text=_("Zwischen 6 und 18 Monaten."),
    )
    workload = models.CharField(
        _("Arbeitsumfang"), max_length=20, choices=Workload.choices, default=Workload.FULL_TIME
    )
    remote_share = models.PositiveSmallIntegerField(
        _("Anteil mobiles Arbeiten (%)"),
        default=20,
        validators=[MaxValueValidator(100)],
        help_text=_("Der Rest der Arbeitszeit findet vor Ort in der Kommune statt."),
    )
    remuneration_note = models.CharField(
        _("Vergütung"),
        max_length=200,
        blank=True,
        help_text=_("z. B. „Vergütung angelehnt an TVöD E 13“"),
    )
    application_deadline = models.DateField(_("Bewerbungsfrist"), null=True, blank=True)
    sponsor_role = models.CharField(
        _("Rolle der Pat:in"),
        max_length=200,
        blank=True,
        help_text=_("z. B. „Fachbereichsleitung Bürgerservice“"),
    )
    funder = models.CharField(_("Förderer"), max_length=200, blank=True)
    # What came of it, filled in once the project has finished; the page shows it only then.
    impact_reached = models.TextField(
        _("Erreichte Wirkung"),
        blank=True,
        help_text=_(
            "Zwei, drei Sätze zum Abschluss: Was hat sich für die Zielgruppen verändert? "
            "Erscheint auf der Projektseite, sobald das Projekt abgeschlossen ist."
        ),
    )
    impact_figures = StreamField(
        [("figure", KeyFigureBlock(label=_("Kennzahl")))],
        verbose_name=_("Wirkung in Zahlen"),
        blank=True,
        max_num=MAX_IMPACT_FIGURES,
        help_text=_(
            "Bis zu vier Zahlen, die die Redaktion auswählt, z. B. „120 | Vorgänge digital“."
        ),
    )
    maker_role = models.CharField(
        _("Die Macher:in"),
        max_length=250,
        blank=True,
        help_text=_(
            "Beruflicher Hintergrund und Rolle im Projekt, z. B. „Informatikerin, heute "
            "Digitalisierungsbeauftragte“; ohne Namen."
        ),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("Weitere Inhalte"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("municipality"), FieldPanel("status")]),
                FieldPanel("topics"),
            ],
            heading=_("Einordnung"),
        ),
        FieldPanel("challenge"),
        FieldPanel("intended_impact"),
        FieldPanel("target_groups"),
        InlinePanel(
            "competence_profile",
            heading=_("Kompetenzprofil"),
            label=_("Kompetenz"),
            min_num=1,
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("duration_months")]),
                FieldRowPanel([FieldPanel("workload"), FieldPanel("remote_share")]),
                FieldRowPanel(
                    [FieldPanel("application_deadline"), FieldPanel("remuneration_note")]
                ),
                FieldRowPanel([FieldPanel("sponsor_role"), FieldPanel("funder")]),
            ],
            heading=_("Rahmenbedingungen"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("impact_reached"),
                FieldPanel("impact_figures"),
                FieldPanel("maker_role"),
            ],
            heading=_("Abschluss: erreichte Wirkung"),
            classname="collapsed",
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("challenge"),
        index.SearchField("intended_impact"),
        index.SearchField("target_groups"),
        index.FilterField("status"),
        index.FilterField("start_date"),
        index.FilterField("duration_months"),
        index.FilterField("workload"),
        index.RelatedFields("municipality", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        # The site search finds a project by what it needs ("Datenschutz"), where it is
        # ("Hessen") and its status ("ausgeschrieben"), in the page's language.
        index.SearchField("search_competencies"),
        index.SearchField("search_place"),
        index.SearchField("search_status"),
        index.SearchField("search_work_mode"),
        index.SearchField("sponsor_role"),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("municipality"),
        SynchronizedField("topics"),
        SynchronizedField("status"),
        TranslatableField("challenge"),
        TranslatableField("intended_impact"),
        TranslatableField("target_groups"),
        SynchronizedField("competence_profile"),
        SynchronizedField("start_date"),
        SynchronizedField("duration_months"),
        SynchronizedField("workload"),
        SynchronizedField("remote_share"),
        TranslatableField("remuneration_note"),
        SynchronizedField("application_deadline"),
        TranslatableField("sponsor_role"),
        SynchronizedField("funder"),
        TranslatableField("impact_reached"),
        TranslatableField("impact_figures"),
        TranslatableField("maker_role"),
        TranslatableField("body"),
    ]
    api_fields = [
        APIField("municipality_data"),
        APIField("topic_names"),
        APIField("status"),
        APIField("challenge"),
        APIField("intended_impact"),
        APIField("target_groups"),
        APIField("competence_profile_data"),
        APIField("start_date"),
        APIField("duration_months"),
        APIField("workload"),
        APIField("remote_share"),
        APIField("remuneration_note"),
        APIField("application_deadline"),
        APIField("sponsor_role"),
        APIField("funder"),
        APIField("impact_data"),
    ]

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")

    def get_context(self, request, *args, **kwargs):
        """Add the localized competence profile, related stories and the JobPosting data."""
        views = _views().views
        context = super().get_context(request, *args, **kwargs)
        context.update(views.project_detail_context(self, request))
        context["application_phase"] = views.application_phase_state(self)
        return context

    @path("")
    def detail_route(self, request):
        """The project page itself."""
        return self.render(request)

    @path("bewerben/", name="apply")
    def apply_route(self, request):
        """The application form; only while the project accepts applications (else 404)."""
        return _views().apply.project_apply_view(request, self)

    @path("bewerben/danke/", name="apply_thanks")
    def apply_thanks_route(self, request):
        """The confirmation after applying."""
        return _views().apply.project_apply_thanks(request, self)

    @property
    def is_open_for_applications(self):
        """Open projects whose deadline (if any) has not passed accept applications."""
        if self.status != ProjectStatus.OPEN:
            return False
        return (
            self.application_deadline is None or self.application_deadline >= timezone.localdate()
        )

    def _in_page_language(self):
        return translation.override(self.locale.language_code)

    def search_competencies(self):
        """The competence profile's competency names in the page's language (site search)."""
        return " ".join(
            name_in_locale(row.competency, self.locale_id)
            for row in self.competence_profile.select_related("competency")
        )

    def search_place(self):
        """Municipality, district and Bundesland (also its English name and abbreviations,
        "RLP") in the page's language (site search)."""
        municipality = self.municipality
        if municipality is None:
            return ""
        with self._in_page_language():
            words = [
                name_in_locale(municipality, self.locale_id),
                municipality.district,
                str(municipality.get_bundesland_display()),
                *BUNDESLAND_ALIASES.get(municipality.bundesland, ()),
            ]
        return " ".join(word for word in words if word)

    def search_status(self):
        """The status as the page's language calls it (site search)."""
        with self._in_page_language():
            return str(self.get_status_display())

    def search_work_mode(self):
        """How much of the work can be done remotely, in the words visitors search for
        ("remote", "Homeoffice"), in the page's language (site search).

        The words' synonym lines are indexed with them: Wagtail's database backend, the
        embedded default, knows no synonyms, and on the engine they cost nothing.
        """
        from projects.filters import remote_bucket
        from projects.search_document import WORK_MODE_WORDS
        from search.analysis import language_for_locale, load_synonyms

        lang = language_for_locale(self.locale.language_code)
        words = WORK_MODE_WORDS.get(lang, {}).get(remote_bucket(self.remote_share), "")
        if not words:
            return ""
        named = set(words.split())
        lines = [
            line.replace(",", " ")
            for line in load_synonyms(lang)
            if "=>" not in line and named & {part.strip() for part in line.split(",")}
        ]
        return " ".join([words, *lines])

    @classmethod
    def prepare_search_results(cls, pages):
        """Set ``search_result_facts`` (place and status, in the active language) on the site
        search's result ``pages``, with one query per model rather than per result."""
        prefetch_related_objects(pages, "municipality")
        localized = localize_many([page.municipality for page in pages])
        for page in pages:
            facts = []
            if page.municipality is not None:
                name = localized[page.municipality].name
                facts.append(f"{name}, {page.municipality.get_bundesland_display()}")
            facts.append(str(page.get_status_display()))
            page.search_result_facts = facts

    @property
    def is_completed(self):
        """True once the project has finished; only then does the page show its impact."""
        return self.status == ProjectStatus.COMPLETED

    @property
    def end_date(self):
        """The last day of the project: start plus its duration in months, minus one day."""
        return add_months(self.start_date, self.duration_months) - datetime.timedelta(days=1)

    @property
    def figures(self):
        """The impact figures as (value, label) pairs, in the editor's order."""
        return [(block.value["value"], block.value["label"]) for block in self.impact_figures]

    @property
    def impact_data(self):
        """The impact reached (API); None until the project has finished."""
        if not self.is_completed:
            return None
        return {
            "text": self.impact_reached,
            "figures": [{"value": value, "label": label} for value, label in self.figures],
            "maker_role": self.maker_role,
        }

    @property
    def municipality_data(self):
        m = self.municipality
        if m is None:
            return None
        return {
            "name": m.name,
            "bundesland": m.bundesland,
            "bundesland_name": m.get_bundesland_display(),
            "district": m.district,
            "population": m.population,
        }

    @property
    def topic_names(self):
        return [name_in_locale(topic, self.locale_id) for topic in self.topics.all()]

    @property
    def competence_profile_data(self):
        return [
            {
                "competency": name_in_locale(row.competency, self.locale_id),
                "category": row.competency.category,
                "requirement": row.requirement,
                "level": row.level,
            }
            # .all() so a prefetch of competence_profile__competency is used.
            for row in self.competence_profile.all()
        ]


class ProjectCompetency(Orderable):
    """One row of a project's competence profile."""

    project = ParentalKey(ProjectPage, related_name="competence_profile", on_delete=models.CASCADE)
    competency = models.ForeignKey(
        "taxonomy.Competency",
        limit_choices_to=in_default_language,
        verbose_name=_("Kompetenz"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requirement = models.CharField(
        _("Anforderung"), max_length=4, choices=Requirement.choices, default=Requirement.MUST
    )
    level = models.PositiveSmallIntegerField(
        _("Niveau"), choices=CompetencyLevel.choices, default=CompetencyLevel.ADVANCED
    )

    panels = [
        FieldRowPanel([FieldPanel("competency"), FieldPanel("requirement"), FieldPanel("level")])
    ]
    translatable_fields = [
        SynchronizedField("competency"),
        SynchronizedField("requirement"),
        SynchronizedField("level"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Kompetenz im Profil")
        verbose_name_plural = _("Kompetenzprofil")


def _views():
    """The modules that serve the pages' routes."""
    # Wagtail routes live on the page models and these modules import the models: import late.
    from projects import apply, feeds, views

    return SimpleNamespace(apply=apply, feeds=feeds, views=views)
