"""Importing result sheets (template "assessments", one row per unit result), all or nothing.

Rows with the same candidate (nationality + id_document_no), occupation, AQRF level and date are
one assessment. An assessment already recorded with the same results is left as it is, so a
sheet imported twice changes nothing; one recorded with other results is refused (results are
never edited: record a new assessment).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from sqlalchemy import select

from ...db.models import Assessment, Assessor, Candidate, CompetencyUnit, Occupation, UnitResult
from ...db.uow import UnitOfWork
from ...domain.changes import Changes
from ...domain.fields import Checker
from ...domain.task import Progress
from ..assessments import CANDIDATE_FIELDS, check_assessment, check_candidate, check_outcome
from .common import REPORT_EVERY, Errors, ImportResult, country_name, quiet_gc
from .reader import read_table
from .results_write import write_groups
from .templates import locate_fields

ASSESSMENT_FIELDS = ("occupation_code", "occupation_title", "aqrf_level", "centre", "assessed_on",
                     "sheet_ref")


@dataclass
class ResultsImport(ImportResult):
    """An import's result, with warnings that did not stop it (assessors not accredited)."""

    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = super().summary()
        if self.warnings:
            text += "\nwarnings:\n" + "\n".join(f"  {w}" for w in self.warnings)
        return text


@dataclass
class _Group:
    """One assessment as the sheet describes it: its first row's values and its unit results."""

    row: int
    candidate: dict[str, Any]
    assessment: dict[str, Any]
    assessors: list[Assessor]
    units: list[tuple[str, str | None, str]] = field(default_factory=list)  # code, title, outcome
    unit_rows: dict[str, int] = field(default_factory=dict)


def import_results(uow: UnitOfWork, path: Path, progress: Progress | None = None, *,
                   mapping: dict[str, str] | None = None, dry_run: bool = False) -> ResultsImport:
    """Record every assessment of a result sheet; if any row is wrong, none (each error listed
    with its row and column)."""
    progress = progress or Progress()
    with quiet_gc():
        progress.report(0, None, "Reading")
        table = read_table(path)
        positions = locate_fields(table, "assessments", mapping)
        with uow:
            errors = Errors(table)
            groups = _check_rows(uow, table, positions, errors, progress)
            errors.raise_if_any()
            stored = _Stored(uow, groups.values())
            new, unchanged = _compare(stored, groups, errors)
            errors.raise_if_any()
            created = _created(stored, new)
            result = ResultsImport(Changes(), len(table), created, {}, unchanged, [], dry_run)
            if dry_run or not new:
                return result
            progress.report(len(table), len(table), "Writing")
            write_groups(uow, new, stored.candidates, result.warnings)
            progress.check()
            result.changes = uow.commit()
        progress.report(len(table), len(table), "Done")
        return result


def _check_rows(uow: UnitOfWork, table, positions: dict[str, int], errors: Errors,
                progress: Progress) -> dict[tuple, _Group]:
    groups: dict[tuple, _Group] = {}
    people: dict[tuple, tuple[int, dict[str, Any]]] = {}
    assessors = _Assessors(uow)
    for done, (number, cells) in enumerate(table.rows):
        if done % REPORT_EVERY == 0:
            progress.report(done, len(table), "Checking rows")
            progress.check()
        values = {name: cells[i] if i < len(cells) else "" for name, i in positions.items()}
        chk = Checker(number)
        candidate = check_candidate(values, chk)
        assessment = check_assessment(values, chk)
        found = assessors.find(values.get("assessor_refs"), chk)
        code = chk.text("unit_code", values.get("unit_code"), required=True, max_len=60)
        title = chk.text("unit_title", values.get("unit_title"), max_len=300)
        outcome = check_outcome(chk, "outcome", values.get("outcome"))
        if chk.errors:
            errors.extend(chk.errors)
            continue
        person = (candidate["nationality"], candidate["id_document_no"])
        _same_person(people, person, number, candidate, errors)
        key = (*person, assessment["occupation_code"], assessment["aqrf_level"],
               assessment["assessed_on"])
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(number, candidate, assessment, found)
        else:
            _agree(group, number, assessment, found, errors)
        if code in group.unit_rows:
            errors.add("unit_code", f"unit {code} is also on row {group.unit_rows[code]} for this "
                                    "assessment", number)
            continue
        group.unit_rows[code] = number
        group.units.append((code, title, outcome))
    return groups


def _same_person(people: dict, person: tuple, number: int, candidate: dict[str, Any],
                 errors: Errors) -> None:
    """Rows of one person (one document) must name them the same way."""
    if person not in people:
        people[person] = (number, candidate)
        return
    first_row, first = people[person]
    for name in CANDIDATE_FIELDS:
        if candidate[name] is not None and first[name] is not None and candidate[name] != first[name]:
            errors.add(name, f"'{candidate[name]}' differs from row {first_row} ('{first[name]}') "
                             f"for the same document {person[1]}", number)
        elif first[name] is None:
            first[name] = candidate[name]


