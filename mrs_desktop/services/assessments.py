"""Assessments: a candidate's results per unit of competency, the overall result rolled up from
them, and the assessors who assessed (warned about, not refused, when not accredited for it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Mapping, Sequence

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ..db.models import (Accreditation, Assessment, AssessmentAssessor, Assessor, Candidate,
                         Occupation, UnitResult)
from ..db.uow import UnitOfWork
from ..domain.assessors import SEXES
from ..domain.changes import Changes
from ..domain.fields import Checker
from ..domain.ids import uuid7
from . import catalogue
from .records import get_live

OUTCOMES = {"C": "competent", "NYC": "not yet competent", "RPL_G": "RPL granted",
            "RPL_NG": "RPL not granted", "CT": "credit transfer", "W": "withdrawn"}
ACHIEVED = ("C", "RPL_G", "CT")  # outcomes that count as a unit achieved
RESULTS = ("competent", "partly_competent", "not_yet_competent")
CERTIFIED = {"competent": "full", "partly_competent": "units"}  # result → kind; none otherwise
CANDIDATE_FIELDS = ("family_name", "given_names", "name_native", "sex", "date_of_birth",
                    "nationality", "id_document_no")
_SHORT_SEXES = {"f": "female", "m": "male", "x": "other"}


@dataclass
class Recorded:
    """What recording one assessment did, and what the user should look at (not refusals)."""

    changes: Changes
    assessment_id: str
    warnings: list[str] = field(default_factory=list)


def roll_up(outcomes: Iterable[str]) -> str:
    """All units achieved → competent; some → partly competent; none → not yet competent."""
    outcomes = list(outcomes)
    achieved = sum(o in ACHIEVED for o in outcomes)
    if outcomes and achieved == len(outcomes):
        return "competent"
    return "partly_competent" if achieved else "not_yet_competent"


def check_outcome(chk: Checker, name: str, value: Any) -> str | None:
    text = "" if value is None else str(value).strip().upper().replace("-", "_").replace(" ", "_")
    if not text:
        chk.fail(name, "is required (one of " + ", ".join(OUTCOMES) + ")")
        return None
    if text not in OUTCOMES:
        chk.fail(name, f"'{value}' is not an outcome code: "
                       + ", ".join(f"{k} ({v})" for k, v in OUTCOMES.items()))
        return None
    return text


def check_candidate(values: Mapping[str, Any], chk: Checker) -> dict[str, Any]:
    sex = values.get("sex")
    sex = _SHORT_SEXES.get(sex.strip().casefold(), sex) if isinstance(sex, str) else sex
    return {
        "family_name": chk.text("family_name", values.get("family_name"), required=True, max_len=120),
        "given_names": chk.text("given_names", values.get("given_names"), max_len=120),
        "name_native": chk.text("name_native", values.get("name_native"), max_len=200),
        "sex": chk.choice("sex", sex, SEXES),
        "date_of_birth": chk.date("date_of_birth", values.get("date_of_birth")),
        "nationality": chk.country("nationality", values.get("nationality")),
        "id_document_no": chk.text("id_document_no", values.get("id_document_no"), required=True,
                                   max_len=60),
    }


def check_assessment(values: Mapping[str, Any], chk: Checker) -> dict[str, Any]:
    clean = {
        "occupation_code": chk.text("occupation_code", values.get("occupation_code"), required=True,
                                    max_len=60),
        "occupation_title": chk.text("occupation_title", values.get("occupation_title"), max_len=300),
        "aqrf_level": chk.level("aqrf_level", values.get("aqrf_level")),
        "centre": chk.text("centre", values.get("centre"), max_len=300),
        "assessed_on": chk.date("assessed_on", values.get("assessed_on"), required=True),
        "sheet_ref": chk.text("sheet_ref", values.get("sheet_ref"), max_len=60),
    }
    return clean


def record_assessment(uow: UnitOfWork, values: Mapping[str, Any],
                      unit_results: Mapping[str, str] | Sequence[tuple[str, str]],
                      assessor_ids: Iterable[str] = ()) -> Recorded:
    """Record one assessment: candidate (found by document number and nationality, else added),
    occupation and level, and an outcome per unit code; the result is rolled up from the units."""
    with uow:
        chk = Checker()
        candidate = check_candidate(values, chk)
        clean = check_assessment(values, chk)
        pairs = list(unit_results.items() if isinstance(unit_results, Mapping) else unit_results)
        units = [(chk.text("unit_code", code, required=True, max_len=60),
                  check_outcome(chk, "outcome", outcome)) for code, outcome in pairs]
        if not units:
            chk.fail("unit_results", "an assessment needs the outcome of at least one unit")
        if len({u for u, _ in units}) != len(units):
            chk.fail("unit_results", "a unit is listed twice")
        chk.raise_if_any()
        warnings: list[str] = []
        assessors = [get_live(uow.session, Assessor, a, "assessor") for a in assessor_ids]
        assessment = write_assessment(uow.session, uow.country, candidate, clean,
                                      [(code, None, outcome) for code, outcome in units],
                                      assessors, warnings)
        uow.changes.primary = assessment.id
        return Recorded(uow.commit(), assessment.id, warnings)


def write_assessment(session: Session, country: str, candidate_values: Mapping[str, Any],
                     clean: Mapping[str, Any], units: Sequence[tuple[str, str | None, str]],
                     assessors: Sequence[Assessor], warnings: list[str]) -> Assessment:
    """Add the assessment with its unit results (code, title, outcome) and assessors; checked
    values only. Shared by the form and the result-sheet import."""
    candidate = match_candidate(session, country, candidate_values)
    occupation, _ = catalogue.ensure_occupation(session, country, clean["occupation_code"],
                                                clean["occupation_title"], None)
    assessment = Assessment(id=uuid7(), country=country, candidate_id=candidate.id,
                            occupation_id=occupation.id, aqrf_level=clean["aqrf_level"],
                            centre=clean["centre"], assessed_on=clean["assessed_on"],
                            result=roll_up(o for _, _, o in units), sheet_ref=clean["sheet_ref"])
    session.add(assessment)
    for code, title, outcome in units:
        unit, _ = catalogue.ensure_unit(session, country, code, title, occupation)
        session.add(UnitResult(id=uuid7(), assessment_id=assessment.id, unit_id=unit.id,
                               outcome=outcome))
    for assessor in assessors:
        session.add(AssessmentAssessor(id=uuid7(), country=country, assessment_id=assessment.id,
                                       assessor_id=assessor.id))
        if not accredited(session, assessor, occupation, clean["aqrf_level"], clean["assessed_on"]):
            warnings.append(
                f"assessor {assessor_name(assessor)} had no active accreditation for "
                f"{occupation.code} at AQRF level {clean['aqrf_level']} on "
                f"{clean['assessed_on'].isoformat()}")
    return assessment


def match_candidate(session: Session, country: str, values: Mapping[str, Any]) -> Candidate:
    """A candidate assessed twice is one person: the same document number and nationality.
    Names given again replace the stored ones (a corrected spelling); blanks keep them."""
    session.flush()
    found = session.scalar(select(Candidate).where(
        Candidate.country == country, Candidate.nationality == values["nationality"],
        Candidate.id_document_no == values["id_document_no"]))
    if found is None:
        found = Candidate(id=uuid7(), country=country, **{f: values[f] for f in CANDIDATE_FIELDS})
        session.add(found)
        return found
    if found.deleted:
        found.deleted = False
    for name in CANDIDATE_FIELDS:
        if values[name] is not None and getattr(found, name) != values[name]:
            setattr(found, name, values[name])
    return found


def accredited(session: Session, assessor: Assessor, occupation: Occupation, level: int,
               on: date) -> bool:
    """Whether an active accreditation covered this occupation (or its whole sector) at this
    level or above on that date."""
    covers = or_(Accreditation.occupation_id == occupation.id,
                 and_(Accreditation.occupation_id.is_(None), Accreditation.sector_id.is_not(None),
                      Accreditation.sector_id == occupation.sector_id))
    found = session.scalar(select(Accreditation.id).where(
        Accreditation.assessor_id == assessor.id, Accreditation.deleted.is_(False),
        Accreditation.status == "active", Accreditation.aqrf_level >= level,
        Accreditation.accredited_on <= on, Accreditation.valid_until >= on, covers).limit(1))
    return found is not None


def assessor_name(assessor: Assessor) -> str:
    return " ".join(filter(None, (assessor.family_name, assessor.given_names)))


def candidate_name(candidate: Candidate) -> str:
    """The holder's name in Latin script as printed: family name, then given names."""
    return " ".join(filter(None, (candidate.family_name, candidate.given_names)))
