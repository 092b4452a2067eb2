"""What the apps above accounts keep of a person and do for them, registered from their
AppConfig.ready (as apps register their outbox builders), so that accounts imports none of them.

- Sections: the lists of a person's rows. The export writes each one (a JSON key, a CSV file),
  a restore brings each back in the order they were registered (so a row finds what it points
  at), and they go when the account is deleted (every one hangs off the user, CASCADE).
- What happens when an account begins (sign-up) or its time zone changes.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import F

from apps.accounts.models import User

# Makes a row from the file's values (pointers already mapped onto the new rows' ids):
# (values, the row's number in its section, the new ids so far by section, the person's today).
RowBuilder = Callable[[dict, int, dict[str, dict], dt.date], models.Model]
# Restores a single section (an object or None) into the account.
SingleRestorer = Callable[[User, dict | None], None]


@dataclass(frozen=True)
class Section:
    """One list in the export: a JSON key and a CSV file of the same name, and how a restore
    brings it back (or why it does not)."""

    name: str
    model: type[models.Model]
    rows_of: Callable[[User], models.QuerySet]
    columns: tuple[str, ...]
    # Columns read across a relation, e.g. the curated value's name.
    related: dict[str, F] = field(default_factory=dict)
    single: bool = False  # one object (or none), not a list
    # --- Restoring ---
    not_restored: str = ""  # why a restore leaves it behind, said on the preview
    refers: dict[str, str] = field(default_factory=dict)  # column -> section whose keys it names
    key: str = "id"  # the column other sections point at this one's rows by
    owner: str = "user"  # the field that makes a row the person's ("": through another row)
    build: RowBuilder | None = None  # default: model(**values)
    restore_single: SingleRestorer | None = None  # how a single section comes back
    replaced: bool = False  # a new account has some already (starter tags): a restore replaces them
    # Whether a row of it makes the account's history, so that nothing is restored into it; a
    # press of "I'm not safe right now" on a new account does not.
    history: bool = True

    @property
    def restored(self) -> bool:
        return not self.not_restored

    @property
    def authored(self) -> bool:
        """Rows the person made: an account holding any of them is not empty."""
        return (
            self.history
            and self.restored
            and not self.single
            and self.owner == "user"
            and not self.replaced
        )


SECTIONS: list[Section] = []
ON_NEW_ACCOUNT: list[Callable[[User], None]] = []
ON_NEW_TIME_ZONE: list[Callable[[User], None]] = []


def register(
    *sections: Section,
    on_new_account: Callable[[User], None] | None = None,
    on_new_time_zone: Callable[[User], None] | None = None,
) -> None:
    """Add an app's sections, after those registered before it, and its account hooks."""
    known = {section.name for section in SECTIONS}
    for section in sections:
        missing = set(section.refers.values()) - known
        if missing:
            raise ImproperlyConfigured(
                f"Section {section.name!r} points at {sorted(missing)}, registered after it "
                "or not at all: an app registers after the apps it builds on."
            )
        if section.name in known:
            raise ImproperlyConfigured(f"Section {section.name!r} is registered twice.")
        SECTIONS.append(section)
        known.add(section.name)
    if on_new_account:
        ON_NEW_ACCOUNT.append(on_new_account)
    if on_new_time_zone:
        ON_NEW_TIME_ZONE.append(on_new_time_zone)


def account_created(user: User) -> None:
    """A person has just signed up: each app sets up what a new account starts with."""
    for hook in ON_NEW_ACCOUNT:
        hook(user)


def time_zone_changed(user: User) -> None:
    """A person's time zone has changed: their days, weeks and reminders move with it."""
    for hook in ON_NEW_TIME_ZONE:
        hook(user)
