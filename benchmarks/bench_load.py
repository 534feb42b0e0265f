"""Load test: the production stack on PostgreSQL and OpenSearch, 50 concurrent users.

Bounded and local only: a throwaway database (demo content plus generated projects, up to
BENCH_PROJECTS within BENCH_SEED_SECONDS), its own OpenSearch index prefix, and the stack as
production runs it, started by scripts/stack-up.sh on free ports of 127.0.0.1: nginx
(deploy/nginx/, compression, static files) in front of gunicorn with production settings,
and the task worker (REDIS_URL is passed on when set). BENCH_USERS threads request home,
listing with facets, project pages, success stories and a search (a word and two facets)
through nginx for BENCH_SECONDS, with the page cache (production's default) and with it
switched off; each of the two in two ways. First every user asks for the next page the
moment the last one arrived (always BENCH_USERS requests in flight: the most this machine
can answer). Then the users read between pages, a random time in BENCH_READ_SECONDS ("1-5"
seconds, as load testing tools such as Locust commonly model a visitor; "0-0" leaves this
out). Prints requests/s, p50/p95 per page type against the targets of issue 16 (anonymous
pages p95 <= 100 ms with the cache, the search p95 <= 300 ms), the share of pages served
from the cache and the errors by what failed. The stack is stopped and the
index deleted whatever happens.

    DATABASE_URL=postgres://... OPENSEARCH_TEST_URL=http://127.0.0.1:9201 \
        .venv/bin/python benchmarks/bench_load.py
"""

import datetime
import http.client
import json
import os
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import (  # noqa: E402
    ROOT,
    refresh_planner_statistics,
    report_latency,
    report_machine_speed,
    report_rate,
    setup_django,
    throwaway_database,
)

TARGET_PROJECTS = int(os.environ.get("BENCH_PROJECTS", "10000"))
SEED_SECONDS = float(os.environ.get("BENCH_SEED_SECONDS", "300"))
USERS = int(os.environ.get("BENCH_USERS", "50"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "60"))
# "1-5": each user reads a page for a random time in this range (seconds) before the next.
READ_SECONDS = tuple(float(x) for x in os.environ.get("BENCH_READ_SECONDS", "1-5").split("-"))
HOST = "127.0.0.1"
SEARCH_WORDS = ["Digitalisierung", "Klimaschutz", "Beteiligung", "Verwaltung", "Mobilität"]
PAGE_KINDS = ["home", "listing", "project", "story"]
PAGE_TARGET_MS = 100  # anonymous pages, p95, with the page cache
SEARCH_TARGET_MS = 300  # a word and two facets, p95


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def generate_projects(target, budget_seconds):
    """Add generated German projects under the demo listing until target or time budget.

    Pages are written as live rows without revisions (what serving needs), in batches of
    one transaction each. Returns the number created.
    """
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale

    from projects.models import ProjectIndexPage, ProjectPage
    from taxonomy.models import Municipality, Topic

    german = Locale.objects.get(language_code="de")
    index = ProjectIndexPage.objects.get(locale=german)
    municipalities = list(Municipality.objects.filter(locale=german))
    topics = list(Topic.objects.filter(locale=german))
    rng = random.Random(2021)
    today = datetime.date.today()
    started = time.monotonic()
    created = 0
    while created < target and time.monotonic() - started < budget_seconds:
        with transaction.atomic():
            for _ in range(min(200, target - created)):
                municipality = rng.choice(municipalities)
                word = rng.choice(SEARCH_WORDS)
                page = ProjectPage(
                    title=f"{word} in {municipality.name} ({created + 1})",
                    slug=f"lastprojekt-{created + 1}",
                    municipality=municipality,
                    status=rng.choice(["open", "open", "matching", "running", "completed"]),
                    challenge=f"<p>{word}: die Kommune {municipality.name} braucht Hilfe.</p>",
                    intended_impact="<p>Bürger:innen erledigen Anliegen schneller.</p>",
                    target_groups="Bürger:innen, Verwaltung",
                    start_date=today + datetime.timedelta(days=rng.randint(30, 300)),
                    duration_months=rng.randint(6, 18),
                    remote_share=rng.choice([0, 20, 40]),
                    application_deadline=today + datetime.timedelta(days=rng.randint(10, 90)),
                    live=True,
                    first_published_at=timezone.now(),
                )
                index.add_child(instance=page)
                page.topics.set(rng.sample(topics, 2))
                created += 1
        index.refresh_from_db()
    return created


