"""The job posting's description keeps the words of separate paragraphs apart."""

import pytest

from tests import factories
from tests.markup import json_ld

pytestmark = pytest.mark.django_db


def test_paragraphs_and_list_items_stay_separate_words(client, site_tree):
    project = factories.ProjectPageFactory(
        parent=site_tree.projects,
        challenge=(
            "<p>Das Amt hat es erklärt.</p><p>Akten liegen auf Papier.<br/>Noch.</p>"
            "<ul><li>Scannen</li><li>Ablegen</li></ul>"
            '<p>Ein <b>fett</b>es Wort und ein <a href="/x/">Link</a>.</p>'
        ),
    )

    (posting,) = [o for o in json_ld(client.get(project.url)) if o["@type"] == "JobPosting"]

    assert posting["description"] == (
        "Das Amt hat es erklärt. Akten liegen auf Papier. Noch. Scannen Ablegen "
        "Ein fettes Wort und ein Link."
    )
