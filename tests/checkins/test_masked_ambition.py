"""The masked-ambition rule on crafted histories: 4 of the last 7 local days with energy <= 4
and a drive on the pressure side."""

import datetime as dt

from apps.checkins.insights import masked_ambition
from apps.checkins.models import CheckIn

TODAY = dt.date(2026, 11, 27)


def history(*days: tuple[int, int, int | None]) -> list[CheckIn]:
    """(days ago, energy, drive) → unsaved check-ins."""
    return [
        CheckIn(
            checked_in_on=TODAY - dt.timedelta(days=ago), energy=energy, drive=drive, need="rest"
        )
        for ago, energy, drive in days
    ]


def test_four_low_energy_pressure_days_in_a_week_raise_it():
    signal = masked_ambition(history((0, 3, 5), (2, 4, 4), (4, 2, 5), (6, 1, 4)), TODAY)

    assert signal is not None
    assert (signal.days, signal.window) == (4, 7)


def test_three_such_days_do_not():
    assert masked_ambition(history((0, 3, 5), (1, 3, 5), (2, 3, 5), (3, 8, 5)), TODAY) is None


def test_low_energy_driven_by_interest_does_not_count():
    assert masked_ambition(history(*((n, 2, 2) for n in range(7))), TODAY) is None


def test_pressure_with_good_energy_does_not_count():
    assert masked_ambition(history(*((n, 5, 5) for n in range(7))), TODAY) is None


def test_a_mixed_drive_is_not_the_pressure_side():
    assert masked_ambition(history(*((n, 2, 3) for n in range(7))), TODAY) is None


def test_days_outside_the_last_seven_are_ignored():
    assert (
        masked_ambition(history((0, 3, 5), (1, 3, 5), (2, 3, 5), (7, 3, 5), (9, 2, 5)), TODAY)
        is None
    )


def test_quick_check_ins_without_a_drive_never_count():
    assert masked_ambition(history(*((n, 1, None) for n in range(7))), TODAY) is None


def test_missing_days_are_neither_for_nor_against():
    assert masked_ambition(history((0, 4, 4), (3, 4, 4), (5, 4, 4), (6, 4, 4)), TODAY) is not None
