"""Load the demo content: site, taxonomies, pages in German and English, experts.

Idempotent: existing objects are found by slug, name or translation and only written
when their content differs, so a second run creates nothing and publishes no revisions.
"""

import time
from types import SimpleNamespace

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale

from demo.base import month_anchor
from demo.experts import build_experts
from demo.images import build_images
from demo.learning import build_resources
from demo.municipalities import build_municipalities
from demo.news import build_news
from demo.pages import build_site, build_structure
from demo.programme import build_programme
from demo.projects import build_projects
from demo.stories import build_stories
from demo.taxonomies import build_competencies, build_topics
from demo.translations import build_translations

STEP_COUNT = 13


class Command(BaseCommand):
    help = "Lädt die Demo-Inhalte (idempotent: ein zweiter Lauf legt nichts doppelt an)."

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.step_number = 0
        started = time.monotonic()
        locales = SimpleNamespace(
            de=Locale.objects.get_or_create(language_code="de")[0],
            en=Locale.objects.get_or_create(language_code="en")[0],
        )
        # Dates of the demo projects hang off the month, so reruns within it change nothing.
        anchor = month_anchor()

        images = self._step("Bilder", build_images)
        home = self._step("Website und Startseite", build_site, locales, images)
        taxonomies = SimpleNamespace(
            competencies=self._step("Kompetenzen", build_competencies, locales),
            topics=self._step("Themenfelder", build_topics, locales),
            municipalities=self._step("Kommunen", build_municipalities, locales),
        )
        pages = self._step("Bereiche, Zielgruppen- und Rechtsseiten", build_structure, home, images)
        projects = self._step("Projekte", build_projects, pages["projects"], taxonomies, anchor)
        stories = self._step(
            "Erfolgsgeschichten", build_stories, pages["stories"], projects[0], images, pages
        )
        resources = self._step(
            "Lernangebote", build_resources, pages["learning"], taxonomies.topics
        )
        self._step("Expert:innen", build_experts, locales, taxonomies.competencies)
        self._step(
            "Englische Fassungen",
            build_translations,
            locales.en,
            pages,
            images,
            projects,
            stories,
            resources,
            taxonomies,
        )
        self._step(
            "Aktuelles und Veröffentlichungen", build_news, pages["home"], locales.en, images
        )
        self._step("Begleitprogramm", build_programme, pages["programme"], locales.en)
        self._report(f"Demo-Inhalte bereit ({time.monotonic() - started:.1f} s).")

    def _step(self, label, builder, *args):
        """Run one builder in its own transaction, print its counts, return its result."""
        self.step_number += 1
        with transaction.atomic():
            result = builder(*args)
        tally, *rest = result if isinstance(result, tuple) else (result,)
        self._report(f"[{self.step_number}/{STEP_COUNT}] {label} … {tally}")
        if not rest:
            return None
        return rest[0] if len(rest) == 1 else tuple(rest)

    def _report(self, line):
        if self.verbosity >= 1:
            self.stdout.write(line)
