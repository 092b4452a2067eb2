"""Crisis lines are right before they are many: every line names where it was checked, and when."""

import importlib

import pytest
from django.core.exceptions import ValidationError

from apps.resources.models import CrisisLine
from apps.resources.phones import validate_phone

pytestmark = pytest.mark.django_db
added = importlib.import_module("apps.resources.migrations.0008_more_verified_crisis_lines")


def test_every_published_line_names_its_source_and_the_day_it_was_checked():
    for line in CrisisLine.objects.published():
        assert line.source_url.startswith(("https://", "http://")), line.slug
        assert line.last_verified_on, line.slug


def test_every_published_number_can_be_dialled_in_its_country():
    problems = []
    for line in CrisisLine.objects.published().exclude(phone=""):
        try:
            validate_phone(line.phone, line.country.code)
        except ValidationError as error:
            problems.append((line.slug, line.phone, error.messages))
    assert problems == []


def test_the_lines_added_on_2_december_carry_that_date_and_a_source_each():
    slugs = [line["slug"] for line in added.PUBLISHED + added.UNPUBLISHED]
    lines = CrisisLine.objects.filter(slug__in=[*slugs, *added.NOW_VERIFIED])

    assert lines.count() == len(slugs) + len(added.NOW_VERIFIED)
    assert {line.last_verified_on for line in lines} == {added.CHECKED_ON}
    assert all(line.source_url for line in lines)


def test_sixteen_more_countries_have_a_verified_line():
    before = {"US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "NL", "IN"}
    now = set(CrisisLine.objects.published().values_list("country", flat=True))

    assert before <= now
    assert now - before >= {
        *("JP", "KR", "PH", "SG", "ZA", "SE", "NO", "FI", "BE", "AT", "CH", "PT", "PL"),
        *("IS", "EE", "HK"),
    }


def test_lines_found_only_in_the_news_wait_unpublished_with_a_note_for_the_editors():
    waiting = CrisisLine.objects.filter(slug__in=[line["slug"] for line in added.UNPUBLISHED])

    assert waiting.count() == len(added.UNPUBLISHED)
    for line in waiting:
        assert not line.is_published, line.slug
        assert "confirm" in line.review_note.lower(), line.slug
    assert not CrisisLine.objects.for_country("BR").exists()
