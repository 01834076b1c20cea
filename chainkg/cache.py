"""The service's one cache of derived results: entries keyed on (store version, key), expiring after
``CACHE_TTL_S``, at most ``CACHE_SIZE`` of them (least recently used dropped first), and one
computation per key — concurrent callers of the same key wait for it instead of piling on.

Why a version in the key and a TTL too: :meth:`chainkg.service.ChainKG.version` changes with every
write this process makes and with the store's own cheap change token, but an in-place Neo4j property
update by another process changes no count the token reads; the TTL bounds how stale that can be.
``api.middleware`` keeps its response bodies on the same token and TTL, so both go stale together.

>>> cache = VersionedCache()
>>> cache.get(1, ("answer",), lambda: 42), cache.get(1, ("answer",), lambda: 0)
(42, 42)
>>> cache.get(2, ("answer",), lambda: 43)  # a new version: computed again
43
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

__all__ = ["VersionedCache", "CACHE_TTL_S", "CACHE_SIZE"]

CACHE_TTL_S = 30.0
CACHE_SIZE = 64


class VersionedCache:
    """Thread-safe memo of derived results; see the module docstring."""

    def __init__(self, ttl: float = CACHE_TTL_S, size: int = CACHE_SIZE) -> None:
        self.ttl, self.size = ttl, size
        self._entries: OrderedDict = OrderedDict()
        self._locks: dict = {}
        self._lock = threading.Lock()

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def _fresh(self, key: tuple) -> tuple[bool, object]:
        hit = self._entries.get(key)
        if hit and time.monotonic() - hit[0] < self.ttl:
            self._entries.move_to_end(key)
            return True, hit[1]
        return False, None

    def get(self, version: Hashable, key: tuple, compute: Callable[[], object]) -> object:
        """The cached value of ``key`` at ``version``, or ``compute()`` stored as it."""
        key = (version, *key)
        with self._lock:
            found, value = self._fresh(key)
            if found:
                return value
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one computation per key; concurrent callers wait for it instead of piling on
            with self._lock:
                found, value = self._fresh(key)
                if found:
                    return value
            value = compute()
            with self._lock:
                self._entries[key] = (time.monotonic(), value)
                while len(self._entries) > self.size:
                    self._entries.popitem(last=False)
                self._locks.pop(key, None)
        return value
