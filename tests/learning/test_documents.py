"""Documents of Macher:innen-only resources are as private as the resources themselves."""

import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db


def make_document(title):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"Interne Arbeitshilfe", name=f"{title.lower()}.txt")
    )


def body_with(document):
    """A body with a document block and a text link to ``document``."""
    link = f'<p>Siehe <a linktype="document" id="{document.pk}">Anhang</a>.</p>'
    return json.dumps(
        [
            {"type": "document", "value": {"document": document.pk, "label": "Handbuch"}},
            {"type": "rich_text", "value": link},
        ]
    )


def api_titles(client):
    response = client.get("/api/v2/documents/", {"limit": 50})
    assert response.status_code == 200
    return [item["title"] for item in response.json()["items"]]


def test_documents_of_restricted_resources_are_not_public(client, resource_factory):
    handbook = make_document("Handbuch")
    linked = make_document("Checkliste")
    public = make_document("Flyer")
    resource_factory(
        title="Handbuch für Macher:innen", macherinnen_only=True, body=body_with(handbook)
    )
    resource_factory(
        title="Noch ein internes Angebot",
        macherinnen_only=True,
        body=json.dumps(
            [{"type": "rich_text", "value": f'<a linktype="document" id="{linked.pk}">x</a>'}]
        ),
    )
    resource_factory(title="Öffentliches Angebot", body=body_with(public))

    assert api_titles(client) == ["Flyer"]
    for document in (handbook, linked):
        document.refresh_from_db()
        response = client.get(document.url)
        # Wagtail sends visitors outside the group to the login page instead of the file.
        assert response.status_code == 302, document.title
        assert "/anmelden/" in response["Location"] or "login" in response["Location"]
    assert client.get(public.url).status_code == 200


def test_macherinnen_download_the_documents(
    client, resource_factory, macherinnen_group, django_user_model
):
    handbook = make_document("Handbuch")
    resource_factory(
        title="Handbuch für Macher:innen", macherinnen_only=True, body=body_with(handbook)
    )
    user = django_user_model.objects.create_user("macherin", password="geheim-genug-123")
    user.groups.add(macherinnen_group)
    client.force_login(user)

    handbook.refresh_from_db()
    response = client.get(handbook.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Interne Arbeitshilfe"
