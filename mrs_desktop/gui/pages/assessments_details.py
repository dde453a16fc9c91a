"""The pane under the assessments: the selected candidate, the assessment, its assessors (with a
warning for any not accredited for it that day), its units and outcomes, and its certificates.

The identity document number is masked until "Show" is pressed, and masked again when another
assessment is selected: it is shown only where needed.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...db.store import Store
from ...domain.errors import NotFound
from ...services.assessment_queries import AssessmentDetail, get_assessment
from ..dates import format_date
from ..dialogs.record_editor import NOTE_STYLE
from ..models.assessments import UnitTableModel, result_names
from ..widgets.choices import country_name
from .register_view import fit_columns, register_table

MASK = "•"


def masked(number: str | None) -> str:
    """All but the last three characters hidden: enough to tell two papers apart."""
    if not number:
        return ""
    shown = number[-3:] if len(number) > 4 else ""
    return MASK * (len(number) - len(shown)) + shown


class AssessmentDetails(QWidget):
    """Shows one assessment; with none or several selected it says so instead."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._home = store.node.country if store.node else None
        self.detail: AssessmentDetail | None = None
        self._shown: list[str] | None = None  # the ids the pane shows
        self.heading = _rich_label("details_heading")
        self.facts = _rich_label("details_facts")
        self.document = QLabel()
        self.document.setObjectName("document_no")
        self.document.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_document = QPushButton(self.tr("Show"))
        self.show_document.setObjectName("show_document")
        self.show_document.setCheckable(True)
        self.show_document.setToolTip(self.tr("Show the identity document number"))
        self.warning = QLabel()
        self.warning.setObjectName("details_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(NOTE_STYLE)
        self.certificates = _rich_label("details_certificates")
        self.units_heading = QLabel()
        self.units = UnitTableModel(self)
        self.units_table = register_table(self.units, self, name="units")
        fit_columns(self.units_table, {"code": 14, "title": 34})
        self._layout()
        self.show_document.toggled.connect(lambda _on: self._show_document())
        self.show_selection([])

    def _layout(self) -> None:
        document_row = QHBoxLayout()
        document_row.addWidget(self.document)
        document_row.addWidget(self.show_document)
        document_row.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.facts)
        left.addLayout(document_row)
        left.addWidget(self.warning)
        left.addWidget(self.certificates)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.units_heading)
        right.addWidget(self.units_table, 1)
        self.units_box = QWidget()
        self.units_box.setLayout(right)
        right.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(left, 1)
        layout.addWidget(self.units_box, 1)

    def show_selection(self, ids: list[str], *, force: bool = False) -> None:
        """`force` re-reads the same selection (its records changed); else only a new one is read
        (typing in the search box keeps the selection and should not re-read it)."""
        if ids == self._shown and not force:
            return
        self._shown = list(ids)
        if len(ids) == 1:
            self.show_assessment(ids[0])
            return
        self.detail = None
        self.units.set_rows([])
        for widget in (self.facts, self.document, self.show_document, self.warning, self.certificates,
                       self.units_box):
            widget.hide()
        self.heading.setText(self.tr("{n} assessments selected.").format(n=len(ids)) if ids else self.tr(
            "Select an assessment to see the candidate, the assessors and each unit's outcome."))

    def show_assessment(self, assessment_id: str) -> None:
        try:
            detail = get_assessment(self._store, assessment_id)
        except NotFound:
            self.show_selection([], force=True)
            return
        if self.detail is None or self.detail.row.id != assessment_id:
            self.show_document.setChecked(False)  # masked again for another person
        self.detail = detail
        self.heading.setText(_heading(detail))
        self.facts.setText(_facts(detail, self._home, self))
        self.facts.show()
        self._show_document()
        warnings = detail.warnings
        self.warning.setText("⚠ " + "\n⚠ ".join(warnings) if warnings else "")
        self.warning.setVisible(bool(warnings))
        self.certificates.setText(_certificates(detail, self))
        self.certificates.show()
        self.units.set_rows(detail.units)
        achieved = sum(u.achieved for u in detail.units)
        self.units_heading.setText(self.tr("<b>Units</b> — {n} of {total} achieved").format(
            n=achieved, total=len(detail.units)))
        self.units_box.show()

    def _show_document(self) -> None:
        number = self.detail.id_document_no if self.detail else None
        if not number:
            self.document.setText(self.tr("Identity document: not held here (a partner's record)")
                                  if self.detail is not None else "")
            self.document.setVisible(self.detail is not None)
            self.show_document.hide()
            return
        shown = number if self.show_document.isChecked() else masked(number)
        self.document.setText(self.tr("Identity document: {number}").format(number=shown))
        self.show_document.setText(self.tr("Hide") if self.show_document.isChecked() else self.tr("Show"))
        self.document.show()
        self.show_document.show()



def _rich_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def _heading(d: AssessmentDetail) -> str:
    native = (f" &nbsp;<span style='font-size:large'>{escape(d.row.name_native)}</span>"
              if d.row.name_native else "")
    return f"<b style='font-size:large'>{escape(d.row.name)}</b>{native}"


def _facts(d: AssessmentDetail, home: str | None, widget: QWidget) -> str:
    tr, r = widget.tr, d.row
    person = [escape(country_name(r.nationality))]
    if d.sex:
        person.append(escape({"female": tr("female"), "male": tr("male")}.get(d.sex, tr("other"))))
    if d.date_of_birth:
        person.append(tr("born {date}").format(date=format_date(d.date_of_birth)))
    if d.assessments_of_candidate > 1:
        person.append(tr("assessed {n} times").format(n=d.assessments_of_candidate))
    result = result_names().get(r.result, r.result)
    what = tr("{occupation} ({code}), AQRF level {level}").format(
        occupation=escape(r.occupation_title), code=escape(r.occupation_code), level=r.aqrf_level)
    where = [tr("assessed {date}").format(date=format_date(r.assessed_on))]
    if r.centre:
        where.append(tr("at {centre}").format(centre=escape(r.centre)))
    if d.sheet_ref:
        where.append("· " + tr("sheet {ref}").format(ref=escape(d.sheet_ref)))
    assessors = ", ".join(escape(a.name) + ("" if a.covered else " ⚠") for a in d.assessors) \
        or tr("none recorded")
    lines = [" · ".join(person), f"{what} — <b>{escape(result)}</b>", " ".join(where),
             tr("Assessors: {names}").format(names=assessors)]
    if r.country != home:
        lines.append("<i>" + tr("Recorded by {country}: read-only here").format(
            country=escape(country_name(r.country))) + "</i>")
    return "<br>".join(lines)


def _certificates(d: AssessmentDetail, widget: QWidget) -> str:
    tr = widget.tr
    if not d.certificates:
        if d.row.eligible:
            return tr("Eligible for a certificate ({kind}), not yet issued.").format(
                kind=tr("full qualification") if d.row.result == "competent" else tr("units achieved"))
        return tr("No certificate: not yet competent in any unit.") if d.row.result == "not_yet_competent" \
            else ""
    lines = []
    for c in d.certificates:
        kind = tr("full qualification") if c.kind == "full" else tr("units achieved")
        text = tr("Certificate <b>{number}</b> ({kind}), issued {date}").format(
            number=escape(c.number), kind=kind, date=format_date(c.issued_on))
        if c.status == "revoked":
            text += " — <span style='color:#b00020'>" + tr("revoked: {reason}").format(
                reason=escape(c.revoked_reason or "")) + "</span>"
        lines.append(text)
    return "<br>".join(lines)
