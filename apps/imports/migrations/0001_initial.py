import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import apps.lib.fields


def move_content_type(apps, schema_editor) -> None:
    """The admin's and the permissions' name for the model follows it, where it had one."""
    content_type = apps.get_model("contenttypes", "ContentType")
    if not content_type.objects.filter(app_label="imports", model="importjob").exists():
        content_type.objects.filter(app_label="accounts", model="importjob").update(
            app_label="imports"
        )


def back_to_accounts(apps, schema_editor) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    if not content_type.objects.filter(app_label="accounts", model="importjob").exists():
        content_type.objects.filter(app_label="imports", model="importjob").update(
            app_label="accounts"
        )


class Migration(migrations.Migration):
    """ImportJob, moved here from accounts with its rows (accounts.0006 renamed its table)."""

    initial = True

    dependencies = [
        ("accounts", "0006_importjob_moves_to_imports"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ImportJob",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[("daylio", "Daylio CSV"), ("pacewise", "Pacewise export")],
                                max_length=10,
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("preview", "Waiting for your go-ahead"),
                                    ("queued", "Waiting to start"),
                                    ("running", "Importing"),
                                    ("done", "Done"),
                                    ("failed", "Stopped"),
                                ],
                                default="preview",
                                max_length=10,
                            ),
                        ),
                        ("filename", models.CharField(blank=True, max_length=200)),
                        ("content", apps.lib.fields.EncryptedTextField(blank=True)),
                        ("mapping", models.JSONField(blank=True, default=dict)),
                        ("total", models.PositiveIntegerField(default=0)),
                        ("done", models.PositiveIntegerField(default=0)),
                        ("outcome", models.JSONField(blank=True, default=dict)),
                        ("error", models.CharField(blank=True, max_length=500)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={"ordering": ["-created_at"]},
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, back_to_accounts),
    ]
