import datetime as dt

import pytest
from django.urls import reverse

from apps.checkins.models import JournalEntry
from apps.resources.models import JournalPrompt
from tests.checkins.conftest import local_today

pytestmark = pytest.mark.django_db


def entry(user, body="A quiet evening.", days_ago=0, **fields) -> JournalEntry:
    return JournalEntry.objects.create(
        user=user, body=body, written_on=local_today(user) - dt.timedelta(days=days_ago), **fields
    )


def test_writing_an_entry_with_a_prompt_keeps_the_prompts_wording(alice_client, alice):
    prompt = JournalPrompt.objects.get(slug="rest-enables")

    response = alice_client.post(
        reverse("checkins:journal-create"),
        {
            "written_on": local_today(alice).isoformat(),
            "prompt": prompt.pk,
            "body": "More patience.",
        },
    )

    saved = JournalEntry.objects.get(user=alice)
    assert response["Location"] == reverse("checkins:journal-detail", args=[saved.pk])
    assert saved.prompt_text == "What would rest enable me to do better next week?"


def test_the_prompt_from_today_is_preselected(alice_client):
    prompt = JournalPrompt.objects.get(slug="worth-belief")

    html = alice_client.get(reverse("checkins:journal-create"), {"prompt": "worth-belief"}).text

    assert f'<option value="{prompt.pk}" selected>' in html


def test_the_seeded_prompts_include_the_two_the_product_asks_for():
    texts = set(JournalPrompt.objects.published().values_list("text", flat=True))

    assert "What would rest enable me to do better next week?" in texts
    assert "What belief about worth am I testing today?" in texts
    assert len(texts) >= 12


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"body": ""}, "Write at least a word."),
        ({"body": "x" * 20_001}, "Keep an entry under 20,000 characters"),
        ({"written_on": "2999-01-01"}, "That day hasn&#x27;t happened yet."),
        ({"prompt": "999999"}, "Choose one of the prompts in the list."),
    ],
)
def test_bad_input_gets_a_clear_error_and_saves_nothing(alice_client, alice, data, error):
    form = {"written_on": local_today(alice).isoformat(), "body": "Kept text", **data}

    response = alice_client.post(reverse("checkins:journal-create"), form)

    assert response.status_code == 422
    assert error in response.text
    assert not JournalEntry.objects.exists()


def test_the_list_shows_own_entries_newest_first_and_search_finds_words(
    alice_client, alice, charlie
):
    entry(alice, "Walked by the river.", days_ago=2)
    entry(alice, "Said no to the late meeting.", days_ago=1)
    entry(charlie, "Charlie's river thoughts.")

    listing = alice_client.get(reverse("checkins:journal")).text
    found = alice_client.post(reverse("checkins:journal"), {"q": "RIVER"}, follow=True).text

    assert listing.index("Said no") < listing.index("Walked by")
    assert "Charlie" not in listing
    assert "1 entry mention" in found
    assert "Walked by the river." in found
    assert "late meeting" not in found
    assert "Charlie" not in found


def test_an_entry_can_be_read_edited_and_deleted(alice_client, alice):
    mine = entry(alice, "First draft.")

    assert (
        "First draft." in alice_client.get(reverse("checkins:journal-detail", args=[mine.pk])).text
    )
    alice_client.post(
        reverse("checkins:journal-update", args=[mine.pk]),
        {"written_on": mine.written_on.isoformat(), "body": "Second draft."},
    )
    mine.refresh_from_db()
    assert mine.body == "Second draft."
    assert alice_client.get(reverse("checkins:journal-delete", args=[mine.pk])).status_code == 200
    alice_client.post(reverse("checkins:journal-delete", args=[mine.pk]))
    assert not JournalEntry.objects.filter(pk=mine.pk).exists()


@pytest.mark.parametrize("name", ["journal-detail", "journal-update", "journal-delete"])
def test_another_users_entry_is_not_found(alice_client, charlie, name):
    theirs = entry(charlie, "Private.")

    url = reverse(f"checkins:{name}", args=[theirs.pk])

    assert alice_client.get(url).status_code == 404
    if name != "journal-detail":
        assert alice_client.post(url, {"body": "x"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.body == "Private."


def test_html_in_an_entry_is_shown_as_text(alice_client, alice):
    mine = entry(alice, "<script>alert(1)</script>")

    html = alice_client.get(reverse("checkins:journal-detail", args=[mine.pk])).text

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_search_words_never_appear_in_a_url(alice_client, alice):
    entry(alice, "Walked by the river.")

    response = alice_client.post(reverse("checkins:journal"), {"q": "river"})

    assert response.status_code == 302
    assert "river" not in response["Location"]
    assert "Walked by the river." in alice_client.get(response["Location"]).text
    assert "river" not in alice_client.get(reverse("checkins:journal")).text.split("</form>")[0]
