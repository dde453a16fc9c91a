"""Operations on MRS action plans: plans, their items, and append-only progress updates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...services import action_plans
from . import Op, op, tr


def add_plan(*, values: Mapping[str, Any]) -> Op:
    return op(tr("Add action plan"), lambda uow: action_plans.add_plan(uow, dict(values)))


def update_plan(*, plan_id: str, values: Mapping[str, Any]) -> Op:
    return op(tr("Edit action plan"), lambda uow: action_plans.update_plan(uow, plan_id, dict(values)))


def remove_plan(*, plan_id: str) -> Op:
    return op(tr("Delete action plan"), lambda uow: action_plans.remove_plan(uow, plan_id))


def add_item(*, plan_id: str, values: Mapping[str, Any]) -> Op:
    return op(tr("Add action item"), lambda uow: action_plans.add_item(uow, plan_id, dict(values)))


def update_item(*, item_id: str, values: Mapping[str, Any]) -> Op:
    return op(tr("Edit action item"), lambda uow: action_plans.update_item(uow, item_id, dict(values)))


def remove_item(*, item_id: str) -> Op:
    return op(tr("Delete action item"), lambda uow: action_plans.remove_item(uow, item_id))


def add_progress_update(*, item_id: str, values: Mapping[str, Any]) -> Op:
    return op(tr("Add progress update"),
              lambda uow: action_plans.add_progress_update(uow, item_id, dict(values)))
