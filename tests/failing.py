"""A database statement that fails mid-request, for the tests that a write is whole."""

import re
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import OperationalError, connection

# The verb and the first table a statement writes to, as both engines' SQL names them
# (INSERT INTO "t", INSERT OR IGNORE INTO "t", UPDATE "t", DELETE FROM "t").
WRITE = re.compile(r'^\s*(INSERT|UPDATE|DELETE)\b[^"]*"([^"]+)"')


@contextmanager
def statement_fails(verb: str, table: str) -> Iterator[list[str]]:
    """Every `verb` (INSERT, UPDATE, DELETE) into `table` fails, as a lost connection would,
    through Django's public execute_wrapper; yields the statements that ran, so that a test
    can show the failure came in the middle of a write."""
    ran: list[str] = []

    def wrapper(execute, sql, params, many, context):  # Django's execute_wrapper signature
        if (match := WRITE.match(sql)) and match.groups() == (verb, table):
            raise OperationalError("server closed the connection unexpectedly")
        ran.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield ran
