import pytest
from django.urls import reverse

from tests.resources.conftest import sign_in_with_mfa

pytestmark = pytest.mark.django_db


def test_even_a_superuser_cannot_delete_a_person_in_the_admin(client, alice):
    from tests.conftest import make_user

    admin = make_user("root@example.com", is_staff=True, is_superuser=True)
    sign_in_with_mfa(client, admin)

    response = client.get(reverse("admin:accounts_user_delete", args=[alice.pk]))

    assert response.status_code == 403
    assert client.get(reverse("admin:accounts_user_change", args=[alice.pk])).status_code == 200
