"""The Today page's cards, cached per person until something they show changes.

Today is the page people come back to through the day. Its cards (the check-in form or
summary, the week strip, the signal, this week's plan) take four queries and most of the
page's rendering, so they are rendered once and kept in the cache, one entry per person, for
their local day and time zone, encrypted like free text at rest.

An entry is served only while it carries the current *generations*: random tokens replaced by
every change to what the cards show (`changed`). One is the person's: a check-in saved, an
energy audit, weekly action or rest window saved or deleted. The other is shared: an exercise
saved or deleted (the card suggests some). The signal receivers below catch saves and deletes;
the check-in upsert, a bulk write that sends no signal, calls `changed` itself. Generations,
not deletions: cards rendered from rows read just before a change committed are stored under
the generation they read, which the change has replaced, so they are never served. Inside a
transaction `changed` replaces it at once (for the rest of the transaction) and again after
the commit (so cards read meanwhile are not kept).

An entry also ends when a rest window it shows starts or ends, when a new release changes the
code or templates (the key names a digest of them), and after TTL at most: that bounds how long
a lost cache write can leave cards stale. The CSRF token differs per browser: cards are
rendered with a placeholder, replaced by the request's own token on the way out. With the cache
down, every request renders the cards afresh.
"""

import datetime as dt
import functools
import hashlib
import secrets
import zlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from apps.accounts.models import User
from apps.audits.models import EnergyAudit
from apps.checkins.models import CheckIn
from apps.lib import crypto
from apps.planning.models import RestWindow, WeeklyAction
from apps.resources.models import Exercise

TEMPLATE = "checkins/_today.html"
TTL = 10 * 60
GENERATION_TTL = 24 * 60 * 60  # outlives every entry, so a live entry's generation is known
SHOWN = (CheckIn, EnergyAudit, WeeklyAction, RestWindow)  # a person's own rows
EXERCISES = "today:exercises:generation"
# Where the CSRF token goes. No form field accepts a NUL character, so nothing a person types
# can turn into their token.
CSRF_PLACEHOLDER = "\x00csrf-token\x00"


@functools.cache
def release() -> str:
    """A digest of the project's code and templates: a release that changes them starts afresh."""
    digest = hashlib.blake2b(digest_size=8)
    root = settings.BASE_DIR
    for path in sorted([*root.glob("apps/**/*.py"), *root.glob("templates/**/*.html")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def entry_key(user_id: int) -> str:
    return f"today:{user_id}:cards"


def generation_key(user_id: int) -> str:
    return f"today:{user_id}:generation"


def changed(user_id: int | None = None) -> None:
    """Something the cards show changed: for this person, or (None) the exercises. No cards
    cached so far are served."""
    key = EXERCISES if user_id is None else generation_key(user_id)

    def replace() -> None:
        cache.set(key, secrets.token_hex(8), GENERATION_TTL)

    now_and_after_commit(replace)


def forget(user_id: int) -> None:
    """The account is gone: its cards go too."""
    now_and_after_commit(lambda: cache.delete_many([entry_key(user_id), generation_key(user_id)]))


def now_and_after_commit(action: Callable[[], None]) -> None:
    if transaction.get_connection().in_atomic_block:
        action()  # at once as well, for the rest of this transaction
    transaction.on_commit(action, robust=True)  # outside a transaction: runs now


def render_cards(context: dict) -> str:
    """The cards as HTML, with a placeholder where the CSRF token goes (see `with_token`)."""
    return render_to_string(TEMPLATE, {**context, "csrf_token": CSRF_PLACEHOLDER})


def with_token(request: HttpRequest, html: str) -> SafeString:
    return mark_safe(html.replace(CSRF_PLACEHOLDER, get_token(request)))  # noqa: S308


def fresh(request: HttpRequest, context: dict) -> SafeString:
    """The cards rendered now, never cached: for an edit, or a form with errors."""
    return with_token(request, render_cards(context))


def cards(request: HttpRequest, day: dt.date, build: Callable[[], dict]) -> SafeString:
    """Today's cards for the signed-in person: cached ones while still current, otherwise
    rendered from the context `build()` returns, and cached.

    An entry is a tuple of plain values, (release, generations, day, zone, until, Fernet token
    of the compressed HTML), so that no change of code can make one unreadable.
    """
    user_id = request.user.pk
    keys = [generation_key(user_id), EXERCISES]
    found = cache.get_many([entry_key(user_id), *keys])
    generations = tuple(found.get(key) for key in keys)
    stamp = (release(), generations, day.isoformat(), timezone.get_current_timezone_name())
    now = timezone.now()
    if html := _cached(found.get(entry_key(user_id)), stamp, now):
        return with_token(request, html)
    context = build()
    html = render_cards(context)
    if None in generations:
        generations = tuple(found.get(key) or secrets.token_hex(8) for key in keys)
        for key, generation in zip(keys, generations, strict=True):
            if found.get(key) is None and not cache.add(key, generation, GENERATION_TTL):
                return with_token(request, html)  # a change came in meanwhile: don't keep these
        stamp = (stamp[0], generations, *stamp[2:])
    until = shown_until(context.get("rest_window"), now)
    seconds = TTL if until is None else min(TTL, (until - now).total_seconds())
    if seconds >= 1:
        # Compressed (to a fifth: Redis holds one entry per active person), then encrypted.
        token = crypto.fernet().encrypt(zlib.compress(html.encode(), 1))
        until_ts = until.timestamp() if until else None
        cache.set(entry_key(user_id), (*stamp, until_ts, token), int(seconds))
    return with_token(request, html)


def _cached(entry: object, stamp: tuple, now: dt.datetime) -> str | None:
    """The entry's HTML if it is for this stamp and still true now; None otherwise."""
    if not isinstance(entry, tuple) or len(entry) != 6 or tuple(entry[:4]) != stamp:
        return None
    until, token = entry[4:]
    if None in stamp[1] or (until is not None and now.timestamp() >= until):
        return None
    try:
        return zlib.decompress(crypto.fernet().decrypt(token)).decode()
    except (crypto.InvalidToken, TypeError, zlib.error):  # e.g. under a key rotated away since
        return None


def shown_until(window: RestWindow | None, now: dt.datetime) -> dt.datetime | None:
    """The cards say "next rest window" or "you are in a rest window": true until it starts or
    ends."""
    if window is None:
        return None
    return window.starts_at if now < window.starts_at else window.ends_at


def _own_row_changed(sender: type[Model], instance: Model, **kwargs: object) -> None:
    origin = kwargs.get("origin")
    if isinstance(origin, User) or getattr(origin, "model", None) is User:
        return  # the account is going: _account_deleted forgets it all at once
    changed(instance.user_id)


def _exercise_changed(sender: type[Model], instance: Model, **kwargs: object) -> None:
    changed()


def _account_deleted(sender: type[User], instance: User, **kwargs: object) -> None:
    forget(instance.pk)


def connect_signals() -> None:
    """From CheckinsConfig.ready()."""
    for signal in (post_save, post_delete):
        for model in SHOWN:
            signal.connect(_own_row_changed, sender=model, dispatch_uid=f"today-{model}")
        signal.connect(_exercise_changed, sender=Exercise, dispatch_uid="today-exercises")
    post_delete.connect(_account_deleted, sender=User, dispatch_uid="today-account-deleted")
