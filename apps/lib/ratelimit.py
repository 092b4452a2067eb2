"""A small fixed-window rate limit for the public endpoints allauth does not cover.

Counts live in the shared cache (Redis in production), keyed by the client's address as seen
through the configured number of trusted proxies, like allauth's own limits.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


def client_ip(request: HttpRequest) -> str:
    """The client's address: the one the last of ALLAUTH_TRUSTED_PROXY_COUNT proxies saw, or the
    peer's. The only place Pacewise reads it (allauth's limits use it too, via the adapter)."""
    proxies = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    forwarded = [
        part.strip()
        for part in request.headers.get("X-Forwarded-For", "").split(",")
        if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def within_limit(key: str, limit: int, period: int) -> bool:
    """Count one more hit on `key`; False once it has had `limit` hits in the current window
    of `period` seconds (a fixed window in the shared cache)."""
    cache.add(key, 0, period)
    try:
        count = cache.incr(key)
    except ValueError:  # the window expired between add and incr
        cache.set(key, 1, period)
        count = 1
    return count <= limit


def rate_limited(scope: str, limit: int, period: int) -> Callable:
    """Allow `limit` requests per `period` seconds per client address, then answer 429."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not within_limit(f"ratelimit:{scope}:{client_ip(request)}", limit, period):
                body = render_to_string("429.html", request=request)
                return HttpResponse(body, status=429, headers={"Retry-After": str(period)})
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
