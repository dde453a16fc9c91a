"""The dashboard's charts as data: series with colours that colour-blind readers tell apart, and bars.

Levels are ordered, so they get one hue from light to dark (ColorBrewer "Blues"); statuses are
categories, so they get the Okabe–Ito colours. Every segment also carries its number and a
tooltip naming it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...services.dashboard import PartnerItems, SectorLevels
from ..widgets.charts import Bar, Series

DARK, LIGHT = "#1f2933", "#ffffff"
LEVEL_COLOURS = {1: ("#c6dbef", DARK), 2: ("#6baed6", DARK), 3: ("#2171b5", LIGHT), 4: ("#08306b", LIGHT)}
HIGHER_LEVEL = ("#9e9ac8", DARK)  # levels 5–8: outside MRS, rare; kept visible but apart
STATUS_COLOURS = {
    "not_started": ("#c9ced6", DARK),
    "in_progress": ("#0072b2", LIGHT),
    "done": ("#009e73", LIGHT),
    "blocked": ("#d55e00", LIGHT),
    "cancelled": ("#ffffff", DARK),  # hatched: see status_series
}


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def status_names() -> dict[str, str]:
    return {"not_started": tr("Not started"), "in_progress": tr("In progress"), "done": tr("Done"),
            "blocked": tr("Blocked"), "cancelled": tr("Cancelled")}


def level_series(rows: list[SectorLevels]) -> list[Series]:
    """AQRF levels 1–4 always (the MRS levels), and any higher level the register holds."""
    levels = sorted({1, 2, 3, 4} | {level for row in rows for level in row.by_level})
    return [Series(level, tr("Level {n}").format(n=level), *LEVEL_COLOURS.get(level, HIGHER_LEVEL))
            for level in levels]


def sector_bars(rows: list[SectorLevels]) -> list[Bar]:
    """One bar per sector; accreditations without a sector are shown, not clickable (no filter)."""
    return [Bar(row.sector_id, row.sector or tr("No sector recorded"), dict(row.by_level),
                clickable=row.sector_id is not None,
                tooltip="" if row.sector_id else tr("Accreditations recorded without a sector"))
            for row in rows]


def status_series(rows: list[PartnerItems]) -> list[Series]:
    names = status_names()
    present = {status for row in rows for status in row.by_status}
    # The open statuses always, so the legend reads the same from one day to the next.
    wanted = [s for s in STATUS_COLOURS if s in present or s in ("not_started", "in_progress", "done", "blocked")]
    return [Series(status, names[status], *STATUS_COLOURS[status], hatched=status == "cancelled")
            for status in wanted]


def partner_bars(rows: list[PartnerItems]) -> list[Bar]:
    return [Bar(row.country, row.country_name or tr("No partner country"), dict(row.by_status),
                clickable=row.country is not None,
                tooltip="" if row.country else tr("Items that name no partner country"))
            for row in rows]
