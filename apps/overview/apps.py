from django.apps import AppConfig


class OverviewConfig(AppConfig):
    """What reads across the feature apps: This week, the weekly summary and the report for a
    professional. It stands above them all, and none of them imports it."""

    name = "apps.overview"
    label = "overview"
    verbose_name = "Overview"

    def ready(self) -> None:
        from apps.outbox.tasks import register
        from apps.overview import emails
        from apps.reminders.models import Kind

        register([Kind.SUMMARY], emails.build)
