from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # Connects the security-events log to allauth's and Django's authentication signals.
        from apps.accounts import security  # noqa: F401
