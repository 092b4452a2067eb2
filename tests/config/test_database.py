"""The PostgreSQL connection as the app uses it (config/settings/base.py, "Database")."""

from django.db import connection

from tests.conftest import make_user

BY_EMAIL = "SELECT id FROM accounts_user WHERE email = %s"


def prepared(statement: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement = %s", [statement]
        )
        return cursor.fetchone()[0]


def test_a_statement_a_connection_runs_again_and_again_is_planned_once(db):
    make_user("ana@example.com")
    with connection.cursor() as cursor:
        for _ in range(6):  # psycopg prepares it on the sixth run (prepare_threshold 5)
            cursor.execute(BY_EMAIL, ["ana@example.com"])
            assert cursor.fetchone() is not None

    assert prepared(BY_EMAIL.replace("%s", "$1")) == 1


def test_a_statement_run_once_is_not_prepared(db):
    with connection.cursor() as cursor:
        cursor.execute(BY_EMAIL + " AND id > %s", ["ana@example.com", 0])

    assert prepared(BY_EMAIL.replace("%s", "$1") + " AND id > $2") == 0
