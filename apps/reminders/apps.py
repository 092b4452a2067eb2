from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "apps.reminders"
    label = "reminders"
    verbose_name = "Reminders and summaries"

    def ready(self) -> None:
        from apps.accounts import registry
        from apps.outbox.tasks import register
        from apps.planning import hooks
        from apps.reminders import emails, personal_data
        from apps.reminders.models import Kind, Reminder

        # The outbox builds these messages when it sends them, with what is true by then (the
        # weekly summary's content is the overview's: it registers that kind).
        register([kind for kind in Kind.values if kind != Kind.SUMMARY], emails.build)
        # A new account gets its default reminders, in its own time zone; a move follows it.
        registry.register(
            *personal_data.SECTIONS,
            on_new_account=Reminder.objects.reschedule,
            on_new_time_zone=Reminder.objects.reschedule,
        )
        hooks.on_rest_window_planned(Reminder.objects.reschedule_rest_window)
