"""Our page types side by side with a minimal Wagtail blog, uncached, in one run.

Run by ``make bench`` (needs DATABASE_URL on PostgreSQL). Seeds the demo content, then builds
a reference blog (benchmarks/reference: a blog index with twelve posts a page and one post per
demo project, the posts carrying the project's texts and image) under the same home page and
with the same base template. Each pair of URLs is requested in turn, ours then theirs, so
machine load hits both alike; the figures are the p50 over all rounds. The pairs run twice:
as production renders (header, footer and cards kept per worker, core/fragment_cache.py) and
with nothing kept; the page cache is off in both. Targets (issue 16):
each of our page types at most 1.0 times its counterpart, and the listing at 10,000 projects
at most 1.5 times the listing at the demo size (database path, no engine configured).

    python benchmarks/bench_pages.py [--rounds 3] [--requests 40] [--count 10000]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# The reference blog is a Django app of its own; only these settings install it.
os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.reference.settings"

from benchmarks.common import (  # noqa: E402
    PRODUCTION_FRAGMENT_SECONDS,
    refresh_planner_statistics,
    report_machine_speed,
    setup_django,
    throwaway_database,
)

WARM_UP = 10
RATIO_TARGET = 1.0
LARGE_LISTING_TARGET = 1.5


def build_reference_blog(home, projects):
    """One blog post per project (its summary, texts and image) under a blog index."""
    from wagtail.rich_text import RichText

    from benchmarks.reference.models import ReferenceBlogIndexPage, ReferenceBlogPage

    index = home.add_child(
        instance=ReferenceBlogIndexPage(
            title="Blog", slug="reference-blog", introduction="<p>Neues aus den Kommunen.</p>"
        )
    )
    posts = []
    for project in projects:
        post = index.add_child(
            instance=ReferenceBlogPage(
                title=project.title,
                slug=f"post-{project.slug}",
                date_published=project.start_date,
                introduction=project.listing_summary or project.search_description,
                image=getattr(project, "lead_image", None),
                body=[
                    ("rich_text", RichText(project.challenge)),
                    ("rich_text", RichText(project.intended_impact)),
                ],
            )
        )
        posts.append(post)
    return index, posts


def interleaved(client, pairs, rounds, requests):
    """{name: (our durations, their durations)} in ms, requesting ours then theirs in turn."""
    durations = {name: ([], []) for name, _, _ in pairs}

    def get(url):
        start = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (url, response.status_code)
        return elapsed

    for _, ours, theirs in pairs:
        for _ in range(WARM_UP):
            get(ours), get(theirs)
    for _ in range(rounds):
        for name, ours, theirs in pairs:
            for _ in range(requests):
                durations[name][0].append(get(ours))
                durations[name][1].append(get(theirs))
    return durations


def report(durations):
    """Print the p50 of each pair and their ratio."""
    header = f"{'page type':<34}{'ours p50':>10}{'reference':>11}{'ratio':>8}"
    print(f"{header}  target <= {RATIO_TARGET}")
    for name, (ours, theirs) in durations.items():
        ours_p50, theirs_p50 = statistics.median(ours), statistics.median(theirs)
        ratio = ours_p50 / theirs_p50
        verdict = "met" if ratio <= RATIO_TARGET else "MISSED"
        print(f"{name:<34}{ours_p50:>8.1f}ms{theirs_p50:>9.1f}ms{ratio:>8.2f}  {verdict}")


def main():
    """Build both page sets, print the side-by-side figures, then the large listing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--count", type=int, default=int(os.environ.get("BENCH_PROJECTS", 10000)))
    args = parser.parse_args()

    setup_django()
    report_machine_speed()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Locale

    from benchmarks.bench_search_indexing import generate_projects
    from home.models import HomePage
    from projects.models import ProjectIndexPage, ProjectPage
    from stories.models import StoryPage

    # Uncached and on the database path: what every request costs without help.
    settings.PROJECT_SEARCH_URL = None
    settings.ALLOWED_HOSTS = ["*"]
    with throwaway_database():
        call_command("seed_demo", verbosity=0)
        german = Locale.objects.get(language_code="de")
        home = HomePage.objects.get(locale=german)
        listing = ProjectIndexPage.objects.get(locale=german)
        projects = list(
            ProjectPage.objects.live().filter(locale=german).order_by("path").specific()
        )
        index, posts = build_reference_blog(home, projects)
        refresh_planner_statistics()
        story = StoryPage.objects.live().filter(locale=german).order_by("path").first()
        project, post = projects[0], posts[0]
        print(f"demo size: {len(projects)} projects, {len(posts)} reference posts", flush=True)

        pairs = [
            ("home / blog index", home.url, index.url),
            ("project listing / blog index", listing.url, index.url),
            ("project page / blog page", project.url, post.url),
            ("story page / blog page", story.url, post.url),
        ]
        client = Client()
        # First as production serves them (header, footer and cards kept per worker), then
        # with nothing kept at all; the page cache is off in both.
        settings.FRAGMENT_CACHE_SECONDS = PRODUCTION_FRAGMENT_SECONDS
        print("-- as production renders (fragments kept, no page cache)", flush=True)
        durations = interleaved(client, pairs, args.rounds, args.requests)
        report(durations)
        demo_listing = statistics.median(durations["project listing / blog index"][0])
        settings.FRAGMENT_CACHE_SECONDS = 0
        print("-- nothing kept (no fragments, no page cache)", flush=True)
        report(interleaved(client, pairs, args.rounds, args.requests))
        settings.FRAGMENT_CACHE_SECONDS = PRODUCTION_FRAGMENT_SECONDS

        large = generate_projects(args.count)
        refresh_planner_statistics()
        large_listing = []
        for _ in range(WARM_UP):
            client.get(large.url)
        for _ in range(args.rounds * args.requests):
            start = time.perf_counter()
            response = client.get(large.url)
            large_listing.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code
        large_p50 = statistics.median(large_listing)
        ratio = large_p50 / demo_listing
        verdict = "met" if ratio <= LARGE_LISTING_TARGET else "MISSED"
        print(
            f"project listing at {args.count} projects: p50 {large_p50:.1f} ms, "
            f"{ratio:.2f} times the demo size (target <= {LARGE_LISTING_TARGET}: {verdict})",
            flush=True,
        )


if __name__ == "__main__":
    main()
