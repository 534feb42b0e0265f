"""Competencies and topics (Themenfelder), German first with their English names."""

from taxonomy.models import Competency, CompetencyCategory, Topic

from .base import Tally, upsert_snippet, upsert_snippet_translation
from .content import load


def build_competencies(locales):
    """Competencies of data/competencies.toml in both languages. Returns (tally, {name: obj})."""
    tally, by_name = Tally(), {}
    for row in load("competencies")["competencies"]:
        category = CompetencyCategory(row["category"])
        obj, outcome = upsert_snippet(
            Competency,
            locales.de,
            {"name": row["name"]},
            {"category": category, "description": row["description"]},
        )
        tally.add(outcome)
        by_name[row["name"]] = obj
        _en, outcome = upsert_snippet_translation(
            obj,
            locales.en,
            {
                "name": row["en"]["name"],
                "category": category,
                "description": row["en"]["description"],
            },
        )
        tally.add(outcome)
    return tally, by_name


def build_topics(locales):
    """Topics of data/topics.toml in both languages. Returns (tally, {slug: obj})."""
    tally, by_slug = Tally(), {}
    for row in load("topics")["topics"]:
        obj, outcome = upsert_snippet(
            Topic,
            locales.de,
            {"slug": row["slug"]},
            {"name": row["name"], "description": row["description"]},
        )
        tally.add(outcome)
        by_slug[row["slug"]] = obj
        _en, outcome = upsert_snippet_translation(
            obj,
            locales.en,
            {
                "name": row["en"]["name"],
                "slug": row["slug"],
                "description": row["en"]["description"],
            },
        )
        tally.add(outcome)
    return tally, by_slug
