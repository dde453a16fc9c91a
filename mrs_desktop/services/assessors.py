"""The register of certified assessors: add, edit, accredit, renew, suspend, revoke, remove."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Accreditation, Assessor
from ..db.uow import UnitOfWork
from ..domain import assessors as rules
from ..domain.changes import Changes
from ..domain.clock import today as default_today
from ..domain.errors import AlreadyExists, FieldError, InputRejected, NotFound, ValidationError
from ..domain.fields import Checker
from ..domain.ids import uuid7
from ..domain.reference import countries
from . import catalogue


def add_assessor(uow: UnitOfWork, values: Mapping[str, Any],
                 accreditations: Iterable[Mapping[str, Any]] = ()) -> Changes:
    with uow:
        chk = Checker()
        clean = rules.check_assessor(values, chk, home_country=uow.country)
        accs = [_check_accreditation_input(a, chk) for a in accreditations]
        chk.raise_if_any()
        require_own(uow, clean["country"], "an assessor")
        _require_unique_ref(uow.session, clean["country"], clean["assessor_ref"])
        assessor = Assessor(id=uuid7(), search_text=rules.search_text(
            clean["family_name"], clean["given_names"], clean["name_native"], clean["assessor_ref"]), **clean)
        uow.session.add(assessor)
        for acc in accs:
            _add_accreditation(uow.session, assessor, acc)
        uow.changes.primary = assessor.id
        return uow.commit()


def update_assessor(uow: UnitOfWork, assessor_id: str, values: Mapping[str, Any]) -> Changes:
    """Change the fields given in `values`; fields not named keep their value."""
    with uow:
        assessor = _get(uow.session, Assessor, assessor_id, "assessor")
        require_own(uow, assessor.country, "this assessor")
        current = {f: getattr(assessor, f) for f in rules.ASSESSOR_FIELDS}
        chk = Checker()
        clean = rules.check_assessor({**current, **values}, chk, home_country=uow.country)
        chk.raise_if_any()
        if clean["country"] != assessor.country:
            raise ValidationError(FieldError("country", "an assessor cannot move to another country"))
        if clean["assessor_ref"] != assessor.assessor_ref:
            _require_unique_ref(uow.session, clean["country"], clean["assessor_ref"])
        for name, value in clean.items():
            if getattr(assessor, name) != value:
                setattr(assessor, name, value)
        assessor.search_text = rules.search_text(assessor.family_name, assessor.given_names,
                                                 assessor.name_native, assessor.assessor_ref)
        uow.changes.primary = assessor.id
        return uow.commit()


def remove_assessor(uow: UnitOfWork, assessor_id: str) -> Changes:
    """A tombstone: the assessor and their accreditations disappear from the register and partners."""
    return remove_assessors(uow, [assessor_id])


def remove_assessors(uow: UnitOfWork, assessor_ids: Iterable[str]) -> Changes:
    """Several at once, all or none (a refusal for one removes none)."""
    with uow:
        for assessor_id in assessor_ids:
            assessor = _get(uow.session, Assessor, assessor_id, "assessor")
            require_own(uow, assessor.country, "this assessor")
            assessor.deleted = True
            for acc in uow.session.scalars(select(Accreditation).where(
                    Accreditation.assessor_id == assessor.id, Accreditation.deleted.is_(False))):
                acc.deleted = True
            uow.changes.primary = assessor.id
        return uow.commit()


def add_accreditation(uow: UnitOfWork, assessor_id: str, values: Mapping[str, Any]) -> Changes:
    with uow:
        assessor = _get(uow.session, Assessor, assessor_id, "assessor")
        require_own(uow, assessor.country, "this assessor")
        chk = Checker()
        acc = _check_accreditation_input(values, chk)
        chk.raise_if_any()
        created = _add_accreditation(uow.session, assessor, acc)
        uow.changes.primary = created.id
        return uow.commit()


def renew_accreditation(uow: UnitOfWork, accreditation_id: str, *, valid_until: Any,
                        accredited_on: Any = None, accreditation_no: str | None = None,
                        today: date | None = None) -> Changes:
    """A new accreditation that continues the old one; the old keeps its dates (history)."""
    with uow:
        old = _get(uow.session, Accreditation, accreditation_id, "accreditation")
        require_own(uow, old.country, "this accreditation")
        if old.status == "revoked":
            raise InputRejected(f"accreditation {old.accreditation_no} was revoked and cannot be renewed")
        _require_not_renewed(uow.session, old)
        start = accredited_on or max(old.valid_until, today or default_today())
        chk = Checker()
        values = {"aqrf_level": old.aqrf_level, "accrediting_body": old.accrediting_body,
                  "accreditation_no": accreditation_no or old.accreditation_no + "-R",
                  "accredited_on": start, "valid_until": valid_until}
        clean = rules.check_accreditation(values, chk)
        chk.raise_if_any()
        _require_unique_no(uow.session, old.country, clean["accreditation_no"])
        new = Accreditation(id=uuid7(), assessor_id=old.assessor_id, country=old.country,
                            sector_id=old.sector_id, occupation_id=old.occupation_id,
                            renews_id=old.id, **clean)
        uow.session.add(new)
        uow.changes.primary = new.id
        return uow.commit()


def set_accreditation_status(uow: UnitOfWork, accreditation_ids: Iterable[str], status: str, *,
                             reason: str | None = None, on_date: Any = None,
                             today: date | None = None) -> Changes:
    """Suspend, revoke or reinstate ('active') one or more accreditations, with reason and date."""
    with uow:
        chk = Checker()
        clean_status = chk.choice("status", status, rules.ACCREDITATION_STATUSES, required=True)
        clean_reason = chk.text("status_reason", reason, required=clean_status != "active", max_len=500)
        when = chk.date("status_date", on_date) or today or default_today()
        chk.raise_if_any()
        for acc_id in accreditation_ids:
            acc = _get(uow.session, Accreditation, acc_id, "accreditation")
            require_own(uow, acc.country, "this accreditation")
            if acc.status == "revoked" and clean_status != "revoked":
                raise InputRejected(f"accreditation {acc.accreditation_no} was revoked; "
                                    "a revocation is final (renewal creates a new accreditation)")
            acc.status, acc.status_reason, acc.status_date = clean_status, clean_reason, when
        return uow.commit()


def _check_accreditation_input(values: Mapping[str, Any], chk: Checker) -> dict[str, Any]:
    clean = rules.check_accreditation(values, chk)
    clean["sector"] = chk.text("sector", values.get("sector"), max_len=200)
    clean["occupation_code"] = chk.text("occupation_code", values.get("occupation_code"), max_len=60)
    clean["occupation_title"] = chk.text("occupation_title", values.get("occupation_title"), max_len=300)
    if not clean["occupation_code"] and clean["occupation_title"]:
        chk.fail("occupation_code", "is required when an occupation title is given")
    return clean


def _add_accreditation(session: Session, assessor: Assessor, acc: dict[str, Any]) -> Accreditation:
    acc = dict(acc)
    sector_name, occ_code, occ_title = acc.pop("sector"), acc.pop("occupation_code"), acc.pop("occupation_title")
    sector = catalogue.ensure_sector(session, sector_name)[0] if sector_name else None
    occupation = (catalogue.ensure_occupation(session, assessor.country, occ_code, occ_title, sector)[0]
                  if occ_code else None)
    _require_unique_no(session, assessor.country, acc["accreditation_no"])
    record = Accreditation(id=uuid7(), assessor_id=assessor.id, country=assessor.country,
                           sector_id=sector.id if sector else None,
                           occupation_id=occupation.id if occupation else None, **acc)
    session.add(record)
    return record


def _require_not_renewed(session: Session, old: Accreditation) -> None:
    # History is a chain: renewing an accreditation twice would fork it into two successors.
    successor = session.scalar(select(Accreditation).where(
        Accreditation.renews_id == old.id, Accreditation.deleted.is_(False)))
    if successor is not None:
        raise InputRejected(f"accreditation {old.accreditation_no} was already renewed as "
                            f"{successor.accreditation_no}; renew that one instead")


def _require_unique_ref(session: Session, country: str, ref: str | None) -> None:
    if ref and session.scalar(select(Assessor.id).where(
            Assessor.country == country, Assessor.assessor_ref == ref)):
        raise AlreadyExists(f"assessor_ref: {country} already has an assessor with reference {ref}")


def _require_unique_no(session: Session, country: str, number: str) -> None:
    session.flush()
    if session.scalar(select(Accreditation.id).where(
            Accreditation.country == country, Accreditation.accreditation_no == number)):
        raise AlreadyExists(f"accreditation_no: {country} already has accreditation number {number}")


def require_own(uow: UnitOfWork, record_country: str, what: str) -> None:
    """A country is authoritative for what it issues; partners' records are read-only here."""
    if record_country != uow.country:
        owner = countries()[record_country].name if record_country in countries() else record_country
        raise InputRejected(f"{what} belongs to {owner}: only {owner}'s focal point can change it")


def _get(session: Session, model, record_id: str, what: str):
    record = session.get(model, record_id)
    if record is None or record.deleted:
        raise NotFound(f"no {what} with id {record_id}")
    return record
