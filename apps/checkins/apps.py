from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "apps.checkins"
    label = "checkins"
    verbose_name = "Check-ins and journal"

    def ready(self) -> None:
        from apps.accounts import registry
        from apps.checkins import personal_data
        from apps.checkins.models import Tag

        registry.register(*personal_data.SECTIONS, on_new_account=Tag.objects.create_defaults)
