"""Everyone who signed up before tags existed gets the same first tags a newcomer gets."""

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
    for user_ids in _chunks(User.objects.values_list("pk", flat=True).iterator(), 500):
        Tag.objects.bulk_create(
            [
                Tag(user_id=user_id, name=name, kind=kind, order=order)
                for user_id in user_ids
                for order, (name, kind) in enumerate(DEFAULTS)
            ],
            ignore_conflicts=True,
        )


def _chunks(ids, size):
    chunk = []
    for pk in ids:
        chunk.append(pk)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Migration(migrations.Migration):
    dependencies = [
        ("checkins", "0003_tags"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(add_default_tags, migrations.RunPython.noop)]
