from django.core.management.base import BaseCommand

from apps.reminders.tasks import dispatch_due


class Command(BaseCommand):
    help = (
        "Dispatch every reminder and weekly summary due now, as beat does each minute: one "
        "outbox message per person, kind and slot, sent by the workers."
    )

    def handle(self, *args: object, **options: object) -> None:
        claimed = dispatch_due()
        self.stdout.write(f"Dispatched {claimed} due reminder{'s' if claimed != 1 else ''}.")
