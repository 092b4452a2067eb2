"""Model fields whose text is stored encrypted (apps.lib.crypto), and the helpers that rewrite
stored values in place: the data migrations that first encrypted existing rows, and the
rotate_encryption_keys command.

In Python the value is always the plaintext; the column holds a Fernet token (text). An empty
string stays an empty string, so `blank=True` fields and `field=""` filters keep working. Fernet
tokens are randomised, so the database cannot search, sort or compare these columns: any lookup
but `isnull` and an exact match against "" is refused instead of silently matching nothing.
"""

from collections.abc import Callable, Iterable

from django import forms
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.db.models import ExpressionWrapper, F, Value
from django.db.models.lookups import Exact, IsNull

from apps.lib import crypto

BATCH_SIZE = 500


class DecryptionError(ValueError):
    """A stored value no configured key decrypts: never shown as ciphertext, never skipped."""


class EmptyOnlyExact(Exact):
    def get_prep_lookup(self):
        if self.rhs not in ("", None) and not hasattr(self.rhs, "resolve_expression"):
            raise ValueError(
                f"{self.lhs.output_field} is encrypted with random IVs: it can only be compared "
                'with "" in the database; compare decrypted values in Python instead.'
            )
        return super().get_prep_lookup()


class EncryptedTextField(models.TextField):
    """Free text encrypted at rest. max_length, if given, limits the plaintext (forms and
    full_clean); the column is unbounded text because a token is about 1.4 times longer."""

    description = "Text (encrypted at rest)"
    allowed_lookups = {"exact": EmptyOnlyExact, "isnull": IsNull}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            self.validators.append(MaxLengthValidator(self.max_length))

    def get_lookup(self, lookup_name: str):
        return self.allowed_lookups.get(lookup_name)

    def get_transform(self, lookup_name: str):
        return None

    def get_prep_value(self, value: object) -> str | None:
        value = super().get_prep_value(value)
        if not value:
            return value
        return crypto.encrypt(value)

    def from_db_value(self, value: str | None, expression: object, connection: object):
        if not value:
            return value
        try:
            return crypto.decrypt(value)
        except crypto.InvalidToken:
            raise DecryptionError(
                f"Cannot decrypt a stored value of {self.model._meta.label}.{self.name}: no key "
                "in FIELD_ENCRYPTION_KEYS fits it. Was a key removed before "
                "`manage.py rotate_encryption_keys` had run under the new one?"
            ) from None


class EncryptedCharField(EncryptedTextField):
    """A one-line EncryptedTextField: the same storage, a text input instead of a textarea."""

    description = "One line of text (encrypted at rest)"

    def formfield(self, **kwargs: object) -> forms.Field:
        # models.Field.formfield: CharField's behaviour, without TextField's Textarea widget.
        return models.Field.formfield(self, **{"max_length": self.max_length, **kwargs})


# --- Rewriting stored values in place --------------------------------------------------------
def encrypted_fields(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]


def rewrite_stored(
    model: type[models.Model],
    field_names: Iterable[str],
    change: Callable[[str], str | None],
    batch_size: int = BATCH_SIZE,
) -> tuple[int, int]:
    """Pass every stored, non-empty value of the fields, raw as in the column, through change();
    write back what it returns unless None. Returns (changed, unchanged) value counts.

    Batches in primary-key order, each in a transaction with its rows locked, so an edit made
    meanwhile is never overwritten with an older value. Works with historical models too, so
    migrations can use it; auto_now fields are left alone.
    """
    field_names = list(field_names)
    raw = {
        f"raw_{name}": ExpressionWrapper(F(name), output_field=models.TextField())
        for name in field_names
    }
    rows = model._base_manager.order_by("pk").annotate(**raw).values_list("pk", *raw)
    changed = unchanged = 0
    last_pk = None
    while True:
        with transaction.atomic(using=model._base_manager.db):
            batch = rows.select_for_update()
            if last_pk is not None:
                batch = batch.filter(pk__gt=last_pk)
            batch = list(batch[:batch_size])
            updates = []
            for pk, *values in batch:
                obj, dirty = model(pk=pk), False
                for name, value in zip(field_names, values, strict=True):
                    new = change(value) if value else None
                    if new is None:
                        unchanged += bool(value)
                        setattr(obj, name, F(name))
                    else:
                        changed += 1
                        dirty = True
                        # A plain TextField value: written as given, not encrypted again.
                        setattr(obj, name, Value(new, output_field=models.TextField()))
                if dirty:
                    updates.append(obj)
            if updates:
                model._base_manager.bulk_update(updates, field_names)
        if len(batch) < batch_size:
            return changed, unchanged
        last_pk = batch[-1][0]


def encrypt_plaintext(value: str) -> str | None:
    """For the migrations that introduce encryption: a value already encrypted is left alone."""
    try:
        crypto.decrypt(value)
    except crypto.InvalidToken:
        return crypto.encrypt(value)
    return None


def encrypt_rows(app_label: str, model_name: str, *field_names: str) -> Callable:
    """RunPython code: encrypt the plaintext already stored in the fields."""

    def forwards(apps, schema_editor) -> None:
        rewrite_stored(apps.get_model(app_label, model_name), field_names, encrypt_plaintext)

    return forwards


def decrypt_rows(app_label: str, model_name: str, *field_names: str) -> Callable:
    """RunPython reverse code: back to plaintext before the columns stop being encrypted."""

    def decrypt(token: str) -> str:
        try:
            return crypto.decrypt(token)
        except crypto.InvalidToken:
            raise DecryptionError(
                f"Cannot decrypt a stored value of {app_label}.{model_name}: no key in "
                "FIELD_ENCRYPTION_KEYS fits it."
            ) from None

    def backwards(apps, schema_editor) -> None:
        rewrite_stored(apps.get_model(app_label, model_name), field_names, decrypt)

    return backwards
