"""MRS action plans agreed between member states, their items and progress updates."""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping

from .fields import Checker

ITEM_STATUSES = ("not_started", "in_progress", "done", "blocked", "cancelled")
CLOSED_STATUSES = ("done", "cancelled")


def check_plan(values: Mapping[str, Any], chk: Checker, *, home_country: str) -> dict[str, Any]:
    partners = values.get("partner_countries") or ()
    if isinstance(partners, str):
        partners = [p for p in partners.replace(";", ",").split(",") if p.strip()]
    codes = [chk.country("partner_countries", p) for p in partners]
    clean = {
        "plan_ref": chk.text("plan_ref", values.get("plan_ref"), max_len=60),
        "title": chk.text("plan_title", values.get("title"), required=True, max_len=300),
        "owner_country": chk.country("owner_country", values.get("owner_country"), default=home_country),
        "partner_countries": ",".join(sorted({c for c in codes if c})),
        "period_start": chk.date("period_start", values.get("period_start")),
        "period_end": chk.date("period_end", values.get("period_end")),
    }
    if not clean["partner_countries"] and not chk.errors:
        chk.fail("partner_countries", "name at least one partner country")
    if clean["owner_country"] and clean["owner_country"] in clean["partner_countries"].split(","):
        chk.fail("partner_countries", "the owner country cannot also be its own partner")
    chk.order("period_start", clean["period_start"], "period_end", clean["period_end"])
    return clean


def check_item(values: Mapping[str, Any], chk: Checker) -> dict[str, Any]:
    clean = {
        "item_ref": chk.text("item_ref", values.get("item_ref"), max_len=30),
        "description": chk.text("description", values.get("description"), required=True, max_len=1000,
                              multiline=True),
        "category": chk.text("category", values.get("category"), max_len=100),
        "responsible_agency": chk.text("responsible_agency", values.get("responsible_agency"), max_len=200),
        "partner_country": chk.country("partner_country", values.get("partner_country"), required=False),
        "start_date": chk.date("start_date", values.get("start_date")),
        "due_date": chk.date("due_date", values.get("due_date")),
        "status": chk.choice("status", values.get("status"), ITEM_STATUSES, default="not_started"),
        "percent": chk.integer("percent", values.get("percent"), low=0, high=100) or 0,
    }
    chk.order("start_date", clean["start_date"], "due_date", clean["due_date"])
    return clean


def check_update(values: Mapping[str, Any], chk: Checker) -> dict[str, Any]:
    return {
        "on_date": chk.date("on_date", values.get("on_date"), required=True),
        "text": chk.text("text", values.get("text"), required=True, max_len=4000, multiline=True),
        "author": chk.text("author", values.get("author"), max_len=200),
        "new_status": chk.choice("new_status", values.get("new_status"), ITEM_STATUSES),
        "new_percent": chk.integer("new_percent", values.get("new_percent"), low=0, high=100),
    }


def is_overdue(status: str, due: date | None, today: date) -> bool:
    return due is not None and due < today and status not in CLOSED_STATUSES
