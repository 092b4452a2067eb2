import pytest

from config.settings.base import mailer_from_url


def test_an_smtp_url_becomes_a_mailer_with_starttls_and_credentials():
    mailer = mailer_from_url("smtp://me%40example.com:s%3Acret@relay.example:587?tls=true")

    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"] == {
        "host": "relay.example",
        "port": 587,
        "username": "me@example.com",
        "password": "s:cret",
        "use_ssl": False,
        "use_tls": True,
        "timeout": 10,
    }


def test_smtps_uses_implicit_tls_on_465_by_default():
    options = mailer_from_url("smtps://relay.example")["OPTIONS"]

    assert (options["port"], options["use_ssl"], options["use_tls"]) == (465, True, False)


def test_console_is_the_embedded_default():
    assert mailer_from_url("console://") == {
        "BACKEND": "django.core.mail.backends.console.EmailBackend"
    }


def test_an_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="unsupported scheme 'sendmail'"):
        mailer_from_url("sendmail://localhost")
