"""A request's queries counted as production runs them."""

from django.test.utils import CaptureQueriesContext

TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


def statements(captured: CaptureQueriesContext) -> list[str]:
    """The statements a request ran, its transaction aside. In a test the request's transaction
    (ATOMIC_REQUESTS) is a savepoint in the test's own; in production it is a BEGIN and a
    COMMIT, which are not queries the page asks for."""
    return [
        query["sql"]
        for query in captured.captured_queries
        if not query["sql"].startswith(TRANSACTION_CONTROL)
    ]
