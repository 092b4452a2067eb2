"""Everything a person has written in Pacewise, as JSON or as a zip of CSV files, streamed.

Both formats are generated while they are sent: each section reads its rows in chunks from a
server-side cursor, so years of check-ins never sit in memory at once. Sections are flat lists
(moments, commitments and practices carry the id of their audit or statement), the same shape
in both formats. Times are UTC, ISO 8601. Secrets are left out: share-link and calendar-feed
tokens, authenticator keys and recovery codes, and the push addresses and keys of devices.
"""

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder

from apps.accounts.models import User
from apps.accounts.registry import SECTIONS, Section

FORMAT = "pacewise-export"
VERSION = 1
CHUNK_SIZE = 500
# Bytes gathered before a piece goes to the client: fewer, larger writes than one per row.
FLUSH_AT = 64 * 1024
# A spreadsheet runs a cell starting with one of these as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def rows(section: Section, user: User) -> Iterator[dict]:
    """The section's rows of the person, read in chunks from a server-side cursor."""
    plain = [column for column in section.columns if column not in section.related]
    query = section.rows_of(user).values(*plain, **section.related)
    for row in query.iterator(chunk_size=CHUNK_SIZE):
        yield {column: row[column] for column in section.columns}


def filename(user: User, extension: str) -> str:
    return f"pacewise-export-{user.local_now().date().isoformat()}.{extension}"


# --- JSON ------------------------------------------------------------------------------------
def json_chunks(user: User) -> Iterator[bytes]:
    """One JSON object, written a section at a time and a chunk of rows at a time."""

    def dumps(value: object) -> str:
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)

    head = {"format": FORMAT, "version": VERSION, "exported_at": dt.datetime.now(tz=dt.UTC)}
    out = io.StringIO()
    out.write(dumps(head)[:-1])  # the header's keys, with the object left open
    for section in SECTIONS:
        out.write(f", {dumps(section.name)}: ")
        if section.single:
            found = list(rows(section, user))  # at most one
            out.write(dumps(found[0] if found else None))
            continue
        separator = "[\n  "
        for row in rows(section, user):
            out.write(separator + dumps(row))
            separator = ",\n  "
            if out.tell() >= FLUSH_AT:
                yield out.getvalue().encode()
                out.seek(0)
                out.truncate()
        out.write("[]" if separator.startswith("[") else "\n]")
    out.write("}\n")
    yield out.getvalue().encode()


# --- A zip of CSV files ----------------------------------------------------------------------
def neutralise(value: str) -> str:
    """Text a spreadsheet would run as a formula is quoted, so it is only ever shown."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.time):  # datetimes included
        return value.isoformat()
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, dict | list):  # a JSON field: its JSON, as in the JSON download
        return neutralise(json.dumps(value, ensure_ascii=False))
    return neutralise(str(value))


class ZipStream:
    """A write-only file for ZipFile: it keeps what was written until the generator takes it.

    It has no tell() or seek(), so zipfile writes a streamable archive (data descriptors after
    each entry) instead of going back to patch sizes into the headers.
    """

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self._chunks.append(bytes(data))
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        self.size = 0
        return data


README = f"""Your data from Pacewise
=======================

One CSV file per kind of thing you wrote, UTF-8 with a byte-order mark so spreadsheets read
accents correctly. Times are in UTC (ISO 8601). Energy moments and commitments name their
audit by audit_id; boundary practices name their statement by statement_id.

Text that a spreadsheet would run as a formula (starting with =, +, -, @) begins with a single
quote (') so that it is only ever shown.

Format: {FORMAT}, version {VERSION}.
"""


def csv_zip_chunks(user: User) -> Iterator[bytes]:
    pipe = ZipStream()
    with zipfile.ZipFile(pipe, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README)
        for section in SECTIONS:
            with archive.open(f"{section.name}.csv", mode="w") as entry:
                text = io.StringIO()
                writer = csv.writer(text)
                text.write("\ufeff")
                writer.writerow(section.columns)
                for row in rows(section, user):
                    writer.writerow([csv_cell(row[column]) for column in section.columns])
                    if text.tell() >= FLUSH_AT:
                        entry.write(text.getvalue().encode())
                        text.seek(0)
                        text.truncate()
                        if pipe.size >= FLUSH_AT:
                            yield pipe.take()
                entry.write(text.getvalue().encode())
            yield pipe.take()
    yield pipe.take()
