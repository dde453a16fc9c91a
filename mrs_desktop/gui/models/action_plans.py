"""Table models of the Action plans page: plans with their progress, items, an item's timeline.

Plans and items are few (dozens, at most a few thousand items), so the page reads whole lists
from the services and these models keep them by id; sorting re-orders the id list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.action_plans import ITEM_STATUSES
from ...domain.reference import countries
from ...services.action_plans_queries import ItemRow, PlanRow, ProgressRow
from ..dates import format_date
from ..widgets.percent_bar import PERCENT_ROLE  # an int 0–100 (or None) drawn as a bar
from .id_table import Column
from .row_list import RowListModel

ATTENTION_ROLE = Qt.ItemDataRole.UserRole + 4  # True where a cell needs attention (overdue)
RECORD_ROLE = Qt.ItemDataRole.UserRole + 5  # the whole row (PlanRow, ItemRow, ProgressRow)
ATTENTION_COLOUR = QColor("#b00020")
Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    # The empty context is where pyside6-lupdate files a module-level tr("...") call.
    return QCoreApplication.translate("", text)


def status_labels() -> dict[str, str]:
    """Each item status in the user's words, in the order the domain lists them."""
    labels = {"not_started": tr("Not started"), "in_progress": tr("In progress"), "done": tr("Done"),
              "blocked": tr("Blocked"), "cancelled": tr("Cancelled")}
    return {status: labels.get(status, status) for status in ITEM_STATUSES}


def status_label(status: str | None) -> str:
    return status_labels().get(status or "", status or "")


def country_name(code: str | None) -> str:
    return countries()[code].name if code in countries() else (code or "")


def country_names(codes: Sequence[str]) -> str:
    return ", ".join(country_name(c) for c in codes)


