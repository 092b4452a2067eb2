"""Every URL of the project, walked: another user's object answers 404, and a signed-out visitor
is sent to sign in. A view added later is covered automatically: the test fails until its URL
is either public (listed below) or, if it takes an object id, has an owner factory here."""

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from apps.accounts.models import User
from apps.audits.models import Commitment, EnergyAudit, EnergyMoment
from apps.checkins.models import JournalEntry, Tag
from apps.imports.models import ImportJob
from apps.outbox.models import PushSubscription
from apps.planning.models import (
    BoundaryPractice,
    BoundaryStatement,
    PersonalValue,
    RestWindow,
    ShareLink,
    WeeklyAction,
)
from tests.push_service import SAMPLE_KEYS

pytestmark = pytest.mark.django_db
OUR_NAMESPACES = {"accounts", "checkins", "planning", "audits", "resources", "reminders"}
# Pages anyone may open: the landing and crisis pages, curated content, and the links that
# carry their own secret (a share link, a calendar feed, an unsubscribe token).
PUBLIC = {
    "accounts:landing",
    "checkins:safety",  # the "I'm not safe" button: signed out, it leads to the crisis page
    "resources:crisis",
    "resources:library",
    "resources:exercise",
    "resources:approach",
    "planning:share-view",
    "planning:calendar-feed",
    "reminders:unsubscribe",
    # What a phone installs and keeps for offline use: the same for everyone, nothing personal.
    "checkins:manifest",
    "checkins:service-worker",
    "checkins:offline",
    "checkins:shell",
}


