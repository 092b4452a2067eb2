from celery import shared_task

from apps.resources.services import email_editors_due_lines


@shared_task
def send_crisis_line_review() -> int:
    return email_editors_due_lines()
