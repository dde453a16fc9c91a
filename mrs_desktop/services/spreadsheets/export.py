"""Exporting the registers to CSV (UTF-8 with BOM, so Excel reads the scripts right) or XLSX.

The files use the import templates, so an exported file imports back unchanged.
"""

from __future__ import annotations

import csv
import json
import os
from datetime import date
from pathlib import Path
from typing import Iterable, Sequence

from ...db.store import Store
from ...domain.errors import InputRejected
from ...domain.task import Progress
from .templates import template_columns

REPORT_EVERY = 5000
DATE_COLUMNS = {"date_of_birth", "accredited_on", "valid_until", "start_date", "end_date",
                "period_start", "period_end", "due_date"}

ASSESSORS_SQL = """
SELECT a.assessor_ref, a.family_name, a.given_names, a.name_native, a.sex, a.date_of_birth, a.email,
       a.phone, a.organisation, a.country, s.name, o.code, o.title, c.aqrf_level, c.accreditation_no,
       c.accredited_on, c.valid_until, c.status
FROM assessor a
LEFT JOIN accreditation c ON c.assessor_id = a.id AND c.deleted = 0
LEFT JOIN sector s ON s.id = c.sector_id
LEFT JOIN occupation o ON o.id = c.occupation_id
WHERE a.deleted = 0 {only}
ORDER BY a.country, a.assessor_ref, a.id, c.accredited_on, c.accreditation_no
"""

TRAININGS_SQL = """
SELECT t.training_ref, t.title, t.kind, s.name, o.code, o.title, t.host_institution, t.host_country,
       t.venue, t.start_date, t.end_date, t.funder, t.facilitators, t.country, p.full_name,
       p.name_native, p.country, a.assessor_ref, p.attendance, p.outcome
FROM training t
LEFT JOIN participant p ON p.training_id = t.id AND p.deleted = 0
LEFT JOIN assessor a ON a.id = p.assessor_id
LEFT JOIN sector s ON s.id = t.sector_id
LEFT JOIN occupation o ON o.id = t.occupation_id
WHERE t.deleted = 0 {only}
ORDER BY t.country, t.start_date, t.training_ref, t.id, p.rowid
"""

ACTION_ITEMS_SQL = """
SELECT pl.plan_ref, pl.title, pl.owner_country, pl.partner_countries, s.name, pl.period_start,
       pl.period_end, i.item_ref, i.description, i.category, i.responsible_agency, i.partner_country,
       i.start_date, i.due_date, i.status, i.percent
FROM action_plan pl
LEFT JOIN action_item i ON i.plan_id = pl.id AND i.deleted = 0
LEFT JOIN sector s ON s.id = pl.sector_id
WHERE pl.deleted = 0 {only}
ORDER BY pl.owner_country, pl.plan_ref, pl.id, i.rowid
"""

ONLY = " AND {column} IN (SELECT value FROM json_each(?))"


def export_assessors(store: Store, path: Path, *, ids: Iterable[str] | None = None,
                     progress: Progress | None = None) -> int:
    """Assessors (ids = assessor ids; None = all), one row per accreditation; returns rows written."""
    return _export(store, Path(path), "assessors", ASSESSORS_SQL, "a.id", ids, progress)


def export_trainings(store: Store, path: Path, *, ids: Iterable[str] | None = None,
                     progress: Progress | None = None) -> int:
    """Trainings (ids = training ids; None = all), one row per participant; returns rows written."""
    return _export(store, Path(path), "trainings", TRAININGS_SQL, "t.id", ids, progress)


def export_action_items(store: Store, path: Path, *, ids: Iterable[str] | None = None,
                        progress: Progress | None = None) -> int:
    """Action items (ids = action item ids; None = every plan and item); returns rows written."""
    return _export(store, Path(path), "action-items", ACTION_ITEMS_SQL, "i.id", ids, progress)


def _export(store: Store, path: Path, kind: str, sql: str, id_column: str,
            ids: Iterable[str] | None, progress: Progress | None) -> int:
    _check_suffix(path)
    progress = progress or Progress()
    params: tuple = ()
    only = ""
    if ids is not None:
        only, params = ONLY.format(column=id_column), (json.dumps(list(ids)),)
    progress.report(0, None, f"Reading the {kind.replace('-', ' ')}")
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(sql.format(only=only), params).fetchall()
    write_sheet(path, kind, template_columns(kind), rows, progress)
    return len(rows)


def _check_suffix(path: Path) -> None:
    if path.suffix.casefold() not in (".csv", ".xlsx"):
        raise InputRejected(f"{path.name}: cannot export to a '{path.suffix or 'no extension'}' file; "
                            "name it .csv or .xlsx")


def write_sheet(path: Path, kind: str, header: list[str], rows: Sequence[Sequence],
                progress: Progress | None = None) -> None:
    """Header and rows to .csv or .xlsx; written to a temporary file first, so a failure leaves
    no half-written spreadsheet behind."""
    _check_suffix(path)
    progress = progress or Progress()
    partial = path.with_name(path.name + ".partial")
    try:
        if path.suffix.casefold() == ".csv":
            _write_csv(partial, header, rows, progress)
        else:
            _write_xlsx(partial, kind, header, rows, progress)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _write_csv(path: Path, header: list[str], rows: Sequence[Sequence], progress: Progress) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh, lineterminator="\r\n")  # Excel's own line ends
        out.writerow(header)
        for start in range(0, len(rows), REPORT_EVERY):
            progress.report(start, len(rows), "Writing")
            progress.check()
            out.writerows(rows[start:start + REPORT_EVERY])


def _write_xlsx(path: Path, kind: str, header: list[str], rows: Sequence[Sequence],
                progress: Progress) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(kind)
    sheet.freeze_panes = "A2"
    for number, name in enumerate(header, 1):
        sheet.column_dimensions[get_column_letter(number)].width = max(12, len(name) + 4)
    bold = Font(bold=True)
    titles = []
    for name in header:
        cell = WriteOnlyCell(sheet, name)
        cell.font = bold
        titles.append(cell)
    sheet.append(titles)
    dates = [i for i, name in enumerate(header) if name in DATE_COLUMNS]

    def text_cell(value: str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith("="):  # text, not a formula: a description may begin with "="
            cell = WriteOnlyCell(sheet, value)
            cell.data_type = "s"
            return cell
        return value

    for done, row in enumerate(rows):
        if done % REPORT_EVERY == 0:
            progress.report(done, len(rows), "Writing")
            progress.check()
        values = [text_cell(v) if isinstance(v, str) else v for v in row]
        for i in dates:
            if isinstance(row[i], str) and len(row[i]) == 10:
                values[i] = date.fromisoformat(row[i])  # a real date cell, shown as YYYY-MM-DD
        sheet.append(values)
    book.save(path)
