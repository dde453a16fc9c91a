"""Export -> import round-trips for the three registers, as CSV and as XLSX.

Exporting a register and importing the file into a fresh store of the same country gives the
same register (its export is identical), and importing it back into the store it came from
changes nothing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mrs_desktop.db.store import open_store
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.services import assessors as assessor_service
from mrs_desktop.services.node import init_node
from mrs_desktop.services.spreadsheets import (export_action_items, export_assessors,
                                               export_trainings, import_action_items,
                                               import_assessors, import_trainings, read_table)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "spreadsheets"
REGISTERS = {
    "assessors": (import_assessors, export_assessors),
    "trainings": (import_trainings, export_trainings),
    "action-items": (import_action_items, export_action_items),
}


@pytest.fixture
def full(store):
    """The node's store with all three registers imported from the fixtures."""
    for kind in REGISTERS:  # assessors first: participants refer to them
        REGISTERS[kind][0](UnitOfWork(store), FIXTURES / f"{kind}.csv")
    return store


@pytest.fixture
def fresh(tmp_path):
    store = open_store(tmp_path / "fresh" / "mrs.sqlite")
    init_node(store, country="KHM", organisation="Another laptop of the same ministry")
    yield store
    store.close()


def log_count(store) -> int:
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_imports_into_a_fresh_store_unchanged(full, fresh, tmp_path, suffix):
    for kind, (importer, exporter) in REGISTERS.items():
        first = tmp_path / f"{kind}{suffix}"
        rows = exporter(full, first)
        result = importer(UnitOfWork(fresh), first)
        assert result.rows == rows and result.unchanged == 0
        again = tmp_path / f"{kind}-again{suffix}"
        assert exporter(fresh, again) == rows
        assert read_table(again).rows == read_table(first).rows, kind


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_reimporting_an_export_changes_nothing(full, tmp_path, suffix):
    before = log_count(full)
    for kind, (importer, exporter) in REGISTERS.items():
        path = tmp_path / f"{kind}{suffix}"
        exporter(full, path)
        result = importer(UnitOfWork(full), path)
        assert not result.changes and result.unchanged == result.rows > 0, kind
    assert log_count(full) == before


def test_export_matches_the_imported_file(full, tmp_path):
    for kind, (_, exporter) in REGISTERS.items():
        exporter(full, tmp_path / f"{kind}.csv")
        exported = read_table(tmp_path / f"{kind}.csv")
        source = read_table(FIXTURES / f"{kind}.csv")
        assert exported.header == source.header
        # The fixtures leave some countries empty (= the node's); exports always name them.
        def filled(rows):
            return sorted(tuple(c or "KHM" if exported.header[i] in ("country", "participant_country") else c
                                for i, c in enumerate(cells)) for _, cells in rows)
        assert filled(exported.rows) == filled(source.rows), kind


def test_export_with_ids_and_utf8_bom(full, tmp_path):
    conn = sqlite3.connect(full.path)
    ids = [r[0] for r in conn.execute("SELECT id FROM assessor WHERE assessor_ref IN ('KHM-A-0001', 'KHM-A-0004')")]
    conn.close()
    path = tmp_path / "two.csv"
    assert export_assessors(full, path, ids=ids) == 3  # KHM-A-0001 holds two accreditations
    assert path.read_bytes().startswith(b"\xef\xbb\xbfassessor_ref,")
    assert [cells[0] for _, cells in read_table(path).rows] == ["KHM-A-0001", "KHM-A-0001", "KHM-A-0004"]


def test_removed_records_are_not_exported(full, tmp_path):
    conn = sqlite3.connect(full.path)
    (assessor_id,) = conn.execute("SELECT id FROM assessor WHERE assessor_ref = 'KHM-A-0006'").fetchone()
    conn.close()
    assessor_service.remove_assessor(UnitOfWork(full), assessor_id)
    assert export_assessors(full, tmp_path / "a.xlsx") == 6


