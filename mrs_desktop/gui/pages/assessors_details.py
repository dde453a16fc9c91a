"""The pane under the register: the selected assessor and their accreditations, each with its
effective status (an active accreditation past its end date reads "Expired")."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from ...db.store import Store
from ...domain.errors import NotFound
from ...services.search import AssessorDetail, get_assessor
from ..dates import format_date
from ..models.assessors import (
    AccreditationsModel, country_name, owner_note, setup_accreditation_table,
)


class AssessorDetails(QWidget):
    """Shows one assessor; with none or several selected it says so instead."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self.assessor_id: str | None = None
        self.detail: AssessorDetail | None = None
        self.heading = QLabel()
        self.heading.setObjectName("details_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = AccreditationsModel(self)
        self.table = QTableView()
        setup_accreditation_table(self.table, self.model)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # with no table shown, the text stays at the top
        self.show_selection([])

    def show_selection(self, ids: list[str]) -> None:
        if len(ids) == 1:
            self.show_assessor(ids[0])
            return
        self.assessor_id, self.detail = None, None
        self.model.set_accreditations([])
        self.table.setVisible(False)
        if ids:
            self.heading.setText(self.tr("{n} assessors selected.").format(n=len(ids)))
        else:
            self.heading.setText(self.tr("Select an assessor to see their accreditations; "
                                         "double-click or press Enter to open it."))

    def show_assessor(self, assessor_id: str) -> None:
        try:
            detail = get_assessor(self._store, assessor_id)
        except NotFound:
            self.show_selection([])
            return
        self.assessor_id, self.detail = assessor_id, detail
        self.model.set_accreditations(detail.accreditations)
        self.table.setVisible(True)
        self.heading.setText(_describe(detail, self))

    def refresh(self) -> None:
        if self.assessor_id is not None:
            self.show_assessor(self.assessor_id)


def _describe(d: AssessorDetail, widget: QWidget) -> str:
    tr = widget.tr
    name = escape(" ".join(p for p in (d.family_name, d.given_names) if p))
    native = (f" &nbsp;<span style='font-size:large'>{escape(d.name_native)}</span>"
              if d.name_native else "")
    facts = [escape(country_name(d.country))]
    facts += [escape(v) for v in (d.organisation, d.assessor_ref, d.email, d.phone) if v]
    if d.date_of_birth:
        facts.append(tr("born {date}").format(date=format_date(d.date_of_birth)))
    lines = f"<b style='font-size:large'>{name}</b>{native}<br>{' · '.join(facts)}"
    if d.read_only:
        lines += f"<br><i>{escape(owner_note(d.country))}</i>"
    if not d.accreditations:
        lines += "<br>" + tr("No accreditations yet.")
    return lines
