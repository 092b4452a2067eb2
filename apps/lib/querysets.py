"""The queryset every model of a person's own rows uses: `for_user` is how views scope to
request.user, so another person's row answers 404."""

from django.conf import settings
from django.db import models


class OwnedQuerySet(models.QuerySet):
    def for_user(self, user: settings.AUTH_USER_MODEL) -> "OwnedQuerySet":
        return self.filter(user=user)
