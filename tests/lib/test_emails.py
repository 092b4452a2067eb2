"""Outgoing emails as they go over the wire: headers mail clients can read, bodies any relay
can carry."""

import email.policy
import re

from apps.lib.emails import Email

UNSUBSCRIBE = "<https://pacewise.example/unsubscribe/" + "a1B2c3D4e5" * 12 + "/>"
ENCODED_WORD = re.compile(rb"=\?utf-8\?[bq]\?[^?]*\?=", re.IGNORECASE)


def wire(subject: str, text: str, html: str) -> bytes:
    message = Email(
        subject=subject,
        body=text,
        from_email="Pacewise <hello@pacewise.example>",
        to=["zoe@example.com"],
        headers={"List-Unsubscribe": UNSUBSCRIBE, "List-Unsubscribe-Post": "One-Click"},
    )
    message.attach_alternative(html, "text/html")
    return message.message(policy=email.policy.SMTP).as_bytes()  # as Django's SMTP backend does


def headers_and_parts(raw: bytes) -> tuple[list[bytes], list[bytes]]:
    head, _, rest = raw.partition(b"\r\n\r\n")
    return head.split(b"\r\n"), rest.split(b"\r\n")


def test_list_unsubscribe_is_the_plain_url_on_one_line():
    head, _ = headers_and_parts(wire("Your week", "Hello", "<p>Hello</p>"))

    assert b"List-Unsubscribe: " + UNSUBSCRIBE.encode() in head


def test_a_long_subject_with_a_non_ascii_name_folds_into_well_formed_encoded_words():
    subject = "Zoë — shared their Pacewise plan with you for the next fourteen days, with thanks"
    raw = wire(subject, "Hello", "<p>Hello</p>")
    head, _ = headers_and_parts(raw)

    assert all(len(line) <= 76 for line in head if not line.startswith(b"List-Unsubscribe"))
    assert all(len(word) <= 75 for word in ENCODED_WORD.findall(raw))  # RFC 2047, section 2
    assert email.message_from_bytes(raw, policy=email.policy.default)["Subject"] == subject


def test_ascii_bodies_go_as_7bit_and_others_as_quoted_printable_never_8bit():
    long_line = "A sentence that goes on. " * 12
    raw = wire("Your week", f"Hello Zoë,\n{long_line}\n", f"<p>{long_line}</p>")
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    text, html = (parsed.get_body((kind,)) for kind in ("plain", "html"))

    assert html["Content-Transfer-Encoding"] == "7bit"
    assert html.get_content().splitlines() == [f"<p>{long_line}</p>"]
    assert text["Content-Transfer-Encoding"] == "quoted-printable"
    assert text.get_content().splitlines() == ["Hello Zoë,", long_line]
    assert raw.isascii()
    _, body = headers_and_parts(raw)
    assert all(len(line) <= 998 for line in body)
    qp = raw.split(b"quoted-printable\r\n\r\n")[1].split(b"\r\n--")[0]
    assert all(len(line) <= 76 for line in qp.split(b"\r\n"))  # RFC 2045


def test_a_non_ascii_domain_goes_out_idna_encoded_and_ascii_addresses_as_they_are():
    message = Email(
        subject="Hello",
        body="Hello",
        from_email="Pacewise <hello@pacewise.example>",
        to=["Zoë <zoe@bücher.example>", "sam@example.com"],
    )
    head, _ = headers_and_parts(message.message(policy=email.policy.SMTP).as_bytes())

    assert b"From: Pacewise <hello@pacewise.example>" in head
    assert b"To: =?utf-8?q?Zo=C3=AB?= <zoe@xn--bcher-kva.example>, sam@example.com" in head


def test_each_message_has_its_own_boundary_and_its_parts_their_types():
    first, second = (wire("Your week", "Hello", "<p>Hello</p>") for _ in range(2))
    parsed = [email.message_from_bytes(raw, policy=email.policy.default) for raw in (first, second)]

    assert parsed[0].get_boundary() != parsed[1].get_boundary()
    for message in parsed:
        text, html = (message.get_body((kind,)) for kind in ("plain", "html"))
        assert (text.get_content_type(), text.get_content_charset()) == ("text/plain", "utf-8")
        assert (html.get_content_type(), html["Content-Transfer-Encoding"]) == ("text/html", "7bit")
