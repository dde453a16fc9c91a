"""The Assessments page: every assessment this node holds, narrowed as the user types and by
result or "eligible for a certificate, not yet issued", with the selected one in full below.

All rows are read in one query (10,000 in well under a second) and kept; typing and the filters
narrow them in memory, so a keystroke costs a few milliseconds whatever the database holds.
From here she records an assessment by hand (Ctrl+N), imports result sheets (Ctrl+I) and
issues certificates for the selected or all eligible assessments.
"""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QMessageBox,
    QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from ...services import assessment_queries as queries
from ...services.assessment_queries import CERTIFIED, AssessmentRow
from ..context import AppContext
from ..models.assessments import AssessmentTableModel, result_names
from ..operations import assessments as ops
from ..widgets import choices
from .assessments_details import AssessmentDetails
from .base import Page
from .register_view import column_widths, fit_columns, register_table, set_column_widths


class AssessmentsPage(Page):
    name = "assessments"
    # Assessors and the catalogue too: the details name them.
    registers = frozenset({"assessment", "candidate", "unit_result", "assessment_assessor",
                           "certificate", "assessor", "accreditation", "occupation", "competency_unit"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Assessments"))
        self.home = ctx.store.node.country if ctx.store.node else None
        self.editor = None  # the open AssessmentEditor (kept for tests and screenshots)
        self.report: QMessageBox | None = None  # the last "certificates issued" message
        self._all: list[AssessmentRow] = []
        self._build_filters()
        self._build_actions()
        self.model = AssessmentTableModel(self.home, self)
        self.table = register_table(self.model, self, name="assessments")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        fit_columns(self.table, {"name": 24, "native": 18, "nationality": 11, "occupation": 22,
                                 "level": 5, "centre": 20, "date": 11, "result": 16})
        self.details = AssessmentDetails(ctx.store, self)
        self._layout()
        self._connect()
        self.refresh()

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search names, occupation, centre, certificate…"))
        self.search.setClearButtonEnabled(True)
        self.result = QComboBox()
        self.result.setObjectName("result_filter")
        choices.fill(self.result, ((name, code) for code, name in result_names().items()),
                     blank=self.tr("All results"))
        self.eligible = QCheckBox(self.tr("Eligible for a certificate, not yet issued"))
        self.eligible.setObjectName("eligible_filter")
        self.count = QLabel()
        self.count.setObjectName("count")

    def _build_actions(self) -> None:
        self.new_button = QPushButton(self.tr("&New assessment…"))
        self.issue_button = QPushButton(self.tr("&Issue certificates"))
        self.issue_button.setObjectName("issue_certificates")
        menu = QMenu(self.issue_button)
        self.issue_selected_action = menu.addAction(self.tr("For the selected assessments"))
        self.issue_all_action = menu.addAction(self.tr("For every eligible assessment"))
        self.issue_button.setMenu(menu)

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.result, 1)
        bar.addWidget(self.eligible)
        bar.addWidget(self.count)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.issue_button)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("assessments_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _text: self._narrow())
        self.result.currentIndexChanged.connect(lambda _i: self._narrow())
        self.eligible.toggled.connect(lambda _on: self._narrow())
        self.new_button.clicked.connect(self.create)
        self.issue_selected_action.triggered.connect(self.issue_selected)
        self.issue_all_action.triggered.connect(self.issue_all_eligible)
        self.issue_button.menu().aboutToShow.connect(self._name_issue_actions)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())

    # Reading ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read every assessment; the selection and the scroll position stay."""
        self._all = queries.list_assessments(self.ctx.store)
        self._narrow(reread=True)

    def _narrow(self, *, reread: bool = False) -> None:
        chosen = self.selected_ids()
        scroll = self.table.verticalScrollBar().value()
        rows = queries.matching(self._all, text=self.search.text(), result=choices.current(self.result),
                                eligible=self.eligible.isChecked())
        self.model.set_rows(rows)
        self.count.setText(self.tr("1 assessment") if len(rows) == 1
                           else self.tr("{n} assessments").format(n=len(rows)))
        self.table.verticalScrollBar().setValue(scroll)
        self._select(chosen, scroll=False)
        self.details.show_selection(self.selected_ids(), force=reread)

    def _select(self, ids: list[str], *, scroll: bool = True) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.table.clearSelection()
        first = None
        for record_id in ids:
            row = self.model.row_of(record_id)
            if row >= 0:
                index = self.model.index(row, 0)
                first = first or index
                selection.select(index, QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
        if first is not None:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            if scroll:
                self.table.scrollTo(first)
        selection.blockSignals(False)
        self.table.viewport().update()

    def select_ids(self, ids: list[str]) -> None:
        self._select(list(ids))
        self._show_selected()

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.id_at(r) for r in rows]

    def selected_rows(self) -> list[AssessmentRow]:
        return [r for r in (self.model.row_by_id(i) for i in self.selected_ids()) if r is not None]

    def _show_selected(self) -> None:
        self.details.show_selection(self.selected_ids())

    # Recording -------------------------------------------------------------------------------------

    def can_create(self) -> bool:
        return self.home is not None

    def create(self) -> None:
        if self.home is None:
            return
        from ..dialogs.assessment_editor import AssessmentEditor  # built when first used

        editor = AssessmentEditor(self.ctx, self.window())
        editor.saved.connect(lambda _changes: self._recorded(editor.outcome))
        self.editor = editor
        editor.open()

    def _recorded(self, outcome: ops.RecordOutcome) -> None:
        if outcome.assessment_id:
            self.select_ids([outcome.assessment_id])
        if outcome.warnings:
            self.ctx.status_message.emit(self.tr("Assessment recorded, with a warning: {warning}").format(
                warning="; ".join(outcome.warnings)))
        else:
            self.ctx.status_message.emit(self.tr("Assessment recorded."))

    # Certificates ----------------------------------------------------------------------------------

    def _issuable(self, rows: list[AssessmentRow]) -> list[AssessmentRow]:
        """Own assessments competent in some unit without a valid certificate (a revoked one is
        reissued when named)."""
        return [r for r in rows if r.country == self.home and r.result in CERTIFIED
                and r.certificate_status != "valid"]

    def _name_issue_actions(self) -> None:
        chosen = self._issuable(self.selected_rows())
        eligible = sum(r.eligible for r in self._all)
        self.issue_selected_action.setText(self.tr("For the selected assessments ({n})").format(n=len(chosen)))
        self.issue_selected_action.setEnabled(bool(chosen))
        self.issue_all_action.setText(self.tr("For every eligible assessment ({n})").format(n=eligible))
        self.issue_all_action.setEnabled(bool(eligible))

    def issue_selected(self) -> None:
        selected = self.selected_rows()
        chosen = self._issuable(selected)
        if not chosen:
            QMessageBox.information(self, self.tr("Issue certificates"), self.tr(
                "None of the selected assessments can be certified: a certificate is issued for "
                "an assessment of {country} that is competent in at least one unit and has no valid "
                "certificate yet.").format(country=choices.country_name(self.home)))
            return
        text = self._issue_question(len(chosen))
        if len(chosen) < len(selected):
            text += "\n\n" + self.tr("{n} of the selected are left out (not yet competent, already "
                                     "certified, or a partner's).").format(n=len(selected) - len(chosen))
        if self._confirm(text):
            self._issue(ops.issue_certificates(assessment_ids=[r.id for r in chosen],
                                               outcome=(outcome := ops.IssueOutcome())), outcome)

    def issue_all_eligible(self) -> None:
        eligible = sum(r.eligible for r in self._all)
        if not eligible:
            QMessageBox.information(self, self.tr("Issue certificates"), self.tr(
                "Every assessment that can be certified already has its certificate."))
            return
        if self._confirm(self._issue_question(eligible)):
            self._issue(ops.issue_certificates(all_eligible=True, outcome=(outcome := ops.IssueOutcome())),
                        outcome)

    def _issue_question(self, n: int) -> str:
        first = self.tr("Issue 1 certificate?") if n == 1 else self.tr("Issue {n} certificates?").format(n=n)
        return first + "\n\n" + self.tr(
            "Each gets the next number of {country}'s sequence for this year and a signed QR code. "
            "Numbers are never reused: a certificate issued in error is revoked, not deleted, so "
            "this step cannot be undone.").format(country=choices.country_name(self.home))

    def _confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.tr("Issue certificates"), text) == \
            QMessageBox.StandardButton.Yes

    def _issue(self, op, outcome: ops.IssueOutcome) -> None:
        self.ctx.run_op(op, parent=self, on_success=lambda _changes: self._issued(outcome))

    def _issued(self, outcome: ops.IssueOutcome) -> None:
        numbers = outcome.numbers
        if not numbers:
            text = self.tr("No certificate was issued: nothing was eligible.")
        elif len(numbers) == 1:
            text = self.tr("Certificate {number} issued.").format(number=numbers[0])
        else:
            text = self.tr("{n} certificates issued, {first} to {last}.").format(
                n=len(numbers), first=numbers[0], last=numbers[-1])
        self.ctx.status_message.emit(text)
        details = "\n".join(numbers)
        self.report = QMessageBox(QMessageBox.Icon.Information, self.tr("Certificates issued"),
                                  text + "\n\n" + self.tr("Print them from the Certificates page."),
                                  QMessageBox.StandardButton.Ok, self)
        if len(numbers) > 1:
            self.report.setDetailedText(details)
        self.report.open()

    # Search, filters -------------------------------------------------------------------------------

    def can_search(self) -> bool:
        return True

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def apply_filter(self, filters: dict) -> None:
        """Keys: text, result (competent | partly_competent | not_yet_competent), eligible (bool),
        assessment (an id to select)."""
        for widget in (self.search, self.result, self.eligible):
            widget.blockSignals(True)
        self.search.setText(str(filters.get("text") or ""))
        choices.select(self.result, filters.get("result"))
        self.eligible.setChecked(bool(filters.get("eligible")))
        for widget in (self.search, self.result, self.eligible):
            widget.blockSignals(False)
        self._narrow()
        if filters.get("assessment"):
            self.select_ids([filters["assessment"]])

    def save_state(self) -> dict:
        return {"columns": column_widths(self.table), "unit_columns": column_widths(self.details.units_table),
                "splitter": self.splitter.sizes(), "result": choices.current(self.result) or "",
                "eligible": self.eligible.isChecked()}

    def restore_state(self, state: dict) -> None:
        set_column_widths(self.table, state.get("columns"))
        set_column_widths(self.details.units_table, state.get("unit_columns"))
        sizes = state.get("splitter")
        if isinstance(sizes, (list, tuple)) and len(sizes) == 2:
            with suppress(TypeError, ValueError):  # a hand-edited settings file: keep the default
                self.splitter.setSizes([int(s) for s in sizes])
        eligible = state.get("eligible")
        self.apply_filter({"result": state.get("result") or None,
                           "eligible": eligible in (True, "true", "1", 1)})
