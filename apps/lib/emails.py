"""Every email Pacewise sends: one message class, and one function that renders its templates."""

import email.contentmanager
import email.headerregistry
import email.message
import email.policy
import functools
import secrets
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

# Python's email package folds lines at 78 characters. A List-Unsubscribe URL longer than that,
# with no space to fold at, would come out as RFC 2047 encoded words, which RFC 2047 forbids in
# such a header and mail clients do not read as a URL: those headers get RFC 5322's 998. An ASCII
# body with a longer line would be quoted-printable, encoded in pure Python, when 7bit (lines of
# up to 998) is correct and free. Everything else folds at 76, RFC 2045's limit for
# quoted-printable and base64 lines: other headers, with well-formed encoded words (a Subject
# with a person's non-ASCII name), and non-ASCII bodies, quoted-printable or base64 but never
# 8bit, since Django's SMTP backend does not announce 8BITMIME (RFC 6152).
MAX_LINE_LENGTH = 998
FOLD_AT = 76
ONE_LINE_HEADERS = frozenset({"list-unsubscribe", "list-unsubscribe-post"})
# Read again and again while a message is built and written: parsed once, when set.
MIME_HEADERS = frozenset({"content-type", "content-transfer-encoding", "mime-version"})
ADDRESS_HEADERS = ("From", "To", "Cc", "Reply-To")  # as Django's EmailMessage.message() reads them


def _set_text(msg: email.message.MIMEPart, string: str, *args: Any, **kwargs: Any) -> None:
    if (
        kwargs.get("cte") is None
        and string.isascii()
        and max(map(len, string.splitlines()), default=0) <= MAX_LINE_LENGTH
    ):
        kwargs["cte"] = "7bit"
    email.contentmanager.set_text_content(msg, string, *args, **kwargs)


content_manager = email.contentmanager.ContentManager()
content_manager.get_handlers.update(email.contentmanager.raw_data_manager.get_handlers)
content_manager.set_handlers.update(email.contentmanager.raw_data_manager.set_handlers)
content_manager.add_set_handler(str, _set_text)


class Policy(email.policy.EmailPolicy):
    """Headers fold at FOLD_AT, but for ONE_LINE_HEADERS; text bodies as `_set_text` decides.

    A header that is ASCII and fits on its line is kept as the string it is and goes out as it
    is: parsing it into a header object when set, and folding it again through the email
    package's parser (some 20 times a message), was a third of a weekly summary's time in the
    worker, and gives the same bytes (tests/lib/test_emails.py compares them). Such a header is
    parsed only if something reads it; the MIME headers, read again and again while a message
    is written, are parsed once, when set.
    """

    def header_store_parse(self, name: str, value: object) -> tuple[str, object]:
        if (
            isinstance(value, str)
            and name.lower() not in MIME_HEADERS
            and self._as_it_is(name, value)
        ):
            return (name, value)
        return super().header_store_parse(name, value)

    def fold(self, name: str, value: str) -> str:
        if line := self._as_it_is(name, value):
            return line
        return super(Policy, self._for_header(name)).fold(name, value)

    def fold_binary(self, name: str, value: str) -> bytes:
        if line := self._as_it_is(name, value):
            return line.encode("ascii")
        return super(Policy, self._for_header(name)).fold_binary(name, value)

    def _as_it_is(self, name: str, value: str) -> str | None:
        line = f"{name}: {value}"
        limit = MAX_LINE_LENGTH if name.lower() in ONE_LINE_HEADERS else self.max_line_length
        if len(line) <= limit and line.isascii() and "\r" not in line and "\n" not in line:
            return line + self.linesep
        return None

    def _for_header(self, name: str) -> "Policy":
        if name.lower() in ONE_LINE_HEADERS:
            return self.clone(max_line_length=MAX_LINE_LENGTH)
        return self


class HeaderRegistry(email.headerregistry.HeaderRegistry):
    """The email package's, but it builds each header's class once, not for every header of
    every message (a new class each time: a tenth of a summary email's serialising), and parses
    each MIME header value once: every message sets the same few ("text/plain;
    charset="utf-8"", "7bit", ...), each parsed anew was another tenth. A parsed header is a
    str that nothing changes (setting a parameter makes a new one), so messages can share it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.classes: dict[str, type] = {}
        self.parsed = functools.lru_cache(maxsize=64)(super().__call__)

    def __getitem__(self, name: str) -> type:
        key = name.lower()
        if (cls := self.classes.get(key)) is None:
            cls = self.classes[key] = super().__getitem__(name)
        return cls

    def __call__(self, name: str, value: str) -> email.headerregistry.BaseHeader:
        if name.lower() in MIME_HEADERS and "boundary=" not in value:  # a boundary is unique
            return self.parsed(name, value)
        return super().__call__(name, value)


OURS = {
    "max_line_length": FOLD_AT,
    "content_manager": content_manager,
    "cte_type": "7bit",
    "header_factory": HeaderRegistry(),
}


@functools.cache
def policy_for(policy: email.policy.EmailPolicy) -> Policy:
    """Ours, with the line ending and the rest of the policy Django asks for: made once each."""
    return Policy(**{**policy.__dict__, **OURS})


class Email(EmailMultiAlternatives):
    """A text email with an optional HTML alternative, serialised under `Policy`."""

    def message(self, *, policy: email.policy.EmailPolicy = email.policy.default):
        message = super().message(policy=policy_for(policy))
        if message.is_multipart():
            # A random boundary of our own: the email package would otherwise make one and
            # compile a regular expression to check it against the whole text, every message.
            message.set_boundary(f"=_{secrets.token_hex(16)}")
        return message

    def _idna_encode_address_header_domains(self, msg: email.message.EmailMessage) -> None:
        """Django's pass reads every header back (parsing each one, a tenth of a summary's
        serialising) to find a non-ASCII domain to IDNA-encode; with every address ASCII there
        is none to find."""
        headers = (self.extra_headers.get(name, "") for name in ADDRESS_HEADERS)
        addresses = (self.from_email, *self.to, *self.cc, *self.reply_to, *headers)
        if not all(str(address).isascii() for address in addresses):
            super()._idna_encode_address_header_domains(msg)


def render_email(name: str, to: str, context: dict, headers: dict[str, str] | None = None) -> Email:
    """templates/emails/<name>_subject.txt, <name>.txt and <name>.html as one message."""
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"emails/{name}_subject.txt", context).split())
    message = Email(
        subject=subject,
        body=render_to_string(f"emails/{name}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers or {},
    )
    message.attach_alternative(render_to_string(f"emails/{name}.html", context), "text/html")
    return message
