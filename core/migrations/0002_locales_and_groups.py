from django.db import migrations


def create_locales_and_groups(apps, schema_editor):
    """The site always has German (default) and English, and the two groups the code relies on.

    The Matching-Team works in the Wagtail admin, so its group may open it; Macher:innen only
    sign in to read restricted pages on the public site.
    """
    Locale = apps.get_model("wagtailcore", "Locale")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for code in ("de", "en"):
        Locale.objects.get_or_create(language_code=code)
    for name in ("Macher:innen", "Matching-Team"):
        Group.objects.get_or_create(name=name)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    Group.objects.get(name="Matching-Team").permissions.add(access_admin)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_locales_and_groups, migrations.RunPython.noop)]
