"""Table models of the Sync page and the import preview: peers, conflicts, bundle history, and a
bundle's records (filterable by outcome). Each is a plain list read whole: tens or a few
thousand rows, never a register's 100,000."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Generic, Iterable, Sequence, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...services.sync.labels import REGISTER_NAMES
from .. import dates

Row = TypeVar("Row")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


@dataclass(frozen=True)
class Col(Generic[Row]):
    title: str
    text: Callable[[Row], Any]
    tip: Callable[[Row], str | None] | None = None


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Rows shown by columns; `warn(row)` paints a row's text in red (rejected, revoked)."""

    def __init__(self, columns: Sequence[Col[Row]], *, warn: Callable[[Row], bool] | None = None, parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Row] = []
        self._warn = warn

    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.text(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return column.tip(row)
        if role == Qt.ItemDataRole.ForegroundRole and self._warn is not None and self._warn(row):
            return QBrush(QColor("#b3261e"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None


class FilteredRowsModel(RowsModel[Row]):
    """RowsModel showing only the rows `keep(row)` accepts (the preview's outcome filter)."""

    def __init__(self, columns: Sequence[Col[Row]], **kwargs):
        super().__init__(columns, **kwargs)
        self._all: list[Row] = []
        self._keep: Callable[[Row], bool] = lambda _row: True

    def set_rows(self, rows: Iterable[Row]) -> None:
        self._all = list(rows)
        super().set_rows(r for r in self._all if self._keep(r))

    def set_filter(self, keep: Callable[[Row], bool] | None) -> None:
        self._keep = keep or (lambda _row: True)
        super().set_rows(r for r in self._all if self._keep(r))


# Words for values the services give as codes ------------------------------------------------------

def register_name(register: str) -> str:
    return tr(REGISTER_NAMES.get(register, register))


def outcome_names() -> dict[str, str]:
    return {"new": tr("new"), "updated": tr("updated"), "unchanged": tr("unchanged"),
            "rejected": tr("rejected"), "held": tr("held")}


def when(iso: str | None) -> str:
    """An ISO time as the user's date style, with hours and minutes; '' for never."""
    if not iso:
        return ""
    day, _, rest = iso.partition("T")
    try:
        shown = dates.format_date(date.fromisoformat(day))
    except ValueError:
        shown = day
    return f"{shown} {rest[:5]}".strip()


def value_text(value: Any) -> str:
    if value is None:
        return tr("(empty)")
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    return str(value)
