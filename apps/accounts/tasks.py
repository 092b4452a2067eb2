import smtplib

from celery import shared_task
from celery.app.task import Task

from apps.accounts import services

# Transport errors are worth another try; anything else is a bug and is not retried.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=8)
def send_outbound_email(self: Task, email_id: int) -> None:
    email = services.claim(email_id)
    if email is None:
        return
    try:
        services.deliver(email)
    except TRANSIENT_ERRORS as exc:
        final = self.request.retries >= self.max_retries
        services.release(email, exc, final=final)
        if final:
            raise
        raise self.retry(exc=exc, countdown=min(600, 5 * 2**self.request.retries)) from exc


@shared_task
def requeue_stalled_emails() -> int:
    return services.requeue_stalled()
