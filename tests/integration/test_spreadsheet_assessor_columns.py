"""The assessor import's fast path (column by column) writes exactly what the row check writes."""

from __future__ import annotations

import random
import sqlite3

import pytest

from mrs_desktop.db.store import open_store
from mrs_desktop.services.node import init_node
from mrs_desktop.services.spreadsheets.assessor_columns import AssessorColumns

from .test_spreadsheet_assessors import fixture_rows, run, write_csv

SECTORS = [("Construction", "CON-MAS-2", "Mason"), ("construction", "CON-TIL-2", "Tiler"),
           ("Brand new sector", "NEW-ONE-1", "First of its kind"),
           ("Tourism and hospitality", "", ""), ("", "", ""),
           ("Fisheries", "FIS-PRO-1", "Fish processing worker")]


def register_rows(seed: int = 3) -> list[dict[str, str]]:
    """People with one to three accreditations, their rows apart, cells to clean, blanks and
    person-only rows; an assessor's rows spell some cells differently, but mean the same."""
    rnd = random.Random(seed)
    rows = []
    for p in range(40):
        person = {"assessor_ref": f"KHM-B-{p:03d}",
                  "family_name": rnd.choice(["Sok", "  Nguyễn   Văn ", "ใจดี"]),
                  "given_names": rnd.choice(["Dara", ""]), "name_native": rnd.choice(["សុខ ដារា", ""]),
                  "sex": rnd.choice(["F", "m", "female", ""]),
                  "date_of_birth": rnd.choice(["1980-05-14", " 1975-01-02 ", ""]),
                  "email": rnd.choice(["", f"p{p}@example.org"]),
                  "phone": rnd.choice(["", "+855 12"]), "organisation": "NPIC"}
        for k in range(1 + p % 3):
            sector, code, title = SECTORS[(p + k) % len(SECTORS)]
            spelt = {"sex": {"F": " female", "m": "Male"}.get(person["sex"], person["sex"]),
                     "family_name": person["family_name"].strip()} if k else {}
            rows.append({**person, **spelt, "country": rnd.choice(["", "KHM", "khm"]),
                         "sector": sector, "occupation_code": code, "occupation_title": title,
                         "aqrf_level": str(1 + k), "accreditation_no": f"KHM-N-{p:03d}-{k}",
                         "accredited_on": "2022-01-10", "valid_until": " 2025-01-09",
                         "status": rnd.choice(["", "active", "Suspended"])})
        if p % 7 == 0:  # a row about the person only
            rows.append({**person, "country": "KHM"})
    rnd.shuffle(rows)  # the rows of one assessor apart, accreditations out of order
    return rows


def changed_register() -> list[dict[str, str]]:
    """register_rows() later: new people and accreditations, a few changes, the rest as it was."""
    rows = register_rows()
    for row in rows:
        if row["assessor_ref"] == "KHM-B-003":
            row["email"] = "new@example.org"
        if row.get("accreditation_no") == "KHM-N-005-0":
            row["status"] = "revoked"
    carrying = [row for row in rows if row.get("accreditation_no")]
    extra = dict(carrying[0], assessor_ref="KHM-B-900", accreditation_no="KHM-N-900-0")
    return [*rows, extra, dict(carrying[1], accreditation_no="KHM-N-901-0")]


QUERIES = {
    "assessors": "SELECT country, assessor_ref, family_name, given_names, name_native, sex, "
                 "date_of_birth, email, phone, organisation, search_text, origin, deleted "
                 "FROM assessor ORDER BY rowid",
    "accreditations": "SELECT a.assessor_ref, c.country, c.sector_id, c.occupation_id, c.aqrf_level, "
                      "c.accreditation_no, c.accrediting_body, c.accredited_on, c.valid_until, "
                      "c.status, c.status_reason, c.status_date, c.renews_id, c.origin, c.deleted "
                      "FROM accreditation c JOIN assessor a ON a.id = c.assessor_id ORDER BY c.rowid",
    "catalogue": "SELECT id, code, name FROM sector UNION ALL "
                 "SELECT id, code, title FROM occupation ORDER BY 1",
    "log": "SELECT register, op, origin, fields FROM change_log ORDER BY seq",
    "found": "SELECT count(*) FROM assessor_fts WHERE assessor_fts MATCH 'ដារា'",
}


def contents(store) -> dict[str, list]:
    """The records an import writes, the node's id written as 'node' (two stores, two nodes)."""
    conn = sqlite3.connect(store.path)
    try:
        node = store.writer.node_id
        return {name: [tuple("node" if v == node else v for v in row)
                       for row in conn.execute(sql).fetchall()] for name, sql in QUERIES.items()}
    finally:
        conn.close()


def imported(store, files: list, monkeypatch, *, fast: bool):
    """The results of importing the files in turn (one assessor removed before the second)."""
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(AssessorColumns, "groups", lambda self, catalogue: None)  # row by row
        results = []
        for n, path in enumerate(files):
            if n == 1:
                conn = sqlite3.connect(store.path)
                conn.execute("UPDATE assessor SET deleted = 1 WHERE assessor_ref = 'KHM-B-007'")
                conn.commit()
                conn.close()
            results.append(run(store, path))
    return results


def people_only() -> list[dict[str, str]]:
    return [{k: v for k, v in row.items() if k in PEOPLE} for row in register_rows()]


PEOPLE = ("assessor_ref", "family_name", "given_names", "name_native", "sex", "date_of_birth",
          "email", "phone", "organisation", "country")
FILES = {"fixture": [fixture_rows()], "shuffled": [register_rows()],
         "changed later": [register_rows(), changed_register()],
         "same again": [register_rows(), register_rows()], "no rows": [[]],
         "people only": [people_only(), register_rows()]}


@pytest.mark.parametrize("files", FILES.values(), ids=list(FILES))
def test_fast_path_writes_what_the_row_check_writes(store, tmp_path, monkeypatch, files):
    paths = [write_csv(tmp_path / f"{n}.csv", rows) for n, rows in enumerate(files)]
    regular = []
    monkeypatch.setattr(AssessorColumns, "groups", lambda self, *args, _was=AssessorColumns.groups:
                        regular.append(_was(self, *args)) or regular[-1])
    fast = imported(store, paths, monkeypatch, fast=True)
    assert all(regular), "the files are regular: they take the fast path"
    other = open_store(tmp_path / "other.sqlite")
    try:
        init_node(other, country="KHM", organisation="Ministry of Labour and Vocational Training")
        slow = imported(other, paths, monkeypatch, fast=False)
        for mine, theirs in zip(fast, slow):
            assert mine.summary() == theirs.summary() and mine.new_catalogue == theirs.new_catalogue
            assert (mine.created, mine.updated, mine.unchanged) == (theirs.created, theirs.updated,
                                                                    theirs.unchanged)
        assert contents(store) == contents(other)
    finally:
        other.close()


def test_a_file_that_is_not_regular_is_checked_row_by_row(store, tmp_path, monkeypatch):
    rows = fixture_rows()
    rows[1]["email"] = ""  # "as above": the row check fills it in from the first row
    seen = []
    monkeypatch.setattr(AssessorColumns, "new_records", lambda *args: seen.append(1))
    result = run(store, write_csv(tmp_path / "a.csv", rows))
    assert not seen and result.created == {"assessor": 6, "accreditation": 7, "occupation": 7}
