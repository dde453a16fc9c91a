"""The assessor rules by column (an import) agree with the rules for one record, row by row."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from mrs_desktop.domain import assessors as rules
from mrs_desktop.domain.fields import Checker, ColumnChecker

# Cells that pass, cells that fail, and cells the checks must clean.
CELLS = {
    "assessor_ref": ["KHM-A1", " KHM-A2 ", "", "R" * 61],
    "family_name": ["Sok", "  Nguyễn  Văn ", "", " ", "F" * 121],
    "given_names": ["Dara", "", "ដារា"],
    "name_native": ["សុខ ដារា", "", "ສົມພອນ\tບຸນມີ"],
    "sex": ["", "F", "m", " Female ", "x", "other", "unknown"],
    "date_of_birth": ["", "1980-05-14", " 1980-05-14 ", "1899-12-31", "2999-01-01", "14/05/1980"],
    "email": ["", "sok@example.org", "sok at example.org", "a b@c"],
    "phone": ["", "+855 12 345 678"],
    "organisation": ["", "NPIC"],
    "country": ["", "KHM", "tha", " VNM ", "XYZ"],
    "aqrf_level": ["1", " 8 ", "0", "9", "", "two"],
    "accreditation_no": ["N1", "", " N 2 "],
    "accrediting_body": ["", "NTB"],
    "accredited_on": ["2022-01-10", "", "2023-02-30"],
    "valid_until": ["2025-01-09", "2021-01-01", "", "2022-01-10"],
    "status": ["", "active", "Suspended", "revoked", "expired"],
    "status_reason": ["", "moved"],
    "status_date": ["", "2024-01-01", "soon"],
}
ROWS = st.lists(st.fixed_dictionaries({f: st.sampled_from(v) for f, v in CELLS.items()}),
                max_size=12)


def iso(value):
    return value.isoformat() if isinstance(value, date) else value


@given(ROWS)
@settings(max_examples=200)
def test_assessor_columns_clean_and_refuse_as_check_assessor(rows):
    columns = ColumnChecker()
    cells = {f: [r[f] for r in rows] for f in rules.ASSESSOR_FIELDS}
    clean = rules.assessor_columns(cells, columns, home_country="KHM")
    for i, row in enumerate(rows):
        one = Checker()
        expected = rules.check_assessor(row, one, home_country="KHM")
        assert (i in columns.failed) == bool(one.errors), (row, one.errors)
        if not one.errors:
            assert {f: clean[f][i] for f in expected} == {f: iso(v) for f, v in expected.items()}


@given(ROWS)
@settings(max_examples=200)
def test_accreditation_columns_clean_and_refuse_as_check_accreditation(rows):
    columns = ColumnChecker()
    cells = {f: [r[f] for r in rows] for f in rules.ACCREDITATION_FIELDS}
    clean = rules.accreditation_columns(cells, columns)
    for i, row in enumerate(rows):
        one = Checker()
        expected = rules.check_accreditation(row, one)
        assert (i in columns.failed) == bool(one.errors), (row, one.errors)
        if not one.errors:
            assert {f: clean[f][i] for f in expected} == {f: iso(v) for f, v in expected.items()}


def test_search_texts_are_each_assessors_search_text():
    names = [("Đặng", "Văn An", None, "A1"), ("Sok", None, "សុខ", "A2"), ("Lim", None, None, None)]
    assert rules.search_texts(*map(list, zip(*names))) == [rules.search_text(*n) for n in names]
    assert rules.search_texts([], [], [], []) == []
