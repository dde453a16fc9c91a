"""Table model of occupation equivalences: who recognises whose occupation, at which level."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...services.equivalences import EquivalenceRow
from ..widgets.choices import country_name
from .id_table import Column
from .row_list import RowListModel


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def status_names() -> dict[str, str]:
    """In the order an equivalence moves through them."""
    return {"proposed": tr("Proposed"), "under_comparison": tr("Under comparison"),
            "agreed": tr("Agreed")}


def occupation_text(code: str, title: str) -> str:
    return f"{code} — {title}" if title and title != code else code


def first_line(text: str | None) -> str:
    return (text or "").strip().splitlines()[0] if (text or "").strip() else ""


class EquivalenceTableModel(RowListModel[EquivalenceRow]):
    """Equivalences as list_equivalences returns them; those this node is not party to are greyed."""

    def __init__(self, home_country: str | None, parent=None):
        self.home_country = home_country
        order = list(status_names())
        columns = [
            Column("country_a", tr("Country A"), lambda r: country_name(r.country_a)),
            Column("occupation_a", tr("Occupation A"),
                   lambda r: occupation_text(r.occupation_a_code, r.occupation_a_title)),
            Column("country_b", tr("Country B"), lambda r: country_name(r.country_b)),
            Column("occupation_b", tr("Occupation B"),
                   lambda r: occupation_text(r.occupation_b_code, r.occupation_b_title)),
            Column("level", tr("AQRF level"), lambda r: r.aqrf_level, align_right=True),
            Column("status", tr("Status"), lambda r: status_names().get(r.status, r.status)),
            Column("notes", tr("Notes"), lambda r: first_line(r.notes)),
        ]
        super().__init__(columns, parent=parent, muted=self.is_read_only, tooltip=self._tooltip_text,
                         sort_keys={"level": lambda r: r.aqrf_level,
                                    "status": lambda r: order.index(r.status) if r.status in order else 99})

    def is_read_only(self, row: EquivalenceRow) -> bool:
        return self.home_country not in (row.country_a, row.country_b)

    def _tooltip_text(self, row: EquivalenceRow) -> str | None:
        if self.is_read_only(row):
            return tr("Between {a} and {b}: read-only here").format(
                a=country_name(row.country_a), b=country_name(row.country_b))
        return row.notes or None
