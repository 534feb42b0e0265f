"""Benchmark: rank 5,000 candidates of the talent pool for one project (target <= 200 ms).

Prints two figures: ranking data already in memory ("rank only"), and loading the candidates
with their competencies from the database plus ranking ("load + rank").
"""

import datetime
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import report_latency, setup_django, throwaway_database, timed  # noqa: E402

CANDIDATES = 5_000
COMPETENCIES = 40
TARGET_MS = 200


def build_data():
    """A project with six required competencies and 5,000 candidates with 3-8 each."""
    from wagtail.models import Locale, Page

    from intake.models import Candidate, CandidateCompetency, ConsentRecord
    from projects.models import ProjectCompetency, ProjectPage
    from taxonomy.models import Competency, Municipality

    rng = random.Random(42)
    locale = Locale.get_default()
    competencies = Competency.objects.bulk_create(
        Competency(name=f"Kompetenz {i}", category="digital", locale=locale)
        for i in range(COMPETENCIES)
    )
    municipality = Municipality.objects.create(name="Eschwege", bundesland="HE", locale=locale)
    project = ProjectPage(
        title="E-Akte",
        slug="e-akte",
        municipality=municipality,
        challenge="<p>x</p>",
        intended_impact="<p>x</p>",
        target_groups="x",
        start_date=datetime.date.today() + datetime.timedelta(days=120),
        duration_months=12,
    )
    Page.get_first_root_node().add_child(instance=project)
    for index, competency in enumerate(competencies[:6]):
        ProjectCompetency.objects.create(
            project=project,
            competency=competency,
            requirement="must" if index < 3 else "nice",
            level=rng.randint(1, 3),
        )
    consent = ConsentRecord.objects.create(purpose="bench", privacy_version="1")
    states = ["HE", "BY", "NW", "SN", "BE"]
    candidates = Candidate.objects.bulk_create(
        Candidate(
            first_name="Person",
            last_name=str(i),
            email=f"person{i}@example.org",
            bundesland=rng.choice(states),
            mobility=rng.choice(["local", "state", "nationwide"]),
            available_from=datetime.date.today() + datetime.timedelta(days=rng.randint(0, 240)),
            preferred_duration_months=rng.randint(6, 18),
            consent=consent,
        )
        for i in range(CANDIDATES)
    )
    rows = []
    for candidate in candidates:
        for competency in rng.sample(competencies, rng.randint(3, 8)):
            rows.append(
                CandidateCompetency(
                    candidate=candidate, competency=competency, level=rng.randint(1, 3)
                )
            )
    CandidateCompetency.objects.bulk_create(rows, batch_size=5_000)
    return project


def main():
    setup_django()
    with throwaway_database():
        from django.utils import timezone

        from backoffice import matching
        from intake.models import Candidate
        from projects.models import ProjectPage

        page = ProjectPage.objects.get(pk=build_data().pk)
        today = timezone.localdate()
        project = matching.load_project(page)
        candidates = matching.load_candidates(Candidate.objects.all())
        assert len(candidates) == CANDIDATES

        report_latency(
            f"matching: rank only, {CANDIDATES} candidates",
            timed(lambda: matching.rank(candidates, project, today), repeat=20),
            target_p95_ms=TARGET_MS,
        )

        def load_and_rank():
            data = matching.load_candidates(Candidate.objects.all())
            matching.rank(data, matching.load_project(page), today)

        report_latency(
            f"matching: load + rank, {CANDIDATES} candidates",
            timed(load_and_rank, repeat=10),
            target_p95_ms=TARGET_MS,
        )


if __name__ == "__main__":
    main()
