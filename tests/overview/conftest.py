from tests.reminders.conftest import crafted_alice  # noqa: F401 (a fixture the summary tests use)
