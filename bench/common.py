"""What every benchmark returns: figures, and the ratio to a baseline measured in the same run."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from typing import Callable


@dataclass
class Result:
    name: str             # what was measured, in a user's words
    value: float          # the figure (seconds, ms, MB, ...)
    unit: str
    target: str           # the target, as text ("<= 5x raw", "p95 <= 2 ms")
    ok: bool              # whether the target was met in this run
    baseline: float | None = None  # the baseline figure, same unit, same run
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def best_of(n: int, fn: Callable[[], object]) -> float:
    return min(timed(fn) for _ in range(n))


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[94] if len(samples) >= 20 else max(samples)
