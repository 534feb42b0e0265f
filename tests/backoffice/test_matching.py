"""The matching score on hand-made cases a person can check with the module's rules."""

import datetime

from backoffice.matching import (
    MET,
    MISSING,
    PARTIAL,
    CandidateData,
    ProjectData,
    RequiredCompetency,
    rank,
    score,
)

TODAY = datetime.date(2026, 1, 15)
PROJECT = ProjectData(
    pk=1,
    title="E-Akte in Eschwege",
    start_date=datetime.date(2026, 3, 1),
    duration_months=12,
    bundesland="HE",
    requirements=(
        RequiredCompetency(10, "Prozessautomatisierung", "must", 2),
        RequiredCompetency(11, "Softwareentwicklung", "must", 2),
        RequiredCompetency(12, "Moderation", "nice", 1),
    ),
)


def candidate(pk, competencies, **changes):
    data = {
        "available_from": datetime.date(2026, 2, 1),
        "preferred_duration_months": 12,
        "bundesland": "HE",
        "mobility": "state",
    }
    data.update(changes)
    return CandidateData(pk=pk, competencies=competencies, **data)


PERFECT = candidate(1, {10: 2, 11: 3, 12: 1})
MISSING_MUST = candidate(2, {10: 2, 12: 1})
WRONG_REGION = candidate(3, {10: 2, 11: 2, 12: 1}, bundesland="BY")


def test_perfect_candidate_scores_100_with_every_competency_met():
    result = score(PERFECT, PROJECT, TODAY)
    assert result.score == 100
    assert [(row.name, row.status) for row in result.competencies] == [
        ("Prozessautomatisierung", MET),
        ("Softwareentwicklung", MET),
        ("Moderation", MET),
    ]
    assert not result.capped


def test_three_candidates_rank_perfect_then_wrong_region_then_missing_must():
    ranked = rank([MISSING_MUST, WRONG_REGION, PERFECT], PROJECT, TODAY)
    assert [(cand.pk, value) for cand, value in ranked] == [(1, 100), (3, 85), (2, 60)]
    wrong_region = score(WRONG_REGION, PROJECT, TODAY)
    assert wrong_region.region.points == 0
    assert all(row.status == MET for row in wrong_region.competencies)


def test_missing_must_competency_caps_the_score_at_60():
    result = score(MISSING_MUST, PROJECT, TODAY)
    # Uncapped: 60 x (2 + 0 + 1) / 5 = 36, plus 15 + 10 + 15 = 76.
    assert result.score == 60
    assert result.capped
    missing = result.missing_must
    assert [(row.name, row.required_level, row.candidate_level) for row in missing] == [
        ("Softwareentwicklung", 2, 0)
    ]


def test_one_level_below_counts_half_and_two_below_counts_nothing():
    one_below = score(candidate(4, {10: 1, 11: 2, 12: 1}), PROJECT, TODAY)
    assert one_below.competencies[0].status == PARTIAL
    # 60 x (1 + 2 + 1) / 5 = 48, plus 40.
    assert one_below.score == 88
    assert not one_below.capped
    project = ProjectData(
        2, "x", PROJECT.start_date, 12, "HE", (RequiredCompetency(10, "A", "must", 3),)
    )
    two_below = score(candidate(5, {10: 1}), project, TODAY)
    assert two_below.competencies[0].status == MISSING
    assert two_below.score == 40


def test_late_availability_other_duration_and_local_mobility_cost_points():
    result = score(
        candidate(
            6,
            {10: 2, 11: 2, 12: 1},
            available_from=datetime.date(2026, 3, 20),  # within a month after the start
            preferred_duration_months=9,  # three months shorter
            mobility="local",
        ),
        PROJECT,
        TODAY,
    )
    assert (result.availability.points, result.duration.points, result.region.points) == (
        7.5,
        5,
        7.5,
    )
    assert result.score == 80
    much_later = score(
        candidate(7, {10: 2, 11: 2, 12: 1}, available_from=datetime.date(2026, 4, 2)),
        PROJECT,
        TODAY,
    )
    assert much_later.availability.points == 0
    assert much_later.score == 85


def test_nationwide_mobility_fits_every_state_and_local_needs_the_same_state():
    nationwide = score(
        candidate(8, {10: 2, 11: 2, 12: 1}, bundesland="BY", mobility="nationwide"), PROJECT, TODAY
    )
    local_elsewhere = score(
        candidate(9, {10: 2, 11: 2, 12: 1}, bundesland="BY", mobility="local"), PROJECT, TODAY
    )
    assert nationwide.region.points == 15
    assert local_elsewhere.region.points == 0


def test_a_project_that_has_started_is_measured_against_today():
    started = ProjectData(3, "läuft", datetime.date(2025, 6, 1), 12, "HE", PROJECT.requirements)
    available_now = candidate(10, {10: 2, 11: 2, 12: 1}, available_from=TODAY)
    assert score(available_now, started, TODAY).availability.points == 15


def test_score_is_deterministic_and_ties_are_broken_by_candidate_number():
    twins = [candidate(22, {10: 2, 11: 2, 12: 1}), candidate(21, {10: 2, 11: 2, 12: 1})]
    first = rank(twins, PROJECT, TODAY)
    second = rank(list(reversed(twins)), PROJECT, TODAY)
    assert [c.pk for c, _ in first] == [c.pk for c, _ in second] == [21, 22]
    assert score(PERFECT, PROJECT, TODAY) == score(PERFECT, PROJECT, TODAY)
