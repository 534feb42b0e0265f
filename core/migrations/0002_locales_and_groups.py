from django.db import migrations


def create_locales_and_groups(apps, schema_editor):
    """The site always has German (default) and English, and the two groups the code relies on."""
    Locale = apps.get_model("wagtailcore", "Locale")
    Group = apps.get_model("auth", "Group")
    for code in ("de", "en"):
        Locale.objects.get_or_create(language_code=code)
    for name in ("Macher:innen", "Matching-Team"):
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_locales_and_groups, migrations.RunPython.noop)]
