from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "apps.audits"
    label = "audits"
    verbose_name = "Energy audits"

    def ready(self) -> None:
        from apps.accounts import registry
        from apps.audits import personal_data

        registry.register(*personal_data.SECTIONS)
