"""Deleting an account: the person and everything of theirs, their sessions, and one goodbye."""

from importlib import import_module

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.functions import Lower

from apps.accounts.models import User
from apps.accounts.security import record_account_deleted
from apps.lib.emails import render_email
from apps.outbox.models import Message
from apps.outbox.tasks import queue_email

SESSION_SCAN_CHUNK = 2000


def delete_account(user: User) -> None:
    """Delete the person and everything of theirs, end all their sessions, and say goodbye.

    Their content, reminder schedules, messages (whoever they were addressed to: a share link
    sent to a trusted person names them), email addresses, authenticators and security events
    go with the user row (every foreign key to the user CASCADEs; a test walks them all). What
    names them without a foreign key is deleted here: messages to their addresses and the
    admin's history of their row. The goodbye email is addressed by value, with a fixed text,
    and forgets the address once sent; the security log keeps only that an account was
    deleted, with no trace of whose.
    """
    user_id, address = user.pk, user.email
    addresses = {address.lower()} | {
        email.lower()
        for email in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    }
    with transaction.atomic():
        Message.objects.alias(to_lower=Lower("to")).filter(to_lower__in=addresses).delete()
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(User), object_id=str(user_id)
        ).delete()
        user.delete()
        record_account_deleted()
        queue_email(
            render_email("account_deleted", address, {}), kind="goodbye", forget_recipient=True
        )
    end_sessions(user_id)


def end_sessions(user_id: int) -> int:
    """Delete every stored session signed in as the user; returns how many.

    Sessions do not index their user, so this decodes them all, a chunk at a time: a full scan,
    acceptable for something that happens once per deleted account. (With a session engine
    that cannot be listed, such as the cache, a session whose user is gone is refused anyway.)
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store, "get_model_class"):
        return 0
    sessions = store.get_model_class().objects.only("session_key", "session_data")
    doomed = [
        session.session_key
        for session in sessions.iterator(chunk_size=SESSION_SCAN_CHUNK)
        if session.get_decoded().get(SESSION_KEY) == str(user_id)
    ]
    deleted, _ = sessions.filter(session_key__in=doomed).delete()
    return deleted
