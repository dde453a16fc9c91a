"""Reports for meetings: the action-plan meeting brief, gathered from the store and written as a PDF.

"Changed since" an item means: added, or a field set, on or after the start of that day (by the
field clocks, which hold local and partners' writes alike), or a progress update dated then or
recorded then. Stamps are compared with the start of the day in this computer's time zone.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from ..db.models import ActionItem, FieldClock, ProgressUpdate
from ..db.store import Store
from ..documents.meeting_brief import (BriefChange, BriefItem, BriefUpdate, CountrySection,
                                       MeetingBrief, render_meeting_brief)
from ..domain.clock import today as default_today
from ..domain.errors import InputRejected, NoNode
from ..domain.task import Progress
from .action_plans_queries import ItemRow, list_items
from .records import country_name

DEFAULT_DAYS = 30  # without a chosen date: what changed in the last month
NO_PARTNER = "No partner country named"
# Fields whose change says nothing to a meeting (the plan link, the tombstone).
_QUIET_FIELDS = {"plan_id", "deleted"}


@dataclass(frozen=True)
class BriefWritten:
    path: Path
    pages: int
    items: int
    sections: int  # one per partner country, and one for items naming none


def parse_since(text: str | date | None, *, today: date | None = None) -> date:
    """The --since date: YYYY-MM-DD, not after today; None means DEFAULT_DAYS ago."""
    today = today or default_today()
    if text is None or text == "":
        return today - timedelta(days=DEFAULT_DAYS)
    if isinstance(text, date):
        since = text
    else:
        try:
            since = date.fromisoformat(text.strip())
        except ValueError:
            shape = "a real date" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()) else \
                "a date as YYYY-MM-DD (for example 2026-05-01)"
            raise InputRejected(f"--since: '{text}' is not {shape}") from None
    if since > today:
        raise InputRejected(f"--since: {since.isoformat()} is after today ({today.isoformat()})")
    return since


def gather_meeting_brief(store: Store, *, since: date, today: date | None = None) -> MeetingBrief:
    """Every live item of every live plan, per partner country, with changes since `since`."""
    if store.node is None:
        raise NoNode("this database has no node yet: create it first (`mrs init`)")
    today = today or default_today()
    items = list_items(store, today=today)
    ids = [i.id for i in items]
    floor = _stamp_floor(since)
    with store.session() as session:
        changed = _changed_fields(session, ids, floor)
        stamps = dict(session.execute(select(ActionItem.id, ActionItem.hlc)
                                      .where(ActionItem.id.in_(ids))).all())
        updates = session.scalars(select(ProgressUpdate)
                                  .where(ProgressUpdate.item_id.in_(ids), ProgressUpdate.deleted.is_(False))
                                  .order_by(ProgressUpdate.on_date.desc(), ProgressUpdate.hlc.desc())).all()
    by_item: dict[str, list[ProgressUpdate]] = {}
    for update in updates:
        by_item.setdefault(update.item_id, []).append(update)
    groups: dict[str | None, list[ItemRow]] = {}
    for item in items:
        groups.setdefault(item.partner_country, []).append(item)
    order = sorted(groups, key=lambda c: (c is None, country_name(c) if c else ""))
    sections = [_section(c, groups[c], changed, stamps, by_item, since, floor) for c in order]
    return MeetingBrief(country=country_name(store.node.country), organisation=store.node.organisation,
                        since=since, until=today, sections=sections)


def write_meeting_brief(store: Store, path: Path | str, *, since: date, today: date | None = None,
                        progress: Progress | None = None) -> BriefWritten:
    """Gather the brief and write it to `path` (through a temporary file, so a half-written
    PDF never takes the name)."""
    progress = progress or Progress()
    path = Path(path)
    if path.parent and not path.parent.is_dir():
        raise InputRejected(f"cannot write {path}: the folder {path.parent} does not exist")
    progress.report(0, 2, "Reading the action plans…")
    brief = gather_meeting_brief(store, since=since, today=today)
    progress.check()
    progress.report(1, 2, "Writing the PDF…")
    partial = path.with_name(path.name + ".part")
    try:
        pages = render_meeting_brief(brief, partial)
        progress.check()
        os.replace(partial, path)
    except OSError as exc:
        raise InputRejected(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        partial.unlink(missing_ok=True)
    progress.report(2, 2, "")
    return BriefWritten(path, pages, sum(len(s.items) for s in brief.sections), len(brief.sections))


# Helpers -----------------------------------------------------------------------------------------

def _stamp_floor(since: date) -> str:
    """The smallest clock stamp written on or after the start of `since` (local time)."""
    wall_ms = int(datetime(since.year, since.month, since.day).timestamp() * 1000)
    return f"{max(wall_ms, 0):013d}."


def _changed_fields(session, ids: list[str], floor: str) -> dict[str, tuple[set[str], bool]]:
    """item id → (fields set since the floor, whether every field was: a new item)."""
    rows = session.execute(select(FieldClock.row_id, FieldClock.field, FieldClock.stamp)
                           .where(FieldClock.register == "action_item", FieldClock.row_id.in_(ids)))
    fields: dict[str, dict[str, str]] = {}
    for row_id, name, stamp in rows:
        fields.setdefault(row_id, {})[name] = stamp
    return {row_id: ({f for f, s in clocks.items() if s >= floor} - _QUIET_FIELDS,
                     min(clocks.values()) >= floor)
            for row_id, clocks in fields.items()}


def _section(country: str | None, items: list[ItemRow], changed: dict, stamps: dict[str, str],
             by_item: dict[str, list[ProgressUpdate]], since: date, floor: str) -> CountrySection:
    name = f"{country_name(country)} ({country})" if country else NO_PARTNER
    rows = [BriefItem(_ref(i), i.description, i.responsible_agency, i.due_date, i.status, i.percent,
                      i.overdue) for i in items]
    changes = [c for c in (_change(i, changed, stamps, by_item.get(i.id, []), since, floor)
                           for i in items) if c]
    latest = sorted(((by_item[i.id][0], i) for i in items if by_item.get(i.id)),
                    key=lambda pair: (pair[0].on_date, pair[0].hlc), reverse=True)
    updates = [BriefUpdate(u.on_date, _ref(i), u.text, u.author) for u, i in latest]
    return CountrySection(name, rows, changes, updates)


def _change(item: ItemRow, changed: dict, stamps: dict[str, str], updates: list[ProgressUpdate],
            since: date, floor: str) -> BriefChange | None:
    fields, is_new = changed.get(item.id, (None, False))
    if fields is None and stamps.get(item.id, "") >= floor:
        fields = {"a field"}  # no field clocks (an old record): the record's own stamp says so
    recent = [u for u in updates if u.on_date >= since or u.hlc >= floor]
    parts = []
    if is_new:
        parts.append("added")
    elif fields:
        parts.append(", ".join(sorted(f.replace("_", " ") for f in fields)) + " changed")
    if recent:
        parts.append(f"{len(recent)} progress update{'s' if len(recent) != 1 else ''}")
    return BriefChange(_ref(item), item.description, "; ".join(parts)) if parts else None


def _ref(item: ItemRow) -> str:
    """'KHM-AP-01 / 3': the plan's reference and the item's, as a meeting names an item."""
    return " / ".join(p for p in (item.plan_ref, item.item_ref) if p) or "—"
