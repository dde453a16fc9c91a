"""Trainings of trainers (ToT), of assessors (ToA) and other capacity building, with participants.

A training belongs to the country that records it (`country`, by default this node's); it may be
hosted elsewhere (`host_country`). Participants are linked to a register assessor (`assessor_id`)
or are people not yet in the register, named by `full_name`.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import Assessor, Participant, Training
from ..db.uow import UnitOfWork
from ..domain import trainings as rules
from ..domain.changes import Changes
from ..domain.errors import AlreadyExists
from ..domain.fields import Checker
from ..domain.ids import uuid7
from . import catalogue
from .assessors import require_own
from .records import get_live
from .trainings_queries import (ParticipantRow, TrainingDetail, TrainingRow, get_training,
                               list_trainings)

__all__ = ["add_training", "update_training", "remove_training", "add_participant",
           "update_participant", "remove_participant", "list_trainings", "get_training",
           "TrainingRow", "TrainingDetail", "ParticipantRow"]

TRAINING_FIELDS = ("training_ref", "title", "kind", "host_institution", "host_country", "venue",
                   "start_date", "end_date", "funder", "facilitators", "country")
PARTICIPANT_FIELDS = ("full_name", "name_native", "country", "attendance", "outcome")
CATALOGUE_FIELDS = ("sector", "occupation_code", "occupation_title")


def add_training(uow: UnitOfWork, values: Mapping[str, Any],
                 participants: Iterable[Mapping[str, Any]] = ()) -> Changes:
    """Record a training, optionally with its participants (each as for `add_participant`).

    `values`: the fields of domain.trainings.check_training (title, kind, host_institution,
    host_country, venue, start_date, end_date, funder, facilitators, training_ref, country) plus
    `sector` (name or code), `occupation_code` and `occupation_title`; a sector or occupation the
    catalogue lacks is added to it (occupations in the recording country's catalogue).
    """
    with uow:
        chk = Checker()
        clean = rules.check_training(values, chk, home_country=uow.country)
        wanted = _check_catalogue_input(values, chk)
        people = [_check_participant_input(uow.session, p, chk, clean["country"] or uow.country)
                  for p in participants]
        chk.raise_if_any()
        require_own(uow, clean["country"], "a training")
        _require_unique_ref(uow.session, clean["country"], clean["training_ref"])
        ids = _catalogue_ids(uow.session, clean["country"], wanted)
        training = Training(id=uuid7(), **clean, **ids)
        uow.session.add(training)
        for person in people:
            _add_participant(uow.session, training, person)
        uow.changes.primary = training.id
        return uow.commit()


def update_training(uow: UnitOfWork, training_id: str, values: Mapping[str, Any]) -> Changes:
    """Change the fields named in `values` (as for add_training); the others keep their value."""
    with uow:
        training = get_live(uow.session, Training, training_id, "training")
        require_own(uow, training.country, "this training")
        current = {f: getattr(training, f) for f in TRAINING_FIELDS}
        chk = Checker()
        clean = rules.check_training({**current, **values}, chk, home_country=uow.country)
        wanted = _check_catalogue_input(values, chk)
        if clean["country"] and clean["country"] != training.country:
            chk.fail("country", "a training cannot move to another country's records")
        chk.raise_if_any()
        if clean["training_ref"] != training.training_ref:
            _require_unique_ref(uow.session, training.country, clean["training_ref"])
        # Catalogue look-ups first: a query would flush the training half-changed (logged twice).
        ids = _catalogue_ids(uow.session, training.country, wanted)
        for name, value in {**clean, **ids}.items():
            _assign(training, name, value)
        uow.changes.primary = training.id
        return uow.commit()


def remove_training(uow: UnitOfWork, training_id: str) -> Changes:
    """A tombstone for the training and each of its participants."""
    with uow:
        training = get_live(uow.session, Training, training_id, "training")
        require_own(uow, training.country, "this training")
        training.deleted = True
        for person in _participants(uow.session, training.id):
            person.deleted = True
        uow.changes.primary = training.id
        return uow.commit()


def add_participant(uow: UnitOfWork, training_id: str, values: Mapping[str, Any]) -> Changes:
    """Add one participant: `assessor_id` links a register assessor (whose name and country fill
    what `values` leaves out); otherwise `full_name` names a person not yet in the register.
    Other fields: name_native, country (default: the training's), attendance (percent), outcome.
    """
    with uow:
        training = get_live(uow.session, Training, training_id, "training")
        require_own(uow, training.country, "this training")
        chk = Checker()
        person = _check_participant_input(uow.session, values, chk, training.country)
        chk.raise_if_any()
        created = _add_participant(uow.session, training, person)
        uow.changes.primary = created.id
        return uow.commit()


def update_participant(uow: UnitOfWork, participant_id: str, values: Mapping[str, Any]) -> Changes:
    """Change the fields named in `values`; `assessor_id` links (or, given as None, unlinks)
    the register assessor, e.g. once a participant has been accredited."""
    with uow:
        person = get_live(uow.session, Participant, participant_id, "participant")
        training = get_live(uow.session, Training, person.training_id, "training")
        require_own(uow, training.country, "this training")
        current = {f: getattr(person, f) for f in (*PARTICIPANT_FIELDS, "assessor_id")}
        chk = Checker()
        clean = _check_participant_input(uow.session, {**current, **values}, chk, training.country,
                                         linked=person.assessor_id)
        chk.raise_if_any()
        if (clean["assessor_id"], clean["full_name"], clean["country"]) != (
                person.assessor_id, person.full_name, person.country):
            _require_not_listed(uow.session, training.id, clean, except_id=person.id)
        for name, value in clean.items():
            _assign(person, name, value)
        uow.changes.primary = person.id
        return uow.commit()


def remove_participant(uow: UnitOfWork, participant_id: str) -> Changes:
    with uow:
        person = get_live(uow.session, Participant, participant_id, "participant")
        training = get_live(uow.session, Training, person.training_id, "training")
        require_own(uow, training.country, "this training")
        person.deleted = True
        uow.changes.primary = person.id
        return uow.commit()


def _check_catalogue_input(values: Mapping[str, Any], chk: Checker) -> dict[str, Any]:
    """Only the catalogue fields `values` names: an update that leaves them out keeps them."""
    wanted = {}
    limits = {"sector": 200, "occupation_code": 60, "occupation_title": 300}
    for name in CATALOGUE_FIELDS:
        if name in values:
            wanted[name] = chk.text(name, values[name], max_len=limits[name])
    if wanted.get("occupation_title") and not wanted.get("occupation_code"):
        chk.fail("occupation_code", "is required when an occupation title is given")
    return wanted


def _catalogue_ids(session: Session, country: str, wanted: Mapping[str, Any]) -> dict[str, Any]:
    """sector_id / occupation_id for the catalogue fields named, adding entries the catalogue lacks."""
    ids: dict[str, Any] = {}
    sector = None
    if "sector" in wanted:
        sector = catalogue.ensure_sector(session, wanted["sector"])[0] if wanted["sector"] else None
        ids["sector_id"] = sector.id if sector else None
    if "occupation_code" in wanted:
        occupation = None
        if wanted["occupation_code"]:
            occupation = catalogue.ensure_occupation(session, country, wanted["occupation_code"],
                                                     wanted.get("occupation_title"), sector)[0]
        ids["occupation_id"] = occupation.id if occupation else None
    session.flush()  # new catalogue rows first: one flush does not order inserts by foreign key
    return ids


def _assign(record: Any, name: str, value: Any) -> None:
    if getattr(record, name, None) != value:
        setattr(record, name, value)


def _check_participant_input(session: Session, values: Mapping[str, Any], chk: Checker,
                             default_country: str, linked: str | None = None) -> dict[str, Any]:
    """`linked`: the assessor the participant is already linked to, kept even if since removed
    from the register (the training happened all the same)."""
    wanted = values.get("assessor_id") or None
    assessor = None
    if wanted and wanted != linked:
        assessor = session.get(Assessor, wanted)
        if assessor is None or assessor.deleted:
            chk.fail("assessor_id", f"no assessor with id {wanted} in the register")
            assessor = None
    merged = dict(values)
    if assessor is not None:
        # What the user left blank comes from the register; family name first, as it lists people.
        known = {"full_name": " ".join(p for p in (assessor.family_name, assessor.given_names) if p),
                 "name_native": assessor.name_native, "country": assessor.country}
        merged.update({k: v for k, v in known.items() if not str(values.get(k) or "").strip()})
    clean = rules.check_participant(merged, chk, default_country=default_country)
    clean["assessor_id"] = assessor.id if assessor is not None else (wanted if wanted == linked else None)
    return clean


def _add_participant(session: Session, training: Training, person: dict[str, Any]) -> Participant:
    _require_not_listed(session, training.id, person)
    record = Participant(id=uuid7(), training_id=training.id, **person)
    session.add(record)
    return record


def _require_not_listed(session: Session, training_id: str, person: Mapping[str, Any],
                        except_id: str | None = None) -> None:
    """One row per person per training: the same assessor, or the same unlinked name and country."""
    for other in _participants(session, training_id):
        if other.id == except_id:
            continue
        if person["assessor_id"] and other.assessor_id == person["assessor_id"]:
            raise AlreadyExists(f"assessor_id: {other.full_name} is already a participant of this training")
        if (not person["assessor_id"] and not other.assessor_id and other.country == person["country"]
                and other.full_name.casefold() == person["full_name"].casefold()):
            raise AlreadyExists(f"participant_name: {other.full_name} ({other.country}) is already "
                                "a participant of this training")


def _participants(session: Session, training_id: str) -> list[Participant]:
    session.flush()  # participants added earlier in this transaction count too
    return list(session.scalars(select(Participant).where(
        Participant.training_id == training_id, Participant.deleted.is_(False))))


def _require_unique_ref(session: Session, country: str, ref: str | None) -> None:
    if not ref:
        return
    found = session.scalar(select(Training).where(
        Training.country == country, func.lower(Training.training_ref) == ref.lower()))
    if found is not None:
        removed = " (a removed training)" if found.deleted else ""
        raise AlreadyExists(f"training_ref: {country} already has a training with reference {ref}{removed}")
