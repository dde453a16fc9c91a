"""Importing the assessor register from CSV/XLSX: results, re-imports, and every kind of bad input.

Every refused file must name the row (as a spreadsheet shows it) and the field, and leave the
database exactly as it was: the tests compare a dump of every table before and after.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import InputRejected, ValidationError
from mrs_desktop.domain.task import Cancelled, Progress
from mrs_desktop.services import assessors as assessor_service
from mrs_desktop.services.spreadsheets import import_assessors, template_columns

FIXTURE = Path(__file__).parents[1] / "fixtures" / "spreadsheets" / "assessors.csv"
COLUMNS = template_columns("assessors")


def fixture_rows() -> list[dict[str, str]]:
    with FIXTURE.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_csv(path: Path, rows: list[dict[str, str]], *, encoding: str = "utf-8-sig",
              columns: list[str] = COLUMNS) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        out = csv.DictWriter(fh, columns, extrasaction="ignore")
        out.writeheader()
        out.writerows(rows)
    return path


def dump(store) -> dict[str, list[tuple]]:
    """Every row of every table (the name index's own tables included)."""
    conn = sqlite3.connect(store.path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' AND name != 'assessor_fts'")]
        return {t: _rows(conn, t) for t in tables}
    finally:
        conn.close()


def _rows(conn, table: str) -> list[tuple]:
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
    except sqlite3.OperationalError:  # the name index's WITHOUT ROWID tables
        return sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)


def run(store, path: Path, **kw):
    return import_assessors(UnitOfWork(store), path, **kw)


@pytest.fixture
def loaded(store, tmp_path):
    """The node's store after importing the fixture register."""
    run(store, FIXTURE)
    return store


def test_import_adds_assessors_accreditations_and_catalogue(store):
    log_before = len(dump(store)["change_log"])
    result = run(store, FIXTURE)
    assert (result.rows, result.unchanged) == (7, 0)
    assert result.created == {"assessor": 6, "accreditation": 7, "occupation": 7}
    assert result.changes.counts == {"assessor": 6, "accreditation": 7, "occupation": 7}
    summary = result.summary()
    assert summary.startswith("7 rows: 6 assessors added; 7 accreditations added")
    assert "occupation KHM CON-TIL-2 'Tiler'" in summary
    db = dump(store)
    khm = {r[1]: r for r in db["assessor"]}  # by assessor_ref
    assert set(khm) == {f"KHM-A-000{i}" for i in range(1, 7)}
    log = db["change_log"][log_before:]
    assert sorted((r[1], r[5]) for r in log) == sorted(
        [("occupation", "insert")] * 7 + [("assessor", "insert")] * 6 + [("accreditation", "insert")] * 7)


def test_rows_of_one_assessor_make_one_record_with_two_accreditations(store):
    run(store, FIXTURE)
    detail = _accreditations(store, "KHM-A-0001")
    assert detail == [("KHM-ACC-0001", 2, "2022-01-10", "2025-01-09", "active"),
                      ("KHM-ACC-0002", 3, "2023-06-01", "2026-05-31", "active")]


def _accreditations(store, ref):
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute(
            "SELECT c.accreditation_no, c.aqrf_level, c.accredited_on, c.valid_until, c.status "
            "FROM accreditation c JOIN assessor a ON a.id = c.assessor_id WHERE a.assessor_ref = ? "
            "ORDER BY c.accreditation_no", (ref,)).fetchall()
    finally:
        conn.close()


def test_empty_country_is_the_nodes_and_names_are_searchable(store):
    run(store, FIXTURE)
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("SELECT country FROM assessor WHERE assessor_ref = 'KHM-A-0002'").fetchone() == ("KHM",)
        hits = conn.execute("SELECT a.assessor_ref FROM assessor_fts JOIN assessor a ON a.rowid = assessor_fts.rowid "
                            "WHERE assessor_fts MATCH ?", ('"nguyen"*',)).fetchall()
        text = conn.execute("SELECT search_text FROM assessor WHERE assessor_ref = 'KHM-A-0004'").fetchone()
    finally:
        conn.close()
    assert hits == [("KHM-A-0003",)]
    assert text == ("ใจดี สมชาย สมชาย ใจดี KHM-A-0004",)


def test_new_sector_is_added_and_named(store, tmp_path):
    rows = fixture_rows()[:1]
    rows[0]["sector"] = "Welding and fabrication"
    result = run(store, write_csv(tmp_path / "a.csv", rows))
    assert result.new_catalogue[0] == "sector 'Welding and fabrication'"
    assert "new in the catalogue: sector 'Welding and fabrication'" in result.summary()
    assert result.created["sector"] == 1


def test_reimport_changes_nothing(loaded):
    before = dump(loaded)
    result = run(loaded, FIXTURE)
    assert not result.changes and result.created == {} and result.updated == {}
    assert result.unchanged == 7
    assert dump(loaded) == before


def test_dry_run_counts_but_writes_nothing(store):
    before = dump(store)
    result = run(store, FIXTURE, dry_run=True)
    assert result.created["assessor"] == 6 and not result.changes
    assert dump(store) == before


def test_reimport_updates_only_what_differs(loaded, tmp_path):
    rows = fixture_rows()
    rows[2]["email"] = "sophea.chan@example.org"
    rows[3]["valid_until"] = "2028-01-31"
    before = len(dump(loaded)["change_log"])
    result = run(loaded, write_csv(tmp_path / "a.csv", rows))
    assert result.updated == {"assessor": 1, "accreditation": 1} and result.unchanged == 5
    log = dump(loaded)["change_log"][before:]
    assert [(r[1], r[5], r[6]) for r in log] == [("assessor", "update", "email"),
                                                  ("accreditation", "update", "valid_until")]


def test_status_change_is_stamped(loaded, tmp_path):
    rows = fixture_rows()
    rows[2]["status"] = "active"
    run(loaded, write_csv(tmp_path / "a.csv", rows))
    conn = sqlite3.connect(loaded.path)
    status = conn.execute("SELECT status, status_date IS NOT NULL, status_reason FROM accreditation "
                          "WHERE accreditation_no = 'KHM-ACC-0003'").fetchone()
    conn.close()
    assert status == ("active", 1, "set by spreadsheet import (a.csv)")


def test_removed_assessor_comes_back_on_import(loaded):
    conn = sqlite3.connect(loaded.path)
    assessor_id = conn.execute("SELECT id FROM assessor WHERE assessor_ref = 'KHM-A-0006'").fetchone()[0]
    conn.close()
    assessor_service.remove_assessor(UnitOfWork(loaded), assessor_id)
    result = run(loaded, FIXTURE)
    assert result.updated == {"assessor": 1, "accreditation": 1}


def test_xlsx_imports_like_csv(store, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    for row in fixture_rows():
        sheet.append([row[c] for c in COLUMNS])
    book.save(tmp_path / "a.xlsx")
    result = run(store, tmp_path / "a.xlsx")
    assert result.created["assessor"] == 6
    assert not run(store, FIXTURE).changes  # the same register as the CSV


def test_mapping_reads_a_ministry_sheet(store, tmp_path):
    header = ["Ref", "Surname", "Level", "Number", "From", "To", "Remarks"]
    with (tmp_path / "a.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, ["R1", "Sok", "2", "N-1", "2024-01-01", "2027-01-01", "ok"]])
    mapping = {"Ref": "assessor_ref", "Surname": "family_name", "Level": "aqrf_level",
               "Number": "accreditation_no", "From": "accredited_on", "To": "valid_until"}
    result = run(store, tmp_path / "a.csv", mapping=mapping)
    assert result.created == {"assessor": 1, "accreditation": 1}


def test_progress_is_reported_and_cancel_writes_nothing(store):
    class CancelAtWrite(Progress):
        seen: list[str] = []

        def report(self, done, total=None, text=""):
            self.seen.append(text)
            if text.startswith("Adding"):
                self.cancel()

    before = dump(store)
    progress = CancelAtWrite()
    with pytest.raises(Cancelled):
        run(store, FIXTURE, progress=progress)
    assert "Checking rows" in progress.seen
    assert dump(store) == before


# --- bad input: a clear error naming row and field, and nothing written ------------------------

def mutate(change):
    rows = fixture_rows()
    change(rows)
    return rows


BAD_ROWS = {
    "missing family name": (lambda r: r[1].update(family_name=""), [(3, "family_name", "is required")]),
    "missing accreditation number": (lambda r: r[4].update(accreditation_no=" "),
                                     [(6, "accreditation_no", "is required")]),
    "unknown country": (lambda r: r[5].update(country="XYZ"), [(7, "country", "'XYZ' is not an ASEAN")]),
    "level 0": (lambda r: r[0].update(aqrf_level="0"), [(2, "aqrf_level", "AQRF level 0 does not exist")]),
    "level 9": (lambda r: r[6].update(aqrf_level="9"), [(8, "aqrf_level", "AQRF level 9 does not exist")]),
    "impossible date": (lambda r: r[3].update(accredited_on="2023-02-30"),
                        [(5, "accredited_on", "'2023-02-30' is not a real date")]),
    "not a date": (lambda r: r[3].update(date_of_birth="28/02/1990"),
                   [(5, "date_of_birth", "is not a date as YYYY-MM-DD")]),
    "valid_until before accredited_on": (lambda r: r[2].update(valid_until="2020-01-01"),
                                         [(4, "valid_until", "is before accredited_on 2021-03-15")]),
    "duplicate accreditation numbers": (lambda r: r[5].update(accreditation_no="KHM-ACC-0002"),
                                        [(7, "accreditation_no", "'KHM-ACC-0002' is also on row 3")]),
    "bad status": (lambda r: r[0].update(status="expired"), [(2, "status", "'expired' is not one of")]),
    "person fields disagree": (lambda r: r[1].update(date_of_birth="1981-05-14"),
                               [(3, "date_of_birth", "'1981-05-14' differs from row 2 ('1980-05-14')")]),
    "missing assessor_ref": (lambda r: r[3].update(assessor_ref=""), [(5, "assessor_ref", "is required")]),
    "occupation title without code": (lambda r: r[6].update(occupation_code=""),
                                       [(8, "occupation_code", "is required when an occupation title")]),
    "another country's assessor": (lambda r: r[6].update(country="THA"),
                                   [(8, "country", "belongs to Thailand: only Thailand's focal point")]),
}


@pytest.mark.parametrize("case", BAD_ROWS, ids=list(BAD_ROWS))
def test_bad_row_names_row_and_field_and_writes_nothing(loaded, tmp_path, case):
    change, expected = BAD_ROWS[case]
    before = dump(loaded)
    path = write_csv(tmp_path / "bad.csv", mutate(change))
    with pytest.raises(ValidationError) as err:
        run(loaded, path)
    got = [(e.row, e.field, e.message) for e in err.value.errors]
    assert [(row, field) for row, field, _ in got] == [(row, field) for row, field, _ in expected]
    for (_, _, message), (_, _, wanted) in zip(got, expected):
        assert wanted in message
    assert f"row {expected[0][0]}, {expected[0][1]}" in str(err.value)
    assert dump(loaded) == before


def test_bad_rows_into_an_empty_register_write_nothing(store, tmp_path):
    before = dump(store)
    rows = mutate(lambda r: (r[0].update(aqrf_level="9"), r[6].update(valid_until="2000-01-01")))
    with pytest.raises(ValidationError) as err:
        run(store, write_csv(tmp_path / "bad.csv", rows))
    assert [(e.row, e.field) for e in err.value.errors] == [(2, "aqrf_level"), (8, "valid_until")]
    assert "2 rows with errors" in str(err.value)
    assert dump(store) == before  # not even the new occupations


def test_every_bad_row_is_reported(store, tmp_path):
    rows = fixture_rows() * 3  # the same accreditation numbers twice more, and many rows wrong
    for i, row in enumerate(rows):
        row["assessor_ref"] = f"R{i}"
    rows[0]["family_name"] = ""
    with pytest.raises(ValidationError) as err:
        run(store, write_csv(tmp_path / "bad.csv", rows))
    numbers = {e.row for e in err.value.errors}
    assert numbers == {2} | set(range(9, 23))


def test_accreditation_number_of_another_assessor_is_refused(loaded, tmp_path):
    rows = fixture_rows()[:1]
    rows[0].update(assessor_ref="KHM-A-0099", accreditation_no="KHM-ACC-0005")
    before = dump(loaded)
    with pytest.raises(ValidationError) as err:
        run(loaded, write_csv(tmp_path / "a.csv", rows))
    (error,) = err.value.errors
    assert (error.row, error.field) == (2, "accreditation_no")
    assert "already belongs to another assessor (KHM-A-0004, ใจดี สมชาย)" in error.message
    assert dump(loaded) == before


def test_a_revocation_is_final(loaded, tmp_path):
    rows = mutate(lambda r: r[4].update(status="active"))
    with pytest.raises(ValidationError, match="row 6, status: accreditation KHM-ACC-0005 was revoked"):
        run(loaded, write_csv(tmp_path / "a.csv", rows))


def test_latin1_file_is_refused_and_writes_nothing(loaded, tmp_path):
    rows = mutate(lambda r: r[0].update(family_name="Müller", name_native="", given_names="José"))
    for row in rows:  # Latin-1 cannot hold the Asian scripts: keep only Latin names
        for key in ("name_native", "family_name", "given_names"):
            row[key] = row[key] if row[key].isascii() or key == "family_name" and row is rows[0] else "X"
    before = dump(loaded)
    with pytest.raises(InputRejected) as err:
        run(loaded, write_csv(tmp_path / "latin1.csv", rows, encoding="latin-1"))
    assert "line 2" in str(err.value) and "CSV UTF-8" in str(err.value)
    assert dump(loaded) == before


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_utf8_with_or_without_bom(store, tmp_path, encoding):
    result = run(store, write_csv(tmp_path / "a.csv", fixture_rows(), encoding=encoding))
    assert result.created["assessor"] == 6
    assert _accreditations(store, "KHM-A-0002")[0][0] == "KHM-ACC-0003"


def test_wrong_header_writes_nothing(loaded, tmp_path):
    before = dump(loaded)
    columns = [c if c != "family_name" else "surname" for c in COLUMNS]
    rows = [{("surname" if k == "family_name" else k): v for k, v in r.items()} for r in fixture_rows()]
    with pytest.raises(ValidationError) as err:
        run(loaded, write_csv(tmp_path / "a.csv", rows, columns=columns))
    assert "missing columns: family_name" in str(err.value) and "unknown columns: surname" in str(err.value)
    assert dump(loaded) == before


def test_binary_csv_writes_nothing(loaded, tmp_path):
    path = tmp_path / "big.csv"
    with path.open("wb") as fh:
        fh.write(b"\x00\x01\x02")
        fh.truncate(50 * 1024 * 1024)
    before = dump(loaded)
    with pytest.raises(InputRejected, match="not a text file"):
        run(loaded, path)
    assert dump(loaded) == before


@pytest.mark.parametrize("problem", ["merged", "formula"])
def test_xlsx_with_merged_cells_or_formulas_writes_nothing(loaded, tmp_path, problem):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    for row in fixture_rows():
        sheet.append([row[c] for c in COLUMNS])
    if problem == "merged":
        sheet.merge_cells("I2:I3")
    else:
        sheet["N4"] = "=1+1"
    book.save(tmp_path / "a.xlsx")
    before = dump(loaded)
    with pytest.raises(ValidationError) as err:
        run(loaded, tmp_path / "a.xlsx")
    (error,) = err.value.errors
    expected = ("organisation", 2, "I2:I3") if problem == "merged" else ("aqrf_level", 4, "cell N4")
    assert (error.field, error.row) == expected[:2] and expected[2] in error.message
    assert dump(loaded) == before


def test_empty_cells_in_later_rows_mean_as_above(store, tmp_path):
    rows = fixture_rows()
    rows[0]["email"] = ""  # the second row of KHM-A-0001 gives it
    rows[1].update(phone="", organisation="", sex="")  # ... and leaves these to the first row
    result = run(store, write_csv(tmp_path / "a.csv", rows))
    assert result.created["assessor"] == 6
    conn = sqlite3.connect(store.path)
    person = conn.execute("SELECT email, phone, sex FROM assessor WHERE assessor_ref = 'KHM-A-0001'").fetchone()
    conn.close()
    assert person == ("sok.dara@example.org", "+855 12 345 678", "male")


def test_checking_stops_after_very_many_errors(store, tmp_path, monkeypatch):
    from mrs_desktop.services.spreadsheets import common

    monkeypatch.setattr(common, "MAX_ERRORS", 3)
    rows = mutate(lambda r: [row.update(aqrf_level="0") for row in r])
    with pytest.raises(ValidationError) as err:
        run(store, write_csv(tmp_path / "bad.csv", rows))
    assert len(err.value.errors) == 3 and "the check stopped there" in str(err.value)
