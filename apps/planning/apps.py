from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "apps.planning"
    label = "planning"
    verbose_name = "Planning"

    def ready(self) -> None:
        from apps.accounts import registry
        from apps.planning import personal_data

        registry.register(*personal_data.SECTIONS)
