from django.db import migrations


class Migration(migrations.Migration):
    """ImportJob moves to the imports app, its rows with it: the table is renamed, and the
    model leaves accounts' state (imports.0001_initial adds it there)."""

    dependencies = [
        ("accounts", "0005_import_job"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AlterModelTable("importjob", "imports_importjob")],
            state_operations=[migrations.DeleteModel("importjob")],
        ),
    ]
