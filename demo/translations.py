"""English versions of the main pages, a few projects, the stories and five resources."""

from .base import Tally, upsert_page_translation
from .pages import english_values
from .projects import shared_values


def build_translations(en, pages, images, projects, stories, resources, taxonomies):
    """Translate pages with ``copy_for_translation``, parents first. Returns a tally.

    ``projects``, ``stories`` and ``resources`` are the results of their builders:
    ``(pages by key, specs)``, ``(pages by key, specs)`` and ``[(spec, page)]``.
    """
    tally = Tally()
    for key, values in english_values(pages, images).items():
        _page, outcome = upsert_page_translation(pages[key], en, values)
        tally.add(outcome)

    project_pages, project_specs = projects
    for spec in project_specs:
        if spec["en"]:
            values = {**shared_values(spec, taxonomies), **spec["en"]}
            _page, outcome = upsert_page_translation(project_pages[spec["key"]], en, values)
            tally.add(outcome)

    story_pages, story_specs = stories
    for key, spec in story_specs.items():
        if spec["en"]:
            values = {**spec["shared"], **spec["en"]}
            _page, outcome = upsert_page_translation(story_pages[key], en, values)
            tally.add(outcome)

    for spec, page in resources:
        if spec["en"]:
            topics = [taxonomies.topics[slug] for slug in spec["topics"]]
            values = {**spec["shared"], "topics": topics, **spec["en"]}
            _page, outcome = upsert_page_translation(page, en, values)
            tally.add(outcome)
    return tally
