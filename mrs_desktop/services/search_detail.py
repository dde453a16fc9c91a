"""One assessor in full: the person and every accreditation, with its effective status."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date


from ..domain.assessors import effective_status


@dataclass(frozen=True)
class AccreditationDetail:
    id: str
    accreditation_no: str
    accrediting_body: str | None
    sector_id: str | None
    sector: str | None  # the sector's name
    occupation_id: str | None
    occupation_code: str | None
    occupation: str | None  # the occupation's title
    aqrf_level: int
    accredited_on: date
    valid_until: date
    status: str  # effective: an active accreditation past its end date reads "expired"
    status_reason: str | None
    status_date: date | None
    renews_id: str | None  # the accreditation this one renewed


@dataclass(frozen=True)
class AssessorDetail:
    id: str
    country: str
    assessor_ref: str | None
    family_name: str
    given_names: str | None
    name_native: str | None
    sex: str | None
    date_of_birth: date | None
    email: str | None
    phone: str | None
    organisation: str | None
    origin: str  # the node that owns the record
    read_only: bool  # a partner's record, received by sync
    accreditations: tuple[AccreditationDetail, ...]


_PERSON = ("SELECT id, country, assessor_ref, family_name, given_names, name_native, sex, "
           "date_of_birth, email, phone, organisation, origin FROM assessor "
           "WHERE id = ? AND deleted = 0")
_ACCREDITATIONS = (
    "SELECT c.id, c.accreditation_no, c.accrediting_body, c.sector_id, s.name, c.occupation_id, o.code, "
    "o.title, c.aqrf_level, c.accredited_on, c.valid_until, c.status, c.status_reason, c.status_date, "
    "c.renews_id FROM accreditation c LEFT JOIN sector s ON s.id = c.sector_id "
    "LEFT JOIN occupation o ON o.id = c.occupation_id WHERE c.assessor_id = ? AND c.deleted = 0 "
    "ORDER BY c.valid_until DESC, c.accreditation_no")


def assessor_detail(db: sqlite3.Connection, assessor_id: str, today: date,
                    home: str | None) -> AssessorDetail | None:
    """None when there is no such assessor or they were removed."""
    person = db.execute(_PERSON, (assessor_id,)).fetchone()
    if person is None:
        return None
    accs = tuple(_accreditation(r, today) for r in db.execute(_ACCREDITATIONS, (assessor_id,)))
    return AssessorDetail(*person[:7], _day(person[7]), *person[8:], read_only=person[1] != home,
                          accreditations=accs)


def _accreditation(r: tuple, today: date) -> AccreditationDetail:
    accredited_on, valid_until = _day(r[9]), _day(r[10])
    return AccreditationDetail(*r[:9], accredited_on, valid_until,
                               effective_status(r[11], valid_until, today), r[12], _day(r[13]), r[14])


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
