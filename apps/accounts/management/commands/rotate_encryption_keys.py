"""Re-encrypt every encrypted field value under the newest key in FIELD_ENCRYPTION_KEYS.

Rotation: put the new key first in FIELD_ENCRYPTION_KEYS (keep the old ones after it), deploy,
run this command, then remove the old keys. Values already under the newest key are left as
they are, so it is safe to run again, or to resume after an interruption.
"""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from apps.lib import crypto
from apps.lib.fields import BATCH_SIZE, encrypted_fields, rewrite_stored


def rotate(token: str) -> str | None:
    if crypto.is_current(token):
        return None
    try:
        return crypto.rotate(token)
    except crypto.InvalidToken:
        raise CommandError(
            "A stored value cannot be decrypted with any key in FIELD_ENCRYPTION_KEYS; "
            "put back the key it was written with and run the command again."
        ) from None


class Command(BaseCommand):
    help = "Re-encrypt encrypted text fields under the newest key in FIELD_ENCRYPTION_KEYS."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args: object, batch_size: int, **options: object) -> None:
        if batch_size < 1:
            raise CommandError("--batch-size must be a positive number.")
        total = 0
        for model in apps.get_models():
            fields = encrypted_fields(model)
            if not fields or model._meta.proxy or not model._meta.managed:
                continue
            try:
                changed, unchanged = rewrite_stored(model, fields, rotate, batch_size)
            except CommandError as error:
                raise CommandError(f"{model._meta.label}: {error}") from None
            total += changed
            self.stdout.write(
                f"{model._meta.label} ({', '.join(fields)}): {changed} re-encrypted, "
                f"{unchanged} already under the newest key."
            )
        self.stdout.write(self.style.SUCCESS(f"Done: {total} values re-encrypted."))
