"""Operations on trainings, action plans and occupation equivalences."""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from ...services import action_plans, equivalences, trainings
from . import Op, op, tr


def add_training(*, values: Mapping[str, Any], participants: Iterable[Mapping[str, Any]] = ()) -> Op:
    people = [dict(p) for p in participants]
    return op(tr("Add training"), lambda uow: trainings.add_training(uow, dict(values), people))


def update_training(*, training_id: str, values: Mapping[str, Any]) -> Op:
    return op(tr("Edit training"), lambda uow: trainings.update_training(uow, training_id, dict(values)))


def add_plan(*, values: Mapping[str, Any]) -> Op:
    return op(tr("Add action plan"), lambda uow: action_plans.add_plan(uow, dict(values)))


def add_item(*, plan_id: str, values: Mapping[str, Any]) -> Op:
    return op(tr("Add action item"), lambda uow: action_plans.add_item(uow, plan_id, dict(values)))


def update_item(*, item_id: str, values: Mapping[str, Any]) -> Op:
    return op(tr("Edit action item"), lambda uow: action_plans.update_item(uow, item_id, dict(values)))


def add_progress_update(*, item_id: str, values: Mapping[str, Any]) -> Op:
    return op(tr("Add progress update"),
               lambda uow: action_plans.add_progress_update(uow, item_id, dict(values)))


def add_equivalence(*, values: Mapping[str, Any]) -> Op:
    return op(tr("Add equivalence"), lambda uow: equivalences.add_equivalence(uow, dict(values)))


def update_equivalence(*, equivalence_id: str, values: Mapping[str, Any]) -> Op:
    return op(tr("Edit equivalence"),
               lambda uow: equivalences.update_equivalence(uow, equivalence_id, dict(values)))
