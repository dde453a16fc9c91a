"""Reading a spreadsheet (CSV or XLSX) into a header and text rows, refusing files we must not guess at.

Every row keeps the number a spreadsheet program shows for it (the header is row 1), so an
error report can send the user to the right line. File-level problems (not UTF-8, a binary file
named .csv, merged cells, formulas, an empty file) are refused before any row is looked at.
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from itertools import repeat
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from ...domain.errors import FieldError, InputRejected, ValidationError

SNIFF_BYTES = 64 * 1024  # enough to tell text from binary without reading a large file
MAX_BYTES = 256 * 1024 * 1024
EXTENSIONS = (".csv", ".xlsx")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 .xls and other old Office files
SAVE_AS_UTF8 = ("save it again as UTF-8: in Excel choose File > Save As > \"CSV UTF-8 (Comma "
                "delimited)\"; in LibreOffice tick \"Edit filter settings\" and choose \"Unicode (UTF-8)\"")


@dataclass
class Table:
    """A sheet's header and its non-blank rows, each as (row number as the user sees it, cells)."""

    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    name: str = ""  # the file name, for messages
    header_row: int = 1

    def __len__(self) -> int:
        return len(self.rows)


def read_table(path: Path) -> Table:
    """The first sheet of an .xlsx workbook or a .csv file (UTF-8, with or without BOM)."""
    path = Path(path)
    suffix = path.suffix.casefold()
    if suffix not in EXTENSIONS:
        raise InputRejected(f"{path.name}: cannot import a '{path.suffix or 'no extension'}' file; "
                            "use a .csv (UTF-8) or .xlsx spreadsheet")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputRejected(f"{path}: no such file") from None
    if path.is_dir():
        raise InputRejected(f"{path} is a folder, not a spreadsheet")
    if size == 0:
        raise InputRejected(f"{path.name} is empty: it has no header row and no data")
    if size > MAX_BYTES:
        raise InputRejected(f"{path.name} is {size // 2**20} MB; the largest file that can be "
                            f"imported is {MAX_BYTES // 2**20} MB. Split it into several files.")
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if suffix == ".csv":
        _refuse_binary(path.name, head)
        return _read_csv(path)
    return _read_xlsx(path, head)


# --- CSV ---------------------------------------------------------------------------------------

def _refuse_binary(name: str, head: bytes) -> None:
    if head.startswith(ZIP_MAGIC):
        raise InputRejected(f"{name} is an Excel workbook (XLSX) with a .csv name: rename it to "
                            ".xlsx, or save it as \"CSV UTF-8\"")
    if head.startswith(OLE_MAGIC):
        raise InputRejected(f"{name} is an old Excel (.xls) workbook with a .csv name: "
                            "save it as .xlsx or as \"CSV UTF-8\"")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputRejected(f"{name} is UTF-16 text (Excel's \"Unicode Text\"); {SAVE_AS_UTF8}")
    if b"\x00" in head:
        raise InputRejected(f"{name} is not a text file (it holds binary data), so it cannot be a "
                            "CSV spreadsheet; choose the right file, or save the sheet as \"CSV UTF-8\"")


def _read_csv(path: Path) -> Table:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputRejected(
            f"{path.name}: line {line} is not UTF-8 text (byte 0x{data[exc.start]:02X}); the file "
            f"was probably saved as Latin-1/Windows-1252 or another local encoding. {SAVE_AS_UTF8}"
        ) from None
    first_line = text[:text.find("\n")] if "\n" in text else text
    delimiter = _delimiter(first_line)
    records = _unquoted_records(text, data, delimiter)
    del data
    if records is None:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        try:
            records = list(reader)
        except csv.Error as exc:
            raise InputRejected(f"{path.name}: row {reader.line_num} cannot be read as CSV "
                                f"({exc}); check its quotation marks") from None
    return _table(path.name, enumerate(records, 1))


def _unquoted_records(text: str, data: bytes, delimiter: str) -> list[list[str]] | None:
    """The records of a CSV text without quotation marks, as the csv module reads them, or None.

    Such a text is one record per line, cut at each delimiter: str.split does that in half the
    time of the csv module. Anything else (quotes, a bare carriage return, a NUL, a line longer
    than the csv module's field limit) returns None, for the csv module to read or refuse.
    The characters are counted in the UTF-8 bytes (the same counts: no multi-byte character
    holds an ASCII byte), several times faster than in the decoded text.
    """
    if b'"' in data or b"\x00" in data:
        return None
    returns = data.count(b"\r")
    if not returns:
        lines = text.split("\n")
    elif returns != data.count(b"\r\n"):
        return None  # a carriage return alone ends a record too
    elif returns == data.count(b"\n"):
        lines = text.split("\r\n")  # Windows line ends throughout (Excel's)
    else:
        lines = text.replace("\r\n", "\n").split("\n")
    if lines[-1] == "":
        lines.pop()  # the last line break ends the last record; no record follows it
    if len(text) > csv.field_size_limit() and max(map(len, lines)) > csv.field_size_limit():
        return None
    return list(map(str.split, lines, repeat(delimiter, len(lines))))


