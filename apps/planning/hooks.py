"""What the apps above planning do when a rest window is planned, registered from their
AppConfig.ready (reminders schedules its reminders), so that planning imports none of them.
A window's deletion needs no hook: what hangs off it goes with it (CASCADE)."""

from collections.abc import Callable

from apps.planning.models import RestWindow

ON_REST_WINDOW_PLANNED: list[Callable[[RestWindow], None]] = []


def on_rest_window_planned(hook: Callable[[RestWindow], None]) -> None:
    ON_REST_WINDOW_PLANNED.append(hook)


def rest_window_planned(window: RestWindow) -> None:
    for hook in ON_REST_WINDOW_PLANNED:
        hook(window)