def test_assessor_without_accreditation_round_trips(store, fresh, tmp_path):
    assessor_service.add_assessor(UnitOfWork(store), {"assessor_ref": "KHM-A-0100", "family_name": "Kim",
                                                      "given_names": "Sreymom"})
    assert export_assessors(store, tmp_path / "a.csv") == 1
    result = import_assessors(UnitOfWork(fresh), tmp_path / "a.csv")
    assert result.created == {"assessor": 1}
    assert not import_assessors(UnitOfWork(store), tmp_path / "a.csv").changes


def test_text_that_looks_like_a_formula_stays_text_in_xlsx(store, tmp_path):
    assessor_service.add_assessor(UnitOfWork(store), {"assessor_ref": "=1+1", "family_name": "=SUM(A1)"})
    export_assessors(store, tmp_path / "a.xlsx")
    assert read_table(tmp_path / "a.xlsx").rows[0][1][:2] == ["=1+1", "=SUM(A1)"]


def test_export_to_an_unknown_extension_is_refused(full, tmp_path):
    from mrs_desktop.domain.errors import InputRejected

    with pytest.raises(InputRejected, match=".csv or .xlsx"):
        export_trainings(full, tmp_path / "trainings.ods")
    assert not (tmp_path / "trainings.ods").exists()


def add_partner_assessor(store) -> None:
    """A Thai assessor as a bundle from Thailand would have brought it (another origin)."""
    from mrs_desktop.db import bulk
    from mrs_desktop.db.models import Accreditation, Assessor
    from mrs_desktop.domain.ids import uuid7

    origin, assessor_id = uuid7(), uuid7()
    with UnitOfWork(store) as uow:
        bulk.insert_rows(uow.session, uow.writer, Assessor, [{
            "id": assessor_id, "origin": origin, "country": "THA", "assessor_ref": "THA-0001",
            "family_name": "Jaidee", "given_names": "Somchai", "name_native": "สมชาย ใจดี", "sex": "male",
            "date_of_birth": "1979-01-02", "email": None, "phone": None, "organisation": "DSD",
            "search_text": "Jaidee Somchai สมชาย ใจดี THA-0001"}])
        bulk.insert_rows(uow.session, uow.writer, Accreditation, [{
            "id": uuid7(), "origin": origin, "assessor_id": assessor_id, "country": "THA",
            "sector_id": None, "occupation_id": None, "aqrf_level": 3, "accreditation_no": "THA-ACC-1",
            "accrediting_body": "DSD", "accredited_on": "2023-01-01", "valid_until": "2026-01-01",
            "status": "active", "status_reason": None, "status_date": None, "renews_id": None}])
        uow.commit()


def test_partners_records_in_an_export_import_back_unchanged(full, tmp_path):
    add_partner_assessor(full)
    before = log_count(full)
    assert export_assessors(full, tmp_path / "all.csv") == 8
    result = import_assessors(UnitOfWork(full), tmp_path / "all.csv")
    assert not result.changes and result.unchanged == 8
    assert log_count(full) == before


def test_changing_a_partners_record_is_refused(full, tmp_path):
    add_partner_assessor(full)
    export_assessors(full, tmp_path / "all.csv")
    text = (tmp_path / "all.csv").read_text(encoding="utf-8-sig").replace("THA-ACC-1,2023-01-01,2026-01-01",
                                                                          "THA-ACC-1,2023-01-01,2027-01-01")
    (tmp_path / "all.csv").write_text(text, encoding="utf-8")
    from mrs_desktop.domain.errors import ValidationError

    with pytest.raises(ValidationError) as err:
        import_assessors(UnitOfWork(full), tmp_path / "all.csv")
    (error,) = err.value.errors
    assert (error.row, error.field) == (9, "country")
    assert "belongs to Thailand: only Thailand's focal point can change it" in error.message
