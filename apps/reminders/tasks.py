from celery import shared_task
from celery.app.task import Task

from apps.reminders import dispatch, sending


@shared_task
def dispatch_due_reminders() -> int:
    """Beat runs this every minute; safe to run twice at once (SKIP LOCKED)."""
    sending.sweep_interrupted()
    return dispatch.dispatch_due()


def queue_deliveries(ids: list[int]) -> None:
    for start in range(0, len(ids), dispatch.TASK_CHUNK):
        send_deliveries.delay(ids[start : start + dispatch.TASK_CHUNK])


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=6)
def send_deliveries(self: Task, delivery_ids: list[int]) -> int:
    """Ids in, emails out. Retries only transport errors, with backoff; never sends a row twice."""
    try:
        return sending.send(delivery_ids)
    except sending.TRANSIENT_ERRORS as exc:
        if self.request.retries >= self.max_retries:
            sending.give_up(delivery_ids, exc)
            raise
        raise self.retry(exc=exc, countdown=min(600, 10 * 2**self.request.retries)) from exc
