"""Reading assessments for the Assessments page: every row in one query (10,000 in tens of ms),
narrowed in memory as the user types, and one assessment in full for its details pane.

The identity document number is read only into the details (`AssessmentDetail`), never into a
list row: it is shown where needed, not in tables or exports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import (Assessment, AssessmentAssessor, Assessor, Candidate, Certificate,
                         CompetencyUnit, Occupation, UnitResult)
from ..db.store import Store
from ..domain.errors import NotFound
from . import catalogue
from .assessments import ACHIEVED, CERTIFIED, OUTCOMES, accredited, assessor_name
from .search_names import fold_word


@dataclass(slots=True)  # not frozen: a frozen dataclass takes 3x as long to build 10,000 of
class AssessmentRow:
    """One assessment as the table shows it (no identity document number)."""

    id: str
    country: str  # the assessing country; another's is a partner's, read-only here
    family_name: str
    given_names: str | None
    name_native: str | None
    nationality: str
    occupation_code: str
    occupation_title: str
    aqrf_level: int
    centre: str | None
    assessed_on: date
    result: str  # competent | partly_competent | not_yet_competent
    certificate: str | None  # the valid certificate's number, else the latest revoked one's
    certificate_status: str | None  # valid | revoked
    eligible: bool  # own, competent in some unit, and never certified: `issue --all-eligible`
    haystack: str = field(default="", repr=False, compare=False)  # folded text the search looks in

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.family_name, self.given_names) if p)


@dataclass(frozen=True)
class UnitLine:
    code: str
    title: str
    outcome: str  # C, NYC, RPL_G, RPL_NG, CT, W
    achieved: bool

    @property
    def id(self) -> str:  # a unit appears once per assessment: its code names its line
        return self.code


@dataclass(frozen=True)
class AssessorLine:
    id: str
    name: str
    assessor_ref: str | None
    covered: bool  # an active accreditation covered the occupation and level on the day


@dataclass(frozen=True)
class CertificateLine:
    number: str
    kind: str  # full | units
    status: str  # valid | revoked
    issued_on: date
    revoked_reason: str | None


@dataclass(frozen=True)
class AssessmentDetail:
    """One assessment with its candidate (document number included), assessors, units and
    certificates, for the details pane."""

    row: AssessmentRow
    candidate_id: str
    sex: str | None
    date_of_birth: date | None
    id_document_no: str | None  # empty on a partner's copy (never sent by sync)
    sheet_ref: str | None
    assessors: tuple[AssessorLine, ...]
    units: tuple[UnitLine, ...]
    certificates: tuple[CertificateLine, ...]
    assessments_of_candidate: int  # how often this person was assessed (here or by partners)

    @property
    def warnings(self) -> list[str]:
        """Assessors whose accreditation did not cover this occupation and level that day."""
        r = self.row
        return [f"{a.name} had no active accreditation for {r.occupation_code} at AQRF level "
                f"{r.aqrf_level} on {r.assessed_on.isoformat()}" for a in self.assessors if not a.covered]


@dataclass(frozen=True)
class KnownCandidate:
    """A person already on record under a document number and nationality."""

    id: str
    family_name: str
    given_names: str | None
    name_native: str | None
    sex: str | None
    date_of_birth: date | None
    assessments: int


def list_assessments(store: Store) -> list[AssessmentRow]:
    """Every live assessment this node holds (its own and partners'), newest first."""
    home = store.node.country if store.node else None
    # The driver's own cursor: SQLAlchemy's result rows would cost more than SQLite's work here.
    with store.engine.connect() as conn:
        db = conn.connection.driver_connection
        certificates: dict[str, list[tuple[str, str]]] = {}
        for assessment_id, number, status in db.execute(_CERTIFICATES):
            certificates.setdefault(assessment_id, []).append((number, status))
        found = db.execute(_ASSESSMENTS).fetchall()
    return [_row(values, certificates.get(values[0]), home) for values in found]


_ASSESSMENTS = """
    SELECT a.id, a.country, c.family_name, c.given_names, c.name_native, c.nationality, o.code, o.title,
           a.aqrf_level, a.centre, a.assessed_on, a.result
    FROM assessment a JOIN candidate c ON c.id = a.candidate_id JOIN occupation o ON o.id = a.occupation_id
    WHERE a.deleted = 0
    ORDER BY a.assessed_on DESC, c.family_name, c.given_names"""
_CERTIFICATES = """
    SELECT assessment_id, number, status FROM certificate WHERE deleted = 0 ORDER BY number"""


def matching(rows: Iterable[AssessmentRow], *, text: str = "", result: str | None = None,
             eligible: bool = False) -> list[AssessmentRow]:
    """The rows whose names, occupation, centre, nationality or certificate number contain every
    word of `text` (any script, ignoring case and Latin accents), with this `result` (one of
    RESULTS), and if `eligible` only those a certificate can be issued for and never was."""
    out = list(rows)
    # One comprehension per condition, each over what the last one left: a keystroke over
    # 10,000 rows costs a few milliseconds.
    if eligible:
        out = [r for r in out if r.eligible]
    if result:
        out = [r for r in out if r.result == result]
    for word in fold_word(text or "").split():
        out = [r for r in out if word in r.haystack]
    return out


def get_assessment(store: Store, assessment_id: str) -> AssessmentDetail:
    """One live assessment in full; NotFound if there is none."""
    home = store.node.country if store.node else None
    with store.session() as session:
        assessment = session.get(Assessment, assessment_id)
        if assessment is None or assessment.deleted:
            raise NotFound(f"no assessment with id {assessment_id}")
        candidate = session.get(Candidate, assessment.candidate_id)
        occupation = session.get(Occupation, assessment.occupation_id)
        certificates = _certificate_lines(session, assessment_id)
        row = _row((assessment.id, assessment.country, candidate.family_name, candidate.given_names,
                    candidate.name_native, candidate.nationality, occupation.code, occupation.title,
                    assessment.aqrf_level, assessment.centre, assessment.assessed_on, assessment.result),
                   [(c.number, c.status) for c in certificates], home)
        return AssessmentDetail(
            row=row, candidate_id=candidate.id, sex=candidate.sex,
            date_of_birth=candidate.date_of_birth, id_document_no=candidate.id_document_no,
            sheet_ref=assessment.sheet_ref, assessors=_assessor_lines(session, assessment, occupation),
            units=_unit_lines(session, assessment_id), certificates=tuple(certificates),
            assessments_of_candidate=len(session.scalars(select(Assessment.id).where(
                Assessment.candidate_id == candidate.id, Assessment.deleted.is_(False))).all()))


def find_candidate(store: Store, nationality: str | None, id_document_no: str | None) -> KnownCandidate | None:
    """The person this node's country already assessed under this document, as recording a new
    assessment would match them (services.assessments.match_candidate)."""
    home = store.node.country if store.node else None
    doc = (id_document_no or "").strip()
    if not (home and nationality and doc):
        return None
    with store.session() as session:
        found = session.scalar(select(Candidate).where(
            Candidate.country == home, Candidate.nationality == nationality.strip().upper(),
            Candidate.id_document_no == doc))
        if found is None:
            return None
        count = len(session.scalars(select(Assessment.id).where(
            Assessment.candidate_id == found.id, Assessment.deleted.is_(False))).all())
        return KnownCandidate(found.id, found.family_name, found.given_names, found.name_native,
                              found.sex, found.date_of_birth, count)


def uncovered_assessors(store: Store, assessor_ids: Sequence[str], occupation_code: str | None,
                        aqrf_level: int | None, on: date | None) -> list[str]:
    """The names of the assessors not accredited for this occupation and level on that date,
    as recording would warn (an occupation not yet in the catalogue is covered by no one)."""
    home = store.node.country if store.node else None
    if not (home and assessor_ids and occupation_code and aqrf_level and on):
        return []
    with store.session() as session:
        occupation = session.get(Occupation, catalogue.occupation_id(home, occupation_code.strip()))
        names = []
        for assessor_id in assessor_ids:
            assessor = session.get(Assessor, assessor_id)
            if assessor is None:
                continue
            if occupation is None or not accredited(session, assessor, occupation, aqrf_level, on):
                names.append(assessor_name(assessor))
        return names


def occupation_units(store: Store, occupation_code: str | None) -> list[tuple[str, str]]:
    """(code, title) of the catalogue's units of one of this country's occupations."""
    home = store.node.country if store.node else None
    if not (home and occupation_code):
        return []
    occupation_id = catalogue.occupation_id(home, occupation_code.strip())
    with store.session() as session:
        return [tuple(r) for r in session.execute(
            select(CompetencyUnit.code, CompetencyUnit.title).where(
                CompetencyUnit.occupation_id == occupation_id, CompetencyUnit.deleted.is_(False))
            .order_by(CompetencyUnit.code))]


def outcome_names() -> dict[str, str]:
    return dict(OUTCOMES)


# --- Building rows ------------------------------------------------------------------------------

def _row(values: tuple, certificates: list[tuple[str, str]] | None, home: str | None) -> AssessmentRow:
    (id_, country, family, given, native, nationality, occ_code, occ_title, level, centre, on,
     result) = values
    if isinstance(on, str):  # read through the driver: ISO text
        on = date.fromisoformat(on)
    shown = _shown_certificate(certificates or [])
    number = shown[0] if shown else None
    eligible = country == home and result in CERTIFIED and not certificates
    return AssessmentRow(id_, country, family, given, native, nationality, occ_code, occ_title, level,
                         centre, on, result, number, shown[1] if shown else None, eligible,
                         _haystack((family, given, native, nationality, occ_code, occ_title, centre, number)))


def _haystack(parts: tuple[str | None, ...]) -> str:
    """What the search compares, folded as the search words are (fold_word is kept for text that
    needs it: plain ASCII only needs casefold, and is most of it)."""
    text = " ".join(p for p in parts if p)
    return text.casefold() if text.isascii() else fold_word(text)


def _shown_certificate(certificates: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The valid certificate if there is one, else the latest (revoked) one."""
    valid = [c for c in certificates if c[1] == "valid"]
    return (valid or certificates or [None])[-1]


def _certificate_lines(session: Session, assessment_id: str) -> list[CertificateLine]:
    return [CertificateLine(c.number, c.kind, c.status, c.issued_on, c.revoked_reason)
            for c in session.scalars(select(Certificate).where(
                Certificate.assessment_id == assessment_id, Certificate.deleted.is_(False))
                .order_by(Certificate.number))]


def _assessor_lines(session: Session, assessment: Assessment, occupation: Occupation) -> tuple[AssessorLine, ...]:
    assessors = session.scalars(select(Assessor).join(
        AssessmentAssessor, AssessmentAssessor.assessor_id == Assessor.id).where(
        AssessmentAssessor.assessment_id == assessment.id, AssessmentAssessor.deleted.is_(False))
        .order_by(Assessor.family_name, Assessor.given_names))
    return tuple(AssessorLine(a.id, assessor_name(a), a.assessor_ref,
                              accredited(session, a, occupation, assessment.aqrf_level, assessment.assessed_on))
                 for a in assessors)


def _unit_lines(session: Session, assessment_id: str) -> tuple[UnitLine, ...]:
    rows = session.execute(
        select(CompetencyUnit.code, CompetencyUnit.title, UnitResult.outcome)
        .join(UnitResult, UnitResult.unit_id == CompetencyUnit.id)
        .where(UnitResult.assessment_id == assessment_id, UnitResult.deleted.is_(False))
        .order_by(CompetencyUnit.code))
    return tuple(UnitLine(code, title, outcome, outcome in ACHIEVED) for code, title, outcome in rows)
