"""Outbox policy: how long to wait after a failed attempt, when to give up, how fast to send.

The outbox itself is the ``deliveries`` table (``store/alerts.py``); this module holds the pure
decisions the delivery loop takes over it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff: ``base * factor**(attempt-1)``, capped; dead after ``max_attempts``.

    Defaults: 30 s, 1 min, 2 min … capped at 6 h; eight attempts span about 1 h 04 min, long
    enough to ride out a receiver's restart or a short outage, short enough to surface a broken
    destination the same day (its deliveries are then dead letters, listed by ``newstrace alerts``).
    """

    base_seconds: float = 30.0
    factor: float = 2.0
    max_delay_seconds: float = 6 * 3600.0
    max_attempts: int = 8

    def delay(self, attempts: int) -> timedelta:
        seconds = self.base_seconds * self.factor ** max(attempts - 1, 0)
        return timedelta(seconds=min(seconds, self.max_delay_seconds))

    def retry_at(self, attempts: int, now: datetime, permanent: bool = False) -> datetime | None:
        """When to try again after ``attempts`` failed attempts; None: a dead letter."""
        if permanent or attempts >= self.max_attempts:
            return None
        return now + self.delay(attempts)


@dataclass(frozen=True, slots=True)
class RateLimit:
    """At most ``messages`` per ``per_seconds`` to one destination (more wait, none are dropped).

    The default, 120 a minute (2 a second sustained), stops a runaway subscription from flooding a
    receiver without delaying ordinary traffic: streaming ECB+ dev at the pipeline's full speed
    (about 10 articles a second, ``benchmarks/alerts.py``), 30 a minute held back the broadest
    query's alerts by 30 s at the median; 120 holds none back. People who want fewer messages
    choose an hourly or daily digest.
    """

    messages: int = 120
    per_seconds: float = 60.0


@dataclass(slots=True)
class RateLimiter:
    """Sliding-window counter per destination; state lives in the delivery worker, not globally."""

    limit: RateLimit = field(default_factory=RateLimit)
    _sent: dict[str, deque[datetime]] = field(default_factory=dict)

    def wait_until(self, destination: str, now: datetime) -> datetime | None:
        """None when a message may go now, else the moment the window frees a slot."""
        window = self._sent.setdefault(destination, deque())
        horizon = now - timedelta(seconds=self.limit.per_seconds)
        while window and window[0] <= horizon:
            window.popleft()
        if len(window) < self.limit.messages:
            return None
        return window[0] + timedelta(seconds=self.limit.per_seconds)

    def record(self, destination: str, moment: datetime) -> None:
        self._sent.setdefault(destination, deque()).append(moment)

