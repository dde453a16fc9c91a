"""The import preview: who sent a bundle, what importing it would do to each register and record,
the conflicts it would queue, and Apply / Cancel. Nothing is written until Apply."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from ...services.sync.inbound import Preview
from ...services.sync.plan import ConflictLine
from ..pages.sync_models import Col, FilteredRowsModel, RowsModel, outcome_names, register_name, value_text, when

OUTCOMES = ("new", "updated", "unchanged", "rejected", "held")
SHOWN_FIRST = {"rejected": 0, "held": 1, "new": 2, "updated": 3, "unchanged": 4}  # what needs a look
CHANGES = "changes"  # the records filter's "everything but unchanged"


def totals_text(totals: dict[str, int]) -> str:
    """'212 new, 35 updated, 2 conflicts, 0 rejected' (held and unchanged only when there are any)."""
    text = QDialog.tr("{new} new, {updated} updated, {conflicts} conflicts, {rejected} rejected").format(
        **{k: totals.get(k, 0) for k in ("new", "updated", "conflicts", "rejected")})
    if totals.get("held"):
        text += ", " + QDialog.tr("{n} held").format(n=totals["held"])
    if totals.get("unchanged"):
        text += ", " + QDialog.tr("{n} unchanged").format(n=totals["unchanged"])
    return text


def table(model, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


def fit(view: QTableView, widths: list[int]) -> None:
    """Column widths in average characters; the last column stretches."""
    char = view.fontMetrics().averageCharWidth()
    for column, width in enumerate(widths):
        view.horizontalHeader().resizeSection(column, width * char)


def summary_model(preview: Preview, parent=None) -> RowsModel:
    rows = [(register, counts) for register, counts in preview.counts.items()]
    columns = [Col(QDialog.tr("Register"), lambda r: register_name(r[0]))]
    names = outcome_names()
    columns += [Col(names[o].capitalize(), lambda r, o=o: r[1].get(o, 0)) for o in OUTCOMES]
    model = RowsModel(columns, parent=parent)
    model.set_rows(rows)
    return model


def lines_model(preview: Preview, parent=None) -> FilteredRowsModel:
    names = outcome_names()
    model = FilteredRowsModel([
        Col(QDialog.tr("Outcome"), lambda line: names.get(line.outcome, line.outcome)),
        Col(QDialog.tr("Register"), lambda line: register_name(line.register)),
        Col(QDialog.tr("Record"), lambda line: line.label, tip=lambda line: line.row_id),
        Col(QDialog.tr("Country"), lambda line: line.country),
        Col(QDialog.tr("Reason"), lambda line: line.reason or "", tip=lambda line: line.reason),
    ], warn=lambda line: line.outcome in ("rejected", "held"), parent=parent)
    model.set_rows(sorted(preview.lines, key=lambda line: SHOWN_FIRST.get(line.outcome, 5)))
    return model


def conflicts_model(conflicts: list[ConflictLine], parent=None) -> RowsModel:
    model = RowsModel([
        Col(QDialog.tr("Record"), lambda c: c.label),
        Col(QDialog.tr("Field"), lambda c: c.field),
        Col(QDialog.tr("Kept value"), lambda c: value_text(c.kept.value)),
        Col(QDialog.tr("Overwritten value"), lambda c: value_text(c.lost.value)),
    ], parent=parent)
    model.set_rows(conflicts)
    return model


class PreviewDialog(QDialog):
    """Apply (accept) imports the bundle; Cancel changes nothing."""

    def __init__(self, preview: Preview, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Import {file}").format(file=preview.file))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        layout.addLayout(self._sender())
        self.totals = QLabel(totals_text(preview.totals))
        self.totals.setObjectName("totals")
        font = self.totals.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.totals.setFont(font)
        layout.addWidget(self.totals)
        self.warnings = QLabel("\n".join("⚠ " + w for w in preview.warnings))
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("QLabel { color: #8a4b00; }")
        self.warnings.setVisible(bool(preview.warnings))
        layout.addWidget(self.warnings)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._summary(), self.tr("By register"))
        self.tabs.addTab(self._records(), self.tr("Records ({n})").format(n=len(preview.lines)))
        self.tabs.addTab(self._conflicts(), self.tr("Conflicts ({n})").format(n=len(preview.conflicts)))
        layout.addWidget(self.tabs, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("apply")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _sender(self) -> QFormLayout:
        p = self.preview
        form = QFormLayout()
        self.sender = QLabel(f"{p.sender_organisation} ({p.sender_country})")
        self.sender.setObjectName("sender")
        form.addRow(self.tr("From:"), self.sender)
        fingerprint = QLabel(p.fingerprint)
        fingerprint.setObjectName("sender_fingerprint")
        fingerprint.setStyleSheet("QLabel { font-family: monospace; }")
        form.addRow(self.tr("Fingerprint:"), fingerprint)
        made = when(p.created_at)
        if p.encrypted:
            made += "  " + self.tr("(encrypted to this computer)")
        form.addRow(self.tr("Made:"), QLabel(made))
        return form

    def _summary(self) -> QTableView:
        self.summary_model = summary_model(self.preview, self)
        view = table(self.summary_model, "summary")
        fit(view, [22, 10, 10, 10, 10, 10])
        return view

    def _records(self) -> QWidget:
        box = QWidget()
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome_filter")
        changed = sum(1 for line in self.preview.lines if line.outcome != "unchanged")
        self.outcome.addItem(self.tr("Changes ({n})").format(n=changed), CHANGES)
        self.outcome.addItem(self.tr("All records ({n})").format(n=len(self.preview.lines)), None)
        for code, name in outcome_names().items():
            n = self.preview.totals.get(code, 0)
            self.outcome.addItem(f"{name} ({n})", code)
        self.lines_model = lines_model(self.preview, self)
        self.lines = table(self.lines_model, "lines")
        fit(self.lines, [11, 16, 44, 8])
        self.outcome.currentIndexChanged.connect(self._filter)
        self.show_outcome(CHANGES if changed else None)  # a bundle is mostly records already here
        self._filter()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.outcome)
        bar.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.lines, 1)
        return box

    def show_outcome(self, outcome: str | None) -> None:
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(outcome)))

    def _filter(self) -> None:
        wanted = self.outcome.currentData()
        if wanted == CHANGES:
            self.lines_model.set_filter(lambda line: line.outcome != "unchanged")
        else:
            self.lines_model.set_filter(None if wanted is None else (lambda line: line.outcome == wanted))

    def _conflicts(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        note = QLabel(self.tr("Both sides changed these fields. The later change is applied; the other is "
                              "kept in the conflict queue on the Sync page for you to decide."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.conflicts_model = conflicts_model(self.preview.conflicts, self)
        view = table(self.conflicts_model, "conflicts")
        fit(view, [36, 16, 22])
        layout.addWidget(view, 1)
        return box
