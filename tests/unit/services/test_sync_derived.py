"""The name index text an import derives inside SQLite is the one the app derives in Python."""

import sqlite3

import pytest

from mrs_desktop.domain.assessors import search_text
from mrs_desktop.services.sync.schema import derived_sql, search_text_sql

NAMES = [
    ("Sok", "Dara", "សុខ ដារ៉ា", "KH-001"),
    ("Nguyễn", "Văn Đức", None, "VN-đ-9"),
    ("Đặng", "", "đặng", None),
    ("Lee", None, None, None),
    ("", "", "", ""),
    (" spaced ", "  ", None, "R 1"),
    ("O'Brien", "Ann-Marie", "Ａｎｎ", ""),
]


@pytest.mark.parametrize("parts", NAMES)
def test_sql_expression_matches_python(parts):
    conn = sqlite3.connect(":memory:")
    expression = search_text_sql("?1", "?2", "?3", "?4")
    assert conn.execute(f"SELECT {expression}", parts).fetchone()[0] == search_text(*parts)


def test_missing_source_is_empty_in_an_insert_and_kept_in_an_update():
    columns = ["id", "family_name", "given_names"]
    inserted = derived_sql("assessor", columns)["search_text"]
    updated = derived_sql("assessor", columns, update=True)["search_text"]
    assert "?2" in inserted and "?3" in inserted and "name_native" not in inserted
    assert "name_native" in updated and "assessor_ref" in updated
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE assessor (id, family_name, given_names, name_native, assessor_ref, search_text)")
    conn.execute("INSERT INTO assessor VALUES ('a', 'Old', NULL, 'นาม', 'TH-7', '')")
    conn.execute(f"UPDATE assessor SET family_name = ?2, given_names = ?3, search_text = {updated} WHERE id = ?1",
                 ("a", "New", "Given"))
    assert conn.execute("SELECT search_text FROM assessor").fetchone()[0] == search_text("New", "Given", "นาม", "TH-7")


def test_registers_without_derived_columns_have_none():
    assert derived_sql("sector", ["id", "origin", "hlc", "deleted", "name"]) == {}


def _insert_expression(columns, rows):
    return derived_sql("assessor", columns, column=lambda i: [row[i] for row in rows])["search_text"]


SOURCES = ["family_name", "given_names", "name_native", "assessor_ref"]


@pytest.mark.parametrize("rows", [
    [list(parts) for parts in NAMES],  # every kind of part in one insert: the full expression
    [["Sok", "Dara", "សុខ ដារ៉ា", "KH-001"], ["Lee", "Ann", "李", "SG-2"]],  # all given, no đ
    [["Nguyễn", "Văn Đức", "x", "VN-đ-9"], ["Lee", "Ann", "李", "SG-2"]],  # all given, a đ
    [["Sok", None, "", "KH-1"], ["Lee", "", None, "SG-2"]],  # two parts always empty
    [["", "Dara", None, "R"], ["Lee", "Ann", "x", "S"]],  # the first part sometimes empty
])
def test_an_insert_expression_made_for_its_records_matches_python(rows):
    expression = _insert_expression(SOURCES, rows)
    conn = sqlite3.connect(":memory:")
    for row in rows:
        assert conn.execute(f"SELECT {expression}", row).fetchone()[0] == search_text(*row)


def test_an_insert_expression_leaves_out_what_its_records_do_not_need():
    given = _insert_expression(SOURCES, [["Sok", "Dara", "សុខ", "KH-1"]])
    assert given == "?1 || ' ' || ?2 || ' ' || ?3 || ' ' || ?4"
    with_d = _insert_expression(SOURCES, [["Sok", "Dara", "សុខ", "KH-đ"]])
    assert with_d.startswith("replace(replace(") and "nullif" not in with_d
    some_empty = _insert_expression(SOURCES, [["Sok", "", "សុខ", "KH-1"]])
    assert "nullif(?2, '')" in some_empty and "nullif(?3" not in some_empty


def test_an_insert_expression_treats_a_part_the_records_lack_as_empty():
    columns = ["id", "family_name", "given_names"]
    expression = _insert_expression(columns, [["a", "Lee", "Ann"]])
    conn = sqlite3.connect(":memory:")
    assert conn.execute(f"SELECT {expression}", ("a", "Lee", "Ann")).fetchone()[0] == "Lee Ann"
