from django.db import migrations

# Wagtail's own editor groups (created by wagtailcore's initial data).
EDITOR_GROUPS = ("Editors", "Moderators")


def let_editors_view_search_log(apps, schema_editor):
    """Editors read the search-log reports to add synonyms and promotions.

    The permission is made here because Django creates permissions only after all migrations.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="site_search", model="searchqueryday"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_searchqueryday",
        defaults={"name": "Can view Suchanfrage des Tages"},
    )
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0002_search_log"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(let_editors_view_search_log, migrations.RunPython.noop)]
