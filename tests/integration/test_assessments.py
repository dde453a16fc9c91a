"""Assessments: the result rolls up from the units, a candidate assessed twice is one person,
unaccredited assessors are warned about, and result sheets import all or nothing."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from sqlalchemy import func, select

from mrs_desktop.db.models import Assessment, AssessmentAssessor, Assessor, Candidate, UnitResult
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import ValidationError
from mrs_desktop.services.assessments import record_assessment, roll_up
from mrs_desktop.services.assessors import add_assessor
from mrs_desktop.services.spreadsheets.results import import_results
from mrs_desktop.services.spreadsheets.templates import template_columns

SOK = {"family_name": "Sok", "given_names": "Dara", "name_native": "សុខ ដារា", "sex": "M",
       "nationality": "KHM", "id_document_no": "N0001", "occupation_code": "CON-TIL-2",
       "occupation_title": "Tiler", "aqrf_level": 2, "centre": "Phnom Penh",
       "assessed_on": "2026-05-03"}


@pytest.mark.parametrize("outcomes, result", [
    (["C", "RPL_G", "CT"], "competent"),
    (["C", "NYC"], "partly_competent"),
    (["CT", "W"], "partly_competent"),
    (["NYC", "RPL_NG", "W"], "not_yet_competent"),
    ([], "not_yet_competent"),
])
def test_the_result_rolls_up_from_the_units(outcomes, result):
    assert roll_up(outcomes) == result


def test_a_recorded_assessment_keeps_its_units_and_result(store):
    done = record_assessment(UnitOfWork(store), SOK, {"CON-TIL-2-01": "c", "CON-TIL-2-02": "nyc"})
    with store.session() as s:
        assessment = s.get(Assessment, done.assessment_id)
        assert (assessment.result, assessment.aqrf_level, assessment.assessed_on) == (
            "partly_competent", 2, date(2026, 5, 3))
        outcomes = sorted(s.scalars(select(UnitResult.outcome).where(
            UnitResult.assessment_id == assessment.id)))
    assert outcomes == ["C", "NYC"] and "assessment" in done.changes.registers


def test_a_candidate_assessed_twice_is_one_person(store):
    record_assessment(UnitOfWork(store), SOK, {"CON-TIL-2-01": "NYC"})
    again = {**SOK, "given_names": "Dara Vuthy", "name_native": None, "assessed_on": "2026-08-01"}
    record_assessment(UnitOfWork(store), again, {"CON-TIL-2-01": "C"})
    other_country = {**SOK, "nationality": "LAO"}  # the same number in another passport series
    record_assessment(UnitOfWork(store), other_country, {"CON-TIL-2-01": "C"})
    with store.session() as s:
        people = s.scalars(select(Candidate).order_by(Candidate.nationality)).all()
        assert [(p.nationality, p.given_names, p.name_native) for p in people] == [
            ("KHM", "Dara Vuthy", "សុខ ដារា"), ("LAO", "Dara", "សុខ ដារា")]
        assert s.scalar(select(func.count()).select_from(Assessment).where(
            Assessment.candidate_id == people[0].id)) == 2


def test_an_assessor_without_a_covering_accreditation_is_warned_about_not_refused(store):
    accredited = {"assessor_ref": "KH-A-1", "family_name": "Chea", "given_names": "Sophal"}
    acc = {"aqrf_level": 2, "accreditation_no": "ACC-1", "accredited_on": "2025-01-01",
           "valid_until": "2027-12-31", "occupation_code": "CON-TIL-2", "occupation_title": "Tiler"}
    add_assessor(UnitOfWork(store), accredited, [acc])
    add_assessor(UnitOfWork(store), {"assessor_ref": "KH-A-2", "family_name": "Keo"},
                 [{**acc, "accreditation_no": "ACC-2", "valid_until": "2026-01-31"}])
    with store.session() as s:
        refs = dict(s.execute(select(Assessor.assessor_ref, Assessor.id)).all())
    done = record_assessment(UnitOfWork(store), SOK, {"CON-TIL-2-01": "C"},
                             [refs["KH-A-1"], refs["KH-A-2"]])
    assert len(done.warnings) == 1 and "Keo" in done.warnings[0] and "2026-05-03" in done.warnings[0]
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(AssessmentAssessor)) == 2


def test_a_record_with_bad_values_is_refused_whole(store):
    with pytest.raises(ValidationError) as err:
        record_assessment(UnitOfWork(store), {**SOK, "nationality": "XYZ", "aqrf_level": 9},
                          {"CON-TIL-2-01": "maybe"})
    assert {e.field for e in err.value.errors} == {"nationality", "aqrf_level", "outcome"}
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Candidate)) == 0


# --- Result sheets ----------------------------------------------------------------------------

ROWS = [  # one row per unit result
    {"family_name": "Sok", "given_names": "Dara", "name_native": "សុខ ដារា", "nationality": "KHM",
     "id_document_no": "N0001", "occupation_code": "CON-TIL-2", "occupation_title": "Tiler",
     "aqrf_level": "2", "assessed_on": "2026-05-03", "unit_code": "CON-TIL-2-01",
     "unit_title": "Prepare surfaces", "outcome": "C", "assessor_refs": "KH-A-1"},
    {"family_name": "Sok", "nationality": "KHM", "id_document_no": "N0001",
     "occupation_code": "CON-TIL-2", "aqrf_level": "2", "assessed_on": "2026-05-03",
     "unit_code": "CON-TIL-2-02", "outcome": "RPL_G"},
    {"family_name": "Chan", "given_names": "Sophea", "nationality": "KHM", "id_document_no": "N0002",
     "occupation_code": "CON-TIL-2", "aqrf_level": "2", "assessed_on": "2026-05-03",
     "unit_code": "CON-TIL-2-01", "outcome": "C"},
    {"family_name": "Chan", "nationality": "KHM", "id_document_no": "N0002",
     "occupation_code": "CON-TIL-2", "aqrf_level": "2", "assessed_on": "2026-05-03",
     "unit_code": "CON-TIL-2-02", "outcome": "NYC"},
]


def write_sheet(path, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, template_columns("assessments"))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def assessor_1(store):
    add_assessor(UnitOfWork(store), {"assessor_ref": "KH-A-1", "family_name": "Chea"})


def test_a_result_sheet_imports_and_importing_it_again_changes_nothing(store, tmp_path, assessor_1):
    sheet = write_sheet(tmp_path / "results.csv", ROWS)
    first = import_results(UnitOfWork(store), sheet)
    assert first.created == {"candidate": 2, "assessment": 2, "unit_result": 4}
    assert "Chea" in first.warnings[0]  # no accreditation at all
    with store.session() as s:
        results = dict(s.execute(select(Candidate.family_name, Assessment.result).join(
            Assessment, Assessment.candidate_id == Candidate.id)).all())
    assert results == {"Sok": "competent", "Chan": "partly_competent"}
    again = import_results(UnitOfWork(store), sheet)
    assert (again.created, again.unchanged) == ({}, 4)


def test_a_sheet_with_bad_rows_imports_nothing_and_lists_each_by_row_and_column(store, tmp_path,
                                                                               assessor_1):
    bad = [dict(r) for r in ROWS]
    bad[1]["unit_code"] = "CON-TIL-2-01"  # Sok's first unit again
    bad[2]["assessor_refs"] = "KH-A-9"
    bad[3]["outcome"] = "passed"
    with pytest.raises(ValidationError) as err:
        import_results(UnitOfWork(store), write_sheet(tmp_path / "bad.csv", bad))
    assert [(e.row, e.field) for e in err.value.errors] == [
        (3, "unit_code"), (4, "assessor_refs"), (5, "outcome")]
    assert "nothing was imported" in str(err.value)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Assessment)) == 0


def test_an_assessment_recorded_with_other_results_is_refused(store, tmp_path, assessor_1):
    import_results(UnitOfWork(store), write_sheet(tmp_path / "a.csv", ROWS))
    changed = [dict(r) for r in ROWS]
    changed[3]["outcome"] = "C"
    with pytest.raises(ValidationError) as err:
        import_results(UnitOfWork(store), write_sheet(tmp_path / "b.csv", changed))
    assert [(e.row, e.field) for e in err.value.errors] == [(4, "outcome")]
