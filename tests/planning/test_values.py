import pytest
from django.urls import reverse

from apps.planning.models import PersonalValue
from apps.resources.models import Value
from tests.planning.conftest import HTMX, add_action, add_value

pytestmark = pytest.mark.django_db
URL = reverse("planning:value-add")


def names(user) -> list[str]:
    return [v.name for v in PersonalValue.objects.for_user(user).select_related("value")]


def test_a_value_from_the_curated_list_is_added_last_with_its_why(alice_client, alice):
    add_value(alice, "Play", rank=1)
    rest = Value.objects.get(slug="rest")

    response = alice_client.post(URL, {"value": rest.pk, "why": "  So I can be kind.  "})

    assert response["Location"] == reverse("planning:values")
    added = PersonalValue.objects.get(user=alice, value=rest)
    assert (added.rank, added.why) == (2, "So I can be kind.")
    assert names(alice) == ["Play", "Rest"]


def test_a_value_in_my_own_words_is_added(alice_client, alice):
    alice_client.post(URL, {"own_name": "  Slowness "})

    assert names(alice) == ["Slowness"]


def test_an_htmx_add_returns_the_fresh_panel_only(alice_client, alice):
    response = alice_client.post(URL, {"own_name": "Slowness"}, headers=HTMX)

    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="values-panel"' in response.text
    assert "Slowness" in response.text


def test_the_curated_list_offers_only_published_values_not_yet_chosen(alice_client, alice):
    add_value(alice, slug="rest")
    Value.objects.filter(slug="health").update(is_published=False)

    html = alice_client.get(reverse("planning:values")).text

    assert "Friendship" in html
    assert 'id="curated-{}"'.format(Value.objects.get(slug="rest").pk) not in html
    assert 'id="curated-{}"'.format(Value.objects.get(slug="health").pk) not in html


def test_a_sixth_value_is_refused_clearly_and_nothing_is_saved(alice_client, alice):
    for rank, name in enumerate(["A", "B", "C", "D", "E"], start=1):
        add_value(alice, name, rank=rank)

    response = alice_client.post(URL, {"own_name": "Sixth"})

    assert response.status_code == 422
    assert "You already have five values" in response.text
    assert PersonalValue.objects.filter(user=alice).count() == 5


def test_fewer_than_three_values_get_a_gentle_nudge_not_an_error(alice_client, alice):
    add_value(alice, "Play")

    response = alice_client.get(reverse("planning:values"))

    assert response.status_code == 200
    assert "You have 1 value so far. Three to five tend to give a clearer compass" in response.text
    assert "errorlist" not in response.text


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "Choose a value from the list, or write your own below."),
        ({"value": "rest", "own_name": "Mine"}, "from the list or write your own, not both"),
        ({"value": "999999"}, "Choose a value from the list."),
        ({"own_name": "x" * 61}, "Keep the name under 60 characters."),
        ({"own_name": "ok", "why": "x" * 201}, "under 200 characters"),
        ({"own_name": "PLAY"}, "PLAY is already one of your values."),
        ({"value": "friendship"}, "Friendship is already one of your values."),
    ],
)
def test_bad_input_gets_a_clear_error_and_saves_nothing(alice_client, alice, data, error):
    add_value(alice, "Play")
    add_value(alice, slug="friendship", rank=2)
    if data.get("value") in ("rest", "friendship"):
        data["value"] = Value.objects.get(slug=data["value"]).pk

    response = alice_client.post(URL, data)

    assert response.status_code == 422
    assert error in response.text
    assert PersonalValue.objects.filter(user=alice).count() == 2


def test_move_up_and_down_reorders_the_values(alice_client, alice):
    first, second, third = (add_value(alice, n, rank=r) for r, n in enumerate("ABC", start=1))

    alice_client.post(reverse("planning:value-move", args=[third.pk]), {"direction": "up"})
    assert names(alice) == ["A", "C", "B"]
    response = alice_client.post(
        reverse("planning:value-move", args=[first.pk]), {"direction": "down"}, headers=HTMX
    )
    assert names(alice) == ["C", "A", "B"]
    assert response.text.index(">C<") < response.text.index(">A<") < response.text.index(">B<")
    alice_client.post(reverse("planning:value-move", args=[second.pk]), {"direction": "down"})
    assert names(alice) == ["C", "A", "B"]


def test_a_move_without_a_direction_is_a_bad_request(alice_client, alice):
    value = add_value(alice, "A")

    response = alice_client.post(reverse("planning:value-move", args=[value.pk]), {})

    assert response.status_code == 400


def test_the_why_line_can_be_edited_and_a_too_long_one_is_refused(alice_client, alice):
    value = add_value(alice, "Play", why="Fun.")
    url = reverse("planning:value-update", args=[value.pk])

    alice_client.post(url, {"why": "It reminds me who I am."})
    value.refresh_from_db()
    assert value.why == "It reminds me who I am."

    response = alice_client.post(url, {"why": "x" * 201}, headers=HTMX)
    assert response.status_code == 422
    assert "Keep it to one line" in response.text
    value.refresh_from_db()
    assert value.why == "It reminds me who I am."


def test_removing_a_value_asks_first_and_keeps_its_actions(alice_client, alice):
    value = add_value(alice, "Play")
    action = add_action(alice, value)
    url = reverse("planning:value-delete", args=[value.pk])

    assert "Remove Play from your values?" in alice_client.get(url).text
    assert alice_client.post(url)["Location"] == reverse("planning:values")

    assert not PersonalValue.objects.filter(pk=value.pk).exists()
    action.refresh_from_db()
    assert action.personal_value is None
