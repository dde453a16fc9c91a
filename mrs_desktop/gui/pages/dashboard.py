"""Dashboard: what needs attention today, and the registers at a glance."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ...services.overview import node_summary, register_counts
from ..context import AppContext
from .base import Page

OWN, PARTNERS, TOTAL = 1, 2, 3


class DashboardPage(Page):
    name = "dashboard"
    registers = frozenset({"assessor", "accreditation", "training", "participant", "action_plan",
                           "action_item", "progress_update", "equivalence"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Dashboard"))
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.counts = QTableWidget(0, 4)
        self.counts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.counts.verticalHeader().hide()
        self.counts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts)
        self.refresh()

    def refresh(self) -> None:
        node = node_summary(self.ctx.store)
        self.heading.setText(f"{node.organisation}, {node.country_name}" if node else self.tr("No node yet"))
        own = node.country_name if node else self.tr("Own country")
        self.counts.setHorizontalHeaderLabels([self.tr("Register"), own, self.tr("Partner countries"),
                                               self.tr("Total")])
        rows = register_counts(self.ctx.store)
        self.counts.setRowCount(len(rows))
        locale = QLocale()
        for row, count in enumerate(rows):
            self.counts.setItem(row, 0, QTableWidgetItem(count.label))
            for column, number in ((OWN, count.own), (PARTNERS, count.partners), (TOTAL, count.total)):
                item = QTableWidgetItem(locale.toString(number))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(Qt.ItemDataRole.UserRole, number)
                self.counts.setItem(row, column, item)
