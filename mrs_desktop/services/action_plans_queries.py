"""Reading action plans: plans with their progress, items due or overdue, an item's timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable

from sqlalchemy import func, literal, or_, select

from ..db.models import ActionItem, ActionPlan, ProgressUpdate, Sector
from ..db.store import Store
from ..domain import action_plans as rules
from ..domain.clock import today as default_today
from ..domain.fields import Checker
from .records import get_live, split_countries


@dataclass(frozen=True)
class PlanRow:
    """One plan with a summary of its live items."""

    id: str
    plan_ref: str | None
    title: str
    owner_country: str
    partner_countries: tuple[str, ...]
    sector_id: str | None
    sector: str | None
    period_start: date | None
    period_end: date | None
    item_count: int = 0
    by_status: dict[str, int] = field(default_factory=dict)  # status → items (only those present)
    mean_percent: float | None = None  # over items not cancelled; None when there are none
    overdue_count: int = 0


@dataclass(frozen=True)
class ItemRow:
    id: str
    plan_id: str
    plan_ref: str | None
    plan_title: str
    item_ref: str | None
    description: str
    category: str | None
    responsible_agency: str | None
    partner_country: str | None
    start_date: date | None
    due_date: date | None
    status: str
    percent: int
    overdue: bool
    last_update: date | None  # the date of its latest progress update


@dataclass(frozen=True)
class ProgressRow:
    id: str
    item_id: str
    on_date: date
    text: str
    author: str | None
    new_status: str | None
    new_percent: int | None


def list_plans(store: Store, *, partner_country: str | None = None,
               today: date | None = None) -> list[PlanRow]:
    """Live plans by title; `partner_country`: plans that country owns or is a partner to."""
    country = _country_filter("partner_country", partner_country)
    today = today or default_today()
    query = (select(ActionPlan, Sector.name).outerjoin(Sector, Sector.id == ActionPlan.sector_id)
             .where(ActionPlan.deleted.is_(False)).order_by(ActionPlan.title, ActionPlan.id))
    if country:
        listed = literal(",") + ActionPlan.partner_countries + literal(",")
        query = query.where(or_(ActionPlan.owner_country == country, listed.like(f"%,{country},%")))
    with store.session() as session:
        plans = session.execute(query).all()
        items = session.execute(select(ActionItem.plan_id, ActionItem.status, ActionItem.percent,
                                       ActionItem.due_date)
                                .where(ActionItem.deleted.is_(False),
                                       ActionItem.plan_id.in_([p.id for p, _ in plans]))).all()
    by_plan: dict[str, list] = {}
    for item in items:
        by_plan.setdefault(item.plan_id, []).append(item)
    return [_plan_row(plan, sector, by_plan.get(plan.id, []), today) for plan, sector in plans]


def list_items(store: Store, *, plan_id: str | None = None, partner_country: str | None = None,
               status: str | Iterable[str] | None = None, overdue: bool = False,
               due_within_days: int | None = None, today: date | None = None) -> list[ItemRow]:
    """Live items of live plans, soonest due first (items without a due date last).

    `partner_country`: items whose partner is that country; `status`: one or several statuses;
    `overdue`: only items past due and not done or cancelled; `due_within_days`: only open items
    due from `today` to `today` + N days. Given together, the last two list items that are overdue
    or due soon (the usual meeting report).
    """
    chk = Checker()
    country = chk.country("partner_country", partner_country, required=False)
    statuses = _statuses(status, chk)
    days = chk.integer("due_within_days", due_within_days, low=0)
    chk.raise_if_any()
    today = today or default_today()
    last = (select(ProgressUpdate.item_id, func.max(ProgressUpdate.on_date).label("on"))
            .where(ProgressUpdate.deleted.is_(False)).group_by(ProgressUpdate.item_id).subquery())
    query = (select(ActionItem, ActionPlan.title, ActionPlan.plan_ref, last.c.on)
             .join(ActionPlan, ActionPlan.id == ActionItem.plan_id)
             .outerjoin(last, last.c.item_id == ActionItem.id)
             .where(ActionItem.deleted.is_(False), ActionPlan.deleted.is_(False))
             .order_by(ActionItem.due_date.is_(None), ActionItem.due_date, ActionPlan.title,
                       ActionItem.item_ref, ActionItem.id))
    if plan_id:
        query = query.where(ActionItem.plan_id == plan_id)
    if country:
        query = query.where(ActionItem.partner_country == country)
    if statuses:
        query = query.where(ActionItem.status.in_(statuses))
    if overdue or days is not None:
        query = query.where(_due_condition(overdue, days, today))
    with store.session() as session:
        return [_item_row(item, title, ref, on, today) for item, title, ref, on in session.execute(query)]


def item_timeline(store: Store, item_id: str) -> list[ProgressRow]:
    """An item's progress updates, newest first; NotFound if the item is not (or no longer) there."""
    with store.session() as session:
        get_live(session, ActionItem, item_id, "action item")
        updates = session.scalars(select(ProgressUpdate)
                                  .where(ProgressUpdate.item_id == item_id,
                                         ProgressUpdate.deleted.is_(False))
                                  .order_by(ProgressUpdate.on_date.desc(), ProgressUpdate.hlc.desc()))
        return [ProgressRow(u.id, u.item_id, u.on_date, u.text, u.author, u.new_status, u.new_percent)
                for u in updates]


def _country_filter(name: str, value: str | None) -> str | None:
    chk = Checker()
    country = chk.country(name, value, required=False)
    chk.raise_if_any()
    return country


def _statuses(status: str | Iterable[str] | None, chk: Checker) -> list[str]:
    wanted = [status] if isinstance(status, str) else list(status or ())
    return [s for s in (chk.choice("status", w, rules.ITEM_STATUSES) for w in wanted) if s]


def _due_condition(overdue: bool, days: int | None, today: date):
    is_open = ActionItem.status.not_in(rules.CLOSED_STATUSES)
    late = ActionItem.due_date < today
    soon = ActionItem.due_date.between(today, today + timedelta(days=days or 0))
    if overdue and days is not None:
        return is_open & or_(late, soon)
    return is_open & (late if overdue else soon)


def _plan_row(plan: ActionPlan, sector: str | None, items: list, today: date) -> PlanRow:
    by_status: dict[str, int] = {}
    for item in items:
        by_status[item.status] = by_status.get(item.status, 0) + 1
    counted = [i.percent for i in items if i.status != "cancelled"]
    return PlanRow(plan.id, plan.plan_ref, plan.title, plan.owner_country,
                   split_countries(plan.partner_countries), plan.sector_id, sector,
                   plan.period_start, plan.period_end, item_count=len(items), by_status=by_status,
                   mean_percent=sum(counted) / len(counted) if counted else None,
                   overdue_count=sum(rules.is_overdue(i.status, i.due_date, today) for i in items))


def _item_row(item: ActionItem, title: str, ref: str | None, last: date | None, today: date) -> ItemRow:
    return ItemRow(item.id, item.plan_id, ref, title, item.item_ref, item.description, item.category,
                   item.responsible_agency, item.partner_country, item.start_date, item.due_date,
                   item.status, item.percent, rules.is_overdue(item.status, item.due_date, today), last)
