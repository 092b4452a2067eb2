import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache

from apps.accounts.models import User

ON_SQLITE = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


def pytest_collection_modifyitems(config, items) -> None:
    """On SQLite (DATABASE_URL=sqlite://, make test's second pass) only the tests marked
    `sqlite` run: the rest need PostgreSQL, or a database that other processes can open."""
    if not ON_SQLITE:
        return
    needs_postgres = pytest.mark.skip(reason="runs on PostgreSQL only (not marked sqlite)")
    for item in items:
        if item.get_closest_marker("sqlite") is None:
            item.add_marker(needs_postgres)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    # allauth's rate limits count in the (Redis) cache; every test starts with a clean slate.
    cache.clear()


PASSWORD = "a calm long password"  # every test user's


def make_user(email: str, *, verified: bool = True, **fields: object) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, **fields)
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    return user


@pytest.fixture
def alice(db) -> User:
    return make_user(
        "alice@example.com", display_name="Alice", time_zone="Europe/Berlin", country="DE"
    )


@pytest.fixture
def charlie(db) -> User:
    return make_user("charlie@example.com", display_name="Charlie", time_zone="America/Chicago")


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client
