"""Occupation equivalences between two countries, the heart of mutual recognition.

"Country A's occupation X is recognised as country B's occupation Y at AQRF level L." Either
country may edit or remove an equivalence it is party to (a shared record, DESIGN.md section 3);
a node records only equivalences its own country is party to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from ..db.models import Equivalence, Occupation
from ..db.store import Store
from ..db.uow import UnitOfWork
from ..domain import equivalences as rules
from ..domain.changes import Changes
from ..domain.errors import AlreadyExists
from ..domain.fields import Checker
from ..domain.ids import uuid7
from . import catalogue
from .records import get_live, require_party

FIXED_FIELDS = ("country_a", "occupation_a", "country_b", "occupation_b")


@dataclass(frozen=True)
class EquivalenceRow:
    id: str
    country_a: str
    occupation_a_id: str
    occupation_a_code: str
    occupation_a_title: str
    country_b: str
    occupation_b_id: str
    occupation_b_code: str
    occupation_b_title: str
    aqrf_level: int
    status: str  # proposed | under_comparison | agreed
    notes: str | None


@dataclass(frozen=True)
class Recognition:
    """An occupation of another country agreed to be equivalent, and at which AQRF level."""

    equivalence_id: str
    occupation_id: str
    country: str
    code: str
    title: str
    aqrf_level: int


def add_equivalence(uow: UnitOfWork, values: Mapping[str, Any]) -> Changes:
    """Record an equivalence. `values`: country_a (default: this node's), occupation_a (a code in
    country_a's catalogue), country_b, occupation_b, aqrf_level (1–8), status (default proposed),
    notes. An occupation not yet in the catalogue is added when `occupation_a_title` /
    `occupation_b_title` names it; without a title an unknown code is an error.
    """
    with uow:
        chk = Checker()
        clean = rules.check_equivalence(values, chk, home_country=uow.country)
        sides = [_find_occupation(uow.session, clean, side, chk) for side in ("a", "b")]
        chk.raise_if_any()
        occ_a, occ_b = (_ensure_occupation(uow.session, clean, side, found)
                        for side, found in zip(("a", "b"), sides))
        uow.session.flush()  # new occupations first: one flush does not order inserts by foreign key
        terms = {k: clean[k] for k in rules.EDITABLE_FIELDS}
        _require_new(uow.session, occ_a.id, occ_b.id, terms["aqrf_level"])
        record = uow.session.scalar(select(Equivalence).where(  # a removed one comes back
            Equivalence.occupation_a_id == occ_a.id, Equivalence.occupation_b_id == occ_b.id,
            Equivalence.aqrf_level == terms["aqrf_level"]))
        if record is None:
            record = Equivalence(id=uuid7(), country_a=clean["country_a"], occupation_a_id=occ_a.id,
                                 country_b=clean["country_b"], occupation_b_id=occ_b.id, **terms)
            uow.session.add(record)
        else:
            record.deleted = False
            _assign_all(record, terms)
        uow.changes.primary = record.id
        return uow.commit()


def update_equivalence(uow: UnitOfWork, equivalence_id: str, values: Mapping[str, Any]) -> Changes:
    """Change aqrf_level, status or notes (those named in `values`); the countries and
    occupations are what the equivalence is, so changing them is refused."""
    with uow:
        record = get_live(uow.session, Equivalence, equivalence_id, "equivalence")
        require_party(uow.country, (record.country_a, record.country_b), "this equivalence")
        chk = Checker()
        _refuse_fixed_changes(uow.session, record, values, chk)
        current = {f: getattr(record, f) for f in rules.EDITABLE_FIELDS}
        terms = rules.check_terms({**current, **values}, chk)
        chk.raise_if_any()
        if terms["aqrf_level"] != record.aqrf_level:
            _require_new(uow.session, record.occupation_a_id, record.occupation_b_id,
                         terms["aqrf_level"], include_removed=True)
        _assign_all(record, terms)
        uow.changes.primary = record.id
        return uow.commit()


def remove_equivalence(uow: UnitOfWork, equivalence_id: str) -> Changes:
    with uow:
        record = get_live(uow.session, Equivalence, equivalence_id, "equivalence")
        require_party(uow.country, (record.country_a, record.country_b), "this equivalence")
        record.deleted = True
        uow.changes.primary = record.id
        return uow.commit()


def list_equivalences(store: Store, *, country: str | None = None,
                      status: str | None = None) -> list[EquivalenceRow]:
    """Live equivalences; `country`: those that country is party to (on either side)."""
    chk = Checker()
    country = chk.country("country", country, required=False)
    status = chk.choice("status", status, rules.EQUIVALENCE_STATUSES)
    chk.raise_if_any()
    occ_a, occ_b = aliased(Occupation), aliased(Occupation)
    query = (select(Equivalence, occ_a, occ_b)
             .join(occ_a, occ_a.id == Equivalence.occupation_a_id)
             .join(occ_b, occ_b.id == Equivalence.occupation_b_id)
             .where(Equivalence.deleted.is_(False))
             .order_by(Equivalence.country_a, occ_a.code, Equivalence.country_b, occ_b.code,
                       Equivalence.aqrf_level))
    if country:
        query = query.where(or_(Equivalence.country_a == country, Equivalence.country_b == country))
    if status:
        query = query.where(Equivalence.status == status)
    with store.session() as session:
        return [EquivalenceRow(e.id, e.country_a, a.id, a.code, a.title, e.country_b, b.id, b.code,
                               b.title, e.aqrf_level, e.status, e.notes)
                for e, a, b in session.execute(query)]


def recognised_as(store: Store, occupation_id: str, in_country: str) -> list[Recognition]:
    """The occupations of `in_country` agreed to be equivalent to this one (either direction).

    Only `agreed` equivalences count; proposals and comparisons recognise nothing yet.
    """
    chk = Checker()
    in_country = chk.country("in_country", in_country)
    chk.raise_if_any()
    E = Equivalence
    as_a = and_(E.occupation_a_id == occupation_id, E.country_b == in_country)
    as_b = and_(E.occupation_b_id == occupation_id, E.country_a == in_country)
    with store.session() as session:
        found = session.scalars(select(E).where(E.deleted.is_(False), E.status == "agreed",
                                                or_(as_a, as_b)).order_by(E.aqrf_level))
        result = []
        for e in found:
            other = session.get(Occupation, e.occupation_b_id if e.occupation_a_id == occupation_id
                                else e.occupation_a_id)
            result.append(Recognition(e.id, other.id, other.country, other.code, other.title,
                                      e.aqrf_level))
        return result


def _find_occupation(session: Session, clean: Mapping[str, Any], side: str,
                     chk: Checker) -> Occupation | None:
    country, code = clean[f"country_{side}"], clean[f"occupation_{side}"]
    if not country or not code:
        return None
    found = session.get(Occupation, catalogue.occupation_id(country, code))
    if (found is None or found.deleted) and not clean[f"occupation_{side}_title"]:
        chk.fail(f"occupation_{side}", f"{country} has no occupation with code {code} in the "
                 f"catalogue; give occupation_{side}_title to add it")
    return found


def _ensure_occupation(session: Session, clean: Mapping[str, Any], side: str,
                       found: Occupation | None) -> Occupation:
    if found is not None and not found.deleted:
        return found
    title = clean[f"occupation_{side}_title"]
    if found is not None:  # removed from the catalogue, named again: it comes back
        found.deleted = False
        _assign_all(found, {"title": title})
        return found
    return catalogue.ensure_occupation(session, clean[f"country_{side}"], clean[f"occupation_{side}"],
                                       title, None)[0]


def _refuse_fixed_changes(session: Session, record: Equivalence, values: Mapping[str, Any],
                          chk: Checker) -> None:
    current = {"country_a": record.country_a, "country_b": record.country_b,
               "occupation_a": session.get(Occupation, record.occupation_a_id).code,
               "occupation_b": session.get(Occupation, record.occupation_b_id).code}
    for name in FIXED_FIELDS:
        if name in values and str(values[name] or "").strip().casefold() != current[name].casefold():
            chk.fail(name, "cannot be changed; remove this equivalence and record a new one")


def _require_new(session: Session, occ_a: str, occ_b: str, level: int, *,
                 include_removed: bool = False) -> None:
    """One equivalence per pair of occupations and level, whichever way round it was recorded."""
    E = Equivalence
    same = or_(and_(E.occupation_a_id == occ_a, E.occupation_b_id == occ_b),
               and_(E.occupation_a_id == occ_b, E.occupation_b_id == occ_a))
    query = select(E).where(same, E.aqrf_level == level)
    if not include_removed:
        query = query.where(E.deleted.is_(False))
    for found in session.scalars(query):
        removed = " (removed; add it again instead)" if found.deleted else ""
        raise AlreadyExists(f"aqrf_level: this equivalence at AQRF level {level} is already "
                            f"recorded{removed}, with status {found.status}")


def _assign_all(record: Any, values: Mapping[str, Any]) -> None:
    for name, value in values.items():
        if getattr(record, name) != value:
            setattr(record, name, value)
