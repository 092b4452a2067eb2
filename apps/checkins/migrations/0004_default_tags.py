"""Everyone who signed up before tags existed gets the same first tags a newcomer gets."""

from itertools import batched

from django.conf import settings
from django.db import migrations

DEFAULTS = (
    ("work", "activity"),
    ("meetings", "activity"),
    ("exercise", "activity"),
    ("screens late", "activity"),
    ("caffeine late", "activity"),
    ("travel", "activity"),
    ("family", "people"),
    ("friends", "people"),
    ("alone time", "people"),
    ("outdoors", "place"),
    ("home", "place"),
)


def add_default_tags(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    Tag = apps.get_model("checkins", "Tag")
    for user_ids in batched(
        User.objects.values_list("pk", flat=True).iterator(), 500, strict=False
    ):
        Tag.objects.bulk_create(
            [
                Tag(user_id=user_id, name=name, kind=kind, order=order)
                for user_id in user_ids
                for order, (name, kind) in enumerate(DEFAULTS)
            ],
            ignore_conflicts=True,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("checkins", "0003_tags"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(add_default_tags, migrations.RunPython.noop)]
