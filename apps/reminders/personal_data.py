"""What reminders keeps of a person (apps/accounts/registry.py): their reminder preferences.
Their schedules are not kept: they follow from the preferences and the rest windows."""

from apps.accounts.models import User
from apps.accounts.registry import Section
from apps.accounts.restore import check
from apps.reminders.models import CHOSEN_FIELDS, Preferences, Reminder

COLUMNS = (*CHOSEN_FIELDS, "paused_until")


def restore_preferences(user: User, row: dict | None) -> None:
    """The preferences as they were, if the file has them; then the schedules they and the
    restored rest windows make."""
    if row:
        prefs = Preferences.objects.for_user(user)
        for name in COLUMNS:  # never its user, never its key
            if name in row:
                setattr(prefs, name, row[name])
        check(prefs, "reminder_preferences", 1)
        prefs.save()
    Reminder.objects.reschedule(user)


SECTIONS = (
    Section(
        "reminder_preferences",
        Preferences,
        lambda user: Preferences.objects.filter(user=user),
        COLUMNS,
        single=True,
        restore_single=restore_preferences,
    ),
)
