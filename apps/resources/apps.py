from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "apps.resources"
    label = "resources"
    verbose_name = "Resources"

    def ready(self) -> None:
        from apps.accounts import registry
        from apps.resources import personal_data

        registry.register(*personal_data.SECTIONS)
