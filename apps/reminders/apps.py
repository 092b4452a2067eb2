from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "apps.reminders"
    label = "reminders"
    verbose_name = "Reminders and summaries"

    def ready(self) -> None:
        from apps.outbox.tasks import register
        from apps.reminders import emails
        from apps.reminders.models import Kind

        # The outbox builds these messages when it sends them, with what is true by then.
        register(Kind.values, emails.build)
