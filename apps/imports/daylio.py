"""Daylio's CSV export, read and checked before anything is saved.

Daylio writes one row per entry, newest first: `full_date,date,weekday,time,mood,activities,
note_title,note` (older versions leave out note_title), moods as the person's own labels (rad,
good, meh, bad and awful unless renamed), activities joined by " | ". A day can have several
entries; Pacewise keeps one check-in a day, so the day's latest entry gives the mood, its
activities are the union of the day's, and its notes are joined in the order written.

Every check happens here, on the whole file, before the import writes a row: a bad file is
refused with the line it went wrong on, and nothing of it is saved.
"""

import csv
import datetime as dt
import io
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 200_000
REQUIRED = ("full_date", "time", "mood", "activities", "note")
COLUMNS = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
SEPARATOR = " | "
# 20:30, 20:30:00, 8:30 pm, 8:30PM: Daylio writes the phone's own clock. (strptime would take
# a fifth of a large file's import.)
TIME = re.compile(r"(\d{1,2}):(\d{1,2})(?::(\d{1,2})|\s*([AP]M))?", re.IGNORECASE)
# Daylio's own five moods, as a feeling word of the mood meter and an energy from 1 to 10.
DEFAULT_MOODS = {
    "rad": ("energised", 9),
    "good": ("content", 7),
    "meh": ("calm", 5),
    "bad": ("drained", 3),
    "awful": ("exhausted", 2),
}


class BadFile(ValueError):
    """What is wrong with the file, said to the person (with the line, where there is one)."""


@dataclass
class Day:
    date: dt.date
    latest: dt.time
    mood: str
    activities: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def note(self) -> str:
        return "\n\n".join(self.notes)


@dataclass
class Parsed:
    days: dict[dt.date, Day]
    rows: int
    moods: Counter
    activities: Counter

    @property
    def first(self) -> dt.date:
        return min(self.days)

    @property
    def last(self) -> dt.date:
        return max(self.days)


def read_text(data: bytes, *, name: str = "") -> str:
    """The file as text: a CSV, or a zip holding one (unpacked no further than MAX_BYTES, so
    a zip bomb stops at the limit), in UTF-8 with or without a byte-order mark."""
    check_size(len(data))
    if data.startswith(b"PK\x03\x04"):
        data = unzip_one(data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise BadFile(
            f"Line {line} is not UTF-8 text, the encoding Daylio exports in. Export the file "
            "from Daylio again rather than saving it from a spreadsheet."
        ) from None


def check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise BadFile(
            f"The file is {size / 1024 / 1024:.1f} MB; the most Pacewise can import at once "
            f"is {MAX_BYTES // 1024 // 1024} MB."
        )


def unzip_one(data: bytes) -> bytes:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [
            m
            for m in archive.infolist()
            if not m.is_dir() and not m.filename.startswith("__MACOSX/")
        ]
        if len(members) != 1:
            raise BadFile("A zip archive can be imported when it holds exactly one file.")
        with archive.open(members[0]) as member:
            unpacked = member.read(MAX_BYTES + 1)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError, zlib.error):
        # Corrupt, encrypted, or packed with a method Python cannot unpack.
        raise BadFile("The file looks like a zip archive but cannot be opened.") from None
    if len(unpacked) > MAX_BYTES:
        raise BadFile(
            f"The zip archive unpacks to more than {MAX_BYTES // 1024 // 1024} MB, more than "
            "Pacewise can import at once."
        )
    return unpacked


# What a spreadsheet would run: "=" anything, a function called after "+", "-" or "@"
# ("@SUM(", "+HYPERLINK("), or a DDE call ("-2+3+cmd|' /C calc'!A0"). A note of "+1 run",
# "@home" or "- a bullet" is ordinary text.
FORMULA = re.compile(r"^\s*(=|[+\-@]\s*[A-Za-z_.]+\s*\(|[+\-@].*\w\|.*!)")


def looks_like_formula(cell: str) -> bool:
    return bool(FORMULA.match(cell))


def parse_time(value: str, line: int) -> dt.time:
    if match := TIME.fullmatch(value.strip()):
        hour, minute, second, half = match.groups()
        hour = int(hour)
        if half and 1 <= hour <= 12:
            hour = hour % 12 + (12 if half.upper() == "PM" else 0)
        elif half:
            hour = -1  # "0:30 pm" and "13:30 pm" are no times
        try:
            return dt.time(hour, int(minute), int(second or 0))
        except ValueError:
            pass
    raise BadFile(f"Line {line}: “{value}” is not a time like 20:30 or 8:30 pm.")


def parse(text: str, today: dt.date) -> Parsed:
    """Every row checked, the days gathered; BadFile on the first thing wrong."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in reader.fieldnames or []]
    if missing := [c for c in REQUIRED if c not in header]:
        raise BadFile(
            f"Line 1: this does not look like a Daylio export: it has no {', '.join(missing)} "
            f"column{'s' if len(missing) > 1 else ''}. A Daylio CSV starts with "
            f"{','.join(COLUMNS)}."
        )
    reader.fieldnames = header
    days: dict[dt.date, Day] = {}
    moods: Counter = Counter()
    activities: Counter = Counter()
    rows = 0
    line = 1
    try:
        for row in reader:
            line = reader.line_num
            rows += 1
            if rows > MAX_ROWS:
                raise BadFile(f"The file has more than {MAX_ROWS:,} entries: split it in two.")
            add_row(row, line, today, days, moods, activities)
    except csv.Error as error:
        raise BadFile(f"Line {line + 1}: the CSV is broken there ({error}).") from None
    if not days:
        raise BadFile("The file has its columns but no entries.")
    return Parsed(days, rows, moods, activities)


def add_row(
    row: dict, line: int, today: dt.date, days: dict, moods: Counter, activities: Counter
) -> None:
    if None in row or any(row.get(c) is None for c in REQUIRED):
        raise BadFile(f"Line {line}: it has a different number of cells than the header.")
    for column in ("mood", "activities", "note_title", "note"):
        if looks_like_formula(row.get(column) or ""):
            raise BadFile(
                f"Line {line}: the {column.replace('_', ' ')} starts with “{row[column][0]}”, "
                "which a spreadsheet would run as a formula. Pacewise does not import formulas: "
                "change that cell and upload the file again."
            )
    try:
        day = dt.date.fromisoformat(row["full_date"].strip())
    except ValueError:
        raise BadFile(f"Line {line}: “{row['full_date']}” is not a date like 2026-03-15.") from None
    if day > today:
        raise BadFile(
            f"Line {line}: {day:%-d %B %Y} is after today ({today:%-d %B %Y}, in your time "
            "zone). Check the file's dates, or your time zone in Account."
        )
    mood = " ".join(row["mood"].split()).lower()
    if not mood:
        raise BadFile(f"Line {line}: the entry has no mood.")
    time = parse_time(row["time"], line)
    names = [" ".join(a.split()) for a in row["activities"].split(SEPARATOR.strip())]
    names = [a for a in names if a]
    note = "\n".join(
        part.strip() for part in (row.get("note_title") or "", row["note"]) if part.strip()
    )
    note = re.sub(r"<br\s*/?>", "\n", note)  # Daylio writes line breaks in notes as <br>
    moods[mood] += 1
    activities.update(names)
    entry = days.get(day)
    if entry is None:
        days[day] = Day(day, time, mood, names, [note] if note else [])
        return
    if time >= entry.latest:
        entry.latest, entry.mood = time, mood
    entry.activities += [a for a in names if a not in entry.activities]
    if note:
        entry.notes.insert(0, note)  # Daylio lists the day's entries newest first
