"""How the command line prints: plain tables for people, JSON for scripts, progress on stderr."""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import date
from typing import Any, Iterable, Sequence

from ..domain.task import Progress


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def print_json(value: Any) -> None:
    json.dump(_plain(value), sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    rows = [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    print(line.rstrip())
    for row in rows:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())


def err(message: str) -> None:
    print(f"mrs: {message}", file=sys.stderr)


class StderrProgress(Progress):
    """Prints progress on a terminal only, so scripts' stderr stays quiet."""

    def __init__(self) -> None:
        super().__init__()
        self._shown = -1
        self._tty = sys.stderr.isatty()

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        if not self._tty:
            return
        percent = int(100 * done / total) if total else -1
        if percent != self._shown:
            self._shown = percent
            figure = f"{percent:3d}%" if total else f"{done:,}"
            print(f"\r{figure} {text}".ljust(60), end="", file=sys.stderr, flush=True)

    def finish(self) -> None:
        if self._tty and self._shown != -1:
            print(file=sys.stderr)
