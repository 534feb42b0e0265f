"""Success stories from the programme's real projects (content in data/stories.toml)."""

from stories.models import StoryPage

from .base import Tally, upsert_page
from .content import field_values, load

# Entries of a story's data table that are not field values shared by both languages.
STORY_KEYS = ("slug", "project", "de", "en")


def story_specs(projects, images, pages):
    """The stories: key -> slug, shared values, German values and English values (or None).

    A story takes municipality and topics from its project and, unless its data says
    otherwise, starts when the project does and has no end yet.
    """
    specs = {}
    for key, data in load("stories").items():
        project = projects[data["project"]]
        facts = {name: value for name, value in data.items() if name not in STORY_KEYS}
        english = data.get("en")
        specs[key] = {
            "slug": data["slug"],
            "shared": {
                "municipality": project.municipality,
                "project": project,
                "topics": list(project.topics.all()),
                "period_start": project.start_date,
                "period_end": None,
                **field_values(StoryPage, facts, pages, images),
            },
            "de": field_values(StoryPage, data["de"], pages, images),
            "en": field_values(StoryPage, english, pages, images) if english else None,
        }
    return specs


def build_stories(index_page, projects, images, pages):
    """Create or update the stories. Returns (tally, {key: page}, specs)."""
    tally, result = Tally(), {}
    specs = story_specs(projects, images, pages)
    for key, spec in specs.items():
        values = {**spec["shared"], **spec["de"]}
        page, outcome = upsert_page(index_page, StoryPage, spec["slug"], values)
        tally.add(outcome)
        result[key] = page
    return tally, result, specs
