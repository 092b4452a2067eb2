"""The "Content editors" group: may edit every curated resource, and nothing about users.

It holds the add/change/delete/view permissions of the curated models only; exercise logs (user
data) and every other app's models are left out, so editors see no user data in the admin.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Content editors"
CURATED_MODELS = [
    "crisisline",
    "journalprompt",
    "exercise",
    "exercisestep",
    "therapyapproach",
    "value",
]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure they exist now.
    app_config = apps.get_app_config("resources")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="resources", content_type__model__in=CURATED_MODELS
        )
    )


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("resources", "0004_seed_exercises_approaches_values"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
