"""Hybrid logical clock: change stamps that order events across nodes whose wall clocks differ.

A stamp is `<wall ms, 13 digits>.<counter, 5 digits>.<node id>`; comparing two stamps as text
compares them as clocks, so SQL can use `ORDER BY hlc` and `hlc > ?` directly.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date
from typing import Callable

from .errors import InputRejected

MAX_COUNTER = 99_999
# A stamp more than this far ahead of our wall clock is refused rather than adopted, so one
# laptop with a wrong date cannot drag every partner's clock into the future.
MAX_DRIFT_MS = 24 * 3600 * 1000


@dataclass(frozen=True, slots=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}.{self.counter:05d}.{self.node}"

    @classmethod
    def parse(cls, text: str) -> "Stamp":
        try:
            wall, counter, node = text.split(".", 2)
            stamp = cls(int(wall), int(counter), node)
        except (ValueError, AttributeError):
            raise InputRejected(f"not a clock stamp: {text!r}") from None
        if len(wall) != 13 or len(counter) != 5 or not node:
            raise InputRejected(f"not a clock stamp: {text!r}")
        return stamp


class HybridClock:
    """Issues strictly increasing stamps for one node; thread-safe."""

    def __init__(self, node: str, wall_ms: Callable[[], int] | None = None, last: str | None = None):
        self.node = node
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)
        self._lock = threading.Lock()
        self._l, self._c = 0, 0
        if last:
            self.observe(last, check_drift=False)

    def now(self) -> str:
        with self._lock:
            pt = self._wall_ms()
            if pt > self._l:
                self._l, self._c = pt, 0
            else:
                self._tick()
            return str(Stamp(self._l, self._c, self.node))

    def now_many(self, n: int) -> list[str]:
        """`n` consecutive stamps in one step (bulk writes), as if `now()` were called n times."""
        with self._lock:
            pt = self._wall_ms()
            if pt > self._l:
                self._l, self._c = pt, -1
            stamps: list[str] = []
            suffix = "." + self.node
            wall, counter = self._l, self._c
            while len(stamps) < n:
                if counter >= MAX_COUNTER:  # as _tick: the next millisecond, counter from 0
                    wall, counter = wall + 1, -1
                take = min(n - len(stamps), MAX_COUNTER - counter)
                prefix = f"{wall:013d}."
                stamps += [f"{prefix}{c:05d}{suffix}" for c in range(counter + 1, counter + 1 + take)]
                counter += take
            self._l, self._c = wall, counter
            return stamps

    def observe(self, stamp: str, *, check_drift: bool = True) -> None:
        """Move past a stamp seen from another node (or from our own last session)."""
        remote = Stamp.parse(stamp)
        with self._lock:
            pt = self._wall_ms()
            if check_drift and remote.wall_ms > pt + MAX_DRIFT_MS:
                raise InputRejected(
                    f"a change is stamped {describe(remote.wall_ms)}, more than a day ahead of "
                    f"this computer's clock ({describe(pt)}); check the sender's date settings"
                )
            if (remote.wall_ms, remote.counter) > (self._l, self._c):
                self._l, self._c = remote.wall_ms, remote.counter

    def _tick(self) -> None:
        if self._c >= MAX_COUNTER:  # counter full: logical time steps one millisecond ahead
            self._l, self._c = self._l + 1, 0
        else:
            self._c += 1


def describe(wall_ms: int) -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(wall_ms / 1000))


def today() -> date:
    return date.today()
