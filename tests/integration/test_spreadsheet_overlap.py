"""A large assessor file written while it is checked (services/spreadsheets/overlap.py): the
same records as the one-step import, and all or nothing whatever goes wrong on either thread."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from mrs_desktop.db import bulk
from mrs_desktop.db.store import open_store
from mrs_desktop.domain.errors import StoreProblem, ValidationError
from mrs_desktop.domain.task import Cancelled, Progress
from mrs_desktop.services.node import init_node
from mrs_desktop.services.spreadsheets import overlap

from .test_spreadsheet_assessor_columns import contents
from .test_spreadsheet_assessors import dump, run, write_csv

SECTORS = [("construction", "CON-MAS-2", "Mason"), ("Brand new sector", "NEW-ONE-1", "First"),
           ("Tourism and hospitality", "", ""), ("Fisheries", "FIS-PRO-1", "Fish processor")]


def register(people: int = 30) -> list[dict[str, str]]:
    """A regular file: each assessor's rows together, one to three accreditations each, cells
    to clean, new sectors and occupations appearing in later chunks."""
    rows = []
    for p in range(people):
        person = {"assessor_ref": f" KHM-C-{p:03d}", "family_name": ["Sok", "Nguyễn  Văn", "ใจดี"][p % 3],
                  "given_names": "Dara" if p % 2 else "", "name_native": "សុខ ដារា" if p % 4 else "",
                  "sex": ["F", "male", ""][p % 3], "date_of_birth": "1980-05-14" if p % 5 else "",
                  "email": f"p{p}@example.org", "phone": "", "organisation": "NPIC"}
        for k in range(1 + p % 3):
            sector, code, title = SECTORS[(p // 8 + k) % len(SECTORS)]
            rows.append({**person, "country": ["", "KHM", "khm"][(p + k) % 3], "sector": sector,
                         "occupation_code": code, "occupation_title": title,
                         "aqrf_level": str(1 + k), "accreditation_no": f"KHM-M-{p:03d}-{k}",
                         "accredited_on": "2022-01-10", "valid_until": "2025-01-09",
                         "status": ["active", "", "Suspended"][k]})
    return rows


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of a few rows, and statements of a few rows, so a test file has many of each."""
    monkeypatch.setattr(overlap, "CHUNK_ROWS", 7)
    monkeypatch.setattr(overlap, "FIRST_CHUNK_ROWS", 3)
    monkeypatch.setattr(overlap, "MIN_ROWS", 14)
    monkeypatch.setattr(bulk, "MAX_PARAMETERS", 40)
    jobs = []
    real = overlap.WriterThread.submit
    monkeypatch.setattr(overlap.WriterThread, "submit",
                        lambda self, job: jobs.append(job) or real(self, job))
    return jobs


def writer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "import writer"]


def test_it_writes_what_the_one_step_import_writes(store, tmp_path, monkeypatch, small_chunks):
    path = write_csv(tmp_path / "big.csv", register())
    result = run(store, path)
    assert len(small_chunks) > 5, "the file was written chunk by chunk"
    other = open_store(tmp_path / "other.sqlite")
    try:
        init_node(other, country="KHM", organisation="Ministry of Labour and Vocational Training")
        monkeypatch.setattr(overlap, "MIN_ROWS", 10**9)  # one step
        expected = run(other, path)
        assert (result.summary(), result.created, result.unchanged, result.new_catalogue) == (
            expected.summary(), expected.created, expected.unchanged, expected.new_catalogue)
        assert result.changes.counts == expected.changes.counts
        mine, theirs = contents(store), contents(other)
        # The log interleaves the chunks (each chunk's parents before its children): the same
        # entries, in another order.
        assert sorted(mine.pop("log")) == sorted(theirs.pop("log"))
        assert mine == theirs
    finally:
        other.close()
    assert not writer_threads()
    again = run(store, path)
    assert not again.changes and again.unchanged == len(register())


def test_every_parent_is_logged_before_its_children(store, tmp_path, small_chunks):
    run(store, write_csv(tmp_path / "big.csv", register()))
    conn = sqlite3.connect(store.path)
    try:
        order = {row_id: seq for seq, row_id in conn.execute("SELECT seq, row_id FROM change_log")}
        links = conn.execute("SELECT id, assessor_id, occupation_id, sector_id FROM accreditation")
        for child, *parents in links:
            assert all(order[p] < order[child] for p in parents if p)
    finally:
        conn.close()