def production_env(database_url, static_root, index_prefix):
    """Environment for the stack and manage.py: production settings, local services only."""
    from django.conf import settings

    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"OPENSEARCH_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="bench-" + secrets.token_urlsafe(48),
        ALLOWED_HOSTS=HOST,
        SITE_BASE_URL=f"http://{HOST}",
        DATABASE_URL=database_url,
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(static_root),
        # Where the seeding process (test settings) put the demo images.
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        PRIVATE_MEDIA_ROOT=str(settings.PRIVATE_MEDIA_ROOT),
        SEARCH_INDEX_PREFIX=index_prefix,
        LOG_LEVEL="WARNING",
    )
    if os.environ.get("OPENSEARCH_TEST_URL"):
        env["OPENSEARCH_URL"] = os.environ["OPENSEARCH_TEST_URL"]
    return env


def manage(env, *args):
    """Run a manage.py command with ``env``; raise if it fails."""
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def stack_script(name, env):
    """Run scripts/stack-up.sh or stack-down.sh with ``env``; raise with its output if it fails."""
    result = subprocess.run(
        ["bash", f"scripts/{name}.sh"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"scripts/{name}.sh failed:\n{result.stdout}\n{result.stderr}")


def request_plan(paths, facets):
    """A function returning the next (page type, path) a simulated visitor asks for."""
    rng = random.Random()

    def next_request():
        kind = rng.choice([*PAGE_KINDS, "search"])
        land, topic = rng.choice(facets["bundesland"]), rng.choice(facets["topic"])
        if kind == "home":
            return kind, "/de/"
        if kind == "listing":
            return kind, f"/de/projekte/?bundesland={land}&topic={topic}&status=open"
        if kind == "search":
            word = quote(rng.choice(SEARCH_WORDS))
            return kind, f"/de/projekte/?q={word}&bundesland={land}&topic={topic}"
        return kind, rng.choice(paths[kind])

    return next_request


def run_load(port, next_request, users, seconds, read_seconds=(0, 0)):
    """``users`` threads request pages for ``seconds``, each pausing a random time within
    ``read_seconds`` after each page; returns (latencies, errors, hits, elapsed), hits
    counting the answers served from the page cache."""
    latencies = defaultdict(list)
    errors = defaultdict(int)
    hits = defaultdict(int)
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def user():
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        pauses = random.Random()
        # Readers arrive one by one, not all in the same instant.
        time.sleep(pauses.uniform(0, read_seconds[1]))
        while time.monotonic() < stop_at:
            kind, path = next_request()
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
                reason = f"HTTP {response.status}"
                hit = response.getheader("X-Cache") == "HIT"
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except Exception as error:  # noqa: BLE001 - any failure of a request is an error
                ok = False
                reason = type(error).__name__
                connection.close()
            elapsed_ms = (time.perf_counter() - started) * 1000
            with lock:
                if ok:
                    latencies[kind].append(elapsed_ms)
                    hits[kind] += hit
                else:
                    errors[f"{kind}: {reason}"] += 1
            if read_seconds[1] > 0:
                time.sleep(max(0, min(pauses.uniform(*read_seconds), stop_at - time.monotonic())))
        connection.close()

    threads = [threading.Thread(target=user, daemon=True) for _ in range(users)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    return latencies, errors, hits, time.monotonic() - started


def delete_indices(prefix):
    """Remove the benchmark's OpenSearch indices."""
    url = os.environ.get("OPENSEARCH_TEST_URL")
    if not url:
        return
    request = urllib.request.Request(f"{url}/{prefix}_*", method="DELETE")
    try:
        urllib.request.urlopen(request, timeout=30).close()
    except OSError as error:
        print(f"could not delete indices {prefix}_*: {error}", file=sys.stderr)


def main():
    """Seed, serve, load, report; always stop gunicorn and drop the database and index."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("bench_load needs DATABASE_URL pointing at PostgreSQL (make bench sets it).")
    setup_django()
    report_machine_speed()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    from projects.filters import ProjectFilterSet
    from projects.models import ProjectPage
    from stories.models import StoryPage
    from taxonomy.models import Topic

    index_prefix = f"bench_{secrets.token_hex(4)}"
    # collectstatic's output is kept between runs (the stack repeats it only after changes).
    static_root = ROOT / ".cache" / "stack-bench" / "static"
    with throwaway_database(), tempfile.TemporaryDirectory() as stack_dir:
        started = time.monotonic()
        call_command("seed_demo", verbosity=0)
        # The shared cache (REDIS_URL) may still hold a previous run's pages and site paths.
        cache.clear()
        created = generate_projects(TARGET_PROJECTS, SEED_SECONDS)
        refresh_planner_statistics()
        print(
            f"seeded: demo content + {created} generated projects "
            f"(target {TARGET_PROJECTS}) in {time.monotonic() - started:.0f} s",
            flush=True,
        )
        paths = {
            "project": [
                page.url for page in ProjectPage.objects.live().filter(locale__language_code="de")
            ],
            "story": [
                page.url for page in StoryPage.objects.live().filter(locale__language_code="de")
            ],
        }
        topics = list(Topic.objects.canonical().values_list("pk", flat=True))
        lands = [
            value for value, _label in ProjectFilterSet.base_filters["bundesland"].extra["choices"]
        ]
        connection.close()

        settings_dict = connection.settings_dict
        database_url = (
            f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:"
            f"{settings_dict['PORT']}/{settings_dict['NAME']}"
        )
        env = production_env(database_url, static_root, index_prefix)
        if env.get("OPENSEARCH_URL"):
            started = time.monotonic()
            # Wagtail's site-search index, then the project search's own per-language indices.
            manage(env, "update_index")
            manage(env, "search_rebuild", "-v", "0")
            print(f"OpenSearch indices built in {time.monotonic() - started:.0f} s", flush=True)

        plan = request_plan(paths, {"bundesland": lands, "topic": topics})
        modes = {"without a pause": (0, 0)}
        if READ_SECONDS[1] > 0:
            low, high = READ_SECONDS
            modes[f"reading {low:g} to {high:g} s between pages"] = READ_SECONDS
        runs = {}
        try:
            for cached, seconds in ((True, "300"), (False, "0")):
                run_env = {**env, "PAGE_CACHE_SECONDS": seconds}
                for mode, figures in serve_and_load(run_env, stack_dir, plan, modes).items():
                    runs[cached, mode] = figures
        finally:
            delete_indices(index_prefix)

    print(
        f"{USERS} users, {SECONDS:.0f} s per run, {len(paths['project'])} German projects, "
        f"{len(paths['story'])} stories, through nginx (deploy/nginx/) in front of gunicorn",
        flush=True,
    )
    error_count = 0
    for (cached, mode), (latencies, errors, hits, elapsed) in runs.items():
        cache_state = "with the page cache" if cached else "without the page cache"
        print(f"-- {USERS} users {mode}, {cache_state}", flush=True)
        total = sum(len(values) for values in latencies.values())
        report_rate("all pages", total, elapsed)
        for kind in [*PAGE_KINDS, "search"]:
            if not latencies[kind]:
                continue
            page_target = PAGE_TARGET_MS if cached else None
            target = SEARCH_TARGET_MS if kind == "search" else page_target
            share = hits[kind] / len(latencies[kind])
            report_latency(
                f"{kind} ({len(latencies[kind]) / elapsed:.1f}/s, {share:.0%} from the cache)",
                latencies[kind],
                target,
            )
        error_count += sum(errors.values())
        print(f"errors: {sum(errors.values())} {json.dumps(dict(errors))}", flush=True)
    return 1 if error_count else 0


def serve_and_load(env, stack_dir, plan, modes):
    """Start the stack with ``env``, put each load of ``modes`` ({name: read seconds}) on it,
    each on an empty cache, stop it; returns {name: run_load's figures}."""
    from django.core.cache import cache

    port, app_port = free_port(), free_port()
    stack_env = {
        **env,
        "NGINX_PORT": str(port),
        "GUNICORN_PORT": str(app_port),
        "STACK_DIR": stack_dir,
        "STACK_MIGRATE": "0",
        "OPENSEARCH_URL": env.get("OPENSEARCH_URL") or "none",
        "GUNICORN_WORKERS": os.environ.get("BENCH_WORKERS", "3"),
        "GUNICORN_THREADS": "8",
    }
    # SITE_BASE_URL: the stack's own address (nginx's port).
    stack_env.pop("SITE_BASE_URL")
    try:
        stack_script("stack-up", stack_env)
        figures = {}
        for name, read_seconds in modes.items():
            cache.clear()
            figures[name] = run_load(port, plan, USERS, SECONDS, read_seconds)
        return figures
    finally:
        stack_script("stack-down", stack_env)


if __name__ == "__main__":
    sys.exit(main())
