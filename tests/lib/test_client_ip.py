"""One reading of the client's address, for our rate limits, allauth's and the security log."""

import pytest
from allauth.account.adapter import get_adapter
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory, override_settings

from apps.accounts.security import network_of
from apps.lib.ratelimit import client_ip

# What the client claimed, then the address our proxy saw it connect from (appended last).
FORWARDED = "203.0.113.9, 198.51.100.7"


def request(**meta: str):
    return RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", **meta)


def test_without_trusted_proxies_the_peer_is_the_client_whatever_it_forwards():
    forged = request(HTTP_X_FORWARDED_FOR=FORWARDED)

    assert client_ip(forged) == "10.0.0.2"
    assert get_adapter(forged).get_client_ip(forged) == "10.0.0.2"


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_one_trusted_proxy_the_address_it_saw_is_the_client_everywhere():
    proxied = request(HTTP_X_FORWARDED_FOR=FORWARDED)

    assert client_ip(proxied) == "198.51.100.7"
    assert get_adapter(proxied).get_client_ip(proxied) == "198.51.100.7"
    assert network_of(proxied) == "198.51.100.0/24"


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=2)
def test_a_request_that_skipped_the_proxies_is_read_from_its_peer():
    assert client_ip(request()) == "10.0.0.2"


def test_no_address_at_all_is_refused_by_allauth_and_left_out_of_the_log():
    anonymous = RequestFactory().get("/", REMOTE_ADDR="")

    with pytest.raises(PermissionDenied):
        get_adapter(anonymous).get_client_ip(anonymous)
    assert network_of(anonymous) == ""
