"""Table models of the trainings page: the trainings, and the participants of the one selected."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QCoreApplication

from ...services.trainings_queries import ParticipantRow, TrainingRow
from ..dates import format_date
from ..widgets.choices import country_name
from .id_table import Column
from .row_list import RowListModel


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def kind_names() -> dict[str, str]:
    return {"tot": tr("Training of trainers (ToT)"), "toa": tr("Training of assessors (ToA)"),
            "other": tr("Other capacity building")}


def kind_short(kind: str) -> str:
    return {"tot": tr("ToT"), "toa": tr("ToA"), "other": tr("Other")}.get(kind, kind)


def outcome_names() -> dict[str, str]:
    return {"completed": tr("Completed"), "competent": tr("Competent"),
            "not_yet_competent": tr("Not yet competent"), "withdrawn": tr("Withdrawn")}


def host_text(row: TrainingRow) -> str:
    country = country_name(row.host_country)
    return f"{row.host_institution} ({country})" if row.host_institution else country


def dates_text(row: TrainingRow) -> str:
    if row.start_date == row.end_date:
        return format_date(row.start_date)
    return f"{format_date(row.start_date)} – {format_date(row.end_date)}"


class TrainingTableModel(RowListModel[TrainingRow]):
    """Trainings as list_trainings returns them; a partner's trainings are greyed (read-only)."""

    def __init__(self, home_country: str | None, parent=None):
        self.home_country = home_country
        columns = [
            Column("title", tr("Title"), lambda r: r.title),
            Column("kind", tr("Kind"), lambda r: kind_short(r.kind)),
            Column("host", tr("Host"), host_text),
            Column("dates", tr("Dates"), dates_text),
            Column("participants", tr("Participants"), lambda r: r.participant_count, align_right=True),
            Column("funder", tr("Funder"), lambda r: r.funder),
        ]
        super().__init__(columns, parent=parent, muted=self.is_partners,
                         tooltip=self._tooltip_text,
                         sort_keys={"dates": lambda r: r.start_date,
                                    "participants": lambda r: r.participant_count})

    def is_partners(self, row: TrainingRow) -> bool:
        return row.country != self.home_country

    def _tooltip_text(self, row: TrainingRow) -> str | None:
        if self.is_partners(row):
            return tr("Recorded by {country}: read-only here").format(country=country_name(row.country))
        return row.title


class ParticipantTableModel(RowListModel[ParticipantRow]):
    """The participants of one training; `linked` names each linked assessor's register entry."""

    def __init__(self, parent=None):
        self._linked: dict[str, str] = {}
        columns = [
            Column("name", tr("Name"), lambda p: p.full_name),
            Column("native", tr("Native-script name"), lambda p: p.name_native),
            Column("country", tr("Country"), lambda p: country_name(p.country)),
            Column("attendance", tr("Attendance"),
                   lambda p: "" if p.attendance is None else f"{p.attendance} %", align_right=True),
            Column("outcome", tr("Outcome"), lambda p: outcome_names().get(p.outcome or "", p.outcome)),
            Column("assessor", tr("In the register"), self._register_text),
        ]
        super().__init__(columns, parent=parent, sort_keys={"attendance": lambda p: p.attendance})

    def set_participants(self, rows: Sequence[ParticipantRow], linked: dict[str, str]) -> None:
        """`linked`: assessor id → how the register names them (reference or name)."""
        self._linked = dict(linked)
        self.set_rows(rows)

    def _register_text(self, row: ParticipantRow) -> str:
        if not row.assessor_id:
            return tr("not yet")
        return self._linked.get(row.assessor_id) or tr("removed from the register")
