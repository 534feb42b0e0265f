"""Bulk indexing rate of the project search: 10,000 generated projects into OpenSearch.

Run by ``make bench`` (needs DATABASE_URL and OPENSEARCH_TEST_URL). The projects are real
ProjectPage rows in a throwaway database, written in bulk straight into the page tree (treebeard
paths computed here; creating 10,000 pages one by one through the tree API takes minutes and is
not what is measured). The figure that matters is the rebuild: the same code path as
``manage.py search_rebuild`` (read pages in batches of 500, build documents, streaming bulk into
a new index, swap the alias). Target: at least 1,000 projects/s.

    python benchmarks/bench_search_indexing.py [--count 10000]
"""

import argparse
import datetime
import io
import os
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import report_rate, setup_django, throwaway_database  # noqa: E402

TARGET_PER_SECOND = 1000
WORDS = [
    "digitale",
    "Verwaltung",
    "E-Akte",
    "Bürgerservice",
    "Nahverkehr",
    "Klimaschutz",
    "Beteiligung",
    "Jugend",
    "Fachkräfte",
    "Tourismus",
    "Daten",
    "Schule",
    "Pflege",
    "Ehrenamt",
    "Radwege",
    "Wärmewende",
    "Glasfaser",
    "Rathaus",
    "Formulare",
    "Sprechstunde",
    "Innenstadt",
    "Leerstand",
    "Energie",
    "Gesundheit",
    "Integration",
    "Kultur",
]


def _sentence(rng, words=12):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def generate_projects(count, seed=1):
    """Create ``count`` live ProjectPages (with topics and competence profiles) in bulk.

    Builds a minimal site (home, project listing) in the default locale, 200 municipalities,
    12 topics and 30 competencies, then inserts the pages' tree rows and project rows a batch
    at a time. Returns the project listing page. Also usable by other benchmarks.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from projects.models import (
        ProjectCompetency,
        ProjectIndexPage,
        ProjectPage,
        ProjectStatus,
        Workload,
    )
    from taxonomy.models import Competency, Municipality, Topic

    rng = random.Random(seed)
    locale = Locale.get_default()
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(title="Lokalprojekte", hero_title="Lokalprojekte", slug=f"bench-{seed}")
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    listing = home.add_child(instance=ProjectIndexPage(title="Projekte", slug="projekte"))
    bundeslaender = ["BW", "BY", "BE", "BB", "HE", "NI", "NW", "RP", "SN", "TH"]
    municipalities = Municipality.objects.bulk_create(
        Municipality(name=f"Gemeinde {n}", bundesland=rng.choice(bundeslaender), locale=locale)
        for n in range(200)
    )
    topics = Topic.objects.bulk_create(
        Topic(name=f"Themenfeld {n}", slug=f"themenfeld-{n}", locale=locale) for n in range(12)
    )
    competencies = Competency.objects.bulk_create(
        Competency(name=f"Kompetenz {n}", category="digital", locale=locale) for n in range(30)
    )
    content_type = ContentType.objects.get_for_model(ProjectPage)
    now = timezone.now()
    project_fields = ProjectPage._meta.local_concrete_fields
    through = ProjectPage.topics.through
    batch = 500
    with transaction.atomic():
        for start in range(0, count, batch):
            size = min(batch, count - start)
            pages = []
            for n in range(start, start + size):
                slug = f"projekt-{n}"
                pages.append(
                    Page(
                        path=Page._get_path(listing.path, listing.depth + 1, n + 1),
                        depth=listing.depth + 1,
                        numchild=0,
                        title=f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n}",
                        draft_title=f"Projekt {n}",
                        slug=slug,
                        url_path=f"{listing.url_path}{slug}/",
                        content_type=content_type,
                        locale=locale,
                        translation_key=uuid.uuid4(),
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            pages = Page.objects.bulk_create(pages)
            projects = []
            for page in pages:
                project = ProjectPage(
                    page_ptr_id=page.pk,
                    municipality=rng.choice(municipalities),
                    status=rng.choice(ProjectStatus.values),
                    challenge=f"<p>{_sentence(rng, 30)}</p>",
                    intended_impact=f"<p>{_sentence(rng, 20)}</p>",
                    target_groups=_sentence(rng, 5),
                    start_date=datetime.date(2027, 1, 1) + datetime.timedelta(rng.randrange(365)),
                    duration_months=rng.randint(6, 18),
                    workload=rng.choice(Workload.values),
                    remote_share=rng.choice([0, 20, 50]),
                    listing_summary=_sentence(rng, 15),
                    body=[("rich_text", f"<p>{_sentence(rng, 60)}</p>")],
                )
                project.pk = page.pk
                projects.append(project)
            # bulk_create refuses multi-table children; their parent rows exist already.
            ProjectPage.objects.all()._batched_insert(projects, project_fields, batch)
            through.objects.bulk_create(
                through(projectpage_id=page.pk, topic_id=topic.pk)
                for page in pages
                for topic in rng.sample(topics, 2)
            )
            ProjectCompetency.objects.bulk_create(
                ProjectCompetency(
                    project_id=page.pk,
                    competency=competency,
                    requirement=rng.choice(["must", "nice"]),
                    sort_order=order,
                )
                for page in pages
                for order, competency in enumerate(rng.sample(competencies, 3))
            )
        Page.objects.filter(pk=listing.pk).update(numchild=count)
    return listing


def main():
    """Generate the projects, then time a full rebuild and a pure bulk run; print the rates."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=int(os.environ.get("BENCH_PROJECTS", 10000)))
    args = parser.parse_args()
    url = os.environ.get("OPENSEARCH_TEST_URL", "").strip()
    if not url:
        sys.exit("OPENSEARCH_TEST_URL is not set (make bench sets it).")

    setup_django()
    from django.conf import settings

    settings.PROJECT_SEARCH_URL = url
    settings.PROJECT_SEARCH_ENGINE = "opensearch"
    settings.SEARCH_INDEX_PREFIX = f"bench_{uuid.uuid4().hex[:10]}"

    from projects.search_document import index_alias, index_settings, new_index_name
    from search import indexing
    from search.dsl import get_client

    client = get_client(timeout=indexing.BULK_TIMEOUT_SECONDS)
    with throwaway_database():
        start = time.perf_counter()
        generate_projects(args.count)
        report_rate("generate projects (database, bulk insert)", args.count, _since(start))
        try:
            start = time.perf_counter()
            result = indexing.rebuild("de", stream=io.StringIO(), progress=False)
            report_rate(
                "search_rebuild de (read pages, build documents, bulk, swap alias)",
                result.count,
                _since(start),
                TARGET_PER_SECOND,
            )

            queryset = indexing.indexable_pages()
            start = time.perf_counter()
            documents = list(indexing.documents(queryset))
            report_rate("build documents only (database)", len(documents), _since(start))

            name = new_index_name("de")
            client.indices.create(index=name, body=index_settings("de"))
            start = time.perf_counter()
            count = indexing.bulk_index_documents(client, name, documents)
            client.indices.refresh(index=name)
            report_rate("bulk index prepared documents only (engine)", count, _since(start))
        finally:
            prefix = index_alias("de").rsplit("_projects_", 1)[0]
            for name in client.indices.get(index=f"{prefix}_*", expand_wildcards="open,closed"):
                client.indices.delete(index=name, ignore_unavailable=True)


def _since(start):
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
