"""Everyone here before tags existed gets the newcomer's defaults, and no duplicates."""

import importlib

import pytest
from django.apps import apps

from apps.checkins.models import Tag
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
migration = importlib.import_module("apps.checkins.migrations.0004_default_tags")


def test_each_person_gets_the_defaults_once_and_keeps_their_own_names():
    alice, bo = make_user("alice@example.com"), make_user("bo@example.com")
    Tag.objects.create(user=bo, name="Work", kind="activity")  # already theirs, in their case

    migration.add_default_tags(apps, None)
    migration.add_default_tags(apps, None)

    assert Tag.objects.filter(user=alice).count() == len(Tag.DEFAULTS)
    assert Tag.objects.filter(user=bo).count() == len(Tag.DEFAULTS)
    assert Tag.objects.get(user=bo, name__iexact="work").name == "Work"
    assert tuple((name, str(kind)) for name, kind in Tag.DEFAULTS) == migration.DEFAULTS
