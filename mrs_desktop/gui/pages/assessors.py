"""The assessor register: search as you type in any script, filters, a sortable table over id
lists, multi-select actions, and the selected assessor's accreditations underneath."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QLocale, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QMenu, QSizePolicy, QSplitter, QTableView, QToolBar,
    QVBoxLayout, QWidget,
)

from ...domain.changes import Changes
from ...services.assessor_list import RegisterView
from ...services.search import AssessorRow
from ..context import AppContext
from ..models.assessors import AssessorTableModel
from .assessors_actions import AssessorActions
from .assessors_details import AssessorDetails
from .assessors_filters import AssessorFilters
from .assessors_loader import RegisterLoader
from .base import Page

if TYPE_CHECKING:  # editors are imported when first opened, not at start
    from ..dialogs.assessor_editor import AssessorEditor

# Defaults that fit a 1366×768 screen; she may resize them (remembered) and hover for the rest.
COLUMN_WIDTHS = {"family_name": 120, "given_names": 130, "name_native": 150, "country": 125,
                 "organisation": 165, "levels": 50, "occupations": 170, "status": 75,
                 "next_expiry": 90}
MAX_ROWS_FOR_ACTIONS = 2000  # status changes and deletes read each selected record first


class AssessorsPage(Page):
    name = "assessors"
    registers = frozenset({"assessor", "accreditation", "sector", "occupation"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Assessors"))
        self.filters = AssessorFilters(ctx.store)
        self.model = AssessorTableModel(ctx.store, self)
        self.table = self._build_table()
        self.loader = RegisterLoader(ctx, self.model, self)
        self.actions = AssessorActions(self)
        self.details = AssessorDetails(ctx.store)
        self.count = QLabel()
        self.count.setObjectName("assessor_count")
        self._order: tuple[str, bool] | None = None  # column key, descending
        self._kept: tuple[list[str], str | None, str | None] = ([], None, None)
        self._select_after: str | None = None
        self._fresh = False
        self._widths_chosen = False  # by her (restored from settings) or fitted to the first window
        self._build_layout()
        self.filters.changed.connect(self.reload)
        self.loader.about_to_update.connect(self._remember_selection)
        self.loader.updated.connect(self._on_updated)
        self.loader.pending.connect(lambda: self._show_count(self.tr("Searching…")))
        self.loader.failed.connect(self._on_failed)
        self.reload()

    # Building -----------------------------------------------------------------------------------

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("assessor_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Room for the marks above and below Khmer and Myanmar letters.
        rows.setDefaultSectionSize(int(table.fontMetrics().height() * 1.7))
        header = table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        for column, c in enumerate(self.model.columns):
            header.resizeSection(column, COLUMN_WIDTHS.get(c.key, 100))
        header.sectionClicked.connect(self._sort_clicked)
        self.model.sort_requested.connect(self._sort_requested)  # table.sortByColumn(...)
        table.activated.connect(lambda i: self.actions.open_assessor(self.model.id_at(i.row())))
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        return table

    def _build_layout(self) -> None:
        acts = self.actions
        toolbar = QToolBar()
        toolbar.setObjectName("assessor_actions")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (acts.new, None, acts.suspend, acts.revoke, acts.reinstate, None, acts.export,
                       acts.delete):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.count)
        for action in (acts.open, acts.suspend, acts.revoke, acts.reinstate, acts.export,
                       acts.delete):
            self.table.addAction(action)  # their shortcuts (Delete) work while the table has focus
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([430, 210])
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(toolbar)
        layout.addWidget(self.splitter, 1)
        acts.update([])

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._widths_chosen:
            self._widths_chosen = True
            QTimer.singleShot(0, self._fit_columns)

    def _fit_columns(self) -> None:
        """Give the room a wider window leaves to the long texts: organisation and occupations."""
        header = self.table.horizontalHeader()
        spare = self.table.viewport().width() - header.length()
        if spare <= 0:
            return
        keys = [c.key for c in self.model.columns]
        for key in ("organisation", "occupations"):
            column = keys.index(key)
            header.resizeSection(column, header.sectionSize(column) + spare // 2)

    # Loading ------------------------------------------------------------------------------------

    def current_view(self) -> RegisterView:
        query, partners_only = self.filters.query()
        key, descending = self._order or (None, False)
        return RegisterView(query, partners_only=partners_only, order_by=key, descending=descending)

    def reload(self, *, fresh: bool = False) -> None:
        self._fresh = fresh
        self.loader.load(self.current_view(), fresh=fresh)

    def refresh(self) -> None:
        self.filters.refresh_sectors()
        self.reload(fresh=True)
        self.details.refresh()

    def on_changes(self, changes: Changes) -> None:
        """Re-read the ids (an edit may move a record in or out of the view), keep the selection."""
        if changes.registers & {"sector"}:
            self.filters.refresh_sectors()
        self.model.forget(changes.ids)  # edited people re-read now; the rest when the ids arrive
        self.reload(fresh=True)
        self.details.refresh()

    def _remember_selection(self) -> None:
        top = self.table.indexAt(QPoint(0, 0))
        current = self.table.currentIndex()
        self._kept = (self.selected_ids(),
                      self.model.id_at(current.row()) if current.isValid() else None,
                      self.model.id_at(top.row()) if top.isValid() else None)

    def _on_updated(self, how: str, rows: int, complete: bool) -> None:
        if complete:
            self._show_count(self.tr("1 assessor") if rows == 1 else
                             self.tr("{n} assessors").format(n=number_text(rows)))
        else:
            self._show_count(self.tr("{n}+ assessors…").format(n=number_text(rows)))
        if how == "reset":
            self._restore_selection()
        if self._select_after and self.model.row_of(self._select_after) >= 0:
            self.select_ids([self._select_after], scroll=True)
            self._select_after = None
        elif complete and self._select_after:
            self.ctx.status_message.emit(self.tr(
                "Saved. The assessor is not shown with the current search and filters."))
            self._select_after = None
        self._selection_changed()

    def _restore_selection(self) -> None:
        ids, current, top = self._kept
        if ids:
            self.select_ids(ids, current=current, scroll=not self._fresh)
        if self._fresh and top is not None and (row := self.model.row_of(top)) >= 0:
            self.table.scrollTo(self.model.index(row, 0),
                                QAbstractItemView.ScrollHint.PositionAtTop)

    def _on_failed(self, message: str) -> None:
        self._show_count(message, error=True)
        self._selection_changed()

    def _show_count(self, text: str, *, error: bool = False) -> None:
        self.count.setText(text)
        self.count.setStyleSheet("color: #b00020;" if error else "")

    # Selection ----------------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        return [self.model.id_at(i.row()) for i in self.table.selectionModel().selectedRows()]

    def selected_rows(self) -> list[AssessorRow]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.row(r) for r in rows[:MAX_ROWS_FOR_ACTIONS]]

    def select_ids(self, ids: list[str], *, current: str | None = None,
                   scroll: bool = False) -> None:
        many = len(ids) > 20  # then one dict beats a list search per id
        index = {record_id: row for row, record_id in enumerate(self.model.ids())} if many else None
        rows = [index.get(i, -1) if index is not None else self.model.row_of(i) for i in ids]
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in (r for r in rows if r >= 0):
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        flag = QItemSelectionModel.SelectionFlag
        flags = flag.ClearAndSelect | flag.Rows
        self.table.selectionModel().select(selection, flags)
        wanted = self.model.row_of(current) if current else next((r for r in rows if r >= 0), -1)
        if wanted >= 0:
            self.table.selectionModel().setCurrentIndex(self.model.index(wanted, 0),
                                                        flag.NoUpdate)
            if scroll:
                self.table.scrollTo(self.model.index(wanted, 0))

    def select_later(self, assessor_id: str | None) -> None:
        """Select this record once it appears (a new assessor, after the register re-reads)."""
        self._select_after = assessor_id
        if assessor_id and self.model.row_of(assessor_id) >= 0:
            self.select_ids([assessor_id], scroll=True)
            self._select_after = None

    def _selection_changed(self, *_args) -> None:
        ids = self.selected_ids()
        self.actions.update(self.selected_rows() if len(ids) <= MAX_ROWS_FOR_ACTIONS else [])
        self.actions.export.setEnabled(bool(ids))
        self.details.show_selection(ids)

    def _context_menu(self, pos: QPoint) -> None:
        acts = self.actions
        menu = QMenu(self)
        for action in (acts.open, None, acts.suspend, acts.revoke, acts.reinstate, None,
                       acts.export, None, acts.delete):
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # Sorting ------------------------------------------------------------------------------------

    def _sort_clicked(self, section: int) -> None:
        """Ascending, then descending, then back to the search's own order (best match first)."""
        key = self.model.columns[section].key
        if self._order is None or self._order[0] != key:
            self.sort_by(key)
        elif not self._order[1]:
            self.sort_by(key, descending=True)
        else:
            self.sort_by(None)

    def _sort_requested(self, column: int, descending: bool) -> None:
        self.sort_by(self.model.columns[column].key if column >= 0 else None, descending=descending)

    def sort_by(self, key: str | None, *, descending: bool = False) -> None:
        """Re-query the ids in this column's order (None: the search's own order)."""
        self._order = (key, descending) if key else None
        self._show_order()
        self.reload()
        if self._order is not None and not self.loader.complete:
            self._show_count(self.tr("Sorting…"))

    def _show_order(self) -> None:
        header = self.table.horizontalHeader()
        if self._order is None:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            return
        keys = [c.key for c in self.model.columns]
        order = Qt.SortOrder.DescendingOrder if self._order[1] else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(keys.index(self._order[0]), order)

    # The window's actions -----------------------------------------------------------------------

    def can_create(self) -> bool:
        return self.ctx.store.node is not None

    def create(self) -> AssessorEditor | None:
        return self.actions.create() if self.can_create() else None

    def can_search(self) -> bool:
        return True

    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def can_export(self) -> bool:
        return True

    def export_view(self) -> None:
        self.actions.export_view()

    def apply_filter(self, filters: dict) -> None:
        """Show exactly what a dashboard figure counted (keys as AssessorFilters.filters())."""
        self.filters.set_filters(filters)

    def save_state(self) -> dict:
        header = self.table.horizontalHeader()
        return {"widths": {c.key: header.sectionSize(i) for i, c in enumerate(self.model.columns)},
                "filters": self.filters.filters(),
                "order": list(self._order) if self._order else [],
                "splitter": self.splitter.sizes()}

    def restore_state(self, state: dict) -> None:
        header = self.table.horizontalHeader()
        widths = state.get("widths") or {}
        for i, c in enumerate(self.model.columns):
            if str(widths.get(c.key, "")).isdigit():
                header.resizeSection(i, max(30, int(widths[c.key])))
                self._widths_chosen = True
        order = list(state.get("order") or [])
        keys = [c.key for c in self.model.columns]
        if order and order[0] in keys:
            self._order = (order[0], str(order[1]).lower() in ("true", "1"))
        else:
            self._order = None
        self._show_order()
        sizes = [int(s) for s in state.get("splitter") or [] if str(s).isdigit()]
        if len(sizes) == 2 and all(sizes):
            self.splitter.setSizes(sizes)
        self.filters.set_filters(dict(state.get("filters") or {}))


def number_text(n: int) -> str:
    """1,234 as the user's locale writes it (digit groups even where Qt's C locale omits them)."""
    locale = QLocale()
    if locale.numberOptions() & QLocale.NumberOption.OmitGroupSeparator:
        return f"{n:,}"
    return locale.toString(n)