def _agree(group: _Group, number: int, assessment: dict[str, Any], assessors: list,
           errors: Errors) -> None:
    for name in ("occupation_title", "centre", "sheet_ref"):
        if assessment[name] is not None and group.assessment[name] is None:
            group.assessment[name] = assessment[name]
        elif assessment[name] is not None and assessment[name] != group.assessment[name]:
            errors.add(name, f"'{assessment[name]}' differs from row {group.row} "
                             f"('{group.assessment[name]}') of the same assessment", number)
    for assessor in assessors:
        if assessor not in group.assessors:
            group.assessors.append(assessor)


class _Assessors:
    """Assessors named by reference in this country's register (several split by ; or ,)."""

    def __init__(self, uow: UnitOfWork):
        self.uow, self.found = uow, {}

    def find(self, text: str | None, chk: Checker) -> list[Assessor]:
        refs = [r for r in re.split(r"[;,]", text or "") if r.strip()]
        out = []
        for ref in (" ".join(r.split()) for r in refs):
            if ref not in self.found:
                self.found[ref] = self.uow.session.scalar(select(Assessor).where(
                    Assessor.country == self.uow.country, Assessor.assessor_ref == ref,
                    Assessor.deleted.is_(False)))
            if self.found[ref] is None:
                chk.fail("assessor_refs", f"there is no assessor '{ref}' in "
                                          f"{country_name(self.uow.country)}'s register")
            else:
                out.append(self.found[ref])
        return out


class _Stored:
    """What the database already holds for a sheet's people, read in a few queries (not one
    per assessment): their candidate records and their assessments with unit results."""

    def __init__(self, uow: UnitOfWork, groups: Iterable[_Group]):
        session, country = uow.session, uow.country
        people = {(g.candidate["nationality"], g.candidate["id_document_no"]) for g in groups}
        self.candidates: dict[tuple[str, str], Candidate] = {}
        for docs in _chunks(sorted({doc for _, doc in people})):
            for found in session.scalars(select(Candidate).where(
                    Candidate.country == country, Candidate.id_document_no.in_(docs))):
                if (found.nationality, found.id_document_no) in people:
                    self.candidates[(found.nationality, found.id_document_no)] = found
        self.assessments: dict[tuple, str] = {}
        ids = [c.id for c in self.candidates.values()]
        for chunk in _chunks(ids):
            for row in session.execute(
                    select(Assessment.id, Candidate.nationality, Candidate.id_document_no,
                           Occupation.code, Assessment.aqrf_level, Assessment.assessed_on)
                    .join(Candidate, Candidate.id == Assessment.candidate_id)
                    .join(Occupation, Occupation.id == Assessment.occupation_id)
                    .where(Assessment.candidate_id.in_(chunk), Assessment.country == country,
                           Assessment.deleted.is_(False)).order_by(Assessment.id)):
                self.assessments.setdefault(tuple(row[1:]), row[0])
        self.results: dict[str, dict[str, str]] = {}
        for chunk in _chunks(list(self.assessments.values())):
            for assessment_id, code, outcome in session.execute(
                    select(UnitResult.assessment_id, CompetencyUnit.code, UnitResult.outcome)
                    .join(CompetencyUnit, CompetencyUnit.id == UnitResult.unit_id)
                    .where(UnitResult.assessment_id.in_(chunk))):
                self.results.setdefault(assessment_id, {})[code] = outcome

    def results_of(self, key: tuple) -> dict[str, str] | None:
        found = self.assessments.get(key)
        return None if found is None else self.results.get(found, {})


def _chunks(values: list, size: int = 500) -> Iterator[list]:
    """Lists short enough for one IN (...) (SQLite's bound-parameter limit)."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _compare(stored: _Stored, groups: dict[tuple, _Group], errors: Errors) -> tuple[list[_Group], int]:
    """The assessments not yet recorded; the number of rows already recorded as they are."""
    new, unchanged = [], 0
    for key, group in groups.items():
        results = stored.results_of(key)
        if results is None:
            new.append(group)
        elif results == {code: outcome for code, _, outcome in group.units}:
            unchanged += len(group.units)
        else:
            errors.add("outcome", "this assessment (same candidate, occupation, level and date) is "
                                  "already recorded with other results; results are never changed",
                       group.row)
    return new, unchanged


def _created(stored: _Stored, new: list[_Group]) -> dict[str, int]:
    people = {(g.candidate["nationality"], g.candidate["id_document_no"]) for g in new}
    counts = {"candidate": len(people - stored.candidates.keys()), "assessment": len(new),
              "unit_result": sum(len(g.units) for g in new)}
    return {k: v for k, v in counts.items() if v}
