"""The journal search: entries are encrypted at rest, so the search decrypts them in Python;
it ignores case, sees only the person's own entries and pages its results."""

import re

import pytest
from django.urls import reverse

from tests.lib.encryption import entry

pytestmark = pytest.mark.django_db


def test_search_is_case_insensitive_and_only_looks_at_own_entries(alice_client, alice, charlie):
    entry(alice, "Walked by the RIVER with Straße in mind.", days_ago=1)
    entry(alice, "Said no to the late meeting.")
    entry(charlie, "Charlie's river thoughts.")

    found = alice_client.post(reverse("checkins:journal"), {"q": "river"}, follow=True).text
    casefolded = alice_client.post(reverse("checkins:journal"), {"q": "STRASSE"}, follow=True).text

    assert "1 entry mentions “" in found
    assert "Walked by the RIVER" in found
    assert "late meeting" not in found
    assert "Charlie" not in found
    assert "Walked by the RIVER" in casefolded


def test_search_results_are_paginated_newest_first(alice_client, alice):
    for n in range(30):
        entry(alice, f"Day {n}: {'a quiet walk' if n % 6 else 'nothing much'}", days_ago=n)

    first = alice_client.post(reverse("checkins:journal"), {"q": "WALK"}, follow=True).text
    second = alice_client.get(reverse("checkins:journal"), {"search": 1, "page": 2}).text

    assert "25 entries mention" in first
    days = [int(n) for n in re.findall(r"Day (\d+):", first)]
    assert days == sorted(days)
    assert len(days) == 20
    assert "Page 1 of 2" in first
    assert len(re.findall(r"Day (\d+):", second)) == 5
    assert "nothing much" not in first + second
