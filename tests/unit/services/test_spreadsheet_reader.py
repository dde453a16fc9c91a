"""Reading CSV and XLSX files: encodings, row numbers, and files refused before any row is read."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mrs_desktop.domain.errors import InputRejected, ValidationError
from mrs_desktop.services.spreadsheets import read_table
from mrs_desktop.services.spreadsheets import reader

HEADER = "assessor_ref,family_name,given_names\r\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_utf8_with_and_without_bom_read_alike(tmp_path, encoding):
    path = write(tmp_path / "a.csv", HEADER + "A1,Nguyễn,Thị Hoa\r\nA2,សុខ,ដារា\r\n", encoding)
    table = read_table(path)
    assert table.header == ["assessor_ref", "family_name", "given_names"]
    assert table.rows == [(2, ["A1", "Nguyễn", "Thị Hoa"]), (3, ["A2", "សុខ", "ដារា"])]


def test_row_numbers_are_the_spreadsheet_rows(tmp_path):
    # A blank line is a blank spreadsheet row; a quoted line break stays inside one row.
    text = HEADER + "A1,Sok,Dara\r\n\r\nA2,\"Chan\nSophea\",x\r\nA3,Kim,\r\n"
    table = read_table(write(tmp_path / "a.csv", text))
    assert [n for n, _ in table.rows] == [2, 4, 5]
    assert table.rows[1][1][1] == "Chan\nSophea"


def test_short_rows_are_padded_to_the_header(tmp_path):
    table = read_table(write(tmp_path / "a.csv", HEADER + "A1,Sok\r\n"))
    assert table.rows == [(2, ["A1", "Sok", ""])]


def test_semicolon_separated_csv(tmp_path):
    table = read_table(write(tmp_path / "a.csv", "assessor_ref;family_name\nA1;Sok\n"))
    assert table.header == ["assessor_ref", "family_name"] and table.rows == [(2, ["A1", "Sok"])]


def test_latin1_file_names_the_line_and_says_how_to_save(tmp_path):
    path = write(tmp_path / "a.csv", HEADER + "A1,Sok,Dara\r\nA2,Müller,José\r\n", "latin-1")
    with pytest.raises(InputRejected) as err:
        read_table(path)
    message = str(err.value)
    assert "line 3" in message and "not UTF-8" in message and "CSV UTF-8" in message


def test_large_binary_file_named_csv_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    with path.open("wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        fh.truncate(50 * 1024 * 1024)  # a sparse 50 MB file
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read the whole file"))
    with pytest.raises(InputRejected, match="not a text file"):
        read_table(path)


def test_workbook_named_csv_is_recognised(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["assessor_ref"])
    book.save(tmp_path / "book.xlsx")
    (tmp_path / "book.xlsx").rename(tmp_path / "book.csv")
    with pytest.raises(InputRejected, match="XLSX"):
        read_table(tmp_path / "book.csv")


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\r\n,,\r\n"])
def test_empty_files_are_refused(tmp_path, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(InputRejected, match="empty"):
        read_table(path)


@pytest.mark.parametrize("name", ["register.xls", "register.txt", "register"])
def test_unknown_extensions_are_refused(tmp_path, name):
    path = write(tmp_path / name, HEADER)
    with pytest.raises(InputRejected, match=r"\.csv \(UTF-8\) or \.xlsx"):
        read_table(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputRejected, match="no such file"):
        read_table(tmp_path / "nothing.csv")


def test_unbalanced_quote_names_the_row(tmp_path, monkeypatch):
    path = write(tmp_path / "a.csv", HEADER + 'A1,"Sok,Dara\r\n')
    with pytest.raises(InputRejected, match="quotation"):
        read_table(path)


def test_file_over_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_BYTES", 10)
    with pytest.raises(InputRejected, match="largest file"):
        read_table(write(tmp_path / "a.csv", HEADER))


# --- XLSX --------------------------------------------------------------------------------------

def workbook(path: Path, rows: list[list], build=None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if build:
        build(sheet)
    book.save(path)
    return path


def test_xlsx_values_become_text(tmp_path):
    path = workbook(tmp_path / "a.xlsx", [
        ["assessor_ref", "aqrf_level", "accredited_on", "phone", "note"],
        ["A1", 2, date(2024, 1, 31), "+855 12", 2.5],
        [None, None, None, None, None],
        ["A2", 3.0, datetime(2024, 2, 1), None, True],
    ])
    table = read_table(path)
    assert table.rows == [(2, ["A1", "2", "2024-01-31", "+855 12", "2.5"]),
                          (4, ["A2", "3", "2024-02-01", "", "TRUE"])]


def test_xlsx_merged_cells_name_the_range(tmp_path):
    path = workbook(tmp_path / "a.xlsx", [["assessor_ref", "family_name"], ["A1", "Sok"], ["A2", ""]],
                    lambda sheet: sheet.merge_cells("B2:B3"))
    with pytest.raises(ValidationError) as err:
        read_table(path)
    assert [(e.field, e.row) for e in err.value.errors] == [("family_name", 2)]
    assert "B2:B3" in str(err.value) and "merged" in str(err.value)


def test_xlsx_formulas_name_the_cell(tmp_path):
    path = workbook(tmp_path / "a.xlsx", [["assessor_ref", "aqrf_level"], ["A1", "=1+1"], ["A2", 2],
                                          ["A3", "=B3+1"]])
    with pytest.raises(ValidationError) as err:
        read_table(path)
    assert [(e.field, e.row) for e in err.value.errors] == [("aqrf_level", 2), ("aqrf_level", 4)]
    assert "cell B2 holds a formula (=1+1)" in str(err.value)


def test_xlsx_reads_the_first_sheet(tmp_path):
    def second(sheet):
        sheet.parent.create_sheet("notes").append(["not", "this"])
    table = read_table(workbook(tmp_path / "a.xlsx", [["assessor_ref"], ["A1"]], second))
    assert table.header == ["assessor_ref"] and table.rows == [(2, ["A1"])]


def test_text_file_named_xlsx_is_refused(tmp_path):
    with pytest.raises(InputRejected, match="not an XLSX workbook"):
        read_table(write(tmp_path / "a.xlsx", HEADER))


def test_damaged_xlsx_is_refused(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(InputRejected, match="cannot be read as an XLSX"):
        read_table(path)


# --- CSV without quotation marks: read by str.split, exactly as the csv module reads it ---------

@given(st.text(alphabet=",;\t \r\nab\u0e01\u00a0\u2028", max_size=60),
       st.sampled_from([",", ";", "\t"]))
@settings(max_examples=400)
def test_unquoted_text_splits_as_the_csv_module_reads_it(text, delimiter):
    records = reader._unquoted_records(text, text.encode(), delimiter)
    expected = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    if records is None:  # left to the csv module: only for a carriage return alone
        assert "\r" in text.replace("\r\n", "")
    else:  # a blank line is [] to the csv module, [""] here: both are blank rows
        assert [r or [""] for r in records] == [r or [""] for r in expected]


@pytest.mark.parametrize("text", ['a,"b"\n', "a\rb\n", "a,\x00\n"])
def test_quotes_lone_carriage_returns_and_nul_are_left_to_the_csv_module(text):
    assert reader._unquoted_records(text, text.encode(), ",") is None


def test_a_line_past_the_csv_field_limit_is_left_to_the_csv_module(tmp_path, monkeypatch):
    monkeypatch.setattr(csv, "field_size_limit", lambda: 10)
    text = "assessor_ref,family_name\nA1," + "x" * 11 + "\n"
    assert reader._unquoted_records(text, text.encode(), ",") is None
