"""The outbox's timeouts keep its promises: what a crash or a lost broker leaves behind is
queued again within two minutes, and no live sender's claim is ever taken from it."""

from django.conf import settings

from apps.outbox import tasks


def test_a_stalled_message_is_swept_within_two_minutes():
    assert settings.OUTBOX_CLAIM_TIMEOUT + settings.OUTBOX_SWEEP_SECONDS <= 120
    assert settings.OUTBOX_QUEUE_GRACE + settings.OUTBOX_SWEEP_SECONDS <= 120


def test_a_claim_outlives_the_longest_a_sender_may_hold_it():
    smtp_timeout = settings.MAILERS["default"].get("OPTIONS", {}).get("timeout", 10)
    recording = sum(tasks.MARK_SENT_WAITS)
    # The last message started before the budget ran out may take an SMTP exchange of five
    # commands, each up to the timeout, and the attempts to record it.
    assert (
        settings.OUTBOX_SEND_BUDGET + 5 * smtp_timeout + recording < settings.OUTBOX_CLAIM_TIMEOUT
    )


def test_the_broker_never_hands_a_running_or_waiting_task_to_a_second_worker():
    visibility = settings.REDIS_BROKER_OPTIONS["visibility_timeout"]
    assert visibility > settings.CELERY_TASK_TIME_LIMIT + tasks.SHORT_WAIT + 1
