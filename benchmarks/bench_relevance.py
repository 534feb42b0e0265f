"""Search quality on the judged query set in benchmarks/relevance/ (the demo content).

Run by ``make bench`` (needs DATABASE_URL on PostgreSQL and OPENSEARCH_TEST_URL). Seeds the
demo content into a throwaway database, builds the project indices and Wagtail's page index on
the engine, and runs every judged query through

* (a) the project search on OpenSearch (``ProjectSearch``, the query the listing sends,
  relaxed to any word when all words find nothing, as the listing does: ``engine_search``),
* (b) the database fallback (``ProjectFilterSet`` over the listing's projects, as without
  an engine, relaxed in the same way: ``database_search``),
* (c) the site search (Wagtail's backend on OpenSearch, the project pages among its results;
  a query that finds nothing tried again as corrected or split, as the search page does).

For each it prints nDCG@5 (graded gains 0-2, ideal order from the judgements), recall@10
and the zero-result rate; all three only over the queries that have a relevant project.
``--verbose`` lists the queries whose nDCG@5 is below 1.

    python benchmarks/bench_relevance.py [--verbose]
"""

import argparse
import io
import logging
import math
import os
import sys
import tomllib
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import setup_django, throwaway_database  # noqa: E402

JUDGEMENTS = Path(__file__).resolve().parent / "relevance"
TARGETS = {"opensearch": 0.90, "database": 0.75}
K_NDCG = 5
K_RECALL = 10


def load_judgements(lang):
    """The judged queries of ``lang``: ``[(query, {slug: grade})]``."""
    with (JUDGEMENTS / f"judgements_{lang}.toml").open("rb") as file:
        data = tomllib.load(file)
    return [(entry["q"], dict(entry.get("relevant", {}))) for entry in data["query"]]


def ndcg(ranked, grades, k=K_NDCG):
    """Normalised discounted cumulative gain of the first ``k`` of ``ranked`` (gain 2^g - 1)."""

    def dcg(gains):
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:k]))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(slug, 0) for slug in ranked]) / ideal if ideal else 0.0


def recall(ranked, grades, k=K_RECALL):
    """Share of the relevant (grade >= 1) projects among the first ``k`` of ``ranked``."""
    relevant = {slug for slug, grade in grades.items() if grade > 0}
    return len(relevant & set(ranked[:k])) / len(relevant) if relevant else 0.0


def evaluate(name, lang, judgements, run, verbose):
    """Run every judged query through ``run`` (query -> ranked slugs) and print the figures."""
    scores, recalls, zero = [], [], []
    for query, grades in judgements:
        if not any(grade > 0 for grade in grades.values()):
            continue
        ranked = run(query)
        scores.append(ndcg(ranked, grades))
        recalls.append(recall(ranked, grades))
        if not ranked:
            zero.append(query)
        if verbose and scores[-1] < 1:
            print(f"    {scores[-1]:.2f} {query!r}: {ranked[:5]}", flush=True)
    count = len(scores)
    mean = sum(scores) / count
    target = TARGETS.get(name)
    verdict = f"  target >= {target:.2f}: {'met' if mean >= target else 'MISSED'}" if target else ""
    print(
        f"{name} ({lang}, {count} queries): nDCG@{K_NDCG}={mean:.3f} "
        f"recall@{K_RECALL}={sum(recalls) / count:.3f} "
        f"zero-result rate={len(zero) / count:.3f}{verdict}",
        flush=True,
    )
    if zero:
        print(f"  no result: {', '.join(zero)}", flush=True)
    return mean


def main():
    """Seed the demo, index it, and print the figures per language and search path."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    url = os.environ.get("OPENSEARCH_TEST_URL", "").strip()
    if not url:
        sys.exit("OPENSEARCH_TEST_URL is not set (make bench sets it).")

    setup_django()
    # The site search backend logs every 404 of its clean-up at WARNING.
    logging.getLogger("opensearch").setLevel(logging.ERROR)
    from django.conf import settings

    from config.settings.search import search_backends_from_env

    prefix = f"bench_{uuid.uuid4().hex[:10]}"
    settings.PROJECT_SEARCH_URL = url
    settings.PROJECT_SEARCH_ENGINE = "opensearch"
    settings.SEARCH_INDEX_PREFIX = prefix
    settings.ALLOWED_HOSTS = ["*"]
    settings.WAGTAILSEARCH_BACKENDS = search_backends_from_env(
        {"OPENSEARCH_URL": url, "SEARCH_INDEX_PREFIX": prefix}
    )

    from django.core.management import call_command
    from django.test import RequestFactory
    from django.utils import translation
    from wagtail.models import Locale

    from projects.filters import ProjectFilterSet
    from projects.models import ProjectIndexPage, ProjectPage
    from projects.search_help import database_search, engine_search
    from projects.search_query import ProjectSearch
    from projects.views import listed_projects
    from search import indexing
    from search.dsl import get_client
    from search.site_search import search_pages, searchable_pages

    client = get_client(timeout=indexing.BULK_TIMEOUT_SECONDS)
    with throwaway_database():
        try:
            call_command("seed_demo", verbosity=0)
            for lang in ("de", "en"):
                indexing.rebuild(lang, stream=io.StringIO(), progress=False)
            call_command("update_index", stdout=io.StringIO())
            client.indices.refresh(index=f"{prefix}_*")

            for lang in ("de", "en"):
                locale = Locale.objects.get(language_code=lang)
                slugs = dict(ProjectPage.objects.filter(locale=locale).values_list("pk", "slug"))
                index_page = ProjectIndexPage.objects.live().get(locale=locale)
                judgements = load_judgements(lang)
                request = RequestFactory().get("/", HTTP_HOST="localhost")

                def engine(query, lang=lang, slugs=slugs):
                    search = ProjectSearch(lang=lang, query=query, page_size=K_RECALL)
                    result, _help, _search = engine_search(search)
                    return [slugs.get(hit.id, hit.id) for hit in result.hits]

                def database(query, index_page=index_page, lang=lang, locale=locale):
                    projects = listed_projects(index_page)
                    with translation.override(lang):
                        filterset = ProjectFilterSet({"q": query}, queryset=projects)
                        filterset, _help = database_search(filterset, filterset.qs.count(), locale)
                        return [page.slug for page in filterset.qs[:K_RECALL]]

                def site(query, lang=lang, locale=locale, request=request):
                    with translation.override(lang):
                        pages = searchable_pages(request, locale).type(ProjectPage)
                        results, _answered = search_pages(pages, query, locale)
                        return [page.slug for page in results[:K_RECALL]]

                evaluate("opensearch", lang, judgements, engine, args.verbose)
                evaluate("database", lang, judgements, database, args.verbose)
                evaluate("site search", lang, judgements, site, args.verbose)
        finally:
            client.indices.delete(index=f"{prefix}_*", ignore_unavailable=True)


if __name__ == "__main__":
    main()
