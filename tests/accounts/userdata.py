"""A person's data in every table that holds any, for the export and deletion tests.

owned_models() finds those tables from the models themselves, so a model added later with a
foreign key to the user (or to something the user owns) is noticed: the tests fail until
fill() creates a row in it too.
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from allauth.account.models import EmailAddress, EmailConfirmation
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from apps.accounts.models import SecurityEvent, User
from apps.audits.models import Commitment, EnergyAudit, EnergyMoment
from apps.checkins.models import BurnoutCheck, CheckIn, JournalEntry, SafetySignal, Tag
from apps.imports.models import ImportJob
from apps.outbox.models import Message, PushSubscription
from apps.planning.models import (
    BoundaryPractice,
    BoundaryStatement,
    CalendarFeed,
    PersonalValue,
    RestWindow,
    ShareLink,
    WeeklyAction,
    WeekReflection,
)
from apps.reminders.models import Preferences, Reminder
from apps.resources.models import Exercise, JournalPrompt, Value
from tests.push_service import SAMPLE_KEYS

# Text a spreadsheet would run as a formula, in several columns of several files.
FORMULA = '=HYPERLINK("https://evil.example","click")'


def user_links(model: type[models.Model]) -> list[models.Field]:
    user_model = get_user_model()
    return [
        field
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is user_model
    ]


def owned_models() -> tuple[set[type[models.Model]], set[type[models.Model]]]:
    """(models with a foreign key to the user, models whose rows cascade from those)."""
    every = apps.get_models(include_auto_created=True)
    direct = {model for model in every if user_links(model)}
    owned, children = set(direct), set()
    while True:
        found = {
            model
            for model in every
            if model not in owned
            and any(
                field.is_relation
                and field.related_model in owned
                and field.remote_field.on_delete is models.CASCADE
                for field in model._meta.concrete_fields
            )
        }
        if not found:
            return direct, children
        owned |= found
        children |= found


def curated() -> dict:
    """Curated content is not the user's: made once, shared by everyone's rows."""
    value, _ = Value.objects.get_or_create(
        slug="test-kindness", defaults={"name": "Kindness", "description": "Being kind."}
    )
    exercise, _ = Exercise.objects.get_or_create(
        slug="test-breathing",
        defaults={
            "title": "Box breathing",
            "kind": "breathing",
            "need": "rest",
            "duration_minutes": 3,
            "summary": "Breathe in squares.",
            "why_it_helps": "It slows things down.",
        },
    )
    prompt, _ = JournalPrompt.objects.get_or_create(
        slug="test-prompt", defaults={"text": "What gave you energy today?"}
    )
    return {"value": value, "exercise": exercise, "prompt": prompt}


def fill(user: User) -> dict[type[models.Model], list[models.Model]]:
    """At least one row of the user's in every owned model; returns them by model."""
    c = curated()
    now = timezone.now()
    today = timezone.localdate()
    rows: dict[type[models.Model], list[models.Model]] = defaultdict(list)

    def add(instance: models.Model) -> models.Model:
        rows[type(instance)].append(instance)
        return instance

    address = add(EmailAddress.objects.create(user=user, email=f"old.{user.email}", verified=False))
    add(EmailConfirmation.objects.create(email_address=address, key=f"key-{user.pk}"))
    checkin = add(
        CheckIn.objects.create(
            user=user,
            checked_in_on=today,
            feeling="drained",
            energy=3,
            need="rest",
            drive=4,
            sleep_hours=Decimal("6.5"),
            sleep_quality=2,
            note=FORMULA,
        )
    )
    tag = add(Tag.objects.create(user=user, name="=meetings", kind=Tag.Kind.ACTIVITY))
    checkin.tags.add(tag)
    add(CheckIn.tags.through.objects.get(checkin=checkin, tag=tag))
    add(SafetySignal.objects.create(user=user))
    add(BurnoutCheck.objects.create(user=user, taken_on=today, answers={"tired": 75, "weak": 25}))
    add(
        JournalEntry.objects.create(
            user=user,
            written_on=today,
            prompt=c["prompt"],
            prompt_text=c["prompt"].text,
            body="-I said no to the Friday call.\nIt felt good.",
        )
    )
    audit = add(
        EnergyAudit.objects.create(
            user=user, starts_on=today, ends_on=today + dt.timedelta(days=6), notes="+1 week"
        )
    )
    add(
        EnergyMoment.objects.create(
            audit=audit, occurred_at=now, energy=2, activity="@channel standup", effect="drains"
        )
    )
    value = add(PersonalValue.objects.create(user=user, value=c["value"], why="It matters."))
    add(PersonalValue.objects.create(user=user, own_name="Curiosity", rank=2))
    add(
        Commitment.objects.create(
            audit=audit,
            title="Board",
            hours_per_week=Decimal("3.5"),
            personal_value=value,
            weekday=2,
        )
    )
    add(
        WeeklyAction.objects.create(
            user=user,
            week_of=today,
            title="A walk",
            personal_value=value,
            weekday=5,
            hours=Decimal("1.5"),
        )
    )
    add(WeekReflection.objects.create(user=user, week_of=today, text="A calmer week."))
    statement = add(BoundaryStatement.objects.create(user=user, area="work", text="Not after six."))
    add(
        BoundaryPractice.objects.create(
            statement=statement, practised_on=today, outcome="well", how_it_went="\tfine"
        )
    )
    window = add(
        RestWindow.objects.create(
            user=user,
            starts_at=now + dt.timedelta(days=1),
            ends_at=now + dt.timedelta(days=2),
            activities="Long walk",
            avoid="Email",
        )
    )
    add(CalendarFeed.objects.create(user=user))
    add(ShareLink.objects.create(user=user, label="Sam", expires_at=now + dt.timedelta(days=7)))
    add(c["exercise"].exerciselog_set.create(user=user, energy_before=3, energy_after=6))
    add(Preferences.objects.create(user=user, checkin_enabled=True))
    add(Reminder.objects.create(user=user, kind="checkin", next_due_at=now))
    add(Reminder.objects.create(user=user, kind="rest_start", rest_window=window))
    add(
        Message.objects.create(
            user=user, kind="checkin", key=f"email:checkin:{user.pk}", ref=today.isoformat()
        )
    )
    add(
        PushSubscription.objects.create(
            user=user,
            endpoint=f"https://fcm.googleapis.com/fcm/send/device-{user.pk}",
            **SAMPLE_KEYS,
            label="Firefox on Android",
        )
    )
    add(Authenticator.objects.create(user=user, type="totp", data={"secret": "JBSWY3DPEHPK3PXP"}))
    add(SecurityEvent.objects.create(user=user, kind="signed_in", network="192.0.2.0/24"))
    add(ImportJob.objects.create(user=user, kind="daylio", content="full_date,mood\n"))
    add(
        LogEntry.objects.create(
            user=user,
            content_type=ContentType.objects.get_for_model(Value),
            object_id=str(c["value"].pk),
            object_repr=c["value"].name,
            action_flag=ADDITION,
        )
    )
    group, _ = Group.objects.get_or_create(name="Test group")
    user.groups.add(group)
    user.user_permissions.add(Permission.objects.get(codename="view_value"))
    for through in (User.groups.through, User.user_permissions.through):
        rows[through].extend(through.objects.filter(user=user))
    return rows
