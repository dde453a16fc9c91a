"""Writing a result sheet's new assessments in bulk: candidates, assessments, unit results and
assessors as a few executemany statements, not an ORM flush per row (10,000 rows in well under
a second rather than half a minute: bench/bench_results.py).

The rules are those of services.assessments.write_assessment, which records one assessment
from the form: a candidate is matched by nationality and document number (names given replace
stored ones), the overall result rolls up from the units, an assessor not accredited for the
occupation and level on the day is a warning.
"""

from __future__ import annotations

from typing import Any, Iterable, Protocol

from sqlalchemy.orm import Session

from ...db import bulk
from ...db.models import Assessment, AssessmentAssessor, Assessor, Candidate, UnitResult
from ...db.uow import UnitOfWork
from ...domain.ids import uuid7
from .. import catalogue
from ..assessments import CANDIDATE_FIELDS, accredited, assessor_name, roll_up


class Group(Protocol):
    """One assessment as a sheet describes it (results._Group)."""

    candidate: dict[str, Any]
    assessment: dict[str, Any]
    assessors: list[Assessor]
    units: list[tuple[str, str | None, str]]


def write_groups(uow: UnitOfWork, groups: list[Group], stored: dict[tuple[str, str], Candidate],
                 warnings: list[str]) -> None:
    """Record `groups` (checked, none recorded yet); `stored` holds the candidates already known."""
    session, country, writer = uow.session, uow.country, uow.writer
    people = _candidates(session, uow, groups, stored)
    occupations, units = _catalogue(session, country, groups)
    session.flush()  # catalogue entries and candidate changes before the rows that refer to them
    assessments, results, links = [], [], []
    for group in groups:
        a = group.assessment
        occupation = occupations[a["occupation_code"]]
        assessment_id = uuid7()
        assessments.append({
            "id": assessment_id, "country": country,
            "candidate_id": people[(group.candidate["nationality"], group.candidate["id_document_no"])],
            "occupation_id": occupation.id, "aqrf_level": a["aqrf_level"], "centre": a["centre"],
            "assessed_on": a["assessed_on"], "result": roll_up(o for _, _, o in group.units),
            "sheet_ref": a["sheet_ref"]})
        results += [{"assessment_id": assessment_id, "unit_id": units[code].id, "outcome": outcome}
                    for code, _, outcome in group.units]
        links += [{"country": country, "assessment_id": assessment_id, "assessor_id": assessor.id}
                  for assessor in group.assessors]
    bulk.insert_rows(session, writer, Assessment, assessments)
    bulk.insert_rows(session, writer, UnitResult, results)
    bulk.insert_rows(session, writer, AssessmentAssessor, links)
    warnings += _unaccredited(session, groups, occupations)


def _candidates(session: Session, uow: UnitOfWork, groups: Iterable[Group],
                stored: dict[tuple[str, str], Candidate]) -> dict[tuple[str, str], str]:
    """(nationality, document) → candidate id: stored ones updated, new ones added in bulk."""
    ids: dict[tuple[str, str], str] = {}
    new = []
    for group in groups:
        values = group.candidate
        person = (values["nationality"], values["id_document_no"])
        if person in ids:
            continue
        found = stored.get(person)
        if found is None:
            ids[person] = uuid7()
            new.append({"id": ids[person], "country": uow.country,
                        **{f: values[f] for f in CANDIDATE_FIELDS}})
            continue
        ids[person] = found.id
        if found.deleted:
            found.deleted = False
        for name in CANDIDATE_FIELDS:  # a corrected spelling replaces the stored one
            if values[name] is not None and getattr(found, name) != values[name]:
                setattr(found, name, values[name])
    bulk.insert_rows(session, uow.writer, Candidate, new)
    return ids


def _catalogue(session: Session, country: str, groups: Iterable[Group]) -> tuple[dict, dict]:
    """The occupations and units named, added to the catalogue when new; held here so the
    session's weak identity map keeps them (else every lookup would query again)."""
    occupations: dict[str, Any] = {}
    units: dict[str, Any] = {}
    for group in groups:
        a = group.assessment
        code = a["occupation_code"]
        if code not in occupations:
            occupations[code] = catalogue.ensure_occupation(session, country, code,
                                                            a["occupation_title"], None)[0]
        for unit_code, title, _ in group.units:
            if unit_code not in units:
                units[unit_code] = catalogue.ensure_unit(session, country, unit_code, title,
                                                         occupations[code])[0]
    return occupations, units


def _unaccredited(session: Session, groups: Iterable[Group], occupations: dict) -> list[str]:
    warnings: list[str] = []
    seen: dict[tuple, bool] = {}
    for group in groups:
        a = group.assessment
        occupation = occupations[a["occupation_code"]]
        for assessor in group.assessors:
            key = (assessor.id, occupation.id, a["aqrf_level"], a["assessed_on"])
            if key not in seen:
                seen[key] = accredited(session, assessor, occupation, a["aqrf_level"], a["assessed_on"])
            if not seen[key]:
                warnings.append(
                    f"assessor {assessor_name(assessor)} had no active accreditation for "
                    f"{occupation.code} at AQRF level {a['aqrf_level']} on "
                    f"{a['assessed_on'].isoformat()}")
    return warnings
