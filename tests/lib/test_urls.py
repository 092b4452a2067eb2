"""Links reversed once per process stay right wherever the app is mounted."""

from django.urls import get_script_prefix, reverse, set_script_prefix

from apps.lib.urls import reverse_once


def test_a_remembered_link_follows_the_script_prefix_it_is_served_under():
    before = get_script_prefix()
    try:
        assert reverse_once("checkins:day", "2026-12-03") == "/checkins/2026-12-03/"
        set_script_prefix("/pacewise/")
        assert reverse_once("checkins:day", "2026-12-03") == "/pacewise/checkins/2026-12-03/"
        assert reverse_once("checkins:today") == reverse("checkins:today")
    finally:
        set_script_prefix(before)
    assert reverse_once("checkins:day", "2026-12-03") == "/checkins/2026-12-03/"
