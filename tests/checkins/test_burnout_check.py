"""The burnout self-check: the inventory's scoring on known answers, and its pages."""

import datetime as dt

import pytest
from django.urls import reverse

from apps.checkins import burnout
from apps.checkins.models import BurnoutCheck
from tests.checkins.conftest import local_today

pytestmark = pytest.mark.django_db
TAKE = reverse("checkins:self-check")
RESULTS = reverse("checkins:self-check-results")
PERSONAL_KEYS = [item.key for item in burnout.PERSONAL]
WORK_KEYS = [item.key for item in burnout.WORK]


def test_a_scale_is_the_mean_of_its_answers_with_the_last_work_item_reversed():
    personal = dict(zip(PERSONAL_KEYS, [100, 75, 75, 50, 75, 25], strict=True))
    # "Enough energy for family and friends": "always" (100) scores 0, "seldom" (25) 75.
    work_always = dict(zip(WORK_KEYS, [100, 75, 50, 75, 50, 25, 100], strict=True))
    work_seldom = {**work_always, "energy_for_others": 25}

    assert burnout.personal_score(personal) == 66.7  # 400 / 6
    assert burnout.work_score(work_always) == 53.6  # (100+75+50+75+50+25+0) / 7
    assert burnout.work_score(work_seldom) == 64.3  # (375 + 75) / 7


def test_skipped_items_are_left_out_of_the_mean_and_too_few_give_no_score():
    three = {"tired": 100, "worn_out": 50, "weak": 0}
    assert burnout.personal_score(three) == 50.0
    assert burnout.personal_score({"tired": 100, "weak": 0}) is None
    four = {
        "work_exhausting": 75,
        "work_frustrates": 25,
        "morning_dread": 50,
        "energy_for_others": 0,
    }
    assert burnout.work_score(four) == 62.5  # (75 + 25 + 50 + 100) / 4
    assert burnout.work_score({k: v for k, v in list(four.items())[:3]}) is None


def test_the_readings_are_plain_bands():
    assert [burnout.reading(s) for s in (0, 49.9, 50, 74.9, 75, 100)] == [
        "low",
        "low",
        "moderate",
        "moderate",
        "high",
        "high",
    ]


def all_answers(points: int) -> dict[str, str]:
    return {key: str(points) for key in burnout.ITEMS}


def test_taking_it_saves_the_answers_and_shows_both_scores_and_when_to_retake(alice_client, alice):
    response = alice_client.post(TAKE, all_answers(50))

    assert response.status_code == 302
    assert response["Location"] == RESULTS
    check = BurnoutCheck.objects.get(user=alice)
    assert check.answers == {key: 50 for key in burnout.ITEMS}
    assert (check.personal, check.work, check.taken_on) == (50.0, 50.0, local_today(alice))
    alice.refresh_from_db()
    assert alice.self_check_due_on == local_today(alice) + dt.timedelta(weeks=4)
    html = alice_client.get(RESULTS).text
    assert "Personal burnout</dt><dd>50 of 100: moderate" in html
    assert "Work-related burnout</dt><dd>50 of 100: moderate" in html
    assert "This is a self-check, not a diagnosis" in html
    assert "The Copenhagen Burnout Inventory: a new tool for the assessment of burnout" in html
    assert "find a crisis line" not in html


def test_not_working_skips_the_work_scale(alice_client, alice):
    answers = {key: "75" for key in PERSONAL_KEYS} | {"work_exhausting": "100", "skip_work": "on"}

    alice_client.post(TAKE, answers)

    check = BurnoutCheck.objects.get(user=alice)
    assert (check.personal, check.work, check.skipped_work) == (75.0, None, True)
    assert check.answers == {key: 75 for key in PERSONAL_KEYS}  # the work answer is not kept
    assert "Work-related burnout</dt><dd>skipped" in alice_client.get(RESULTS).text


def test_a_high_score_suggests_a_professional_with_the_crisis_link(alice_client):
    alice_client.post(TAKE, all_answers(100) | {"energy_for_others": "0"})

    html = alice_client.get(RESULTS).text
    assert "100 of 100: high" in html
    assert "Talking it through with someone trained to help" in html
    assert f'href="{reverse("resources:crisis")}">find a crisis line' in html


@pytest.mark.parametrize(
    ("answers", "error"),
    [
        ({"tired": "75", "skip_work": "on"}, "Answer at least three of the six questions"),
        (
            {key: "50" for key in PERSONAL_KEYS} | {"work_exhausting": "50"},
            "Answer at least four of the seven questions about work",
        ),
        ({key: "60" for key in burnout.ITEMS}, "Choose one of the five answers."),
    ],
    ids=["too-few-personal", "too-few-work", "not-an-answer"],
)
def test_too_few_or_wrong_answers_get_a_clear_error_and_save_nothing(alice_client, answers, error):
    response = alice_client.post(TAKE, answers)

    assert response.status_code == 422
    assert error in response.text
    assert not BurnoutCheck.objects.exists()


def test_the_trend_lists_every_check_and_only_the_persons_own(alice_client, alice, charlie):
    for weeks_ago, points in [(8, 75), (4, 50), (0, 25)]:
        BurnoutCheck.objects.create(
            user=alice,
            taken_on=local_today(alice) - dt.timedelta(weeks=weeks_ago),
            answers={key: points for key in burnout.ITEMS},
        )
    BurnoutCheck.objects.create(user=charlie, taken_on=dt.date(2026, 1, 5), answers={})

    html = alice_client.get(RESULTS).text

    assert html.count('<path class="line"') == 1
    assert html.count("line--second") == 1
    assert html.count('<tr><th scope="row">') == 3
    assert "5 Jan 2026" not in html


def test_today_invites_a_retake_only_once_four_weeks_have_passed(alice_client, alice):
    invitation = "It has been four weeks since your last burnout self-check."
    assert invitation not in alice_client.get(reverse("checkins:today")).text

    alice.self_check_due_on = local_today(alice) + dt.timedelta(days=1)
    alice.save()
    assert invitation not in alice_client.get(reverse("checkins:today")).text

    alice.self_check_due_on = local_today(alice)
    alice.save()
    assert invitation in alice_client.get(reverse("checkins:today")).text


def test_the_pages_ask_for_sign_in(client):
    for url in (TAKE, RESULTS):
        assert client.get(url)["Location"].startswith(reverse("account_login"))


def test_after_an_error_the_answers_given_stay_chosen(alice_client):
    response = alice_client.post(TAKE, {"tired": "0", "worn_out": "100"})

    assert response.status_code == 422
    assert 'name="tired" value="0" checked' in response.text
    assert 'name="worn_out" value="100" checked' in response.text
    assert 'name="weak" value="0" checked' not in response.text