def period_text(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return ""
    return f"{format_date(start) or '…'} – {format_date(end) or '…'}"


def percent_text(percent: float | None) -> str:
    return "" if percent is None else tr("{n} %").format(n=round(percent))


def due_text(row: ItemRow) -> str:
    """The due date, with the word "overdue" so colour is never the only sign."""
    text = format_date(row.due_date)
    return tr("{date} — overdue").format(date=text) if row.overdue else text


def is_party(plan: PlanRow | None, home: str | None) -> bool:
    """The owner and the partner countries may change a plan and its items; others only read."""
    return bool(plan and home and (home == plan.owner_country or home in plan.partner_countries))


def read_only_note(plan: PlanRow, home: str | None) -> str | None:
    """Why this node may not change the plan, or None if it may."""
    if is_party(plan, home):
        return None
    return tr("This plan belongs to {owner} and is shared with {partners}. {home} is not party to it, "
              "so it is read-only here; changes arrive from its owner by sync.").format(
        owner=country_name(plan.owner_country), partners=country_names(plan.partner_countries),
        home=country_name(home) if home else tr("this database"))


Muted = Callable[[Any], bool] | None


class PlansModel(RowListModel):
    """Plans: title, owner, partners, period, item count, mean progress, overdue items."""

    def __init__(self, *, muted: Muted = None, parent=None):
        columns = [
            Column("title", tr("Plan"), _plan_title),
            Column("owner", tr("Owner"), lambda r: country_name(r.owner_country)),
            Column("partners", tr("Partners"), lambda r: country_names(r.partner_countries)),
            Column("period", tr("Period"), lambda r: period_text(r.period_start, r.period_end)),
            Column("items", tr("Items"), lambda r: r.item_count, align_right=True),
            Column("progress", tr("Progress"), lambda r: percent_text(r.mean_percent)),
            Column("overdue", tr("Overdue"), lambda r: tr("{n} overdue").format(n=r.overdue_count)
                   if r.overdue_count else ""),
        ]
        keys = {"title": lambda r: r.title.casefold(), "period": lambda r: r.period_start,
                "items": lambda r: r.item_count, "progress": lambda r: r.mean_percent,
                "overdue": lambda r: r.overdue_count or None}
        super().__init__(columns, sort_keys=keys, muted=muted, tooltip=_plan_tooltip, parent=parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        key = self.columns[index.column()].key
        row: PlanRow = self.row(index.row())
        if role == RECORD_ROLE:
            return row
        if role == PERCENT_ROLE:
            shown = key == "progress" and row.mean_percent is not None
            return round(row.mean_percent) if shown else None
        if key == "overdue" and row.overdue_count and _attention(role) is not None:
            return _attention(role)
        return super().data(index, role)


class ItemsModel(RowListModel):
    """Items: ref, plan, description, category, agency, partner, dates, status, percent done."""

    def __init__(self, *, muted: Muted = None, parent=None):
        columns = [
            Column("ref", tr("Ref"), lambda r: r.item_ref),
            Column("plan", tr("Plan"), lambda r: r.plan_ref or r.plan_title),
            Column("description", tr("Description"), lambda r: " ".join(r.description.split())),
            Column("category", tr("Category"), lambda r: r.category),
            Column("agency", tr("Responsible agency"), lambda r: r.responsible_agency),
            Column("partner", tr("Partner"), lambda r: country_name(r.partner_country)),
            Column("start", tr("Start"), lambda r: format_date(r.start_date)),
            Column("due", tr("Due"), due_text),
            Column("status", tr("Status"), lambda r: status_label(r.status)),
            Column("percent", tr("Done"), lambda r: percent_text(r.percent)),
        ]
        keys = {"ref": lambda r: _natural(r.item_ref), "start": lambda r: r.start_date,
                "due": lambda r: r.due_date, "percent": lambda r: r.percent,
                "status": lambda r: ITEM_STATUSES.index(r.status) if r.status in ITEM_STATUSES else 99}
        super().__init__(columns, sort_keys=keys, muted=muted, tooltip=_item_tooltip, parent=parent)

    def column_of(self, key: str) -> int:
        return next(n for n, c in enumerate(self.columns) if c.key == key)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        key = self.columns[index.column()].key
        row: ItemRow = self.row(index.row())
        if role == RECORD_ROLE:
            return row
        if role == PERCENT_ROLE:
            return row.percent if key == "percent" else None
        if key == "due" and row.overdue and _attention(role) is not None:
            return _attention(role)
        return super().data(index, role)


class TimelineModel(QAbstractListModel):
    """An item's progress updates, newest first (append-only: nothing here is editable)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ProgressRow] = []

    def set_rows(self, rows: Sequence[ProgressRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def records(self) -> list[ProgressRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text
        if role == RECORD_ROLE:
            return row
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return " — ".join(p for p in (update_heading(row), change_text(row), row.text) if p)
        return None


def update_heading(row: ProgressRow) -> str:
    return " · ".join(p for p in (format_date(row.on_date), row.author) if p)


def change_text(row: ProgressRow) -> str:
    """What the update moved: "→ Blocked, 10 %" (empty if it moved nothing)."""
    parts = [status_label(row.new_status)] if row.new_status else []
    if row.new_percent is not None:
        parts.append(percent_text(row.new_percent))
    return "→ " + ", ".join(parts) if parts else ""


def _attention(role: int) -> Any:
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(ATTENTION_COLOUR)
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setBold(True)
        return font
    if role == ATTENTION_ROLE:
        return True
    return None


def _plan_title(row: PlanRow) -> str:
    return f"{row.plan_ref} — {row.title}" if row.plan_ref else row.title


def _plan_tooltip(row: PlanRow) -> str:
    counts = ", ".join(f"{status_label(s)}: {n}" for s, n in row.by_status.items())
    lines = [row.title, tr("Owner: {owner}; partners: {partners}").format(
        owner=country_name(row.owner_country), partners=country_names(row.partner_countries))]
    if row.sector:
        lines.append(tr("Sector: {sector}").format(sector=row.sector))
    if counts:
        lines.append(counts)
    return "\n".join(lines)


def _item_tooltip(row: ItemRow) -> str:
    lines = [row.description, tr("Plan: {plan}").format(plan=row.plan_title)]
    if row.last_update:
        lines.append(tr("Last progress update: {date}").format(date=format_date(row.last_update)))
    return "\n".join(lines)


def _natural(ref: str | None) -> Any:
    """Item refs "2" before "10"; other refs by text."""
    if ref is None:
        return None
    return (0, int(ref), "") if ref.isdigit() else (1, 0, ref.casefold())
