"""The imports app's Celery tasks, where the worker's autodiscovery looks for them."""

from apps.imports.jobs import run_import

__all__ = ["run_import"]
