"""Progress and cancellation of a long job (imports, exports, demo data), Orange3-style.

Services take an optional `Progress`; the GUI passes one wired to a progress bar and a Cancel
button, the CLI passes one that prints, tests pass `Progress()` or a recording subclass.
"""

from __future__ import annotations

from .errors import MrsError


class Cancelled(MrsError):
    """The user cancelled the job; nothing it was doing was kept."""

    exit_code = 1


class Progress:
    """Receives progress; `check()` raises Cancelled once `cancel()` was called."""

    def __init__(self) -> None:
        self._cancelled = False

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        """Called by the job; override to show it. Jobs call it at most every few thousand rows."""

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def check(self) -> None:
        if self._cancelled:
            raise Cancelled("cancelled: nothing was changed")
