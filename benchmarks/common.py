"""Shared helpers for the benchmarks: Django set-up on a throwaway database, figure printing.

Each ``benchmarks/bench_*.py`` is a script run by ``make bench`` (scripts/bench.sh), which
starts PostgreSQL and OpenSearch and passes DATABASE_URL and OPENSEARCH_TEST_URL.
"""

import contextlib
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Production keeps rendered headers, footers and cards this long (config/settings/base.py);
# the test settings the benchmarks start from switch that off.
PRODUCTION_FRAGMENT_SECONDS = 300


def setup_django():
    """Configure Django with the test settings (PostgreSQL from DATABASE_URL)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()


@contextlib.contextmanager
def throwaway_database():
    """Create the test database (migrated), yield, and drop it again.

    Deliberately without ``setup_test_environment()``: its template instrumentation copies
    the context of every rendered template for the test client, a cost production does not
    have. The test settings already send mail to memory and allow any host.
    """
    from django.test.runner import DiscoverRunner

    runner = DiscoverRunner(verbosity=0, interactive=False)
    old_config = runner.setup_databases()
    try:
        yield
    finally:
        runner.teardown_databases(old_config)


def refresh_planner_statistics():
    """Run ANALYZE after a bulk load, as autovacuum would do soon after on a real server.

    Without it PostgreSQL plans with the statistics of the empty tables (it guessed 3 rows
    for 10,000 projects) and scans the whole listing to fetch twelve cards.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def percentile(values, pct):
    """The pct-th percentile (nearest rank) of a list of numbers."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def timed(fn, repeat):
    """Run fn repeat times; return the durations in milliseconds."""
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        durations.append((time.perf_counter() - start) * 1000)
    return durations


def report_latency(name, durations_ms, target_p95_ms=None):
    """Print one line of latency figures, with the target and whether it was met."""
    p50 = statistics.median(durations_ms)
    p95 = percentile(durations_ms, 95)
    verdict = ""
    if target_p95_ms is not None:
        met = "met" if p95 <= target_p95_ms else "MISSED"
        verdict = f"  target p95 <= {target_p95_ms} ms: {met}"
    print(f"{name}: n={len(durations_ms)} p50={p50:.1f} ms p95={p95:.1f} ms{verdict}", flush=True)


def report_rate(name, count, seconds, target_per_s=None):
    """Print one line with a throughput figure."""
    rate = count / seconds if seconds else float("inf")
    verdict = ""
    if target_per_s is not None:
        met = "met" if rate >= target_per_s else "MISSED"
        verdict = f"  target >= {target_per_s}/s: {met}"
    print(f"{name}: {count} in {seconds:.2f} s = {rate:.0f}/s{verdict}", flush=True)


def report_machine_speed():
    """Print how fast this machine runs plain Python right now, and its load.

    Figures from different days are comparable only on an equally fast machine; shared
    machines vary by half and more. The loop is the same work on every run.
    """
    start = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number
    seconds = time.perf_counter() - start
    load = "{:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
    print(
        f"machine: 10 million Python additions in {seconds:.2f} s; load average {load}",
        flush=True,
    )
