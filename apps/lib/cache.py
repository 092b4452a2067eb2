"""Redis as a cache that fails open: when Redis is down, pages still serve.

What lives in this cache (allauth's rate-limit counters, the health probe) is worth losing for
a while rather than answering every request with an error. Each failure is logged, without
keys or values.
"""

import logging
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import BusyLoadingError, OutOfMemoryError, ReadOnlyError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
# Unreachable or slow, but also full (maxmemory with noeviction), read-only (a replica after a
# failover) or still loading its data after a restart.
OUTAGE = (
    RedisConnectionError,
    RedisTimeoutError,
    OSError,
    OutOfMemoryError,
    ReadOnlyError,
    BusyLoadingError,
)


class FailOpenRedisCache(RedisCache):
    def _quietly(self, operation: str, default: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except OUTAGE:
            logger.warning("Cache unavailable during %s; carrying on without it.", operation)
            return default

    def get(self, *args: Any, **kwargs: Any) -> Any:
        default = kwargs.get("default", args[1] if len(args) > 1 else None)
        return self._quietly("get", default, *args, **kwargs)

    def set(self, *args: Any, **kwargs: Any) -> None:
        self._quietly("set", None, *args, **kwargs)

    def add(self, *args: Any, **kwargs: Any) -> bool:
        # True: a lock taken with add() (allauth's rate limits use one) is then not refused.
        return self._quietly("add", True, *args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> bool:
        return self._quietly("delete", False, *args, **kwargs)

    def incr(self, *args: Any, **kwargs: Any) -> int:
        return self._quietly("incr", 1, *args, **kwargs)

    def get_many(self, *args: Any, **kwargs: Any) -> dict:
        return self._quietly("get_many", {}, *args, **kwargs)

    def set_many(self, *args: Any, **kwargs: Any) -> list:
        return self._quietly("set_many", [], *args, **kwargs)

    def delete_many(self, *args: Any, **kwargs: Any) -> None:
        self._quietly("delete_many", None, *args, **kwargs)

    def touch(self, *args: Any, **kwargs: Any) -> bool:
        return self._quietly("touch", False, *args, **kwargs)
