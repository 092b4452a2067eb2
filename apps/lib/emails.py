"""Every email Pacewise sends: one message class, and one function that renders its templates."""

import email.policy

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

# RFC 5322 allows lines of up to 998 characters. With Python's usual 78, a header too long to
# fold at a space (a List-Unsubscribe URL) is written as RFC 2047 encoded words, which RFC 2047
# forbids in such a header and mail clients do not read as a URL; every body with a longer line
# also gets quoted-printable, encoded in pure Python, when plain 7-bit would do.
MAX_LINE_LENGTH = 998


class Email(EmailMultiAlternatives):
    """A text email with an optional HTML alternative, serialised with 998-character lines."""

    def message(self, *, policy: email.policy.Policy = email.policy.default):
        return super().message(policy=policy.clone(max_line_length=MAX_LINE_LENGTH))


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
