from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """Bringing a history in: a Daylio CSV mapped onto check-ins and tags, or a Pacewise export
    restored (apps.accounts.restore). It stands above the apps whose rows it writes."""

    name = "apps.imports"
    label = "imports"
    verbose_name = "Imports"