def _delimiter(first_line: str) -> str:
    # Excel writes ';' in locales whose decimal mark is a comma; tab-separated text happens too.
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _table(name: str, numbered) -> Table:
    """Header = first non-blank row; rows after it that are not blank, with their numbers."""
    header: list[str] | None = None
    header_row = width = 1
    rows: list[tuple[int, list[str]]] = []
    append = rows.append
    for number, cells in numbered:
        if header is None:
            if any(c.strip() for c in cells):
                header, header_row = [c.strip() for c in cells], number
                width = len(header)
            continue
        # The first cell is filled in almost every row: test it before looking at the others.
        if (cells and cells[0] and not cells[0].isspace()) or any(c.strip() for c in cells):
            if len(cells) < width:
                cells.extend([""] * (width - len(cells)))  # every row as wide as the header
            append((number, cells))
    if header is None:
        raise InputRejected(f"{name} is empty: it has no header row and no data")
    return Table(header, rows, name, header_row)


# --- XLSX --------------------------------------------------------------------------------------

def _read_xlsx(path: Path, head: bytes) -> Table:
    if head.startswith(OLE_MAGIC):
        raise InputRejected(f"{path.name} is an old Excel 97-2003 workbook (.xls) renamed .xlsx: "
                            "open it in Excel or LibreOffice and save it as .xlsx")
    if not head.startswith(ZIP_MAGIC):
        raise InputRejected(f"{path.name} is not an XLSX workbook (it is not even a zip file)")
    import openpyxl  # imported only when a workbook is read: it takes a while to load

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions we ignore
            book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        raise InputRejected(f"{path.name} cannot be read as an XLSX workbook ({exc})") from None
    try:
        if not book.worksheets:
            raise InputRejected(f"{path.name} has no worksheet")
        cells, merged, formulas = _sheet_cells(book, book.worksheets[0])
    finally:
        book.close()
    table = _table(path.name, cells)
    _refuse_merged_and_formulas(table, merged, formulas)
    return table


def _sheet_cells(book, sheet) -> tuple[list[tuple[int, list[str]]], list[str],
                                       list[tuple[int, int, str]]]:
    """All rows as text, the merged ranges and the formula cells, in one pass over the sheet.

    openpyxl's read-only sheets cannot report merged cells, and a full (editable) load of a
    large sheet costs several times as much time and memory; its sheet parser, run directly,
    yields the cells and collects the merged ranges in the same pass.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    rows: list[tuple[int, list[str]]] = []
    formulas: list[tuple[int, int, str]] = []
    with book._archive.open(sheet._worksheet_path) as source:
        parser = WorkSheetParser(source, sheet._shared_strings, data_only=False, epoch=book.epoch,
                                 date_formats=book._date_formats,
                                 timedelta_formats=book._timedelta_formats)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for number, cells in parser.parse():
                if not cells:
                    continue
                width = max(c["column"] for c in cells)
                values = [""] * width
                for c in cells:
                    if c["data_type"] == "f":
                        formulas.append((number, c["column"], _formula_text(c["value"])))
                    values[c["column"] - 1] = _cell_text(c["value"])
                rows.append((number, values))
        merged = [str(r.ref) for r in parser.merged_cells.mergeCell] if parser.merged_cells else []
    return rows, merged, formulas


def _formula_text(value: Any) -> str:
    return str(getattr(value, "text", value) or "=")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _refuse_merged_and_formulas(table: Table, merged: list[str],
                                formulas: list[tuple[int, int, str]]) -> None:
    from openpyxl.utils import get_column_letter, range_boundaries

    errors = []
    for ref in merged:
        min_col, min_row, _max_col, _max_row = range_boundaries(ref)
        errors.append(FieldError(_column_name(table, min_col), f"cells {ref} are merged: unmerge them "
                                 "so that every value has a cell of its own", min_row))
    for row, column, text in formulas:
        errors.append(FieldError(_column_name(table, column), f"cell {get_column_letter(column)}{row} "
                                 f"holds a formula ({text}): replace it by its value "
                                 "(copy, then Paste Special > Values)", row))
    if errors:
        errors.sort(key=lambda e: e.row or 0)
        raise ValidationError(errors, summary=f"{table.name}: " + "; ".join(str(e) for e in errors[:5]))


def _column_name(table: Table, column: int) -> str:
    from openpyxl.utils import get_column_letter

    if column <= len(table.header) and table.header[column - 1]:
        return table.header[column - 1]
    return f"column {get_column_letter(column)}"
