"""What needs attention today: the dashboard's figures, each counted as its register filter counts.

Read-only queries taking a Store and `today`. Accreditation figures are the node's own country's
(partners' records are theirs to keep); action items are every live item of a live plan, counted
as `list_items(overdue=True)` / `list_items(due_within_days=N)` count them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.engine import Connection

from ..db.store import Store
from ..domain.action_plans import CLOSED_STATUSES, ITEM_STATUSES
from ..domain.clock import today as default_today
from .records import country_name, split_countries
from .search_queries import NOT_RENEWED

SOON, LATER = 30, 90  # days: "expiring soon" and "expiring this quarter"
_CLOSED = ", ".join(f"'{s}'" for s in CLOSED_STATUSES)
# Own live accreditations. Removing an assessor removes their accreditations in the same
# transaction (services.assessors), so no join with the register is needed, which halves the time.
# A date range is selective: "+c.country" keeps SQLite on the valid_until index (without ANALYZE
# it would pick country's). Other filters read most of the table: a plain scan is quicker.
_IN_RANGE = "FROM accreditation c WHERE c.deleted = 0 AND +c.country = ?"
_SCANNED = "FROM accreditation c NOT INDEXED WHERE c.deleted = 0 AND c.country = ?"


@dataclass(frozen=True)
class Counted:
    """Accreditations counted, and the number of assessors who hold them."""

    accreditations: int = 0
    assessors: int = 0


@dataclass(frozen=True)
class SectorLevels:
    """Assessors holding a currently valid accreditation in one sector, per AQRF level."""

    sector_id: str | None  # None: accreditations without a sector
    sector: str
    by_level: dict[int, int]

    @property
    def total(self) -> int:
        return sum(self.by_level.values())


@dataclass(frozen=True)
class PartnerItems:
    """Live action items whose partner is one country, per status."""

    country: str | None  # None: items that name no partner country
    country_name: str
    by_status: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass(frozen=True)
class PartnerPlans:
    """The plans one partner country owns or is party to, with the mean progress of their items."""

    country: str
    country_name: str
    plans: int
    items: int
    mean_percent: float | None  # over items not cancelled; None without any
    overdue: int


@dataclass(frozen=True)
class Dashboard:
    today: date
    country: str | None  # the node's; None before the node exists
    expiring_soon: Counted = Counted()  # active, ending within SOON days
    expiring_later: Counted = Counted()  # active, ending within LATER days
    expired: Counted = Counted()  # still marked active, past its end date, not renewed
    suspended: Counted = Counted()
    items_overdue: int = 0
    items_due_soon: int = 0  # open items due within SOON days
    trainings_this_year: int = 0
    participants_this_year: int = 0
    assessors_own: int = 0
    assessors_partners: int = 0
    sector_levels: list[SectorLevels] = field(default_factory=list)
    partner_items: list[PartnerItems] = field(default_factory=list)
    partner_plans: list[PartnerPlans] = field(default_factory=list)

    @property
    def year(self) -> int:
        return self.today.year


def dashboard(store: Store, *, today: date | None = None) -> Dashboard:
    """Every figure of the dashboard, read in one connection (about 0.5 s on 100,000 assessors)."""
    today = today or default_today()
    own = store.node.country if store.node is not None else None
    with store.engine.connect() as conn:
        trainings, participants = training_figures(conn, today.year)
        assessors_own, assessors_partners = assessor_totals(conn, own)
        overdue, due_soon = item_figures(conn, today)
        return Dashboard(
            today=today, country=own,
            expiring_soon=expiring(conn, own, today, SOON), expiring_later=expiring(conn, own, today, LATER),
            expired=expired(conn, own, today), suspended=suspended(conn, own),
            items_overdue=overdue, items_due_soon=due_soon,
            trainings_this_year=trainings, participants_this_year=participants,
            assessors_own=assessors_own, assessors_partners=assessors_partners,
            sector_levels=sector_levels(conn, own, today), partner_items=partner_items(conn),
            partner_plans=partner_plans(conn, own, today))


# Accreditations -----------------------------------------------------------------------------------

def expiring(conn: Connection, own: str | None, today: date, days: int) -> Counted:
    """Active accreditations ending from today to today + days (the register's "expiring within")."""
    end = today + timedelta(days=days)
    return _counted(conn, _IN_RANGE, "AND c.status = 'active' AND c.valid_until BETWEEN ? AND ?",
                    own, today.isoformat(), end.isoformat())


def expired(conn: Connection, own: str | None, today: date) -> Counted:
    """Still marked active but past their end date, and not renewed: someone must act on them."""
    return _counted(conn, _SCANNED,
                    f"AND c.status = 'active' AND c.valid_until < ? AND {NOT_RENEWED}",
                    own, today.isoformat())


def suspended(conn: Connection, own: str | None) -> Counted:
    return _counted(conn, _SCANNED, "AND c.status = 'suspended'", own)


def _counted(conn: Connection, source: str, where: str, own: str | None, *params) -> Counted:
    if own is None:
        return Counted()
    row = conn.exec_driver_sql(f"SELECT count(*), count(DISTINCT c.assessor_id) {source} {where}",
                               (own, *params)).one()
    return Counted(*row)


def sector_levels(conn: Connection, own: str | None, today: date) -> list[SectorLevels]:
    """Own assessors with a currently valid accreditation, per sector and level; biggest sector first."""
    if own is None:
        return []
    rows = conn.exec_driver_sql(
        f"SELECT c.sector_id, c.aqrf_level, count(DISTINCT c.assessor_id) {_SCANNED} "
        "AND c.status = 'active' AND c.valid_until >= ? "
        "GROUP BY c.sector_id, c.aqrf_level", (own, today.isoformat()))
    names = dict(conn.exec_driver_sql("SELECT id, name FROM sector").all())
    by_sector: dict[str | None, SectorLevels] = {}
    for sector_id, level, n in rows:
        entry = by_sector.setdefault(sector_id, SectorLevels(sector_id, names.get(sector_id, ""), {}))
        entry.by_level[level] = n
    return sorted(by_sector.values(), key=lambda s: (-s.total, s.sector_id is None, s.sector))


def assessor_totals(conn: Connection, own: str | None) -> tuple[int, int]:
    """Live assessors: the node's own country's, and partners' (received by sync)."""
    mine, total = conn.exec_driver_sql(
        "SELECT coalesce(sum(country = ?), 0), count(*) FROM assessor WHERE deleted = 0", (own or "",)).one()
    return mine, total - mine


# Action plans -------------------------------------------------------------------------------------

_LIVE_ITEMS = ("FROM action_item i JOIN action_plan p ON p.id = i.plan_id AND p.deleted = 0 "
               "WHERE i.deleted = 0")


def item_figures(conn: Connection, today: date, days: int = SOON) -> tuple[int, int]:
    """Open items past their due date, and open items due from today to today + days."""
    end = today + timedelta(days=days)
    return conn.exec_driver_sql(
        f"SELECT coalesce(sum(i.due_date < ?), 0), coalesce(sum(i.due_date BETWEEN ? AND ?), 0) "
        f"{_LIVE_ITEMS} AND i.status NOT IN ({_CLOSED})",
        (today.isoformat(), today.isoformat(), end.isoformat())).one()


def partner_items(conn: Connection) -> list[PartnerItems]:
    """Live items per partner country (by name) and status; items naming no partner last."""
    found: dict[str | None, dict[str, int]] = {}
    for country, status, n in conn.exec_driver_sql(
            f"SELECT i.partner_country, i.status, count(*) {_LIVE_ITEMS} GROUP BY 1, 2"):
        found.setdefault(country or None, {})[status] = n
    rows = [PartnerItems(code, country_name(code) if code else "", {
        s: by_status[s] for s in ITEM_STATUSES if s in by_status}) for code, by_status in found.items()]
    return sorted(rows, key=lambda r: (r.country is None, r.country_name))


def partner_plans(conn: Connection, own: str | None, today: date) -> list[PartnerPlans]:
    """Per partner country (each party to a plan other than the node's own), its plans' progress."""
    plans: dict[str, set[str]] = {}
    for plan_id, owner, partners in conn.exec_driver_sql(
            "SELECT id, owner_country, partner_countries FROM action_plan WHERE deleted = 0"):
        for country in {owner, *split_countries(partners)} - {own}:
            plans.setdefault(country, set()).add(plan_id)
    items: dict[str, list[tuple[str, int, str | None]]] = {}
    for plan_id, status, percent, due in conn.exec_driver_sql(
            f"SELECT i.plan_id, i.status, i.percent, i.due_date {_LIVE_ITEMS}"):
        items.setdefault(plan_id, []).append((status, percent, due))
    rows = [_partner_plans(country, ids, items, today) for country, ids in plans.items()]
    return sorted(rows, key=lambda r: r.country_name)


def _partner_plans(country: str, plan_ids: set[str], items: dict, today: date) -> PartnerPlans:
    theirs = [item for plan_id in plan_ids for item in items.get(plan_id, [])]
    counted = [percent for status, percent, _due in theirs if status != "cancelled"]
    overdue = sum(1 for status, _p, due in theirs
                  if due is not None and due < today.isoformat() and status not in CLOSED_STATUSES)
    return PartnerPlans(country, country_name(country), len(plan_ids), len(theirs),
                        sum(counted) / len(counted) if counted else None, overdue)


# Trainings ----------------------------------------------------------------------------------------

def training_figures(conn: Connection, year: int) -> tuple[int, int]:
    """Live trainings starting in `year`, and their live participants."""
    first, last = date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    return conn.exec_driver_sql(
        "SELECT count(*), coalesce(sum((SELECT count(*) FROM participant p "
        "WHERE p.training_id = t.id AND p.deleted = 0)), 0) "
        "FROM training t WHERE t.deleted = 0 AND t.start_date BETWEEN ? AND ?", (first, last)).one()
