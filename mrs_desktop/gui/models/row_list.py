"""An id-list table over a register small enough to read whole (trainings, equivalences).

The service returns every matching row at once (hundreds, not 100,000), so sorting is done
here by each column's key, moving rows without resetting the view (selection stays).
"""

from __future__ import annotations

from typing import Any, Callable, Generic, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication

from .id_table import Column, IdTableModel, Row


class RowListModel(IdTableModel, Generic[Row]):
    """Rows with an `id`; `sort_keys` per column key (default: the shown text, ignoring case);
    `muted(row)` greys out rows this node may not change (a partner's records)."""

    def __init__(self, columns: Sequence[Column[Row]], *,
                 sort_keys: dict[str, Callable[[Row], Any]] | None = None,
                 muted: Callable[[Row], bool] | None = None,
                 tooltip: Callable[[Row], str | None] | None = None, parent=None):
        super().__init__(columns, self._rows_of, parent)
        self._rows: dict[str, Row] = {}
        self._sort_keys = sort_keys or {}
        self._muted = muted
        self._tooltip = tooltip
        self._order: tuple[int, Qt.SortOrder] | None = None
        self._natural: list[str] = []  # the service's own order, back when sorting is cleared

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows, in the current sort order if the user chose one."""
        self._rows = {row.id: row for row in rows}
        ids = self._natural = [row.id for row in rows]
        if self._order is not None:
            ids = self._sorted(ids, *self._order)
        self.set_ids(ids)

    def row_by_id(self, record_id: str) -> Row | None:
        return self._rows.get(record_id)

    def _rows_of(self, ids: list[str]) -> list[Row]:
        return [self._rows[i] for i in ids]

    # Sorting without a reset: the view keeps its selection -----------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Column -1 (the header's sort indicator cleared): back to the service's order."""
        self._order = (column, order) if 0 <= column < len(self.columns) else None
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = [(self.id_at(index.row()), index.column()) for index in before]
        self._ids = self._sorted(self._ids, column, order) if self._order else list(self._natural)
        position = {record_id: row for row, record_id in enumerate(self._ids)}
        self.changePersistentIndexList(before, [self.index(position[i], c) for i, c in moved])
        self.layoutChanged.emit()

    def _sorted(self, ids: list[str], column: int, order: Qt.SortOrder) -> list[str]:
        spec = self.columns[column]
        key = self._sort_keys.get(spec.key)
        if key is None:
            def key(row):
                return str(spec.text(row) or "").casefold()
        keyed = [(key(self._rows[i]), i) for i in ids]
        blank = [i for k, i in keyed if k is None or k == ""]  # blanks last either way
        filled = [(k, i) for k, i in keyed if not (k is None or k == "")]
        filled.sort(key=lambda pair: pair[0], reverse=order == Qt.SortOrder.DescendingOrder)
        return [i for _k, i in filled] + blank

    # Extra roles --------------------------------------------------------------------------------

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < len(self._ids):
            if role == Qt.ItemDataRole.ForegroundRole and self._muted is not None:
                row = self.row(index.row())
                if row is not None and self._muted(row):
                    return QBrush(_muted_colour())
                return None
            if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
                row = self.row(index.row())
                return None if row is None else self._tooltip(row)
        return super().data(index, role)


def _muted_colour() -> QColor:
    return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
