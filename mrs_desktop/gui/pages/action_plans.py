"""Action plans: the plans agreed with partner countries, their items, and each item's progress.

Top: the plans (filter by partner country) with their mean progress and overdue items. Middle:
the selected plan's items (or every listed plan's, for a dashboard click-through), filtered by
status and "overdue only" (and "due within N days" from the dashboard, shown as a removable
chip). Bottom: the selected item's progress updates, newest first.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.changes import Changes
from ...domain.errors import NotFound
from ...services import action_plans_queries as queries
from ...services.action_plans_queries import ItemRow, PlanRow
from .. import export
from ..context import AppContext
from ..dialogs.item_editor import ItemEditor
from ..dialogs.plan_editor import PlanEditor
from ..dialogs.progress_update_dialog import ProgressUpdateDialog
from ..models.action_plans import (
    ItemsModel,
    PlansModel,
    TimelineModel,
    country_name,
    is_party,
    read_only_note,
)
from ..operations import action_plans as ops
from ..widgets import choices
from .action_plans_layout import ActionPlansLayout
from .base import Page


class ActionPlansPage(Page):
    name = "action_plans"
    registers = frozenset({"action_plan", "action_item", "progress_update"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Action plans"))
        self.today = today  # None: the real today (tests pass a fixed day)
        self.home = ctx.store.node.country if ctx.store.node else None
        self.plans_model = PlansModel(muted=lambda plan: not is_party(plan, self.home), parent=self)
        self.items_model = ItemsModel(muted=lambda item: not is_party(self.plan_of(item), self.home),
                                      parent=self)
        self.timeline_model = TimelineModel(self)
        self.ui = ActionPlansLayout(self)
        self.ui.attach(self.plans_model, self.items_model, self.timeline_model)
        self._loading = False
        self._every_plan: dict[str, PlanRow] | None = None  # read when an item's plan is not listed
        self._due_within: int | None = None  # days; only a click-through sets it, its chip clears it
        self._connect()
        self.refresh()

    def _connect(self) -> None:
        ui = self.ui
        ui.plans.selectionModel().selectionChanged.connect(self._plan_chosen)
        ui.items.selectionModel().selectionChanged.connect(lambda *_: self._item_chosen())
        ui.plans.doubleClicked.connect(lambda _index: self.edit_plan())
        ui.items.doubleClicked.connect(lambda _index: self.edit_item())
        ui.country.currentIndexChanged.connect(lambda _i: self.refresh())
        ui.status.currentIndexChanged.connect(lambda _i: self._load_items())
        ui.overdue.toggled.connect(lambda _on: self._load_items())
        ui.all_plans.toggled.connect(self._all_plans_toggled)
        ui.due_filter.cleared.connect(self._clear_due_filter)
        ui.new_plan.clicked.connect(self.new_plan)
        ui.edit_plan.clicked.connect(self.edit_plan)
        ui.delete_plan.clicked.connect(self.delete_plan)
        ui.new_item.clicked.connect(self.new_item)
        ui.edit_item.clicked.connect(self.edit_item)
        ui.delete_item.clicked.connect(self.delete_item)
        ui.add_update.clicked.connect(self.add_update)
        for view, keys, slot in ((ui.plans, ("Return", "Enter"), self.edit_plan),
                                 (ui.items, ("Return", "Enter"), self.edit_item),
                                 (ui.plans, (QKeySequence.StandardKey.Delete,), self.delete_plan),
                                 (ui.items, (QKeySequence.StandardKey.Delete,), self.delete_item)):
            action = QAction(view)
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # only in that table
            action.triggered.connect(slot)
            view.addAction(action)

    # What is selected ----------------------------------------------------------------------------

    def selected_plan(self) -> PlanRow | None:
        rows = self.ui.plans.selectionModel().selectedRows()
        return self.plans_model.row_by_id(self.plans_model.id_at(rows[0].row())) if rows else None

    def selected_item(self) -> ItemRow | None:
        rows = self.ui.items.selectionModel().selectedRows()
        return self.items_model.row_by_id(self.items_model.id_at(rows[0].row())) if rows else None

    def plan_of(self, item: ItemRow | None) -> PlanRow | None:
        """The item's plan; looked up even when a country filter hides it from the list."""
        if item is None:
            return None
        plan = self.plans_model.row_by_id(item.plan_id)
        if plan is None:
            if self._every_plan is None:  # once per refresh: the table asks for every cell it paints
                every = queries.list_plans(self.ctx.store, today=self.today)
                self._every_plan = {p.id: p for p in every}
            plan = self._every_plan.get(item.plan_id)
        return plan

    def select_plan(self, plan_id: str | None) -> bool:
        return _select(self.ui.plans, self.plans_model.row_of(plan_id) if plan_id else -1)

    def select_item(self, item_id: str | None) -> bool:
        return _select(self.ui.items, self.items_model.row_of(item_id) if item_id else -1)

    # Reading ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read plans, items and timeline, keeping what was selected where it still exists."""
        plan, item = self.selected_plan(), self.selected_item()
        self._every_plan = None
        self._loading = True
        try:
            country = choices.current(self.ui.country)
            self.plans_model.set_rows(queries.list_plans(self.ctx.store, partner_country=country,
                                                         today=self.today))
            if not self.ui.all_plans.isChecked():
                wanted = plan.id if plan else None
                if not self.select_plan(wanted) and self.plans_model.rowCount():
                    self.select_plan(self.plans_model.id_at(0))
        finally:
            self._loading = False
        self.ui.plans.set_hint(self.tr("No action plans with {country} yet.").format(
            country=country_name(country)) if country else self.tr(
            "No action plans yet. Record one with “New plan…”."))
        self._load_items(keep=item.id if item else None)

    def _load_items(self, keep: str | None = None) -> None:
        keep = keep or (self.selected_item().id if self.selected_item() else None)
        plan = self.selected_plan()
        all_plans = self.ui.all_plans.isChecked()
        filters = {"status": choices.current(self.ui.status), "overdue": self.ui.overdue.isChecked(),
                   "due_within_days": self._due_within, "today": self.today}
        if all_plans:
            rows = queries.list_items(self.ctx.store, partner_country=choices.current(self.ui.country),
                                      **filters)
        elif plan is not None:
            rows = queries.list_items(self.ctx.store, plan_id=plan.id, **filters)
        else:
            rows = []
        self._loading = True
        try:
            self.items_model.set_rows(rows)
            self.select_item(keep)
        finally:
            self._loading = False
        filtered = bool(filters["status"] or filters["overdue"] or self._due_within is not None)
        self.ui.show_items_of(plan, all_plans, filtered=filtered,
                              country=choices.current(self.ui.country))
        self.ui.due_filter.show_filter(self._due_text())
        self._item_chosen()

    def _due_text(self) -> str | None:
        if self._due_within is None:
            return None
        if self.ui.overdue.isChecked():  # the two together list either (services.list_items)
            return self.tr("overdue or due within {n} days").format(n=self._due_within)
        return self.tr("due within {n} days").format(n=self._due_within)

    def _clear_due_filter(self) -> None:
        self._due_within = None
        self._load_items()

    def _load_timeline(self) -> None:
        item = self.selected_item()
        updates = []
        if item is not None:
            try:
                updates = queries.item_timeline(self.ctx.store, item.id)
            except NotFound:  # removed since the list was read: the next refresh drops it
                item = None
        self.timeline_model.set_rows(updates)
        self.ui.show_timeline_of(item, editable=is_party(self.plan_of(item), self.home))

    def _plan_chosen(self, *_args) -> None:
        if self._loading:
            return
        if self.selected_plan() is not None and self.ui.all_plans.isChecked():
            self.ui.all_plans.blockSignals(True)
            self.ui.all_plans.setChecked(False)  # choosing a plan leaves the "all plans" view
            self.ui.all_plans.blockSignals(False)
        self._load_items()

    def _item_chosen(self) -> None:
        if self._loading:
            return
        self._load_timeline()
        self._update_actions()

    def _all_plans_toggled(self, checked: bool) -> None:
        self._loading = True
        try:
            if checked:
                self.ui.plans.clearSelection()
            elif self.plans_model.rowCount():
                self.select_plan(self.plans_model.id_at(0))
        finally:
            self._loading = False
        self._load_items()

    def _update_actions(self) -> None:
        plan, item = self.selected_plan(), self.selected_item()
        item_plan = self.plan_of(item) if item else plan
        self.ui.update_actions(self.home, plan, item, item_plan,
                               in_plan=plan is not None and not self.ui.all_plans.isChecked())
        note = read_only_note(item_plan, self.home) if item_plan else None
        self.ui.show_note(note)

    def on_changes(self, changes: Changes) -> None:
        self.refresh()

    # Editing ---------------------------------------------------------------------------------------

    def can_create(self) -> bool:
        return self.home is not None

    def create(self) -> None:
        """Ctrl+N: a new item when the items table has the focus (and may take one), else a plan."""
        if self.ui.items.hasFocus() and self.ui.new_item.isEnabled():
            self.new_item()
        elif self.can_create():
            self.new_plan()

    def new_plan(self) -> PlanEditor:
        return self._open(PlanEditor(self.ctx, None, self), self.select_plan)

    def edit_plan(self) -> PlanEditor | None:
        plan = self.selected_plan()
        return self._open(PlanEditor(self.ctx, plan, self), None) if plan else None

    def new_item(self) -> ItemEditor | None:
        plan = self.selected_plan()
        if plan is None or not is_party(plan, self.home):
            return None
        return self._open(ItemEditor(self.ctx, plan, categories=self._categories(), parent=self),
                          self.select_item)

    def edit_item(self) -> ItemEditor | None:
        item = self.selected_item()
        plan = self.plan_of(item)
        if item is None or plan is None:
            return None
        return self._open(ItemEditor(self.ctx, plan, item, categories=self._categories(), parent=self),
                          None)

    def add_update(self) -> ProgressUpdateDialog | None:
        item = self.selected_item()
        if item is None or not is_party(self.plan_of(item), self.home):
            return None
        return self._open(ProgressUpdateDialog(self.ctx, item, today=self.today, parent=self), None)

    def _open(self, dialog, select) -> Any:
        if select is not None:
            dialog.saved.connect(lambda changes: select(changes.primary))
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def _categories(self) -> set[str]:
        return {i.category for i in queries.list_items(self.ctx.store, today=self.today) if i.category}

    def delete_plan(self) -> None:
        plan = self.selected_plan()
        if plan is None or plan.owner_country != self.home:
            return
        text = self.tr("Delete the action plan “{title}” and its {n} items?").format(
            title=plan.title, n=plan.item_count) if plan.item_count else self.tr(
            "Delete the action plan “{title}”?").format(title=plan.title)
        if self._confirm(self.tr("Delete action plan"), text):
            self.ctx.run_op(ops.remove_plan(plan_id=plan.id), parent=self)

    def delete_item(self) -> None:
        item = self.selected_item()
        if item is None or not is_party(self.plan_of(item), self.home):
            return
        what = f"{item.item_ref}. {item.description}" if item.item_ref else item.description
        text = self.tr("Delete the action item “{item}”?").format(item=_shorten(what))
        if self._confirm(self.tr("Delete action item"), text):
            self.ctx.run_op(ops.remove_item(item_id=item.id), parent=self)

    def _confirm(self, title: str, text: str) -> bool:
        text += "\n\n" + self.tr("Partner countries will see it removed after the next sync. "
                                 "Edit ▸ Undo brings it back.")
        answer = QMessageBox.question(self, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # Export, click-through, saved state -----------------------------------------------------------

    def can_export(self) -> bool:
        return True

    def export_view(self) -> None:
        """The items shown (filters applied), with their plans, to .xlsx or .csv."""
        export.export_records(self.ctx, self, "action-items", self.items_model.ids())

    def apply_filter(self, filters: dict) -> None:
        """Keys: partner_country, status, overdue, due_within_days, plan_id. Without a plan_id the
        items of every listed plan are shown (a dashboard figure counts items across plans)."""
        ui = self.ui
        self._due_within = _days(filters.get("due_within_days"))
        with _quiet(ui.country, ui.status, ui.overdue, ui.all_plans):
            choices.select(ui.country, filters.get("partner_country") or None)
            choices.select(ui.status, filters.get("status") or None)
            ui.overdue.setChecked(bool(filters.get("overdue")))
            ui.all_plans.setChecked(not filters.get("plan_id"))
        if filters.get("plan_id"):
            self.refresh()
            self.select_plan(filters["plan_id"])
        else:
            self.ui.plans.clearSelection()
            self.refresh()

    def save_state(self) -> dict:
        return {**self.ui.save_layout(), "country": choices.current(self.ui.country) or "",
                "status": choices.current(self.ui.status) or "", "overdue": self.ui.overdue.isChecked()}

    def restore_state(self, state: dict) -> None:
        self.ui.restore_layout(state)
        with _quiet(self.ui.country, self.ui.status, self.ui.overdue):
            choices.select(self.ui.country, state.get("country") or None)
            choices.select(self.ui.status, state.get("status") or None)
            self.ui.overdue.setChecked(state.get("overdue") in (True, "true", "1", 1))
        self.refresh()


def _days(value) -> int | None:
    try:
        days = int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
    return days if days is None or days >= 0 else None


def _select(view, row: int) -> bool:
    if row < 0:
        view.clearSelection()
        return False
    index = view.model().index(row, 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(index, flags)
    view.scrollTo(index)
    return True


class _quiet:
    """Change several filter widgets without reloading after each."""

    def __init__(self, *widgets):
        self.widgets = widgets

    def __enter__(self):
        for widget in self.widgets:
            widget.blockSignals(True)

    def __exit__(self, *exc):
        for widget in self.widgets:
            widget.blockSignals(False)


def _shorten(text: str, length: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1] + "…"
