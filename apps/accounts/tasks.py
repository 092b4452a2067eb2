"""The accounts app's Celery tasks, where the worker's autodiscovery looks for them."""

from apps.accounts.imports import run_import

__all__ = ["run_import"]
