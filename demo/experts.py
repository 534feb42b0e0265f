"""The fictional members of the expert pool (names are invented), German and English."""

from learning.models import Expert

from .base import Tally, upsert_snippet, upsert_snippet_translation
from .content import field_values, load


def build_experts(locales, competencies):
    """Create or update the experts of data/experts.toml and their English translations.

    Returns a tally.
    """
    tally = Tally()
    for row in load("experts")["experts"]:
        local = row["slug"].replace("-", ".")
        shared = {
            "name": row["name"],
            "organisation": row["organisation"],
            "availability": row["availability"],
            "contact_email": f"{local}@example.org",
            "expertise": [competencies[name] for name in row["expertise"]],
        }
        expert, outcome = upsert_snippet(
            Expert, locales.de, {"slug": row["slug"]}, {**shared, **field_values(Expert, row["de"])}
        )
        tally.add(outcome)
        _en, outcome = upsert_snippet_translation(
            expert, locales.en, {**shared, **field_values(Expert, row["en"])}
        )
        tally.add(outcome)
    return tally
