"""One-line GUI operations: each names a user action and the service call that performs it.

A page captures ids and values from its widgets, builds an `Op` with one of these functions,
and hands it to `AppContext.run_op`, which runs it on the worker. Keyword-only arguments, one
module per register, as in Anki's `aqt/operations`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication

from ...db.uow import UnitOfWork
from ...domain.changes import Changes
from ...domain.task import Progress


def tr(text: str) -> str:
    # pyside6-lupdate files a module-level tr("…") under the empty context; look it up there.
    return QCoreApplication.translate("", text)


@dataclass(frozen=True)
class Op:
    label: str  # shown as "Undo <label>"
    action: Callable[[UnitOfWork, Progress], Changes]
    undoable: bool = True
    progress_label: str | None = None  # set for long jobs: shows a progress dialog with Cancel


def op(label: str, call: Callable[[UnitOfWork], Changes]) -> Op:
    """An undoable edit that needs no progress reporting."""
    return Op(label, lambda uow, _progress: call(uow))
