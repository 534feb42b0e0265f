"""The document collection "Nur für Macher:innen", restricted to the Macher:innen group.

Documents of Macher:innen-only resources move there when a resource is published; those of
resources already published as Macher:innen-only move now (from the reference index).
"""

from django.db import migrations

COLLECTION_NAME = "Nur für Macher:innen"
GROUP_NAME = "Macher:innen"
# Treebeard's materialised path: four characters a level from this alphabet.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _encode(number):
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def create_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    LearningResourcePage = apps.get_model("learning", "LearningResourcePage")
    Document = apps.get_model("wagtaildocs", "Document")

    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    collection = Collection.objects.filter(
        depth=2, path__startswith=root.path, name=COLLECTION_NAME
    ).first()
    if collection is None:
        last = (
            Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
        )
        number = int(last.path[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
        collection = Collection.objects.create(
            name=COLLECTION_NAME, path=root.path + _encode(number), depth=2, numchild=0
        )
        root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
        root.save(update_fields=["numchild"])
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type="groups"
    ).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type="groups", password=""
        )
    restriction.groups.add(group)

    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    document_type = ContentType.objects.filter(app_label="wagtaildocs", model="document").first()
    if page_type is None or document_type is None:
        return
    restricted_pages = LearningResourcePage.objects.filter(macherinnen_only=True).values_list(
        "pk", flat=True
    )
    document_ids = ReferenceIndex.objects.filter(
        base_content_type=page_type,
        object_id__in=[str(pk) for pk in restricted_pages],
        to_content_type=document_type,
    ).values_list("to_object_id", flat=True)
    Document.objects.filter(pk__in=[int(pk) for pk in document_ids]).update(
        collection=collection
    )


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0002_initial"),
        ("core", "0002_locales_and_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_collection, migrations.RunPython.noop)]
