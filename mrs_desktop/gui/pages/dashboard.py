"""Dashboard: what needs attention today, each figure a click away from the records it counts.

The figures take about half a second on 100,000 assessors, so they are counted off the GUI
thread, and only while the page is shown: a change made on another page marks them stale, and
they are counted again when the dashboard comes back into view. The count runs on the page's
own reader thread rather than the shared worker: SQLite lets it read beside a write, so an edit
never waits behind a recount, and quitting never asks to wait for a job the user did not start.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QScrollArea,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...db.models import REGISTERS
from ...domain.clock import today as default_today
from ...services.dashboard import LATER, SOON, Dashboard, dashboard
from ...services.overview import RegisterCount, node_summary, register_counts
from ..context import AppContext
from ..dates import format_date
from ..widgets.charts import StackedBarChart, number_text
from ..widgets.figure_tile import FigureTile
from ..widgets.percent_bar import PERCENT_ROLE, PercentBarDelegate
from ..worker import TaskRunner
from . import dashboard_charts as charts
from .base import Page

# The figures, left to right; the register each opens, and its filters, are tile_target()'s.
TILES = ("expiring_soon", "expiring_later", "expired", "suspended", "items_overdue", "items_due_soon",
         "trainings", "assessors")
ASKS_ACTION = {"expiring_soon", "expired", "items_overdue"}


def tile_target(tile: str, today: date) -> tuple[str, dict]:
    """The register page and filters that list what a tile counts (assessors: own country's)."""
    own = {"country": "own"}
    return {
        "expiring_soon": ("assessors", {"expiring_within_days": SOON, **own}),
        "expiring_later": ("assessors", {"expiring_within_days": LATER, **own}),
        "expired": ("assessors", {"status": "expired", **own}),
        "suspended": ("assessors", {"status": "suspended", **own}),
        "items_overdue": ("action_plans", {"overdue": True}),
        "items_due_soon": ("action_plans", {"due_within_days": SOON}),
        "trainings": ("trainings", {"year": today.year}),
        "assessors": ("assessors", own),
    }[tile]


class DashboardPage(Page):
    name = "dashboard"
    registers = frozenset(REGISTERS)  # every figure: any register's change may move one

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Dashboard"))
        self.today: Callable[[], date] = default_today  # tests fix the date
        self.figures: Dashboard | None = None
        self._stale, self._loading, self._again = True, False, False
        self.runner = TaskRunner(self)  # read-only counts, beside the shared worker's writes
        self._watched: QWidget | None = None
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(10)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_tiles())
        layout.addLayout(self._build_charts(), 1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._show_node()

    # Building ----------------------------------------------------------------------------------

    def _build_header(self) -> QVBoxLayout:
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.details = QLabel()
        self.details.setObjectName("details")
        self.records = QLabel()
        self.records.setObjectName("records")
        self.records.setWordWrap(True)
        self.records.setStyleSheet("color: #52606d;")
        header = QVBoxLayout()
        header.setSpacing(2)
        for label in (self.heading, self.details, self.records):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header.addWidget(self.heading)
        header.addWidget(self.details)
        return header

    def _build_tiles(self) -> QGridLayout:
        titles = {
            "expiring_soon": self.tr("Expiring within {n} days").format(n=SOON),
            "expiring_later": self.tr("Expiring within {n} days").format(n=LATER),
            "expired": self.tr("Expired, still active"),
            "suspended": self.tr("Suspended"),
            "items_overdue": self.tr("Overdue"),
            "items_due_soon": self.tr("Due within {n} days").format(n=SOON),
            "trainings": self.tr("Trainings this year"),
            "assessors": self.tr("Assessors"),
        }
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.tile_groups = [QLabel(), QLabel(self.tr("Action items")), QLabel(self.tr("Trainings and register"))]
        for label, column, span in zip(self.tile_groups, (0, 4, 6), (4, 2, 2)):
            label.setStyleSheet("font-weight: bold; color: #52606d;")
            grid.addWidget(label, 0, column, 1, span)
        self.tiles: dict[str, FigureTile] = {}
        for column, key in enumerate(TILES):
            tile = FigureTile(titles[key], asks_action=key in ASKS_ACTION)
            tile.setToolTip(self.tr("Click to list these records"))
            tile.clicked.connect(lambda key=key: self.open_tile(key))
            self.tiles[key] = tile
            grid.addWidget(tile, 1, column)
            grid.setColumnStretch(column, 1)
        return grid

    def _build_charts(self) -> QHBoxLayout:
        self.sector_chart = StackedBarChart(empty_text=self.tr("No assessor holds a valid accreditation yet."))
        self.sector_chart.setObjectName("sector_chart")
        self.sector_chart.segment_clicked.connect(self.open_sector)
        self.items_chart = StackedBarChart(empty_text=self.tr("No action items yet."))
        self.items_chart.setObjectName("items_chart")
        self.items_chart.segment_clicked.connect(self.open_partner_items)
        self.plans = self._build_plans_table()
        self.sector_box = self._box("", self.sector_chart)
        self.sector_chart.setToolTip(self.tr("Assessors holding a valid accreditation; click a bar to list them"))
        self.items_chart.setToolTip(self.tr("Click a bar to list those action items"))
        items_box = self._box(self.tr("Action items by partner country and status"), self.items_chart)
        self.no_plans = QLabel(self.tr("No action plan with a partner country yet."))
        self.no_plans.setStyleSheet("color: #7b8794;")
        self.no_plans.hide()
        plans_box = self._box(self.tr("Plans per partner country"), self.plans, self.no_plans)
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(items_box)
        right.addWidget(plans_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(12)
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.sector_box)
        left.addWidget(self.records)  # the registers at a glance, where the column has room
        left.addStretch(1)
        columns.addLayout(left, 11)
        columns.addLayout(right, 9)
        return columns

    def _box(self, title: str, *body: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        for widget in body:
            layout.addWidget(widget)
        return box

    def _build_plans_table(self) -> QTableWidget:
        table = QTableWidget(0, 5)
        table.setObjectName("partner_plans")
        table.setHorizontalHeaderLabels([self.tr("Partner country"), self.tr("Plans"), self.tr("Items"),
                                         self.tr("Overdue"), self.tr("Mean progress")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.setShowGrid(False)
        table.verticalHeader().setDefaultSectionSize(22)
        table.setAlternatingRowColors(True)
        table.setItemDelegateForColumn(4, PercentBarDelegate(table))
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setToolTip(self.tr("Click a country to list its plans"))
        table.cellClicked.connect(lambda row, _column: self.open_partner_plans(row))
        table.activated.connect(lambda index: self.open_partner_plans(index.row()))
        return table

    # Loading -----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.window() is not self._watched:
            self._watched = self.window()
            self._watched.installEventFilter(self)
        if self._stale:
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Close:
            self.runner.wait()  # finish reading before the window closes the database
        return False

    def refresh(self) -> None:
        """Count again on the worker; while hidden, only note that the figures are out of date."""
        if not self.isVisible():
            self._stale = True
            return
        if self._loading:  # one count at a time; a change during it asks for one more
            self._again = True
            return
        self._stale, self._loading = False, True
        store, today = self.ctx.store, self.today()
        if self.figures is None:
            self.details.setText(self.tr("Counting…"))
        self.runner.run(lambda _progress: (dashboard(store, today=today), register_counts(store)),
                        on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result: tuple[Dashboard, list[RegisterCount]]) -> None:
        if not shiboken6.isValid(self):  # the window closed while the worker counted
            return
        self._loading = False
        self.show_figures(*result)
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._loading = self._again = False
        self._stale = True
        self.ctx.status_message.emit(self.tr("The dashboard could not be counted: {error}").format(error=exc))

    # Showing -----------------------------------------------------------------------------------

    def _show_node(self) -> None:
        node = node_summary(self.ctx.store)
        if node is None:
            self.heading.setText(self.tr("This database has no node yet"))
            self.tile_groups[0].setText(self.tr("Accreditations"))
            self.sector_box.setTitle(self.tr("Accredited assessors by sector and AQRF level"))
            return
        self.heading.setText(node.organisation)
        self.tile_groups[0].setText(self.tr("Accreditations in {country}").format(country=node.country_name))
        self.tiles["assessors"].set_title(self.tr("Assessors of {country}").format(country=node.country_name))
        self.sector_box.setTitle(self.tr("Accredited assessors in {country} by sector and AQRF level").format(
            country=node.country_name))

    def _details_text(self, today: date) -> str:
        node = node_summary(self.ctx.store)
        parts = [node.country_name] if node else []
        if node and node.focal_point:
            parts.append(self.tr("Focal point: {name}").format(name=node.focal_point))
        parts.append(self.tr("Figures for {date}").format(date=format_date(today)))
        return " · ".join(parts)

    def show_figures(self, figures: Dashboard, counts: list[RegisterCount]) -> None:
        """Fill every tile, chart and table (the worker's result; tests may call it directly)."""
        self.figures = figures
        self._show_node()
        self.details.setText(self._details_text(figures.today))
        self._show_records(counts)
        self._show_tiles(figures)
        self.sector_chart.set_data(charts.level_series(figures.sector_levels),
                                   charts.sector_bars(figures.sector_levels))
        self.items_chart.set_data(charts.status_series(figures.partner_items),
                                  charts.partner_bars(figures.partner_items))
        self._show_plans(figures)

    def _show_tiles(self, d: Dashboard) -> None:
        assessors = self.tr("Held by {n} assessors")
        due_by = format_date(d.today + timedelta(days=SOON))
        figures = {
            "expiring_soon": (d.expiring_soon.accreditations, assessors.format(n=number_text(d.expiring_soon.assessors))),
            "expiring_later": (d.expiring_later.accreditations, assessors.format(n=number_text(d.expiring_later.assessors))),
            "expired": (d.expired.accreditations, self.tr("Past their end date, not renewed")),
            "suspended": (d.suspended.accreditations, assessors.format(n=number_text(d.suspended.assessors))),
            "items_overdue": (d.items_overdue, self.tr("Open, past their due date")),
            "items_due_soon": (d.items_due_soon, self.tr("Open, due by {date}").format(date=due_by)),
            "trainings": (d.trainings_this_year, self.tr("Participants: {n}").format(
                n=number_text(d.participants_this_year))),
            "assessors": (d.assessors_own, self.tr("Partner countries: {n}").format(
                n=number_text(d.assessors_partners))),
        }
        for key, (value, caption) in figures.items():
            self.tiles[key].set_figure(value, caption)
        self.tiles["trainings"].set_title(self.tr("Trainings in {year}").format(year=d.year))

    def _show_records(self, counts: list[RegisterCount]) -> None:
        names = {"assessor": self.tr("assessors"), "accreditation": self.tr("accreditations"),
                 "training": self.tr("trainings"), "participant": self.tr("participants"),
                 "action_plan": self.tr("action plans"), "action_item": self.tr("action items"),
                 "equivalence": self.tr("occupation equivalences")}
        self.records.setText(self.tr("In this database: {list}").format(list=", ".join(
            f"{number_text(c.total)} {names.get(c.register, c.label)}" for c in counts)))
        self.records.setToolTip("\n".join(self.tr("{register}: {own} own, {partners} from partner countries").format(
            register=names.get(c.register, c.label), own=number_text(c.own), partners=number_text(c.partners))
            for c in counts))

    def _show_plans(self, d: Dashboard) -> None:
        table = self.plans
        table.setRowCount(len(d.partner_plans))
        for row, plan in enumerate(d.partner_plans):
            cells = [plan.country_name, number_text(plan.plans), number_text(plan.items), number_text(plan.overdue),
                     "–" if plan.mean_percent is None else f"{round(plan.mean_percent)} %"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, plan.country)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
            if plan.mean_percent is not None:
                table.item(row, 4).setData(PERCENT_ROLE, round(plan.mean_percent))
        table.setVisible(bool(d.partner_plans))
        self.no_plans.setVisible(not d.partner_plans)
        rows = max(1, table.rowCount())
        table.setFixedHeight(table.horizontalHeader().height() + rows * table.verticalHeader().defaultSectionSize() + 4)

    # Click-through -----------------------------------------------------------------------------

    def open_tile(self, key: str) -> None:
        page, filters = tile_target(key, self.figures.today if self.figures else self.today())
        self.ctx.navigate.emit(page, filters)

    def open_sector(self, sector_id: str, level: int | None) -> None:
        """The assessors the bar counts: own, holding an active accreditation in that sector (and level)."""
        filters = {"sector": sector_id, "status": "active", "country": "own"}
        if level is not None:
            filters["level"] = level
        self.ctx.navigate.emit("assessors", filters)

    def open_partner_items(self, country: str, status: str | None) -> None:
        filters = {"partner_country": country}
        if status is not None:
            filters["status"] = status
        self.ctx.navigate.emit("action_plans", filters)

    def open_partner_plans(self, row: int) -> None:
        item = self.plans.item(row, 0)
        if item is not None:
            self.ctx.navigate.emit("action_plans", {"partner_country": item.data(Qt.ItemDataRole.UserRole)})
