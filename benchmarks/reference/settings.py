"""The test settings plus the reference blog (used by benchmarks/bench_pages.py only)."""

from config.settings.test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks.reference"]  # noqa: F405
