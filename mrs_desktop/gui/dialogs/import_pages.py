"""The import wizard's later steps: match columns to fields, preview every error, the summary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidgetItem, QWizardPage

from ...domain.errors import InputRejected, ValidationError
from ...domain.task import Cancelled
from ...services.spreadsheets import guess_mapping, template_columns
from ...services.spreadsheets.common import MAX_ERRORS
from ...services.spreadsheets.templates import required_columns
from ..forms.ui_import_done import Ui_ImportDonePage
from ..forms.ui_import_mapping import Ui_ImportMappingPage
from ..forms.ui_import_preview import Ui_ImportPreviewPage
from ..operations.imports import ImportOutcome, check_import, import_spreadsheet
from ..widgets.field_errors import ERROR_STYLE
from .import_sample import IGNORE, RowsModel, file_stamp, read_sample, remember_mapping, remembered_mapping

if TYPE_CHECKING:
    from .import_wizard import ImportWizard

OK_STYLE = "color: #2e6b30;"


# Step 2: columns -------------------------------------------------------------------------------

class MappingPage(QWizardPage):
    """A row per column of the file: its first values and the field it fills (or none)."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.ui = Ui_ImportMappingPage()
        self.ui.setupUi(self)
        self._wizard = wizard
        self.combos: dict[str, QComboBox] = {}  # column name -> its field chooser
        table = self.ui.columns
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Imports as"),
                                         self.tr("First values in the file")])
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(1, 240)
        self.ui.guess_again.clicked.connect(
            lambda: self._choose(guess_mapping(self._wizard.sample.header, self._wizard.kind)))

    def initializePage(self) -> None:
        sample, kind = self._wizard.sample, self._wizard.kind
        self.required = required_columns(kind)
        self._build(sample.header, sample.rows)
        self._choose(remembered_mapping(kind, sample.header) or guess_mapping(sample.header, kind))

    def _build(self, header: list[str], rows: list[tuple[int, list[str]]]) -> None:
        table = self.ui.columns
        table.clearContents()
        table.setRowCount(len(header))
        self.combos = {}
        for index, name in enumerate(header):
            shown = name or self.tr("(column {letter} has no name)").format(letter=column_letter(index))
            table.setItem(index, 0, QTableWidgetItem(shown))
            values = [cells[index] for _n, cells in rows if index < len(cells) and cells[index].strip()]
            table.setItem(index, 2, QTableWidgetItem("  ·  ".join(v.replace("\n", " ") for v in values[:3])))
            combo = self._field_chooser()
            if not name or name in self.combos:  # nothing to key a mapping on: never imported
                combo.setEnabled(False)
                if name:
                    table.item(index, 0).setText(self.tr("{name} (a second column of that name)").format(name=name))
            else:
                self.combos[name] = combo
            table.setCellWidget(index, 1, combo)
        table.verticalHeader().setDefaultSectionSize(self._row_height())

    def _field_chooser(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Do not import"), IGNORE)
        for field in template_columns(self._wizard.kind):
            combo.addItem(f"{field} *" if field in self.required else field, field)
        combo.setMaxVisibleItems(25)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def _row_height(self) -> int:
        return QComboBox().sizeHint().height() + 6

    def _choose(self, mapping: dict[str, str]) -> None:
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(name, IGNORE))))
            combo.blockSignals(False)
        self._changed()

    def mapping(self) -> dict[str, str]:
        """{column of the file -> template field, or "" for a column left out}."""
        return {name: combo.currentData() for name, combo in self.combos.items()}

    def problems(self) -> list[str]:
        chosen: dict[str, list[str]] = {}
        for name, field in self.mapping().items():
            if field != IGNORE:
                chosen.setdefault(field, []).append(name)
        problems = [self.tr("{field} is chosen for more than one column: {columns}.").format(
                    field=field, columns=", ".join(names)) for field, names in chosen.items() if len(names) > 1]
        missing = [field for field in self.required if field not in chosen]
        if missing:
            problems.insert(0, self.tr("Required fields without a column: {fields}.").format(
                fields=", ".join(missing)))
        return problems

    def _changed(self) -> None:
        problems = self.problems()
        label = self.ui.problems
        label.setStyleSheet(ERROR_STYLE if problems else OK_STYLE)
        label.setText("\n".join(problems) if problems else self.tr("Every required field has a column."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.combos) and not self.problems() and not self._wizard.busy

    def validatePage(self) -> bool:
        sample = self._wizard.sample
        self._wizard.mapping = self.mapping()
        remember_mapping(self._wizard.kind, sample.header, self._wizard.mapping)
        return True


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# Step 3: preview -------------------------------------------------------------------------------

@dataclass
class FreshSample:
    """The file's first rows read again by a check on the worker, for the GUI thread to show."""

    sample: Any = None


def _changed_since(sample) -> bool:
    try:
        return file_stamp(sample.path) != sample.stamp
    except OSError:
        return False  # the check itself will say the file is gone

class PreviewPage(QWizardPage):
    """The first rows as they will be read, every error of a dry run, and what the import will do."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.ui = Ui_ImportPreviewPage()
        self.ui.setupUi(self)
        self._wizard = wizard
        self.setCommitPage(True)
        self.result = None  # the dry run's ImportResult once it found nothing wrong
        self.imported = None  # the import's ImportResult
        self._fresh = FreshSample()
        self.rows_model, self.errors_model = RowsModel(self), RowsModel(self)
        self.ui.rows.setModel(self.rows_model)
        self.ui.errors.setModel(self.errors_model)
        self.ui.errors_label.setStyleSheet(ERROR_STYLE)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        self.ui.check_again.clicked.connect(lambda: self.check())  # not clicked's `checked` flag

    def initializePage(self) -> None:
        self._show_rows()
        self.check(reread=False)

    def cleanupPage(self) -> None:
        self.result = None

    def _show_rows(self) -> None:
        sample, mapping = self._wizard.sample, self._wizard.mapping
        position = {name: i for i, name in reversed(list(enumerate(sample.header)))}
        fields = [f for f in template_columns(self._wizard.kind) if f in mapping.values()]
        column_of = {field: position[name] for name, field in mapping.items() if field != IGNORE}
        rows = [[cells[column_of[f]] if column_of[f] < len(cells) else "" for f in fields]
                for _n, cells in sample.rows]
        self.rows_model.set_rows(fields, rows, [n for n, _cells in sample.rows])
        self.ui.rows_label.setText(self.tr("The first {n} of {total} rows, as they will be read:").format(
            n=len(rows), total=sample.total))
        self.ui.rows.resizeColumnsToContents()

    def check(self, reread: bool = True) -> None:
        """The import as a dry run on the worker: every error, or what it would change.

        Check again (reread) first reads the file's first rows again if it was saved since.
        """
        self.result = None
        self._show_errors([])
        self.ui.summary.setStyleSheet("")
        self.ui.summary.setText(self.tr("Checking every row…"))
        self.ui.check_again.setEnabled(False)
        wizard, store = self._wizard, self._wizard.ctx.store
        kind, sample, mapping = wizard.kind, wizard.sample, dict(wizard.mapping)
        path = sample.path
        fresh = self._fresh = FreshSample()

        def job(progress):
            if reread and _changed_since(sample):
                fresh.sample = read_sample(path, kind)
            return check_import(store, kind=kind, path=path, mapping=mapping, progress=progress)

        wizard.run_job(job, self._checked, self._refused, self.tr("Checking {file}…").format(file=path.name))

    def _take_fresh_sample(self) -> None:
        if self._fresh.sample is not None:
            self._wizard.sample, self._fresh.sample = self._fresh.sample, None
            self._show_rows()

    def _checked(self, result) -> None:
        self._take_fresh_sample()
        self.result = result
        self.ui.check_again.setEnabled(True)
        self.ui.summary.setText(self.tr("Ready to import {file}: {summary}.").format(
            file=self._wizard.sample.path.name, summary=result.summary()))
        self.completeChanged.emit()

    def _refused(self, exc: BaseException) -> None:
        """A dry run or an import found problems: nothing was written; show them all."""
        self._take_fresh_sample()
        self.result = None
        self.ui.check_again.setEnabled(True)
        self.ui.summary.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ValidationError):
            self.ui.summary.setText(self.tr("Nothing can be imported until the file is corrected. Correct "
                                            "it, save it, and press Check again."))
            self._show_errors(exc.errors)
        elif isinstance(exc, Cancelled):
            self.ui.summary.setStyleSheet("")
            self.ui.summary.setText(self.tr("Stopped; nothing was changed. Press Check again to go on."))
        elif isinstance(exc, InputRejected):
            self.ui.summary.setText(self.tr("This file cannot be imported: {reason}").format(reason=exc))
        else:
            self.ui.summary.setText(self.tr("The file could not be checked; nothing was changed."))
            self._wizard.ctx.explain(exc, self)
        self.completeChanged.emit()

    def _show_errors(self, errors) -> None:
        column = {field: name for name, field in self._wizard.mapping.items() if field != IGNORE}

        def where(field: str) -> str:
            name = column.get(field)
            return f"{name} ({field})" if name and name != field else field

        def in_her_words(message: str | None) -> str:
            # "… is before accredited_on …" names the file's own column ("Issue date") instead.
            message = message or ""
            for field, name in column.items():
                if "_" in field and name and name != field:
                    message = re.sub(rf"\b{re.escape(field)}\b", lambda _m, n=name: n, message)
            return message

        self.errors_model.set_rows([self.tr("Row"), self.tr("Column"), self.tr("Problem")],
                                   [(e.row or "", where(e.field), in_her_words(e.message))
                                    for e in errors])
        self.ui.errors_box.setVisible(bool(errors))
        self.ui.errors_label.setText(self._count(errors))
        self.ui.errors.resizeColumnsToContents()

    def _count(self, errors) -> str:
        rows = {e.row for e in errors}
        if len(errors) == 1:
            text = self.tr("1 problem, in row {row}:").format(row=errors[0].row) if errors[0].row \
                else self.tr("1 problem:")
        elif len(rows) == 1 and errors[0].row:
            text = self.tr("{n} problems, all in row {row}:").format(n=len(errors), row=errors[0].row)
        else:
            text = self.tr("{n} problems in {rows} rows:").format(n=len(errors), rows=len(rows))
        if len(errors) >= MAX_ERRORS:
            text += " " + self.tr("(the check stopped there; correct these and check again)")
        return text

    def isComplete(self) -> bool:
        return self.result is not None and not self._wizard.busy

    def validatePage(self) -> bool:
        """Import: all or nothing, on the worker; the wizard moves on once it is written."""
        if self.imported is not None:
            return True
        wizard = self._wizard
        if wizard.busy or self.result is None:
            return False
        outcome = ImportOutcome()
        op = import_spreadsheet(kind=wizard.kind, path=wizard.sample.path, mapping=dict(wizard.mapping),
                                outcome=outcome)
        wizard.ctx.run_op(op, parent=wizard, on_success=wizard.hold(lambda _changes: self._imported(outcome)),
                          on_failure=wizard.hold(self._refused))
        return False

    def _imported(self, outcome: ImportOutcome) -> None:
        self.imported = outcome.result
        name = self._wizard.sample.path.name
        self._wizard.ctx.status_message.emit(self.tr("Imported {file}: {summary}").format(
            file=name, summary=outcome.result.summary()))
        self._wizard.next()


# Step 4: done ----------------------------------------------------------------------------------

class DonePage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.ui = Ui_ImportDonePage()
        self.ui.setupUi(self)
        self._wizard = wizard

    def initializePage(self) -> None:
        result = self._wizard.preview.imported
        self.ui.summary.setText(self.tr("{file} was imported: {summary}.").format(
            file=self._wizard.sample.path.name, summary=result.summary()))