def test_bad_rows_late_in_the_file_write_nothing_and_each_is_reported(store, tmp_path, small_chunks):
    rows = register()
    rows[-1]["aqrf_level"] = "9"
    rows[-3]["valid_until"] = "2021-01-01"  # before accredited_on
    rows[-5]["accredited_on"] = "2022-02-30"
    before = dump(store)
    with pytest.raises(ValidationError) as raised:
        run(store, write_csv(tmp_path / "late.csv", rows))
    last = len(rows) + 1  # the spreadsheet's number of the last row (the header is row 1)
    assert [(e.row, e.field) for e in raised.value.errors] == [
        (last - 4, "accredited_on"), (last - 2, "valid_until"), (last, "aqrf_level")]
    assert len(small_chunks) > 3, "chunks were written before the bad ones were checked"
    assert dump(store) == before
    assert not writer_threads()


def test_a_number_in_two_chunks_is_reported(store, tmp_path, small_chunks):
    rows = register()
    # The same accreditation number in the first chunk and in the last: each chunk alone is fine.
    rows[-1]["accreditation_no"] = rows[0]["accreditation_no"]
    before = dump(store)
    with pytest.raises(ValidationError) as raised:
        run(store, write_csv(tmp_path / "twice.csv", rows))
    assert [(e.row, e.field) for e in raised.value.errors] == [(len(rows) + 1, "accreditation_no")]
    assert "also on row 2" in str(raised.value)
    assert dump(store) == before


def test_a_failure_on_the_writer_thread_is_a_clear_error_and_writes_nothing(
        store, tmp_path, monkeypatch, small_chunks):
    calls = []
    real = bulk.write_prepared

    def failing(*args, **kw):
        calls.append(1)
        if len(calls) == 5:
            raise sqlite3.OperationalError("database or disk is full")
        return real(*args, **kw)

    monkeypatch.setattr(bulk, "write_prepared", failing)
    before = dump(store)
    with pytest.raises(StoreProblem) as raised:
        run(store, write_csv(tmp_path / "full.csv", register()))
    message = str(raised.value)
    assert message.startswith("full.csv: nothing was imported") and "disk is full" in message
    assert isinstance(raised.value.__cause__, sqlite3.OperationalError)
    assert dump(store) == before
    assert not writer_threads()


def test_a_bug_on_the_writer_thread_is_raised_as_it_is(store, tmp_path, monkeypatch, small_chunks):
    def broken(*args, **kw):
        raise KeyError("no such column")

    monkeypatch.setattr(bulk, "write_prepared", broken)
    before = dump(store)
    with pytest.raises(KeyError):
        run(store, write_csv(tmp_path / "bug.csv", register()))
    assert dump(store) == before
    assert not writer_threads()


def test_cancelling_while_chunks_are_written_changes_nothing(store, tmp_path, small_chunks):
    class CancelSoon(Progress):
        """Cancels at the third chunk."""

        def __init__(self):
            super().__init__()
            self.reports = 0

        def report(self, done, total=None, text=""):
            self.reports += 1
            if self.reports == 4:
                self.cancel()

    before = dump(store)
    with pytest.raises(Cancelled):
        run(store, write_csv(tmp_path / "big.csv", register()), progress=CancelSoon())
    assert small_chunks, "some chunks were written before the cancel"
    assert dump(store) == before
    assert not writer_threads()


def test_a_file_whose_assessor_rows_are_apart_is_checked_in_one_step(store, tmp_path, small_chunks):
    rows = register()
    rows.append(dict(rows[0], accreditation_no="KHM-M-000-9"))  # the first assessor again, at the end
    result = run(store, write_csv(tmp_path / "apart.csv", rows))
    assert not small_chunks
    assert result.created["accreditation"] == len(rows)


def test_statements_keep_to_the_connections_parameter_limit(store, tmp_path, monkeypatch,
                                                             small_chunks):
    """An older SQLite binds at most 999 parameters a statement: the overlap asks the connection
    (made 50 here) and no statement binds more."""
    monkeypatch.setattr(bulk, "MAX_PARAMETERS", 32766)  # small_chunks lowered it
    monkeypatch.setattr(bulk, "parameter_limit", lambda conn: 50)
    sizes = []
    real = bulk.write_prepared

    def write(session, writer, prepared):
        sizes.extend(len(params) for _, params in prepared.statements)
        return real(session, writer, prepared)

    monkeypatch.setattr(bulk, "write_prepared", write)
    result = run(store, write_csv(tmp_path / "big.csv", register()))
    assert result.created["assessor"] == 30
    assert sizes and max(sizes) <= 50
