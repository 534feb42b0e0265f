"""Matching: how well a candidate fits a project, as a score from 0 to 100 with the reasons.

``score(candidate, project, today)`` is a pure function of plain data (the dataclasses below),
so ranking the whole talent pool is a loop over data loaded once with a few queries
(``load_candidates``, ``load_project``, ``load_open_projects``). Same input, same result.

The score adds four parts (points out of 100):

* **Competencies, 60 points.** Every row of the project's competence profile has a weight:
  must = 2, nice = 1. A row counts fully if the candidate's self-assessed level is at least the
  required level, half if it is exactly one level below, and not at all otherwise (also when the
  candidate does not name the competency). The part is 60 x (sum of weight x fraction) / (sum of
  weights). A project without a profile gives the full 60.
* **Availability, 15 points.** Measured against the project's start, or against today if the
  project has already started: available by then = 15; at most one calendar month later = 7.5;
  later = 0.
* **Duration, 10 points.** The candidate's preferred duration against the project's duration:
  equal = 10, and 10/6 less for every month of difference (3 months apart = 5, 6 or more = 0).
* **Region, 15 points.** Mobility "nationwide" = 15 wherever the project is. Mobility "state"
  = 15 if the candidate lives in the project's Bundesland, else 0. Mobility "local" needs the
  same Bundesland too, and gives only 7.5 there, because "my region" is narrower than the state
  and the exact distance is not known. A project without a Bundesland gives 7.5 to everyone.

A missing must-competency (fraction 0) caps the total at 60: without it the person cannot do
the project, however well the rest fits. The total is rounded half up to a whole number.
"""

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.dates import add_months
from intake.models import CandidateCompetency
from projects.models import ProjectCompetency, ProjectPage, ProjectStatus

COMPETENCY_POINTS = 60
AVAILABILITY_POINTS = 15
DURATION_POINTS = 10
REGION_POINTS = 15
MUST_WEIGHT = 2
NICE_WEIGHT = 1
MISSING_MUST_CAP = 60
DURATION_ZERO_AFTER_MONTHS = 6

MUST = "must"
NICE = "nice"

MET = "met"
PARTIAL = "partial"
MISSING = "missing"

STATUS_LABELS = {MET: _("erfüllt"), PARTIAL: _("teilweise"), MISSING: _("fehlt")}


@dataclass(frozen=True, slots=True)
class RequiredCompetency:
    """One row of a project's competence profile."""

    competency_id: int
    name: str
    requirement: str  # MUST or NICE
    level: int  # 1-3


@dataclass(frozen=True, slots=True)
class ProjectData:
    """What the score needs to know about a project."""

    pk: int
    title: str
    start_date: datetime.date
    duration_months: int
    bundesland: str  # "" if unknown
    requirements: tuple[RequiredCompetency, ...] = ()


@dataclass(frozen=True, slots=True)
class CandidateData:
    """What the score needs to know about a candidate; competencies maps id -> level."""

    pk: int
    available_from: datetime.date
    preferred_duration_months: int
    bundesland: str
    mobility: str  # "local", "state" or "nationwide"
    competencies: dict = field(default_factory=dict)


class CompetencyReason(NamedTuple):
    """How one competency of the profile is covered (a tuple: thousands are made per ranking)."""

    competency_id: int
    name: str
    requirement: str
    required_level: int
    candidate_level: int  # 0 = not named by the candidate
    status: str  # MET, PARTIAL or MISSING

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def is_must(self):
        return self.requirement == MUST


class FactorReason(NamedTuple):
    """One of the other parts of the score: its points and a short explanation."""

    factor: str  # "availability", "duration" or "region"
    points: float
    max_points: int
    text: str

    @property
    def status(self):
        if self.points >= self.max_points:
            return MET
        return PARTIAL if self.points > 0 else MISSING


class MatchResult(NamedTuple):
    """The score (0-100) and everything that led to it."""

    score: int
    competencies: tuple
    availability: FactorReason
    duration: FactorReason
    region: FactorReason
    capped: bool

    @property
    def reasons(self):
        """The per-competency rows followed by availability, duration and region."""
        return [*self.competencies, self.availability, self.duration, self.region]

    @property
    def missing_must(self):
        return [row for row in self.competencies if row.is_must and row.status == MISSING]


