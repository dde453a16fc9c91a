"""Table models of the Assessments page: the assessments, and the units of the one selected."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...services.assessment_queries import AssessmentRow, UnitLine
from ..dates import format_date
from ..widgets.choices import country_name
from .id_table import Column
from .row_list import RowListModel

RESULT_COLOURS = {"competent": "#2e6b30", "partly_competent": "#8a5a00", "not_yet_competent": "#6b6b6b"}
REVOKED_COLOUR = "#b00020"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def result_names() -> dict[str, str]:
    return {"competent": tr("Competent"), "partly_competent": tr("Partly competent"),
            "not_yet_competent": tr("Not yet competent")}


def outcome_names() -> dict[str, str]:
    """The unit outcome codes of result sheets (services.assessments.OUTCOMES) in the user's words."""
    return {"C": tr("Competent"), "NYC": tr("Not yet competent"), "RPL_G": tr("RPL granted"),
            "RPL_NG": tr("RPL not granted"), "CT": tr("Credit transfer"), "W": tr("Withdrawn")}


def certificate_text(row: AssessmentRow) -> str:
    if not row.certificate:
        return tr("eligible") if row.eligible else ""
    if row.certificate_status == "revoked":
        return tr("{number} (revoked)").format(number=row.certificate)
    return row.certificate


class AssessmentTableModel(RowListModel[AssessmentRow]):
    """Assessments as list_assessments returns them; a partner's are greyed (read-only here)."""

    def __init__(self, home_country: str | None, parent=None):
        self.home_country = home_country
        columns = [
            Column("name", tr("Name"), lambda r: r.name),
            Column("native", tr("Native-script name"), lambda r: r.name_native),
            Column("nationality", tr("Nationality"), lambda r: country_name(r.nationality)),
            Column("occupation", tr("Occupation"), lambda r: r.occupation_title),
            Column("level", tr("Level"), lambda r: r.aqrf_level, align_right=True),
            Column("centre", tr("Centre"), lambda r: r.centre),
            Column("date", tr("Date"), lambda r: format_date(r.assessed_on)),
            Column("result", tr("Result"), lambda r: result_names().get(r.result, r.result)),
            Column("certificate", tr("Certificate"), certificate_text),
        ]
        super().__init__(columns, parent=parent, muted=self.is_partners, tooltip=self._tooltip_text,
                         sort_keys={"date": lambda r: r.assessed_on, "level": lambda r: r.aqrf_level,
                                    "result": lambda r: ("competent", "partly_competent",
                                                         "not_yet_competent").index(r.result)
                                    if r.result in RESULT_COLOURS else 9})
        self._result_column = [c.key for c in self.columns].index("result")
        self._certificate_column = [c.key for c in self.columns].index("certificate")

    def is_partners(self, row: AssessmentRow) -> bool:
        return row.country != self.home_country

    def _tooltip_text(self, row: AssessmentRow) -> str | None:
        if self.is_partners(row):
            return tr("Recorded by {country}: read-only here").format(country=country_name(row.country))
        if row.eligible:
            return tr("Eligible for a certificate, not yet issued")
        return f"{row.occupation_code} — {row.occupation_title}"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.ForegroundRole and index.isValid()
                and index.column() in (self._result_column, self._certificate_column)):
            row = self.row(index.row())
            if row is not None and not self.is_partners(row):
                if index.column() == self._result_column:
                    return QBrush(QColor(RESULT_COLOURS.get(row.result, "#000000")))
                if row.certificate_status == "revoked":
                    return QBrush(QColor(REVOKED_COLOUR))
        return super().data(index, role)


class UnitTableModel(RowListModel[UnitLine]):
    """The units of the selected assessment and each outcome."""

    def __init__(self, parent=None):
        columns = [
            Column("code", tr("Unit"), lambda u: u.code),
            Column("title", tr("Title"), lambda u: u.title if u.title != u.code else ""),
            Column("outcome", tr("Outcome"),
                   lambda u: f"{outcome_names().get(u.outcome, u.outcome)} ({u.outcome})"),
        ]
        super().__init__(columns, parent=parent)
        self._outcome_column = 2

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == self._outcome_column:
            row = self.row(index.row())
            if row is not None:
                return QBrush(QColor(RESULT_COLOURS["competent" if row.achieved else "not_yet_competent"]))
        return super().data(index, role)
