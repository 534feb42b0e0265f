"""Lighthouse scores of the public site as served in production, mobile and desktop.

Seeds the demo content into a throwaway PostgreSQL database, collects the static files into
WhiteNoise's compressed manifest storage, starts gunicorn with the production settings
(DEBUG off) on a free port of 127.0.0.1, and runs Lighthouse (node_modules, pinned in
package.json) with Debian's Chromium on home, the project listing, a project page and a
story page, each with the mobile and the desktop preset. Prints per page and preset the
scores of performance, accessibility, best practices and SEO (target: 95 each), the audits
that failed, any request to another host than the site's, and the compressed size (as
served) of the stylesheets and fonts of the project page. gunicorn is stopped and the
database dropped whatever happens.

    DATABASE_URL=postgres://... .venv/bin/python benchmarks/bench_lighthouse.py

BENCH_LIGHTHOUSE_PAGES=home,project limits the pages; BENCH_LIGHTHOUSE_PRESETS=mobile
the presets. Scores vary by a few points between runs on a busy machine.
"""

import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_load import (  # noqa: E402
    HOST,
    delete_indices,
    free_port,
    manage,
    production_env,
)
from benchmarks.common import ROOT, setup_django, throwaway_database  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def wait_until_up(port, process, timeout=60):
    """Wait until gunicorn answers (or raise if it died or took too long)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited during start-up")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/de/", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer within {timeout} s")


TARGET = 95
PRESETS = [p for p in os.environ.get("BENCH_LIGHTHOUSE_PRESETS", "mobile,desktop").split(",") if p]
PAGES = [
    p
    for p in os.environ.get("BENCH_LIGHTHOUSE_PAGES", "home,listing,project,story").split(",")
    if p
]


def ensure_tools():
    """Install Chromium and the npm test tools (Lighthouse included) when missing."""
    if not LIGHTHOUSE.exists() or not Path(CHROMIUM).exists():
        subprocess.run(["bash", "scripts/browser-deps.sh"], cwd=ROOT, check=True)


def page_paths():
    """The path of each page to measure (German, from the demo content)."""
    from projects.models import ProjectIndexPage, ProjectPage
    from stories.models import StoryPage

    german = {"locale__language_code": "de"}
    story = (
        StoryPage.objects.live().filter(**german).exclude(lead_image=None).first()
        or StoryPage.objects.live().filter(**german).first()
    )
    paths = {
        "home": "/de/",
        "listing": ProjectIndexPage.objects.live().filter(**german).first().url,
        "project": ProjectPage.objects.live().filter(**german).order_by("path").first().url,
        "story": story.url if story else None,
    }
    return {name: paths[name] for name in PAGES if paths.get(name)}


def run_lighthouse(url, preset, output_dir):
    """One Lighthouse run; returns the parsed JSON report."""
    output = Path(output_dir) / f"{secrets.token_hex(4)}.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    return json.loads(output.read_text())


def failed_audits(report):
    """Ids of the scored audits that did not pass, per category."""
    audits = report["audits"]
    failed = {}
    for category in CATEGORIES:
        names = []
        for ref in report["categories"][category]["auditRefs"]:
            audit = audits.get(ref["id"], {})
            score = audit.get("score")
            if ref.get("weight", 0) > 0 and score is not None and score < 0.9:
                names.append(f"{ref['id']}={round(score * 100)}")
        if names:
            failed[category] = names
    return failed


def network_requests(report):
    """The requests Lighthouse recorded (url, resourceType, mimeType, transferSize, ...)."""
    return report["audits"].get("network-requests", {}).get("details", {}).get("items", [])


def page_figures(report, requests):
    """LCP (ms), bytes of the page as served, and the images' bytes and formats."""
    audits = report["audits"]
    images = [r for r in requests if r.get("resourceType") == "Image"]
    return {
        "lcp": audits["largest-contentful-paint"].get("numericValue", 0),
        "bytes": audits["total-byte-weight"].get("numericValue", 0),
        "image_bytes": sum(r.get("transferSize", 0) for r in images),
        "image_types": sorted({r.get("mimeType", "").removeprefix("image/") for r in images}),
    }


def make_renditions(paths):
    """Render each page once in this process, so its image renditions exist beforehand.

    On a live site they are made at the first visit after an upload, not at every visit;
    AVIF encoding takes seconds per image on a busy machine, too long for gunicorn's start.
    """
    from django.test import Client

    client = Client()
    for path in paths.values():
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")


def warm_up(port, paths):
    """Request each page once from gunicorn before measuring (first-request set-up)."""
    for path in paths.values():
        with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=120) as response:
            response.read()