def walk(patterns: list, namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def our_urls() -> list[tuple[str, URLPattern]]:
    return [
        (name, pattern)
        for name, pattern in walk(get_resolver().url_patterns)
        if name.split(":")[0] in OUR_NAMESPACES
    ]


def audit_of(user: User) -> EnergyAudit:
    today = timezone.localdate()
    return EnergyAudit.objects.create(user=user, starts_on=today, ends_on=today + dt.timedelta(6))


def value_of(user: User) -> PersonalValue:
    name = f"Value {PersonalValue.objects.count()}"
    return PersonalValue.objects.create(user=user, own_name=name)


def statement_of(user: User) -> BoundaryStatement:
    return BoundaryStatement.objects.create(user=user, area="work", text="Not after six.")


def window_of(user: User) -> RestWindow:
    start = timezone.now() + dt.timedelta(days=3)
    return RestWindow.objects.create(
        user=user, starts_at=start, ends_at=start + dt.timedelta(hours=24)
    )


def moment_kwargs(user: User) -> dict:
    audit = audit_of(user)
    moment = EnergyMoment.objects.create(
        audit=audit, occurred_at=timezone.now(), energy=3, activity="Email", effect="drains"
    )
    return {"pk": audit.pk, "moment_pk": moment.pk}


def commitment_kwargs(user: User) -> dict:
    audit = audit_of(user)
    commitment = Commitment.objects.create(audit=audit, title="Board", hours_per_week=3)
    return {"pk": audit.pk, "c_pk": commitment.pk}


def journal_kwargs(user: User) -> dict:
    entry = JournalEntry.objects.create(user=user, written_on=timezone.localdate(), body="Mine.")
    return {"pk": entry.pk}


def practice_kwargs(user: User) -> dict:
    statement = statement_of(user)
    BoundaryPractice.objects.create(
        statement=statement, practised_on=timezone.localdate(), outcome="well"
    )
    return {"pk": statement.pk}


def share_kwargs(user: User) -> dict:
    link = ShareLink.objects.create(user=user, expires_at=timezone.now() + dt.timedelta(days=7))
    return {"pk": link.pk}


def action_kwargs(user: User) -> dict:
    from apps.lib.dates import week_start

    action = WeeklyAction.objects.create(
        user=user, week_of=week_start(timezone.localdate()), title="Walk"
    )
    return {"pk": action.pk}


def tag_kwargs(user: User) -> dict:
    return {"pk": Tag.objects.create(user=user, name=f"mine {Tag.objects.count()}").pk}


def device_kwargs(user: User) -> dict:
    device = PushSubscription.objects.create(
        user=user,
        endpoint=f"https://fcm.googleapis.com/fcm/send/{user.pk}-{PushSubscription.objects.count()}",
        **SAMPLE_KEYS,
        label="Phone",
    )
    return {"pk": device.pk}


def import_kwargs(user: User) -> dict:
    csv = "full_date,date,weekday,time,mood,activities,note_title,note\n"
    csv += "2026-01-05,January 5,Monday,9:00 pm,good,walk,,Fine.\n"
    job = ImportJob.objects.create(user=user, kind="daylio", content=csv, total=1)
    return {"pk": job.pk}


# For every URL that takes an object id: make the owner's object, return the URL kwargs.
OWNED: dict[str, Callable[[User], dict]] = {
    "imports:job": import_kwargs,
    "reminders:device-test": device_kwargs,
    "reminders:device-remove": device_kwargs,
    "imports:cancel": import_kwargs,
    "checkins:tag-rename": tag_kwargs,
    "checkins:tag-archive": tag_kwargs,
    "checkins:tag-move": tag_kwargs,
    "checkins:journal-detail": journal_kwargs,
    "checkins:journal-update": journal_kwargs,
    "checkins:journal-delete": journal_kwargs,
    "planning:value-move": lambda u: {"pk": value_of(u).pk},
    "planning:value-update": lambda u: {"pk": value_of(u).pk},
    "planning:value-delete": lambda u: {"pk": value_of(u).pk},
    "planning:action-status": action_kwargs,
    "planning:action-delete": action_kwargs,
    "planning:boundary-detail": lambda u: {"pk": statement_of(u).pk},
    "planning:boundary-practise": practice_kwargs,
    "planning:boundary-delete": lambda u: {"pk": statement_of(u).pk},
    "planning:rest-detail": lambda u: {"pk": window_of(u).pk},
    "planning:rest-reflect": lambda u: {"pk": window_of(u).pk},
    "planning:rest-delete": lambda u: {"pk": window_of(u).pk},
    "planning:rest-ics": lambda u: {"pk": window_of(u).pk},
    "planning:share-revoke": share_kwargs,
    "audits:detail": lambda u: {"pk": audit_of(u).pk},
    "audits:report": lambda u: {"pk": audit_of(u).pk},
    "audits:end": lambda u: {"pk": audit_of(u).pk},
    "audits:moment-add": lambda u: {"pk": audit_of(u).pk},
    "audits:moment-delete": moment_kwargs,
    "audits:commitment-add": lambda u: {"pk": audit_of(u).pk},
    "audits:commitment-update": commitment_kwargs,
    "audits:commitment-delete": commitment_kwargs,
}


def takes_an_id(pattern: URLPattern) -> bool:
    return any(
        conv.__class__.__name__ == "IntConverter" for conv in pattern.pattern.converters.values()
    )


def sample_kwargs(pattern: URLPattern) -> dict:
    """Harmless values for non-id parameters (a day, a slug, a token)."""
    values = {"day": "2026-01-05", "slug": "box-breathing", "token": "x" * 43}
    return {name: values[name] for name in pattern.pattern.converters}


def test_every_url_that_takes_an_id_has_an_owner_factory():
    missing = sorted(
        name for name, pattern in our_urls() if takes_an_id(pattern) and name not in OWNED
    )

    assert not missing, f"Add an owner factory for {missing} to this test's OWNED map."


@pytest.mark.parametrize("name", sorted(OWNED))
def test_another_users_object_answers_404_to_every_method(client, alice, charlie, name):
    kwargs = OWNED[name](charlie)
    client.force_login(alice)
    url = reverse(name, kwargs=kwargs)

    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code in (404, 405), (
            f"{name} {method.__name__}: {response.status_code}"
        )
    assert client.get(url).status_code == 404 or client.post(url).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in_everywhere_but_public_pages(client, charlie):
    login = reverse("account_login")
    leaks = []
    for name, pattern in our_urls():
        if name in PUBLIC:
            continue
        kwargs = OWNED[name](charlie) if name in OWNED else sample_kwargs(pattern)
        url = reverse(name, kwargs=kwargs)
        response = client.get(url)
        if response.status_code == 405:
            response = client.post(url)
        if response.status_code != 302 or not response["Location"].startswith(login):
            leaks.append((name, response.status_code))

    assert not leaks, f"These answer a signed-out visitor without sign-in: {leaks}"
