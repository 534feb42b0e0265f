"""The learning resources of the accompanying programme (content in data/learning.toml)."""

from learning.models import LearningResourcePage

from .base import Tally, upsert_page
from .content import field_values, load

# Entries of a resource's data table that are not field values shared by both languages.
RESOURCE_KEYS = ("topics", "de", "en")


def resource_specs():
    """Every resource: slug, topic slugs, shared values, German and English values (or None)."""
    specs = []
    for slug, data in load("learning").items():
        facts = {name: value for name, value in data.items() if name not in RESOURCE_KEYS}
        english = data.get("en")
        specs.append(
            {
                "slug": slug,
                "topics": data["topics"],
                "shared": {"macherinnen_only": False, "video_url": "", **facts},
                "de": field_values(LearningResourcePage, data["de"]),
                "en": field_values(LearningResourcePage, english) if english else None,
            }
        )
    return specs


def build_resources(index_page, topics):
    """Create or update the learning resources. Returns (tally, [(spec, page)])."""
    tally, result = Tally(), []
    for spec in resource_specs():
        values = {
            **spec["shared"],
            "topics": [topics[slug] for slug in spec["topics"]],
            **spec["de"],
        }
        page, outcome = upsert_page(index_page, LearningResourcePage, spec["slug"], values)
        tally.add(outcome)
        result.append((spec, page))
    return tally, result
