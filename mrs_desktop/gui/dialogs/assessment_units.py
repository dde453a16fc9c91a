"""The assessment dialog's unit grid: a row per unit of competency with its outcome code.

Picking an occupation offers its catalogue units (code and title, the code fixed); "Add unit"
adds a row for a unit typed by code. Rows whose outcome she chose are kept when the occupation
changes, so nothing she entered is lost.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHeaderView, QTableWidget, QTableWidgetItem,
)

from ..models.assessments import outcome_names

CODE, TITLE, OUTCOME = range(3)
_FROM_CATALOGUE = Qt.ItemDataRole.UserRole + 1


class UnitGrid(QObject):
    """Drives the dialog's QTableWidget: rows in, (code, outcome code) pairs out."""

    changed = Signal()

    def __init__(self, table: QTableWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.table = table
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([self.tr("Unit code"), self.tr("Title"), self.tr("Outcome")])
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(OUTCOME, QHeaderView.ResizeMode.ResizeToContents)
        table.itemChanged.connect(lambda _item: self.changed.emit())

    def offer(self, units: Sequence[tuple[str, str]]) -> None:
        """The catalogue units of the occupation picked; rows with an outcome chosen stay."""
        kept = [(self._code(r), self._title(r), self._outcome(r), self._from_catalogue(r))
                for r in range(self.table.rowCount()) if self._outcome(r) or not self._from_catalogue(r)]
        have = {code.casefold() for code, *_ in kept}
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for code, title, outcome, fixed in kept:
            self._append(code, title, outcome, fixed)
        for code, title in units:
            if code.casefold() not in have:
                self._append(code, title, None, True)
        self.table.blockSignals(False)
        self.changed.emit()

    def add_blank(self) -> None:
        """A row for a unit typed by code (a new unit: its title is its code until renamed)."""
        self._append("", "", None, False)
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, CODE)
        self.table.editItem(self.table.item(row, CODE))
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def set_outcome(self, row: int, outcome: str | None) -> None:
        combo: QComboBox = self.table.cellWidget(row, OUTCOME)
        combo.setCurrentIndex(max(0, combo.findData(outcome)))

    def units(self) -> list[tuple[str, str | None]]:
        return [(self._code(r), self._outcome(r)) for r in range(self.table.rowCount())]

    # Rows ----------------------------------------------------------------------------------------

    def _append(self, code: str, title: str, outcome: str | None, from_catalogue: bool) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        code_item = QTableWidgetItem(code)
        code_item.setData(_FROM_CATALOGUE, from_catalogue)
        title_item = QTableWidgetItem(title if from_catalogue else self.tr("new unit"))
        title_item.setFlags(title_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if from_catalogue:
            code_item.setFlags(code_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            title_item.setToolTip(title)
        self.table.setItem(row, CODE, code_item)
        self.table.setItem(row, TITLE, title_item)
        combo = QComboBox()
        combo.addItem(self.tr("choose…"), None)
        for key, name in outcome_names().items():
            combo.addItem(f"{key} — {name}", key)
        combo.setCurrentIndex(max(0, combo.findData(outcome)))
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(row, OUTCOME, combo)

    def _code(self, row: int) -> str:
        item = self.table.item(row, CODE)
        return item.text().strip() if item else ""

    def _title(self, row: int) -> str:
        item = self.table.item(row, TITLE)
        return item.text() if item else ""

    def _from_catalogue(self, row: int) -> bool:
        item = self.table.item(row, CODE)
        return bool(item and item.data(_FROM_CATALOGUE))

    def _outcome(self, row: int) -> str | None:
        combo = self.table.cellWidget(row, OUTCOME)
        return combo.currentData() if combo is not None else None
