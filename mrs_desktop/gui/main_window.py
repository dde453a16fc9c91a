"""The main window: who this node is, and how many records each register holds."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHeaderView, QMainWindow, QTableWidgetItem, QWidget

from ..db.store import Store, default_db_path
from ..services.overview import NodeSummary, RegisterCount, node_summary, register_counts
from .forms.ui_main_window import Ui_MainWindow

OWN, PARTNERS, TOTAL = 1, 2, 3  # columns after the register's name


class MainWindow(QMainWindow):
    """Composes the generated form; owns the open store and closes it with the window."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        header = self.ui.counts.horizontalHeader()
        header.setMinimumSectionSize(120)  # room for large counts and translated headers
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (OWN, PARTNERS, TOTAL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.refresh()

    def refresh(self) -> None:
        node = node_summary(self.store)
        self._show_node(node)
        self._show_counts(register_counts(self.store))
        self.statusBar().showMessage(self.tr("Database: {path}").format(path=self.store.path))

    def _show_node(self, node: NodeSummary | None) -> None:
        if node is None:
            self.setWindowTitle(self.tr("MRS Desktop"))
            self.ui.heading.setText(self.tr(
                "No node yet: create it with  mrs init --country ISO3 --organisation NAME"))
            details = self.tr("A node is this installation's identity: its country, organisation "
                              "and key. Records are added once it exists.")
            if self.store.path != default_db_path().expanduser().resolve():
                # `mrs init` alone would create the node in the default file, not this one.
                details += "\n" + self.tr("For this database file, run:  {command}").format(
                    command=f'mrs --db "{self.store.path}" init --country ISO3 --organisation NAME')
            self.ui.details.setText(details)
            return
        self.setWindowTitle(self.tr("MRS Desktop — {country}, {organisation}").format(
            country=node.country_name, organisation=node.organisation))
        self.ui.heading.setText(self.tr("{organisation}, {country}").format(
            organisation=node.organisation, country=node.country_name))
        details = self.tr("Records in this database, by the country that issued them.")
        if node.focal_point:
            details += " " + self.tr("Focal point: {name}.").format(name=node.focal_point)
        self.ui.details.setText(details)
        self.ui.counts.horizontalHeaderItem(OWN).setText(node.country_name)

    def _show_counts(self, counts: list[RegisterCount]) -> None:
        table = self.ui.counts
        table.setRowCount(len(counts))
        locale = QLocale()
        labels = self._labels()
        for row, count in enumerate(counts):
            table.setItem(row, 0, QTableWidgetItem(labels.get(count.register, count.label)))
            for column, number in ((OWN, count.own), (PARTNERS, count.partners), (TOTAL, count.total)):
                item = QTableWidgetItem(locale.toString(number))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(Qt.ItemDataRole.UserRole, number)
                table.setItem(row, column, item)

    def _labels(self) -> dict[str, str]:
        """The registers' names as users read them, translated here (services have no Qt)."""
        return {
            "assessor": self.tr("Assessors"),
            "accreditation": self.tr("Accreditations"),
            "training": self.tr("Trainings"),
            "participant": self.tr("Training participants"),
            "action_plan": self.tr("Action plans"),
            "action_item": self.tr("Action items"),
            "equivalence": self.tr("Occupation equivalences"),
        }

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.store.close()
        super().closeEvent(event)
