"""Every email Pacewise sends: one message class, and one function that renders its templates."""

import email.contentmanager
import email.message
import email.policy
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
# What our policy keeps of the one Django asks for (email.policy.default or SMTP).
INHERITED = ("linesep", "utf8", "raise_on_defect", "mangle_from_", "verify_generated_headers")


def set_text(msg: email.message.MIMEPart, string: str, *args: Any, **kwargs: Any) -> None:
    """Text bodies as the raw data manager sets them, but 7bit where that is correct."""
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
content_manager.add_set_handler(str, set_text)


class Policy(email.policy.EmailPolicy):
    """Headers fold at FOLD_AT, but ONE_LINE_HEADERS, which fold at RFC 5322's 998."""

    def fold(self, name: str, value: str) -> str:
        return email.policy.EmailPolicy.fold(self.for_header(name), name, value)

    def fold_binary(self, name: str, value: str) -> bytes:
        return email.policy.EmailPolicy.fold_binary(self.for_header(name), name, value)

    def for_header(self, name: str) -> email.policy.EmailPolicy:
        if name.lower() in ONE_LINE_HEADERS:
            return self.clone(max_line_length=MAX_LINE_LENGTH)
        return self


def policy_for(policy: email.policy.EmailPolicy) -> Policy:
    """Ours, with the line ending and the rest of the policy Django asks for."""
    return Policy(
        **{name: getattr(policy, name) for name in INHERITED},
        max_line_length=FOLD_AT,
        content_manager=content_manager,
        cte_type="7bit",
    )


class Email(EmailMultiAlternatives):
    """A text email with an optional HTML alternative, serialised under `Policy`."""

    def message(self, *, policy: email.policy.EmailPolicy = email.policy.default):
        return super().message(policy=policy_for(policy))


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
