"""A result sheet's assessments written in bulk follow the form's rules: a stored candidate is
matched (and a corrected spelling kept), one person in two occupations is one candidate, units
join the catalogue, assessors are linked, everything is in the change log, and a sheet of
10,000 rows imports in seconds."""

from __future__ import annotations

import time

from sqlalchemy import func, select

from bench.bench_results import write_results_csv
from mrs_desktop.db.models import (Assessment, AssessmentAssessor, Candidate, ChangeLog,
                                   CompetencyUnit, UnitResult)
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.services.assessments import record_assessment
from mrs_desktop.services.assessors import add_assessor
from mrs_desktop.services.spreadsheets.results import import_results
from tests.integration.test_assessments import SOK, write_sheet

ROW = {"nationality": "KHM", "aqrf_level": "2", "assessed_on": "2026-06-01", "centre": "NTTI"}


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_stored_candidates_are_matched_and_new_ones_added_once(store, tmp_path):
    record_assessment(UnitOfWork(store), SOK, {"CON-TIL-2-01": "C"})  # Sok, stored before
    add_assessor(UnitOfWork(store), {"assessor_ref": "KH-A-7", "family_name": "Chea"})
    rows = [
        {**ROW, "family_name": "Sok", "given_names": "Darah", "id_document_no": "N0001",
         "occupation_code": "CON-MAS-2", "occupation_title": "Mason", "unit_code": "MAS-01",
         "unit_title": "Lay bricks", "outcome": "C", "assessor_refs": "KH-A-7"},
        {**ROW, "family_name": "Keo", "name_native": "កែវ", "id_document_no": "N0009",
         "occupation_code": "CON-MAS-2", "unit_code": "MAS-01", "outcome": "NYC"},
        {**ROW, "family_name": "Keo", "id_document_no": "N0009", "occupation_code": "CON-TIL-2",
         "unit_code": "CON-TIL-2-01", "outcome": "C", "assessor_refs": "KH-A-7"},
    ]
    result = import_results(UnitOfWork(store), write_sheet(tmp_path / "r.csv", rows))
    assert result.created == {"candidate": 1, "assessment": 3, "unit_result": 3}
    assert len(result.warnings) == 2 and all("Chea" in w for w in result.warnings)
    with store.session() as s:
        people = {c.id_document_no: c for c in s.scalars(select(Candidate))}
        assert set(people) == {"N0001", "N0009"}
        assert people["N0001"].given_names == "Darah"  # the corrected spelling
        assert people["N0009"].name_native == "កែវ"
        by_person = dict(s.execute(select(Candidate.id_document_no, func.count()).join(
            Assessment, Assessment.candidate_id == Candidate.id).group_by(Candidate.id_document_no)).all())
        assert by_person == {"N0001": 2, "N0009": 2}
        assert s.scalar(select(CompetencyUnit.title).where(CompetencyUnit.code == "MAS-01")) == "Lay bricks"
        assert count(s, AssessmentAssessor) == 2
        logged = dict(s.execute(select(ChangeLog.register, func.count()).group_by(ChangeLog.register)).all())
        assert (logged["assessment"], logged["unit_result"]) == (4, 4)
        ops = s.execute(select(ChangeLog.op, ChangeLog.fields).where(ChangeLog.register == "candidate")).all()
        assert sorted(ops, key=str) == [("insert", None), ("insert", None), ("update", "given_names")]
        assert logged["assessment_assessor"] == 2


def test_ten_thousand_rows_import_in_seconds(store, tmp_path):
    sheet = write_results_csv(tmp_path / "results.csv")
    start = time.perf_counter()
    result = import_results(UnitOfWork(store), sheet)
    took = time.perf_counter() - start
    assert result.created == {"candidate": 1000, "assessment": 1000, "unit_result": 10_000}
    assert took < 10  # 1 s on a quiet machine; it took 37 s with a flush per assessment
    with store.session() as s:
        assert count(s, UnitResult) == 10_000
    again = import_results(UnitOfWork(store), sheet)
    assert (again.created, again.unchanged) == ({}, 10_000)
