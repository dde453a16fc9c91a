"""What the database holds at a glance: the node, and each register's records by who issued them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, func, literal, or_, select

from ..db.models import (
    Accreditation, ActionItem, ActionPlan, Assessor, Equivalence, Participant, Training,
)
from ..db.store import Store
from .node_summary import NodeSummary, node_summary  # noqa: F401 (their home before)


@dataclass(frozen=True)
class RegisterCount:
    """Live (not deleted) records of one register: the node's own country's, and partners'."""

    register: str
    label: str
    own: int
    partners: int

    @property
    def total(self) -> int:
        return self.own + self.partners


def register_counts(store: Store) -> list[RegisterCount]:
    """One row per register, in the order the registers are presented to users."""
    own = store.node.country if store.node is not None else None
    with store.session() as session:
        return [
            RegisterCount(register, label, *session.execute(query(own)).one())
            for register, label, query in _REGISTERS
        ]


def _split(rows, is_own: ColumnElement, *where: ColumnElement):
    """`SELECT own, partners` over the live rows; with no node yet every record is a partner's."""
    mine = func.coalesce(func.sum(case((is_own, 1), else_=0)), 0)
    total = func.count()
    return select(mine, total - mine).select_from(rows).where(*where)


def _assessors(own):
    return _split(Assessor, Assessor.country == _code(own), Assessor.deleted.is_(False))


def _accreditations(own):
    return _split(Accreditation, Accreditation.country == _code(own), Accreditation.deleted.is_(False))


def _trainings(own):
    return _split(Training, Training.country == _code(own), Training.deleted.is_(False))


def _participants(own):
    # A participant belongs to the country that recorded the training, whatever their nationality.
    rows = Participant.__table__.join(Training.__table__, Participant.training_id == Training.id)
    return _split(rows, Training.country == _code(own),
                  Participant.deleted.is_(False), Training.deleted.is_(False))


def _plans(own):
    return _split(ActionPlan, ActionPlan.owner_country == _code(own), ActionPlan.deleted.is_(False))


def _items(own):
    rows = ActionItem.__table__.join(ActionPlan.__table__, ActionItem.plan_id == ActionPlan.id)
    return _split(rows, ActionPlan.owner_country == _code(own),
                  ActionItem.deleted.is_(False), ActionPlan.deleted.is_(False))


def _equivalences(own):
    # Shared records: ours when our country is one of the two sides.
    code = _code(own)
    return _split(Equivalence, or_(Equivalence.country_a == code, Equivalence.country_b == code),
                  Equivalence.deleted.is_(False))


def _code(own: str | None):
    return literal(own if own is not None else "")


_REGISTERS = (
    ("assessor", "Assessors", _assessors),
    ("accreditation", "Accreditations", _accreditations),
    ("training", "Trainings", _trainings),
    ("participant", "Training participants", _participants),
    ("action_plan", "Action plans", _plans),
    ("action_item", "Action items", _items),
    ("equivalence", "Occupation equivalences", _equivalences),
)