# The few possible explanations are made once; ranking only picks them.
AVAILABLE_BY_START = FactorReason(
    "availability", AVAILABILITY_POINTS, AVAILABILITY_POINTS, _("verfügbar zum Start")
)
AVAILABLE_WITHIN_MONTH = FactorReason(
    "availability",
    AVAILABILITY_POINTS / 2,
    AVAILABILITY_POINTS,
    _("bis zu einem Monat nach dem Start verfügbar"),
)
AVAILABLE_LATER = FactorReason(
    "availability", 0, AVAILABILITY_POINTS, _("erst mehr als einen Monat nach dem Start verfügbar")
)
REGION_NATIONWIDE = FactorReason("region", REGION_POINTS, REGION_POINTS, _("bundesweit mobil"))
REGION_UNKNOWN = FactorReason(
    "region", REGION_POINTS / 2, REGION_POINTS, _("Bundesland des Projekts unbekannt")
)
REGION_OTHER_STATE = FactorReason(
    "region",
    0,
    REGION_POINTS,
    _("wohnt in einem anderen Bundesland und ist nicht bundesweit mobil"),
)
REGION_LOCAL = FactorReason(
    "region",
    REGION_POINTS / 2,
    REGION_POINTS,
    _("gleiches Bundesland, aber nur in der eigenen Region"),
)
REGION_SAME_STATE = FactorReason("region", REGION_POINTS, REGION_POINTS, _("gleiches Bundesland"))
_duration_reasons = {}


def duration_reason(difference):
    """The duration part for a difference in months between wish and project."""
    reason = _duration_reasons.get(difference)
    if reason is None:
        share = max(0.0, 1 - difference / DURATION_ZERO_AFTER_MONTHS)
        if difference == 0:
            text = _("gewünschte Dauer passt genau")
        else:
            text = format_lazy(_("gewünschte Dauer weicht um {} Monat(e) ab"), difference)
        reason = FactorReason("duration", DURATION_POINTS * share, DURATION_POINTS, text)
        _duration_reasons[difference] = reason
    return reason


class _Prepared(NamedTuple):
    """What every candidate is compared with, computed once per project and day."""

    project: ProjectData
    start: datetime.date
    one_month_later: datetime.date
    rows: tuple  # (RequiredCompetency, weight)
    total_weight: int


def prepare(project, today):
    """Precompute the project's side of the comparison (see ``score``)."""
    start = max(project.start_date, today)
    rows = tuple(
        (req, MUST_WEIGHT if req.requirement == MUST else NICE_WEIGHT)
        for req in project.requirements
    )
    return _Prepared(project, start, add_months(start, 1), rows, sum(w for _, w in rows))


def _parts(candidate, prepared, explain):
    """The four parts of the score; competency rows only if ``explain`` (ranking skips them)."""
    levels = candidate.competencies
    rows = [] if explain else None
    achieved = 0.0
    missing_must = False
    for req, weight in prepared.rows:
        level = levels.get(req.competency_id, 0)
        if level >= req.level:
            status = MET
            achieved += weight
        elif level and level == req.level - 1:
            status = PARTIAL
            achieved += weight / 2
        else:
            status = MISSING
            missing_must = missing_must or weight == MUST_WEIGHT
        if explain:
            rows.append(
                CompetencyReason(
                    req.competency_id, req.name, req.requirement, req.level, level, status
                )
            )
    total_weight = prepared.total_weight
    competency_points = (
        COMPETENCY_POINTS * achieved / total_weight if total_weight else COMPETENCY_POINTS
    )

    available = candidate.available_from
    if available <= prepared.start:
        availability = AVAILABLE_BY_START
    elif available <= prepared.one_month_later:
        availability = AVAILABLE_WITHIN_MONTH
    else:
        availability = AVAILABLE_LATER

    duration = duration_reason(
        abs(candidate.preferred_duration_months - prepared.project.duration_months)
    )

    project_state = prepared.project.bundesland
    if candidate.mobility == "nationwide":
        region = REGION_NATIONWIDE
    elif not project_state:
        region = REGION_UNKNOWN
    elif candidate.bundesland != project_state:
        region = REGION_OTHER_STATE
    elif candidate.mobility == "local":
        region = REGION_LOCAL
    else:
        region = REGION_SAME_STATE

    total = competency_points + availability.points + duration.points + region.points
    # Round half up on a value rounded to 6 places first, so float noise cannot flip a result.
    value = int(round(total, 6) + 0.5)
    capped = missing_must and value > MISSING_MUST_CAP
    if capped:
        value = MISSING_MUST_CAP
    value = max(0, min(100, value))
    return value, rows, availability, duration, region, capped