def report(results, css_fonts, third_party, broken):
    """Print the score table, failed audits, third-party and failed requests, CSS/font bytes."""
    print(f"Lighthouse {lighthouse_version()} (target >= {TARGET} in each category)", flush=True)
    header = f"{'page':<9} {'preset':<8} " + " ".join(f"{c[:14]:>14}" for c in CATEGORIES)
    print(f"{header} {'LCP ms':>7} {'KiB':>6}  images")
    missed = 0
    for (name, preset), data in results.items():
        scores = data["scores"]
        missed += sum(1 for c in CATEGORIES if scores[c] is None or scores[c] < TARGET)
        cells = " ".join(f"{'–' if scores[c] is None else scores[c]:>14}" for c in CATEGORIES)
        figures = data["figures"]
        images = (
            f"{figures['image_bytes'] / 1024:.0f} KiB {'/'.join(figures['image_types'])}"
            if figures["image_types"]
            else "none"
        )
        print(
            f"{name:<9} {preset:<8} {cells} {figures['lcp']:>7.0f} "
            f"{figures['bytes'] / 1024:>6.0f}  {images}"
        )
    print(f"categories below {TARGET}: {missed}", flush=True)
    for (name, preset), data in results.items():
        for category, names in data["failed"].items():
            print(f"  {name}/{preset} {category}: {', '.join(names)}")
    if css_fonts is not None:
        transfer, resource, files = css_fonts
        print(
            f"project page CSS + fonts: {transfer / 1024:.1f} KiB as served "
            f"({resource / 1024:.1f} KiB uncompressed, {files} files)",
            flush=True,
        )
    if third_party:
        for (name, preset), urls in third_party.items():
            for url in urls:
                print(f"third-party request on {name}/{preset}: {url}", flush=True)
    else:
        print("third-party requests: none", flush=True)
    for url, status in sorted(broken.items()):
        print(f"failed request (HTTP {status}): {url}", flush=True)


def lighthouse_version():
    """The installed Lighthouse version."""
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text())["version"]


def main():
    """Seed, collect, serve with gunicorn, run Lighthouse, print; always clean up."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("bench_lighthouse needs DATABASE_URL pointing at PostgreSQL (make bench sets it).")
    ensure_tools()
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    index_prefix = f"bench_{secrets.token_hex(4)}"
    with (
        throwaway_database(),
        tempfile.TemporaryDirectory() as static_root,
        tempfile.TemporaryDirectory() as reports,
    ):
        call_command("seed_demo", verbosity=0)
        paths = page_paths()
        started = time.monotonic()
        make_renditions(paths)
        print(f"renditions made in {time.monotonic() - started:.0f} s", flush=True)
        connection.close()

        settings_dict = connection.settings_dict
        database_url = (
            f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:"
            f"{settings_dict['PORT']}/{settings_dict['NAME']}"
        )
        env = production_env(database_url, static_root, index_prefix)
        # The images seed_demo stored, served by benchmarks/media_wsgi.py as nginx would.
        env["MEDIA_ROOT"] = str(settings.MEDIA_ROOT)
        manage(env, "collectstatic", "--no-input", "-v", "0")
        if env.get("OPENSEARCH_URL"):
            manage(env, "update_index")
            manage(env, "search_rebuild", "-v", "0")

        port = free_port()
        env["SITE_BASE_URL"] = f"http://{HOST}:{port}"
        env["ALLOWED_HOSTS"] = HOST
        gunicorn = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "benchmarks.media_wsgi:application",
                "--bind",
                f"{HOST}:{port}",
                "--worker-class",
                "gthread",
                "--workers",
                "2",
                "--threads",
                "4",
                "--log-level",
                "warning",
            ],  # fmt: skip
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        results, third_party, broken, css_fonts = {}, {}, {}, None
        try:
            wait_until_up(port, gunicorn)
            warm_up(port, paths)
            for name, path in paths.items():
                for preset in PRESETS:
                    started = time.monotonic()
                    data = run_lighthouse(f"http://{HOST}:{port}{path}", preset, reports)
                    scores = {
                        c: (
                            None
                            if data["categories"][c]["score"] is None
                            else round(data["categories"][c]["score"] * 100)
                        )
                        for c in CATEGORIES
                    }
                    requests = network_requests(data)
                    results[(name, preset)] = {
                        "scores": scores,
                        "failed": failed_audits(data),
                        "figures": page_figures(data, requests),
                    }
                    foreign = sorted(
                        {
                            r["url"]
                            for r in requests
                            if urlsplit(r["url"]).scheme in {"http", "https"}
                            and urlsplit(r["url"]).netloc != f"{HOST}:{port}"
                        }
                    )
                    broken.update(
                        {
                            r["url"]: r["statusCode"]
                            for r in requests
                            if r.get("statusCode", 0) >= 400
                        }
                    )
                    if foreign:
                        third_party[(name, preset)] = foreign
                    if name == "project" and css_fonts is None:
                        styles = [
                            r for r in requests if r.get("resourceType") in {"Stylesheet", "Font"}
                        ]
                        css_fonts = (
                            sum(r.get("transferSize", 0) for r in styles),
                            sum(r.get("resourceSize", 0) for r in styles),
                            len(styles),
                        )
                    print(
                        f"measured {name}/{preset} ({path}) in {time.monotonic() - started:.0f} s",
                        flush=True,
                    )
        finally:
            os.killpg(gunicorn.pid, signal.SIGTERM)
            try:
                gunicorn.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(gunicorn.pid, signal.SIGKILL)
                gunicorn.wait()
            delete_indices(index_prefix)

    report(results, css_fonts, third_party, broken)
    return 0


if __name__ == "__main__":
    sys.exit(main())
