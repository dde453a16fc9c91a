"""The table view every small register page uses, and keeping its selection, scroll and widths.

Pages refresh themselves whenever a change concerns them; the record the user was on stays
selected and the table does not jump.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ..models.id_table import IdTableModel


def register_table(model: IdTableModel, parent: QWidget | None = None, *, name: str = "table") -> QTableView:
    """Whole-row single selection, sortable by header (click again to go back to the natural order)."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSortIndicatorClearable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.setSortIndicatorShown(True)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    table.setSortingEnabled(True)
    return table


def selected_id(table: QTableView) -> str | None:
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    model: IdTableModel = table.model()
    return model.id_at(rows[0].row())


def select_id(table: QTableView, record_id: str | None, *, scroll: bool = True) -> bool:
    """Select the row of `record_id`; False (and no selection) if the table does not show it."""
    model: IdTableModel = table.model()
    row = model.row_of(record_id) if record_id else -1
    if row < 0:
        table.clearSelection()
        return False
    index = model.index(row, 0)
    table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    if scroll:
        table.scrollTo(index)
    return True


def column_widths(table: QTableView) -> list[int]:
    header = table.horizontalHeader()
    return [header.sectionSize(i) for i in range(header.count())]


def set_column_widths(table: QTableView, widths: Any) -> None:
    """Widths saved earlier; anything unreadable (an older layout) is ignored."""
    if not isinstance(widths, (list, tuple)):
        return
    header = table.horizontalHeader()
    for column, width in enumerate(widths[:header.count() - 1]):  # the last one stretches
        try:
            header.resizeSection(column, max(30, int(width)))
        except (TypeError, ValueError):
            return


def fit_columns(table: QTableView, widths: dict[str, int]) -> None:
    """First-run widths in characters per column key, so a table looks right before any saving."""
    model: IdTableModel = table.model()
    char = table.fontMetrics().averageCharWidth()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, spec in enumerate(model.columns):
        if spec.key in widths:
            header.resizeSection(column, widths[spec.key] * char + 16)


def add_row_actions(table: QTableView, actions: Iterable[tuple[str, Any, Callable[[], None]]]) -> None:
    """Keyboard shortcuts (while the table has focus) that also make up its context menu."""
    for text, key, slot in actions:
        action = QAction(text, table)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        table.addAction(action)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