def score(candidate, project, today):
    """Score candidate against project (plain dataclasses) on ``today``; see the module doc."""
    value, rows, availability, duration, region, capped = _parts(
        candidate, prepare(project, today), explain=True
    )
    return MatchResult(value, tuple(rows), availability, duration, region, capped)


def rank(candidates, project, today):
    """Score every candidate; best first, ties by candidate pk. Returns (candidate, score).

    Only the number is computed here (fast for the whole pool); ``score`` gives the reasons
    for the candidates actually shown.
    """
    prepared = prepare(project, today)
    scored = [(candidate, _parts(candidate, prepared, False)[0]) for candidate in candidates]
    scored.sort(key=lambda pair: (-pair[1], pair[0].pk))
    return scored


def rank_projects(candidate, projects, today):
    """Score one candidate against several projects; best first, ties by project pk."""
    scored = [(project, score(candidate, project, today)) for project in projects]
    scored.sort(key=lambda pair: (-pair[1].score, pair[0].pk))
    return scored


# Loaders: build the dataclasses from the database with a few queries.


def _requirements_by_project(project_ids):
    rows = (
        ProjectCompetency.objects.filter(project_id__in=project_ids)
        .order_by("project_id", "sort_order", "pk")
        .values_list("project_id", "competency_id", "competency__name", "requirement", "level")
    )
    result = {}
    for project_id, competency_id, name, requirement, level in rows:
        result.setdefault(project_id, []).append(
            RequiredCompetency(competency_id, name, requirement, level)
        )
    return result


def project_data(page, requirements):
    """ProjectData for a ProjectPage (municipality selected) and its requirement rows."""
    municipality = page.municipality
    return ProjectData(
        pk=page.pk,
        title=page.title,
        start_date=page.start_date,
        duration_months=page.duration_months,
        bundesland=municipality.bundesland if municipality else "",
        requirements=tuple(requirements),
    )


def load_project(page):
    """ProjectData for one ProjectPage (two queries)."""
    requirements = _requirements_by_project([page.pk]).get(page.pk, [])
    return project_data(page, requirements)


def load_open_projects():
    """ProjectData for the live German projects that are open or in matching."""
    pages = list(
        ProjectPage.objects.live()
        .filter(
            locale=Locale.get_default(),
            status__in=[ProjectStatus.OPEN, ProjectStatus.MATCHING],
        )
        .select_related("municipality")
        .order_by("pk")
    )
    requirements = _requirements_by_project([page.pk for page in pages])
    return [project_data(page, requirements.get(page.pk, [])) for page in pages]


def load_candidates(queryset):
    """CandidateData for every candidate in queryset (two queries, however many candidates)."""
    rows = list(
        queryset.order_by("pk").values_list(
            "pk", "available_from", "preferred_duration_months", "bundesland", "mobility"
        )
    )
    competencies = {}
    for candidate_id, competency_id, level in CandidateCompetency.objects.filter(
        candidate__in=queryset.values("pk")
    ).values_list("candidate_id", "competency_id", "level"):
        competencies.setdefault(candidate_id, {})[competency_id] = level
    return [
        CandidateData(pk, available, duration, bundesland, mobility, competencies.get(pk, {}))
        for pk, available, duration, bundesland, mobility in rows
    ]
