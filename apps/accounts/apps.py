from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # Connects the security-events log to allauth's and Django's authentication signals.
        from apps.accounts import (
            personal_data,
            registry,
            security,  # noqa: F401
        )

        registry.register(*personal_data.SECTIONS)
