"""The Action plans page's widgets: three panes in a splitter, their filters, buttons and notes.

Kept apart from the page's behaviour (pages/action_plans.py) so each file reads in one sitting.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.reference import countries
from ...services.action_plans_queries import ItemRow, PlanRow
from ..dialogs.record_editor import NOTE_STYLE
from ..models.action_plans import (
    ItemsModel,
    PlansModel,
    TimelineModel,
    country_name,
    is_party,
    status_labels,
)
from ..widgets import choices
from ..widgets.filter_chip import FilterChip
from ..widgets.hint_view import HintTableView
from ..widgets.percent_bar import PercentBarDelegate
from ..widgets.timeline import TimelineView

# Column widths a 1366×768 screen shows whole; the title and description take the rest.
PLAN_WIDTHS = {"owner": 110, "partners": 180, "period": 190, "items": 55, "progress": 110,
               "overdue": 90}
ITEM_WIDTHS = {"ref": 40, "plan": 100, "category": 130, "agency": 150, "partner": 90, "start": 88,
               "due": 150, "status": 90, "percent": 100}


class ActionPlansLayout(QObject):
    def __init__(self, page: QWidget):
        super().__init__(page)
        self.page = page
        plans_pane = self._plans_pane()
        items_pane = self._items_pane()
        timeline_pane = self._timeline_pane()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        for stretch, pane in ((2, plans_pane), (3, items_pane), (2, timeline_pane)):
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.splitter)

    # Building ------------------------------------------------------------------------------------

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        return button

    def _heading(self) -> QLabel:
        label = QLabel()
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _plans_pane(self) -> QWidget:
        self.plans_heading = self._heading()
        self.plans_heading.setText(self.tr("Action plans"))
        self.country = QComboBox()
        choices.fill(self.country, ((c.name, c.code) for c in countries().values()),
                     blank=self.tr("All countries"))
        self.country.setToolTip(self.tr("Only the plans this country owns or is a partner to"))
        country_label = QLabel(self.tr("&Partner country:"))
        country_label.setBuddy(self.country)
        self.new_plan = self._button(self.tr("&New plan…"),
                                     self.tr("Record a new action plan (Ctrl+N)"))
        self.edit_plan = self._button(self.tr("Edit plan…"),
                                      self.tr("Open the selected plan (double-click or Enter)"))
        self.delete_plan = self._button(self.tr("Delete plan"), "")
        self.plans = self._table()
        return _pane(_row(self.plans_heading, None, country_label, self.country, 16, self.new_plan,
                          self.edit_plan, self.delete_plan), self.plans)

    def _items_pane(self) -> QWidget:
        self.items_heading = self._heading()
        self.status = QComboBox()
        choices.fill(self.status, ((label, code) for code, label in status_labels().items()),
                     blank=self.tr("Any status"))
        status_label = QLabel(self.tr("&Status:"))
        status_label.setBuddy(self.status)
        self.overdue = QCheckBox(self.tr("&Overdue only"))
        self.all_plans = QCheckBox(self.tr("&All plans"))
        self.all_plans.setToolTip(self.tr("Show the items of every plan listed above"))
        self.new_item = self._button(self.tr("New &item…"), self.tr("Add an item to the selected plan"))
        self.edit_item = self._button(self.tr("Edit item…"),
                                      self.tr("Open the selected item (double-click or Enter)"))
        self.delete_item = self._button(self.tr("Delete item"), self.tr("Delete the selected item"))
        self.due_filter = FilterChip()  # "due within N days", from a dashboard figure
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.hide()
        self.items = self._table()
        self.items.setWordWrap(False)
        return _pane(_row(self.items_heading, 8, self.due_filter, None, status_label, self.status,
                          self.overdue, self.all_plans, 16, self.new_item, self.edit_item,
                          self.delete_item),
                     self.note, self.items)

    def _timeline_pane(self) -> QWidget:
        self.timeline_heading = self._heading()
        self.add_update = self._button(self.tr("Add progress &update…"),
                                       self.tr("Record what happened on the selected item"))
        self.timeline = TimelineView()
        return _pane(_row(self.timeline_heading, None, self.add_update), self.timeline)

    def _table(self) -> HintTableView:
        view = HintTableView()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)  # compact rows
        view.setItemDelegate(PercentBarDelegate(view))
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the services' order at first
        view.setSortingEnabled(True)
        return view

    def attach(self, plans: PlansModel, items: ItemsModel, timeline: TimelineModel) -> None:
        self.plans.setModel(plans)
        self.items.setModel(items)
        self.timeline.setModel(timeline)
        for view, widths, stretch in ((self.plans, PLAN_WIDTHS, "title"),
                                      (self.items, ITEM_WIDTHS, "description")):
            header = view.horizontalHeader()
            for column, spec in enumerate(view.model().columns):
                if spec.key == stretch:
                    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                else:
                    header.resizeSection(column, widths[spec.key])

    # Showing the state ---------------------------------------------------------------------------

    def show_items_of(self, plan: PlanRow | None, all_plans: bool, *, filtered: bool,
                      country: str | None) -> None:
        items = self.items.model()
        self.items.setColumnHidden(items.column_of("plan"), not all_plans)
        if all_plans:
            heading = self.tr("Items of every plan")
            if country:
                heading = self.tr("Items of every plan, partner {country}").format(
                    country=country_name(country))
        elif plan is not None:
            heading = self.tr("Items of {plan}").format(plan=plan.plan_ref or plan.title)
        else:
            heading = self.tr("Items")
        self.items_heading.setText(heading)
        self.items_heading.setToolTip(plan.title if plan and not all_plans else "")
        if filtered:
            hint = self.tr("No items match these filters.")
        elif plan is None and not all_plans:
            hint = self.tr("Choose a plan above to see its items.")
        elif all_plans:
            hint = self.tr("No items yet.")
        else:
            hint = self.tr("This plan has no items yet. Add one with “New item…”.")
        self.items.set_hint(hint)

    def show_timeline_of(self, item: ItemRow | None, *, editable: bool) -> None:
        if item is None:
            self.timeline_heading.setText(self.tr("Progress updates"))
            self.timeline.set_hint(self.tr("Choose an item to see its progress updates."))
            return
        name = f"{item.item_ref}. {item.description}" if item.item_ref else item.description
        name = " ".join(name.split())
        self.timeline_heading.setText(self.tr("Progress of {item}").format(
            item=name if len(name) <= 80 else name[:79] + "…"))
        self.timeline_heading.setToolTip(item.description)
        self.timeline.set_hint(
            self.tr("No progress updates yet. Record the first with “Add progress update…”.")
            if editable else self.tr("No progress updates yet."))

    def update_actions(self, home: str | None, plan: PlanRow | None, item: ItemRow | None,
                       item_plan: PlanRow | None, *, in_plan: bool) -> None:
        plan_party = is_party(plan, home)
        item_party = is_party(item_plan, home)
        self.new_plan.setEnabled(home is not None)
        self.edit_plan.setEnabled(plan is not None)
        self.edit_plan.setText(self.tr("Edit plan…") if plan is None or plan_party
                               else self.tr("View plan…"))
        owner = plan is not None and plan.owner_country == home
        self.delete_plan.setEnabled(owner)
        tip = self.tr("Delete the selected plan and its items")
        if plan is not None and not owner:
            tip = self.tr("Only {owner}, which owns this plan, can delete it.").format(
                owner=country_name(plan.owner_country))
        self.delete_plan.setToolTip(tip)
        self.new_item.setEnabled(in_plan and plan_party)
        self.edit_item.setEnabled(item is not None)
        self.edit_item.setText(self.tr("Edit item…") if item is None or item_party
                               else self.tr("View item…"))
        self.delete_item.setEnabled(item is not None and item_party)
        self.add_update.setEnabled(item is not None and item_party)

    def show_note(self, text: str | None) -> None:
        self.note.setText(text or "")
        self.note.setVisible(bool(text))

    # Saved layout --------------------------------------------------------------------------------

    def save_layout(self) -> dict:
        return {"splitter": self.splitter.sizes(),
                "plan_columns": _widths(self.plans), "item_columns": _widths(self.items)}

    def restore_layout(self, state: dict) -> None:
        sizes = _ints(state.get("splitter"))
        if len(sizes) == self.splitter.count() and all(s > 0 for s in sizes):
            self.splitter.setSizes(sizes)
        for view, key in ((self.plans, "plan_columns"), (self.items, "item_columns")):
            widths = _ints(state.get(key))
            header = view.horizontalHeader()
            if len(widths) != header.count():
                continue
            for column, width in enumerate(widths):
                if width > 0 and header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
                    header.resizeSection(column, width)


def _row(*parts) -> QHBoxLayout:
    """A row of widgets; None stretches, an int is fixed spacing."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if part is None:
            row.addStretch(1)
        elif isinstance(part, int):
            row.addSpacing(part)
        else:
            row.addWidget(part)
    return row


def _pane(top: QHBoxLayout, *widgets: QWidget) -> QWidget:
    pane = QWidget()
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 6, 0, 2)
    layout.setSpacing(4)
    layout.addLayout(top)
    for widget in widgets:
        layout.addWidget(widget)
    return pane


def _widths(view) -> list[int]:
    header = view.horizontalHeader()
    return [header.sectionSize(c) for c in range(header.count())]


def _ints(values) -> list[int]:
    try:
        return [int(v) for v in (values or [])]
    except (TypeError, ValueError):
        return []
