"""The import preview: who sent a bundle, what importing it would do to each register and record,
the conflicts it would queue, and Apply / Cancel. Nothing is written until Apply."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QWidget

from ...services.sync.inbound import Preview
from ...services.sync.plan_lines import ConflictLine
from ..forms.ui_sync_preview import Ui_PreviewDialog
from ..pages.sync_models import Col, FilteredRowsModel, RowsModel, outcome_names, register_name, when
from ..pages.sync_tables import field_name, field_value

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


def show_rows(view: QTableView, model, widths: list[int]) -> None:
    """Puts `model` in a table laid out in a .ui form: rows as high as the font needs, headers
    on the left, column widths in average characters (the last column stretches)."""
    view.setModel(model)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    char = view.fontMetrics().averageCharWidth()
    for column, width in enumerate(widths):
        header.resizeSection(column, width * char)


def enlarge(label: QLabel, factor: float) -> None:
    """A heading a little larger than the user's font, whatever its size (a .ui sets only points)."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    label.setFont(font)


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
        Col(QDialog.tr("Field"), lambda c: field_name(c.register, c.field)),
        Col(QDialog.tr("Kept value"), lambda c: field_value(c.register, c.field, c.kept.value)),
        Col(QDialog.tr("Overwritten value"), lambda c: field_value(c.register, c.field, c.lost.value)),
    ], parent=parent)
    model.set_rows(conflicts)
    return model


class PreviewDialog(QDialog):
    """Apply (accept) imports the bundle; Cancel changes nothing. Designed in ui/sync_preview.ui."""

    def __init__(self, preview: Preview, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.ui = ui = Ui_PreviewDialog()
        ui.setupUi(self)
        self.setWindowTitle(self.tr("Import {file}").format(file=preview.file))
        self.tabs, self.sender, self.totals, self.warnings = ui.tabs, ui.sender, ui.totals, ui.warnings
        self._show_sender()
        ui.totals.setText(totals_text(preview.totals))
        enlarge(ui.totals, 1.25)
        ui.warnings.setText("\n".join("⚠ " + w for w in preview.warnings))
        ui.warnings.setVisible(bool(preview.warnings))
        self._show_tables()
        self.apply_button = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(self.tr("&Apply"))
        self.apply_button.setObjectName("apply")
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def _show_sender(self) -> None:
        p, ui = self.preview, self.ui
        ui.sender.setText(f"{p.sender_organisation} ({p.sender_country})")
        ui.sender_fingerprint.setText(p.fingerprint)
        made = when(p.created_at)
        if p.encrypted:
            made += "  " + self.tr("(encrypted to this computer)")
        ui.made.setText(made)

    def _show_tables(self) -> None:
        ui, preview = self.ui, self.preview
        self.summary_model = summary_model(preview, self)
        show_rows(ui.summary, self.summary_model, [22, 10, 10, 10, 10, 10])
        self.lines_model = lines_model(preview, self)
        self.lines = ui.lines
        show_rows(ui.lines, self.lines_model, [11, 16, 44, 8])
        self.conflicts_model = conflicts_model(preview.conflicts, self)
        show_rows(ui.conflicts, self.conflicts_model, [36, 16, 22])
        ui.tabs.setTabText(1, self.tr("Records ({n})").format(n=len(preview.lines)))
        ui.tabs.setTabText(2, self.tr("Conflicts ({n})").format(n=len(preview.conflicts)))
        self._fill_outcomes()

    def _fill_outcomes(self) -> None:
        self.outcome = combo = self.ui.outcome_filter
        changed = sum(1 for line in self.preview.lines if line.outcome != "unchanged")
        combo.addItem(self.tr("Changes ({n})").format(n=changed), CHANGES)
        combo.addItem(self.tr("All records ({n})").format(n=len(self.preview.lines)), None)
        for code, name in outcome_names().items():
            combo.addItem(f"{name} ({self.preview.totals.get(code, 0)})", code)
        combo.currentIndexChanged.connect(self._filter)
        self.show_outcome(CHANGES if changed else None)  # a bundle is mostly records already here
        self._filter()

    def show_outcome(self, outcome: str | None) -> None:
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(outcome)))

    def _filter(self) -> None:
        wanted = self.outcome.currentData()
        if wanted == CHANGES:
            self.lines_model.set_filter(lambda line: line.outcome != "unchanged")
        else:
            self.lines_model.set_filter(None if wanted is None else (lambda line: line.outcome == wanted))
