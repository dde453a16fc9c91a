"""Importing action plans and their items (template "action-items", one row per action item).

Rows with the same owner_country + plan_ref are one plan; an item is matched within its plan by
item_ref. Plans are shared between their countries: this node may import the items of any plan
its country owns or is a partner in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from sqlalchemy.orm import Session

from ...db.models import ActionItem, ActionPlan
from ...db.uow import UnitOfWork
from ...domain import action_plans as rules
from ...domain.fields import Checker
from ...domain.task import Progress
from .common import CatalogueEntries, ImportResult, country_name, plain, run_import
from .grouped import GroupedRegister, GroupedRows, load_by_keys, load_children

PLAN_COLUMNS = {"title": "plan_title", "partner_countries": "partner_countries",
                "period_start": "period_start", "period_end": "period_end", "sector_id": "sector"}
ITEM = ("description", "category", "responsible_agency", "partner_country", "start_date", "due_date",
        "status", "percent")


def import_action_items(uow: UnitOfWork, path: Path, *, mapping: dict[str, str] | None = None,
                        progress: Progress | None = None, dry_run: bool = False) -> ImportResult:
    """Add and update action plans and their items from a spreadsheet; all rows or none."""
    def check(uow, table, positions, errors, progress):
        register = _ActionPlans(uow, CatalogueEntries(uow.session))
        return GroupedRows(uow, table, positions, errors, progress, register).check()

    return run_import(uow, path, "action-items", mapping, check, progress, dry_run)


class _ActionPlans(GroupedRegister):
    """Plans are parents, items their children; any country of a plan may change it."""

    parent_model, child_model = ActionPlan, ActionItem
    parent_what, child_what = "action plan", "action item"
    key_columns = ("owner_country", "plan_ref")
    refusal_column = "owner_country"
    parent_columns = PLAN_COLUMNS
    child_columns = {f: f for f in ITEM}
    child_template = ("item_ref", *ITEM)
    parent_link = "plan_id"

    def check_parent(self, values: Mapping[str, str], chk: Checker) -> dict[str, Any]:
        clean = rules.check_plan(
            {"plan_ref": values.get("plan_ref"), "title": values.get("plan_title"),
             "owner_country": values.get("owner_country"),
             "partner_countries": values.get("partner_countries"),
             "period_start": values.get("period_start"), "period_end": values.get("period_end")},
            chk, home_country=self.home)
        clean = {k: plain(v) for k, v in clean.items()}
        if not clean["plan_ref"] and not chk.errors:
            chk.fail("plan_ref", "is required: rows with the same plan_ref are one action plan")
        sector = chk.text("sector", values.get("sector"), max_len=200)
        clean["sector_id"] = self.catalogue.sector(sector, chk)
        return clean

    def parent_key(self, clean: Mapping[str, Any]) -> tuple:
        return (clean["owner_country"], clean["plan_ref"])

    def check_child(self, values: Mapping[str, str], parent: Mapping[str, Any],
                    chk: Checker) -> dict[str, Any]:
        clean = {k: plain(v) for k, v in rules.check_item(values, chk).items()}
        if not clean["item_ref"] and not any(e.field == "item_ref" for e in chk.errors):
            chk.fail("item_ref", "is required: it tells the items of a plan apart when the file is "
                                 "imported again")
        return clean

    def child_key(self, clean: Mapping[str, Any]) -> tuple:
        return (clean["item_ref"],)

    def describe_child(self, clean: Mapping[str, Any]) -> str:
        return f"action item '{clean['item_ref']}'"

    def refusal(self, new: Mapping[str, Any], old: Mapping[str, Any] | None) -> str | None:
        for plan in (old, new):
            if plan is None:
                continue
            parties = [plan["owner_country"], *plan["partner_countries"].split(",")]
            if self.home not in parties:
                names = ", ".join(country_name(c) for c in parties if c)
                return (f"action plan {new['plan_ref']} is between {names}: only their focal points can "
                        f"change it, and {country_name(self.home)} is not one of them")
        return None

    def load_parents(self, session: Session, keys: list[tuple]) -> dict[tuple, dict[str, Any]]:
        columns = ("id", "owner_country", "plan_ref", *PLAN_COLUMNS, "deleted")
        return load_by_keys(session, "action_plan", columns, "owner_country", "plan_ref", keys)

    def load_children(self, session: Session, parent_ids: list[str]) -> dict[tuple, dict[str, Any]]:
        columns = ("id", "plan_id", "item_ref", *ITEM, "deleted")
        return load_children(session, "action_item", columns, "plan_id", parent_ids,
                             lambda r: (r["item_ref"],))
