"""The outbox's timeouts keep its promises with production's values (config/settings/base.py,
not the tests' scaled-down ones): what a crash or a lost broker leaves behind is queued again
within two minutes, and no live sender's claim is ever taken from it."""

from config.settings import base as production


def test_a_stalled_message_is_swept_within_two_minutes():
    assert production.OUTBOX_CLAIM_TIMEOUT + production.OUTBOX_SWEEP_SECONDS <= 120
    assert production.OUTBOX_QUEUE_GRACE + production.OUTBOX_SWEEP_SECONDS <= 120


def test_a_claim_outlives_the_longest_a_sender_may_hold_it():
    smtp_timeout = production.MAILERS["default"].get("OPTIONS", {}).get("timeout", 10)
    recording = sum(production.OUTBOX_RECORD_WAITS)
    # The last message started before the budget ran out may take an SMTP exchange of five
    # commands, each up to the timeout, and a round of tries to record it.
    assert (
        production.OUTBOX_SEND_BUDGET + 5 * smtp_timeout + recording
        < production.OUTBOX_CLAIM_TIMEOUT
    )


def test_the_broker_never_hands_a_running_or_waiting_task_to_a_second_worker():
    visibility = production.REDIS_BROKER_OPTIONS["visibility_timeout"]
    countdown = production.OUTBOX_SHORT_WAIT + production.OUTBOX_RETRY_MARGIN
    assert visibility > production.CELERY_TASK_TIME_LIMIT + countdown
