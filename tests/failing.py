"""A database statement that fails mid-request, for the tests that a write is whole."""

import re
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import OperationalError, connection

# The verb and the first table a statement writes to, as both engines' SQL names them
# (INSERT INTO "t", INSERT OR IGNORE INTO "t", UPDATE "t", DELETE FROM "t").
WRITE = re.compile(r'^\s*(INSERT|UPDATE|DELETE)\b[^"]*"([^"]+)"')


@contextmanager
def statement_fails(verb: str, table: str, times: int | None = None) -> Iterator[list[str]]:
    """Every `verb` (INSERT, UPDATE, DELETE) into `table` fails (only the first `times`, if
    given), as a lost connection would, through Django's public execute_wrapper; yields the
    statements that ran, so that a test can show the failure came in the middle of a write."""
    ran: list[str] = []
    failures = 0

    def wrapper(execute, sql, params, many, context):  # Django's execute_wrapper signature
        nonlocal failures
        match = WRITE.match(sql)
        if match and match.groups() == (verb, table) and (times is None or failures < times):
            failures += 1
            raise OperationalError("server closed the connection unexpectedly")
        ran.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield ran
