"""Sign-in throttling: failed attempts counted per account and per address in a sliding window.

Kept in the server's memory: one `coopex serve` process is the deployment this version
supports (several processes would each count their own attempts, a weaker limit).
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from coopex.domain.errors import TooManyAttempts


@dataclass(frozen=True, slots=True)
class ThrottleLimits:
    per_account: int = 5  # failures of one e-mail address within the window
    per_address: int = 20  # failures from one client address within the window
    window_seconds: float = 900.0


class SignInThrottle:
    def __init__(
        self, limits: ThrottleLimits | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limits = limits or ThrottleLimits()
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def keys(email: str, address: str | None) -> list[tuple[str, str]]:
        keys = [("account", email.strip().lower())]
        if address:
            keys.append(("address", address))
        return keys

    def _limit(self, kind: str) -> int:
        return self.limits.per_account if kind == "account" else self.limits.per_address

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and failures[0] <= now - self.limits.window_seconds:
            failures.popleft()
        return failures

    def check(self, keys: Iterable[tuple[str, str]]) -> None:
        """Raise TooManyAttempts when any key has used up its failures in the window."""
        now = self.clock()
        wait = 0.0
        with self._lock:
            for kind, value in keys:
                failures = self._recent(f"{kind}:{value}", now)
                if len(failures) >= self._limit(kind):
                    oldest_that_counts = failures[len(failures) - self._limit(kind)]
                    wait = max(wait, oldest_that_counts + self.limits.window_seconds - now)
        if wait > 0:
            raise TooManyAttempts(max(1, math.ceil(wait)))

    def failed(self, keys: Iterable[tuple[str, str]]) -> None:
        now = self.clock()
        with self._lock:
            for kind, value in keys:
                self._recent(f"{kind}:{value}", now).append(now)

    def succeeded(self, email: str) -> None:
        """A right password clears the account's failures (not the address's)."""
        with self._lock:
            self._failures.pop(f"account:{email.strip().lower()}", None)
