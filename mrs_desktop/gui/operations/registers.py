"""Operations on trainings and occupation equivalences (action plans: operations/action_plans.py)."""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from ...services import equivalences, trainings
from . import Op, op, tr


def add_training(*, values: Mapping[str, Any], participants: Iterable[Mapping[str, Any]] = ()) -> Op:
    people = [dict(p) for p in participants]
    return op(tr("Add training"), lambda uow: trainings.add_training(uow, dict(values), people))


def update_training(*, training_id: str, values: Mapping[str, Any]) -> Op:
    return op(tr("Edit training"), lambda uow: trainings.update_training(uow, training_id, dict(values)))


def add_equivalence(*, values: Mapping[str, Any]) -> Op:
    return op(tr("Add equivalence"), lambda uow: equivalences.add_equivalence(uow, dict(values)))


def update_equivalence(*, equivalence_id: str, values: Mapping[str, Any]) -> Op:
    return op(tr("Edit equivalence"),
               lambda uow: equivalences.update_equivalence(uow, equivalence_id, dict(values)))


def remove_training(*, training_id: str) -> Op:
    return op(tr("Delete training"), lambda uow: trainings.remove_training(uow, training_id))


def add_participant(*, training_id: str, values: Mapping[str, Any]) -> Op:
    return op(tr("Add participant"), lambda uow: trainings.add_participant(uow, training_id, dict(values)))


def update_participant(*, participant_id: str, values: Mapping[str, Any]) -> Op:
    return op(tr("Edit participant"),
               lambda uow: trainings.update_participant(uow, participant_id, dict(values)))


def remove_participant(*, participant_id: str) -> Op:
    return op(tr("Remove participant"), lambda uow: trainings.remove_participant(uow, participant_id))


def remove_equivalence(*, equivalence_id: str) -> Op:
    return op(tr("Delete equivalence"), lambda uow: equivalences.remove_equivalence(uow, equivalence_id))
