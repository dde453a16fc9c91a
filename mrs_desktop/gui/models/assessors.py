"""Table models of the assessor register: the register itself (ids, rows built lazily) and one
assessor's accreditations with their effective status."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ...db.store import Store
from ...domain.reference import countries
from ...services.search import AccreditationDetail, AssessorRow, assessor_rows
from .. import settings
from ..dates import format_date
from .id_table import Column, IdTableModel

READ_ONLY_ROLE = Qt.ItemDataRole.UserRole + 1  # True for a partner's record
# Roles as plain ints: a view asks data() for seven roles of every visible cell on each paint,
# so the register's data() answers the two it serves first and the rest at once.
_DISPLAY, _TOOLTIP, _FOREGROUND, _ID = 0, 3, 9, 256
_READ_ONLY = _ID + 1
STATUS_COLOURS = {"suspended": "#9a5b00", "revoked": "#b00020", "expired": "#6b6b6b"}


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def status_text(status: str) -> str:
    """An accreditation status in the user's words (stored and derived values are English keys)."""
    return {"active": tr("Active"), "suspended": tr("Suspended"), "revoked": tr("Revoked"),
            "expired": tr("Expired"), "": tr("No accreditation")}.get(status, status)


def country_name(code: str) -> str:
    country = countries().get(code)
    return country.name if country else code


def owner_note(code: str) -> str:
    return tr("Owned by {country}: read-only").format(country=country_name(code))


def register_columns(date_text: Callable[[date | None], str] = format_date,
                     ) -> list[Column[AssessorRow]]:
    return [
        Column("family_name", tr("Family name"), lambda r: r.family_name),
        Column("given_names", tr("Given names"), lambda r: r.given_names),
        Column("name_native", tr("Native-script name"), lambda r: r.name_native),
        Column("country", tr("Country"), lambda r: country_name(r.country)),
        Column("organisation", tr("Organisation"), lambda r: r.organisation),
        Column("levels", tr("Levels"), lambda r: r.levels),
        Column("occupations", tr("Occupations"), lambda r: r.occupations),
        Column("status", tr("Status"), lambda r: status_text(r.status)),
        Column("next_expiry", tr("Next expiry"), lambda r: date_text(r.next_expiry)),
    ]


class AssessorTableModel(IdTableModel[AssessorRow]):
    """The register: ids in the order the services gave them; rows fetched as the view needs them.

    Sorting re-queries the ids in the new order: `sort()` only asks for it (`sort_requested`,
    column -1 meaning the search's own order) and the page loads the re-ordered list.
    """

    sort_requested = Signal(int, bool)  # column (-1: none), descending

    def __init__(self, store: Store, parent=None):
        super().__init__(register_columns(self._date_text), self._fetch_rows, parent)
        self._store = store
        self._date_style = settings.DATE_DISPLAY.get()
        self._texts = [c.text for c in self.columns]
        self._status_column = [c.key for c in self.columns].index("status")

    def _date_text(self, value: date | None) -> str:
        return format_date(value, self._date_style)

    def _fetch_rows(self, ids: list[str]) -> list[AssessorRow]:
        # One row per id, always: a record removed since the ids were read shows as a blank
        # row until the next re-query, instead of shifting every row after it.
        found = {r.id: r for r in assessor_rows(self._store, ids)}
        return [found.get(i) or _gone(i) for i in ids]

    def set_ids(self, ids: list[str]) -> None:
        self._date_style = settings.DATE_DISPLAY.get()  # the preference may have changed meanwhile
        super().set_ids(ids)

    def show_rows(self, rows: Sequence[AssessorRow]) -> None:
        """Show these rows (the first page of a search) without fetching them again."""
        self.set_ids([r.id for r in rows])
        self._cache.update((r.id, r) for r in rows)

    def update_ids(self, ids: list[str]) -> str:
        """Take a fresh id list, disturbing the view as little as possible.

        'same': rows re-read in place; 'extended': the old ids were its first ones (the full list
        of a search whose first page is shown), rows appended; 'reset': a new list.
        """
        old = self._ids
        if ids == old:
            self._cache.clear()
            self._date_style = settings.DATE_DISPLAY.get()
            if old:
                last = self.index(len(old) - 1, len(self.columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return "same"
        if len(ids) > len(old) and ids[:len(old)] == old:
            self.beginInsertRows(QModelIndex(), len(old), len(ids) - 1)
            self._ids = list(ids)
            self.endInsertRows()
            return "extended"
        self.set_ids(ids)
        return "reset"

    def cached_rows(self) -> int:
        return len(self._cache)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_requested.emit(column if 0 <= column < len(self.columns) else -1,
                                 order == Qt.SortOrder.DescendingOrder)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if role not in (_DISPLAY, _FOREGROUND, _TOOLTIP, _ID, _READ_ONLY) or not index.isValid():
            return None
        row_number = index.row()
        if not 0 <= row_number < len(self._ids):
            return None
        if role == _ID:
            return self._ids[row_number]
        row = self.row(row_number)
        if role == _DISPLAY:
            value = self._texts[index.column()](row)
            return "" if value is None else str(value)
        if role == _FOREGROUND:
            if index.column() != self._status_column:
                return None
            colour = STATUS_COLOURS.get(row.status)
            return QColor(colour) if colour else None
        if role == _TOOLTIP:
            return owner_note(row.country) if row.read_only else None
        return row.read_only


def _gone(record_id: str) -> AssessorRow:
    return AssessorRow(id=record_id, country="", assessor_ref=None, family_name=tr("(removed)"),
                       given_names=None, name_native=None, organisation=None, accreditations=0,
                       levels="", occupations="", status="", next_expiry=None, read_only=True)


class AccreditationsModel(QAbstractTableModel):
    """One assessor's accreditations, newest first, each with its effective status."""

    STATUS_COLUMN = 6

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[AccreditationDetail] = []
        self._titles = [tr("Number"), tr("Sector"), tr("Occupation"), tr("Level"),
                        tr("Accredited on"), tr("Valid until"), tr("Status")]

    def set_accreditations(self, rows: Sequence[AccreditationDetail]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def accreditation(self, row: int) -> AccreditationDetail:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        acc = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(acc, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return _status_note(acc)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.STATUS_COLUMN:
            colour = STATUS_COLOURS.get(acc.status)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.UserRole:
            return acc.id
        return None

    @staticmethod
    def _text(acc: AccreditationDetail, column: int) -> str:
        occupation = " ".join(p for p in (acc.occupation_code, acc.occupation) if p)
        values = (acc.accreditation_no, acc.sector or "", occupation, str(acc.aqrf_level),
                  format_date(acc.accredited_on), format_date(acc.valid_until),
                  status_text(acc.status))
        return values[column]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._titles[section] if 0 <= section < len(self._titles) else None
        return section + 1


def _status_note(acc: AccreditationDetail) -> str | None:
    notes = []
    if acc.status in ("suspended", "revoked"):
        notes.append(tr("{status} on {date}: {reason}").format(
            status=status_text(acc.status), date=format_date(acc.status_date),
            reason=acc.status_reason or ""))
    if acc.renews_id:
        notes.append(tr("Renews an earlier accreditation"))
    if acc.accrediting_body:
        notes.append(tr("Accredited by {body}").format(body=acc.accrediting_body))
    return "\n".join(notes) or None


def setup_accreditation_table(table: QTableView, model: AccreditationsModel) -> None:
    """Accreditations read-only, one per row, as the details pane and the editor show them."""
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
