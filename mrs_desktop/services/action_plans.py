"""MRS action plans agreed between member states: plans, their items, and progress updates.

Plans and their items are shared records (DESIGN.md section 3): the owner country and each
partner may edit them; any other country sees them read-only. Progress updates are append-only:
they are added, never edited; one that carries a new status or percent moves its item too.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import ActionItem, ActionPlan, ProgressUpdate
from ..db.uow import UnitOfWork
from ..domain import action_plans as rules
from ..domain.changes import Changes
from ..domain.errors import AlreadyExists, InputRejected
from ..domain.fields import Checker
from ..domain.ids import uuid7
from . import catalogue
from .action_plans_queries import (ItemRow, PlanRow, ProgressRow, item_timeline, list_items,
                                   list_plans)
from .records import country_name, get_live, require_party, split_countries

__all__ = ["add_plan", "update_plan", "remove_plan", "add_item", "update_item", "remove_item",
           "add_progress_update", "list_items", "list_plans", "item_timeline", "ItemRow",
           "PlanRow", "ProgressRow"]

PLAN_FIELDS = ("plan_ref", "title", "owner_country", "partner_countries", "period_start", "period_end")
ITEM_FIELDS = ("item_ref", "description", "category", "responsible_agency", "partner_country",
               "start_date", "due_date", "status", "percent")


def add_plan(uow: UnitOfWork, values: Mapping[str, Any],
             items: Iterable[Mapping[str, Any]] = ()) -> Changes:
    """Record a plan this node's country owns or is a partner to, optionally with its items.

    `values`: title, owner_country (default: this node's), partner_countries (list or "KHM,LAO"),
    plan_ref, period_start, period_end, sector (name or code; added to the catalogue if new).
    `items`: values as for `add_item`.
    """
    with uow:
        chk = Checker()
        clean = rules.check_plan(values, chk, home_country=uow.country)
        sector = _check_sector(values, chk)
        checked_items = [rules.check_item(item, chk) for item in items]
        parties = _parties(clean["owner_country"], clean["partner_countries"])
        for item in checked_items:
            _check_item_partner(item, parties, chk)
        chk.raise_if_any()
        require_party(uow.country, parties, "this action plan")
        _require_unique_plan_ref(uow.session, clean["owner_country"], clean["plan_ref"])
        plan = ActionPlan(id=uuid7(), **clean, **_sector_id(uow.session, sector))
        uow.session.add(plan)
        for item in checked_items:
            _add_item(uow.session, plan, item)
        uow.changes.primary = plan.id
        return uow.commit()


def update_plan(uow: UnitOfWork, plan_id: str, values: Mapping[str, Any]) -> Changes:
    """Change the plan fields named in `values`; the owner country never changes, and a change of
    partners must keep this node's country party to the plan and every item's partner in it."""
    with uow:
        plan = get_live(uow.session, ActionPlan, plan_id, "action plan")
        require_party(uow.country, _plan_parties(plan), "this action plan")
        current = {f: getattr(plan, f) for f in PLAN_FIELDS}
        chk = Checker()
        clean = rules.check_plan({**current, **values}, chk, home_country=uow.country)
        sector = _check_sector(values, chk)
        if clean["owner_country"] and clean["owner_country"] != plan.owner_country:
            chk.fail("owner_country", "a plan keeps its owner; record a new plan instead")
        elif not chk.errors:
            _check_new_partners(uow, plan, clean, chk)
        chk.raise_if_any()
        if clean["plan_ref"] != plan.plan_ref:
            _require_unique_plan_ref(uow.session, plan.owner_country, clean["plan_ref"])
        # The sector look-up first: a query would flush the plan half-changed (logged twice).
        _assign_all(plan, {**clean, **_sector_id(uow.session, sector)})
        uow.changes.primary = plan.id
        return uow.commit()


def remove_plan(uow: UnitOfWork, plan_id: str) -> Changes:
    """A tombstone for the plan and its items; only the owner country may remove a plan.
    Progress updates stay as written (append-only) and disappear with their item."""
    with uow:
        plan = get_live(uow.session, ActionPlan, plan_id, "action plan")
        require_party(uow.country, _plan_parties(plan), "this action plan")
        if plan.owner_country != uow.country:
            owner = country_name(plan.owner_country)
            raise InputRejected(f"only {owner}, which owns this action plan, can remove it")
        plan.deleted = True
        for item in uow.session.scalars(select(ActionItem).where(
                ActionItem.plan_id == plan.id, ActionItem.deleted.is_(False))):
            item.deleted = True
        uow.changes.primary = plan.id
        return uow.commit()


def add_item(uow: UnitOfWork, plan_id: str, values: Mapping[str, Any]) -> Changes:
    """Add an item: description, category, responsible_agency, partner_country (one of the plan's
    countries), start_date, due_date, status (default not_started), percent (0–100), item_ref."""
    with uow:
        plan = get_live(uow.session, ActionPlan, plan_id, "action plan")
        parties = _plan_parties(plan)
        require_party(uow.country, parties, "this action plan")
        chk = Checker()
        clean = rules.check_item(values, chk)
        _check_item_partner(clean, parties, chk)
        chk.raise_if_any()
        item = _add_item(uow.session, plan, clean)
        uow.changes.primary = item.id
        return uow.commit()


def update_item(uow: UnitOfWork, item_id: str, values: Mapping[str, Any]) -> Changes:
    """Change the item fields named in `values`; status and percent are set by hand, as given."""
    with uow:
        item, plan = _item_and_plan(uow, item_id)
        current = {f: getattr(item, f) for f in ITEM_FIELDS}
        chk = Checker()
        clean = rules.check_item({**current, **values}, chk)
        _check_item_partner(clean, _plan_parties(plan), chk)
        chk.raise_if_any()
        if clean["item_ref"] != item.item_ref:
            _require_unique_item_ref(uow.session, plan.id, clean["item_ref"])
        _assign_all(item, clean)
        uow.changes.primary = item.id
        return uow.commit()


def remove_item(uow: UnitOfWork, item_id: str) -> Changes:
    with uow:
        item, _plan = _item_and_plan(uow, item_id)
        item.deleted = True
        uow.changes.primary = item.id
        return uow.commit()


def add_progress_update(uow: UnitOfWork, item_id: str, values: Mapping[str, Any]) -> Changes:
    """Append a progress update: on_date, text, author, and optionally new_status / new_percent,
    which the item takes on in the same transaction — unless a later-dated update already set
    that field (a back-dated entry does not undo newer news)."""
    with uow:
        item, _plan = _item_and_plan(uow, item_id)
        chk = Checker()
        clean = rules.check_update(values, chk)
        chk.raise_if_any()
        # Decide before changing anything, so the item is written (and logged) once.
        moves = {column: clean[field] for field, column in (("new_status", "status"),
                                                             ("new_percent", "percent"))
                 if clean[field] is not None
                 and not _superseded(uow.session, item.id, field, clean["on_date"])}
        _assign_all(item, moves)
        update = ProgressUpdate(id=uuid7(), item_id=item.id, **clean)
        uow.session.add(update)
        uow.changes.primary = update.id
        return uow.commit()


def _item_and_plan(uow: UnitOfWork, item_id: str) -> tuple[ActionItem, ActionPlan]:
    item = get_live(uow.session, ActionItem, item_id, "action item")
    plan = get_live(uow.session, ActionPlan, item.plan_id, "action plan")
    require_party(uow.country, _plan_parties(plan), "this action plan")
    return item, plan


def _parties(owner: str | None, partners: str | None) -> tuple[str, ...]:
    return tuple(c for c in (owner, *split_countries(partners)) if c)


def _plan_parties(plan: ActionPlan) -> tuple[str, ...]:
    return _parties(plan.owner_country, plan.partner_countries)


def _check_item_partner(item: Mapping[str, Any], parties: tuple[str, ...], chk: Checker) -> None:
    partner = item.get("partner_country")
    if partner and parties and partner not in parties:
        chk.fail("partner_country", f"{partner} is not party to this plan ({', '.join(parties)})")


def _check_new_partners(uow: UnitOfWork, plan: ActionPlan, clean: Mapping[str, Any], chk: Checker) -> None:
    parties = _parties(plan.owner_country, clean["partner_countries"])
    if uow.country not in parties:
        chk.fail("partner_countries", f"would leave {uow.country}, this node's country, out of the plan")
    named = uow.session.scalars(select(ActionItem.partner_country).where(
        ActionItem.plan_id == plan.id, ActionItem.deleted.is_(False)).distinct())
    for partner in sorted(p for p in named if p and p not in parties):
        chk.fail("partner_countries", f"{partner} is the partner of items of this plan; change those first")


def _check_sector(values: Mapping[str, Any], chk: Checker) -> dict[str, Any]:
    """The sector only if `values` names it: an update that leaves it out keeps it."""
    return {"sector": chk.text("sector", values["sector"], max_len=200)} if "sector" in values else {}


def _sector_id(session: Session, wanted: Mapping[str, Any]) -> dict[str, Any]:
    if "sector" not in wanted:
        return {}
    sector = catalogue.ensure_sector(session, wanted["sector"])[0] if wanted["sector"] else None
    session.flush()  # a new sector first: one flush does not order inserts by foreign key
    return {"sector_id": sector.id if sector else None}


def _add_item(session: Session, plan: ActionPlan, clean: Mapping[str, Any]) -> ActionItem:
    _require_unique_item_ref(session, plan.id, clean["item_ref"])
    item = ActionItem(id=uuid7(), plan_id=plan.id, **clean)
    session.add(item)
    return item


def _superseded(session: Session, item_id: str, field: str, on_date) -> bool:
    latest = session.scalar(select(func.max(ProgressUpdate.on_date)).where(
        ProgressUpdate.item_id == item_id, ProgressUpdate.deleted.is_(False),
        getattr(ProgressUpdate, field).is_not(None)))
    return latest is not None and latest > on_date


def _assign(record: Any, name: str, value: Any) -> None:
    if getattr(record, name) != value:
        setattr(record, name, value)


def _assign_all(record: Any, values: Mapping[str, Any]) -> None:
    for name, value in values.items():
        _assign(record, name, value)


def _require_unique_plan_ref(session: Session, owner: str, ref: str | None) -> None:
    if ref and session.scalar(select(ActionPlan.id).where(
            ActionPlan.owner_country == owner, ActionPlan.plan_ref == ref)):
        raise AlreadyExists(f"plan_ref: {owner} already has an action plan with reference {ref}")


def _require_unique_item_ref(session: Session, plan_id: str, ref: str | None) -> None:
    session.flush()  # items added earlier in this transaction count too
    if ref and session.scalar(select(ActionItem.id).where(
            ActionItem.plan_id == plan_id, ActionItem.item_ref == ref, ActionItem.deleted.is_(False))):
        raise AlreadyExists(f"item_ref: this plan already has an item {ref}")
