"""``manage.py search_rebuild``: a new index per language, an atomic alias swap, no downtime."""

import io

import pytest
from django.core.management import call_command

from projects.search_document import index_alias
from tests import factories

pytestmark = pytest.mark.django_db


class AliasProbe(io.StringIO):
    """Command output that asks the engine, at every progress update, what the alias answers.

    The rebuild writes its progress bar while it fills the new index; each write is a moment
    in the middle of the rebuild at which a visitor could be searching.
    """

    def __init__(self, engine, lang):
        super().__init__()
        self.engine, self.lang, self.counts = engine, lang, []

    def write(self, text):
        if text.startswith("\r"):
            self.counts.append(self.engine.count(self.lang))
        return super().write(text)


def holders(engine, lang):
    return sorted(engine.client.indices.get_alias(name=index_alias(lang)))


def test_rebuild_swaps_the_alias_and_keeps_answering(
    site_tree, locales, project_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        factories.publish_translation(site_tree.projects, locales.en, title="Projects")
        pages = [
            factories.ProjectPageFactory(
                parent=site_tree.projects, title=f"Projekt Nummer {n}", publish=True
            )
            for n in range(3)
        ]
        factories.publish_translation(pages[0], locales.en, title="Project number one")
        draft = factories.ProjectPageFactory(
            parent=site_tree.projects, title="Noch ein Entwurf", live=False
        )
    old_de, old_en = holders(project_index, "de"), holders(project_index, "en")
    assert project_index.count("de") == 3

    probe = AliasProbe(project_index, "de")
    call_command("search_rebuild", stdout=probe)

    # During the rebuild the alias answered every time, with every project of the old index.
    assert probe.counts and all(count == 3 for count in probe.counts)
    new_de, new_en = holders(project_index, "de"), holders(project_index, "en")
    assert len(new_de) == 1 and new_de != old_de
    assert len(new_en) == 1 and new_en != old_en
    assert not project_index.client.indices.exists(index=old_de[0])
    assert not project_index.client.indices.exists(index=old_en[0])
    assert project_index.count("de") == 3
    assert project_index.titles("en", "number") == ["Project number one"]
    assert project_index.document("de", draft.pk) is None
    output = probe.getvalue()
    assert "\rde [" in output and "] 3/3" in output
    assert "] 1/1" in output  # the English index


def test_rebuild_of_one_language_leaves_the_other_alone(site_tree, project_index):
    factories.ProjectPageFactory(
        parent=site_tree.projects, title="Unverändert englisch", publish=True
    )
    old_en = holders(project_index, "en")
    old_de = holders(project_index, "de")

    call_command("search_rebuild", "--lang", "de", verbosity=0, stdout=io.StringIO())

    assert holders(project_index, "en") == old_en
    assert holders(project_index, "de") != old_de
    # The page was published without the task (no commit here); the rebuild picked it up.
    assert project_index.titles("de", "unverändert") == ["Unverändert englisch"]


def test_quiet_rebuild_prints_nothing(site_tree, project_index):
    out = io.StringIO()
    call_command("search_rebuild", verbosity=0, stdout=out)
    assert out.getvalue() == ""


def test_rebuild_indexes_more_than_one_batch(site_tree, project_index):
    for n in range(7):
        factories.ProjectPageFactory(parent=site_tree.projects, title=f"Stapel {n}", publish=True)
    out = io.StringIO()
    call_command("search_rebuild", "--lang", "de", "--batch-size", "3", stdout=out)
    assert project_index.count("de") == 7
    assert "] 7/7" in out.getvalue()
