"""The Today page's cards, cached per person until something they show changes.

Today is the page people come back to through the day. Its cards (the check-in form or
summary, the week strip, the signal, this week's plan) take four queries and most of the
page's rendering, so they are rendered once and kept in the cache, one entry per person, for
their local day and time zone, encrypted like free text at rest.

An entry is served only while it carries the person's current *generation*, a random token
that every change to what the cards show replaces (`changed`): a check-in saved, an energy
audit, weekly action or rest window saved or deleted. The signal receivers below catch
saves and deletes; the check-in upsert, a bulk write that sends no signal, calls `changed`
itself. A generation, not a deletion: cards rendered from rows read just before a change
committed are stored under the generation they read, which the change has replaced, so
they are never served. Inside a transaction `changed` replaces it at once (so the rest of the
transaction sees it) and again after the commit (so cards read meanwhile are not kept).

An entry also ends when the rest window it shows starts or ends, and after TTL at most, which
bounds how long a staff edit to a suggested exercise takes to reach Today. The CSRF token
differs per browser: cards are rendered with a placeholder, replaced by the request's own
token on the way out. With the cache down, every request renders the cards afresh.
"""

import datetime as dt
import functools
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.safestring import SafeString, mark_safe

from apps.accounts.models import User
from apps.audits.models import EnergyAudit
from apps.checkins.models import CheckIn
from apps.lib import crypto
from apps.planning.models import RestWindow, WeeklyAction

TEMPLATE = "checkins/_today.html"
TTL = 10 * 60
GENERATION_TTL = 24 * 60 * 60  # outlives every entry, so a live entry's generation is known
SHOWN = (CheckIn, EnergyAudit, WeeklyAction, RestWindow)


@functools.cache
def csrf_placeholder() -> str:
    """The same in every process (entries are shared) and unguessable, so that nothing a person
    types can turn into their token."""
    key = salted_hmac("apps.checkins.today", "csrf placeholder", algorithm="sha256")
    return "csrf-" + key.hexdigest()


@dataclass(frozen=True)
class Entry:
    generation: str
    day: dt.date  # the person's local day and zone the cards were rendered for
    zone: str
    until: dt.datetime | None  # when a rest window the cards show starts or ends
    html: bytes  # the rendered cards, as a Fernet token


def entry_key(user_id: int) -> str:
    return f"today:{user_id}:cards"


def generation_key(user_id: int) -> str:
    return f"today:{user_id}:generation"


def changed(user_id: int) -> None:
    """Something Today shows changed for this person: no cards cached so far are served."""

    def replace() -> None:
        cache.set(generation_key(user_id), secrets.token_hex(8), GENERATION_TTL)

    if transaction.get_connection().in_atomic_block:
        replace()  # at once as well, for the rest of this transaction
    transaction.on_commit(replace)  # outside a transaction: runs now


def forget(user_id: int) -> None:
    cache.delete_many([entry_key(user_id), generation_key(user_id)])


def render_cards(context: dict) -> str:
    """The cards as HTML, with a placeholder where the CSRF token goes (see `with_token`)."""
    return render_to_string(TEMPLATE, {**context, "csrf_token": csrf_placeholder()})


def with_token(request: HttpRequest, html: str) -> SafeString:
    return mark_safe(html.replace(csrf_placeholder(), get_token(request)))  # noqa: S308


def fresh(request: HttpRequest, context: dict) -> SafeString:
    """The cards rendered now, never cached: for an edit, or a form with errors."""
    return with_token(request, render_cards(context))


def cards(request: HttpRequest, day: dt.date, build: Callable[[], dict]) -> SafeString:
    """Today's cards for the signed-in person: cached ones while still current, otherwise
    rendered from the context `build()` returns, and cached."""
    user_id = request.user.pk
    zone = timezone.get_current_timezone_name()
    found = cache.get_many([entry_key(user_id), generation_key(user_id)])
    entry, generation = found.get(entry_key(user_id)), found.get(generation_key(user_id))
    now = timezone.now()
    if (
        isinstance(entry, Entry)
        and (entry.generation, entry.day, entry.zone) == (generation, day, zone)
        and (entry.until is None or now < entry.until)
    ):
        try:
            return with_token(request, crypto.fernet().decrypt(entry.html).decode())
        except crypto.InvalidToken:  # encrypted under a key rotated away since
            pass
    context = build()
    html = render_cards(context)
    if generation is None:
        generation = secrets.token_hex(8)
        if not cache.add(generation_key(user_id), generation, GENERATION_TTL):
            return with_token(request, html)  # a change came in meanwhile: don't keep these
    until = shown_until(context.get("rest_window"), now)
    seconds = TTL if until is None else min(TTL, (until - now).total_seconds())
    if seconds >= 1:
        token = crypto.fernet().encrypt(html.encode())
        cache.set(entry_key(user_id), Entry(generation, day, zone, until, token), int(seconds))
    return with_token(request, html)


def shown_until(window: RestWindow | None, now: dt.datetime) -> dt.datetime | None:
    """The cards say "next rest window" or "you are in a rest window": true until it starts or
    ends."""
    if window is None:
        return None
    return window.starts_at if now < window.starts_at else window.ends_at


def _shown_row_changed(sender: type[Model], instance: Model, **kwargs: object) -> None:
    origin = kwargs.get("origin")
    if isinstance(origin, User) or getattr(origin, "model", None) is User:
        return  # the account is going: _account_deleted forgets it all at once
    changed(instance.user_id)


def _account_deleted(sender: type[User], instance: User, **kwargs: object) -> None:
    forget(instance.pk)


def connect_signals() -> None:
    """From CheckinsConfig.ready()."""
    for model in SHOWN:
        post_save.connect(_shown_row_changed, sender=model, dispatch_uid=f"today-{model}")
        post_delete.connect(_shown_row_changed, sender=model, dispatch_uid=f"today-del-{model}")
    post_delete.connect(_account_deleted, sender=User, dispatch_uid="today-account-deleted")
