"""What every register import shares: the result and its summary, catalogue look-ups, the writes.

An import runs in three steps inside one unit of work: check every row against the stored
records (collecting every error), then, if nothing is wrong and it is not a preview, write the
differences with `db.bulk` and commit once.
"""

from __future__ import annotations

import gc
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import compress, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence

from sqlalchemy.orm import Session

from ...db import bulk
from ...db.models import (Accreditation, ActionItem, ActionPlan, Assessor, Occupation, Participant,
                          Sector, Training)
from ...db.store import Writer
from ...db.uow import UnitOfWork
from ...domain.changes import Changes
from ...domain.errors import FieldError, InputRejected, ValidationError
from ...domain.fields import Checker
from ...domain.reference import countries, sector_code
from ...domain.task import Progress
from ..assessors import require_own
from ..catalogue import occupation_id, sector_id
from .reader import Table, read_table
from .templates import locate_fields

PLURALS = {"assessor": "assessors", "accreditation": "accreditations", "training": "trainings",
           "participant": "participants", "action_plan": "action plans", "action_item": "action items",
           "candidate": "candidates", "assessment": "assessments", "unit_result": "unit results"}
CATALOGUE_REGISTERS = ("sector", "occupation")
REPORT_EVERY = 5000
MAX_ERRORS = 100_000  # past this many, the file is surely not what the user meant: stop checking


@dataclass
class ImportResult:
    """What an import did (or, for a preview, would do)."""

    changes: Changes
    rows: int
    created: dict[str, int]
    updated: dict[str, int]
    unchanged: int
    new_catalogue: list[str]
    dry_run: bool = False  # a preview: the counts say what an import would do

    def summary(self) -> str:
        parts = []
        for register in dict.fromkeys([*self.created, *self.updated]):
            if register in CATALOGUE_REGISTERS:
                continue
            added, updated = self.created.get(register, 0), self.updated.get(register, 0)
            if added:
                parts.append(f"{_count(added, register)} added" + (f", {updated} updated" if updated else ""))
            elif updated:
                parts.append(f"{_count(updated, register)} updated")
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged" if parts else
                         f"nothing to change (all {self.unchanged} are already in the register)")
        text = f"{self.rows} row{'' if self.rows == 1 else 's'}: " + ("; ".join(parts) or "nothing to import")
        if self.new_catalogue:
            shown = ", ".join(self.new_catalogue[:10])
            more = f" and {len(self.new_catalogue) - 10} more" if len(self.new_catalogue) > 10 else ""
            text += f"; new in the catalogue: {shown}{more}"
        return text


def _count(n: int, register: str) -> str:
    plural = PLURALS.get(register, register)
    return f"{n} {plural if n != 1 else plural[:-1]}"


@contextmanager
def quiet_gc() -> Iterator[None]:
    """No cyclic garbage collection while an import builds millions of small objects.

    The objects are freed by reference counting anyway; the collector only re-walks them,
    which took about a third of the time of reading a 100,000-row file.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Errors:
    """Every bad row's errors, in row order; raised as one ValidationError."""

    def __init__(self, table: Table):
        self.table = table
        self.items: list[FieldError] = []

    def add(self, field_name: str, message: str, row: int) -> None:
        self.items.append(FieldError(field_name, message, row))

    def extend(self, errors: list[FieldError]) -> None:
        self.items.extend(errors)

    def full(self) -> bool:
        return len(self.items) >= MAX_ERRORS

    def raise_if_any(self) -> None:
        if not self.items:
            return
        self.items.sort(key=lambda e: e.row or 0)
        rows = len({e.row for e in self.items})
        head = "; ".join(str(e) for e in self.items[:5])  # ValidationError adds "and N more"
        cut = " (the check stopped there)" if self.full() else ""
        raise ValidationError(self.items, summary=f"{self.table.name}: nothing was imported: "
                              f"{rows} row{'' if rows == 1 else 's'} with errors{cut}: {head}")


def cells_of(indices: list[int]) -> Callable[[list[str]], tuple[str, ...]]:
    """The cells at these positions of a row, always as a tuple (itemgetter gives one cell bare)."""
    if not indices:
        return lambda cells: ()
    if len(indices) == 1:
        index = indices[0]
        return lambda cells: (cells[index],)
    return itemgetter(*indices)


def cells_or_none(positions: Mapping[str, int],
                  names: tuple[str, ...]) -> Callable[[list[str]], tuple]:
    """The cells of these fields in a row, None for a field the file has no column for."""
    if all(name in positions for name in names):
        return cells_of([positions[name] for name in names])
    at = [positions.get(name) for name in names]
    return lambda cells: tuple(None if i is None else cells[i] for i in at)


def plain(value: Any) -> Any:
    """A cleaned value as the database returns it (dates as ISO text), for comparisons."""
    return value.isoformat() if isinstance(value, date) else value


def reconcile(first: dict[str, Any], first_cells: Mapping[str, str], later: Mapping[str, Any],
              later_cells: Mapping[str, str], columns: Mapping[str, str]) -> list[tuple[str, Any, Any]]:
    """Fields (-> template column in `columns`) where two rows of one record disagree.

    An empty cell agrees with anything ("as above"), even where the rules give it a default;
    a value in a later row fills a field the first row left empty.
    """
    conflicts = []
    for name, column in columns.items():
        if not (later_cells.get(column) or "").strip():
            continue
        if not (first_cells.get(column) or "").strip():
            first[name] = later[name]
            continue
        if first[name] != later[name]:
            conflicts.append((name, first[name], later[name]))
    return conflicts


def country_name(code: str) -> str:
    return countries()[code].name if code in countries() else code


def query(session: Session, sql: str, params: tuple | dict = ()) -> list[tuple]:
    return session.connection().exec_driver_sql(sql, params).fetchall()


class _NotStored:
    """The value of a field of a record the register does not hold: equal to nothing."""

    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = object.__hash__


NOT_STORED: Any = _NotStored()


class StoredRecords(Mapping[tuple, dict[str, Any]]):
    """Stored rows by natural key, each made a dict {column: value} only when looked up.

    A re-import looks up every record of a large register, but compares most of them column
    by column (`values_of`): a dict for each would cost more than the query.
    """

    def __init__(self, columns: tuple[str, ...], rows: dict[tuple, tuple] | None = None):
        self.columns = columns
        self.rows = rows if rows is not None else {}

    def __getitem__(self, key: tuple) -> dict[str, Any]:
        return dict(zip(self.columns, self.rows[key]))

    def get(self, key: tuple, default: Any = None) -> Any:
        row = self.rows.get(key)
        return default if row is None else dict(zip(self.columns, row))

    def __contains__(self, key: object) -> bool:
        return key in self.rows

    def __iter__(self) -> Iterator[tuple]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def values_of(self, fields: Sequence[str], keys: Sequence[tuple]) -> list[list[Any]]:
        """For each field, the stored value for each key (NOT_STORED for a key not stored)."""
        rows = list(map(self.rows.get, keys, repeat((NOT_STORED,) * len(self.columns))))
        return [list(map(itemgetter(self.columns.index(f)), rows)) for f in fields]


def load_by_keys(session: Session, table: str, columns: tuple[str, ...], country_column: str,
                 key_column: str, keys: list[tuple[str, str]]) -> StoredRecords:
    """Stored rows whose (country, key) is among `keys`, by that pair."""
    found = StoredRecords(columns)
    stored = query(session, f"SELECT max(rowid) FROM {table}")[0][0]  # at least the row count
    if not stored:
        return found  # a first import into an empty register: nothing to look up
    wanted: dict[str, list[str]] = {}
    for country, key in keys:
        wanted.setdefault(country, []).append(key)
    columns_sql = ", ".join(columns)
    key_at = columns.index(key_column)
    for country, refs in wanted.items():
        if len(refs) * 4 > stored:
            # Keys for much of the table (a re-import): one pass over the country's rows costs
            # less than a look-up per key (0.27 s against 0.35 s for 83,000 assessors).
            rows = query(session, f"SELECT {columns_sql} FROM {table} WHERE +{country_column} = ?",
                         (country,))
            rows = list(compress(rows, map(set(refs).__contains__, map(itemgetter(key_at), rows))))
        else:
            rows = query(session, f"SELECT {columns_sql} FROM {table} WHERE {country_column} = ? "
                                  f"AND {key_column} IN (SELECT value FROM json_each(?))",
                         (country, json.dumps(refs)))
        found.rows.update(zip(map(itemgetter(columns.index(country_column), key_at), rows), rows))
    return found


def load_children(session: Session, table: str, columns: tuple[str, ...], parent_column: str,
                  parent_ids: list[str], key) -> dict[tuple, dict[str, Any]]:
    if not parent_ids:
        return {}
    sql = (f"SELECT {', '.join(columns)} FROM {table} WHERE {parent_column} IN "
           "(SELECT value FROM json_each(?))")
    found = {}
    for row in query(session, sql, (json.dumps(parent_ids),)):
        record = dict(zip(columns, row))
        found[(record[parent_column], *key(record))] = record
    return found


class CatalogueEntries:
    """Sectors and occupations as a spreadsheet names them; the ones the catalogue lacks are added."""

    def __init__(self, session: Session):
        self.sector_ids: dict[str, str] = {}  # code and casefolded name -> id
        for sid, code, name in query(session, "SELECT id, code, name FROM sector"):
            self.sector_ids[code] = self.sector_ids[name.casefold()] = sid
        self.occupation_ids = {(c, code): oid for oid, c, code in
                               query(session, "SELECT id, country, code FROM occupation")}
        self._by_text: dict[str, str | None] = {}
        self.new_sectors: list[dict[str, Any]] = []
        self.new_occupations: list[dict[str, Any]] = []
        self.names: list[str] = []

    def sector(self, text: str | None, chk: Checker, field_name: str = "sector") -> str | None:
        if not text:
            return None
        found = self._by_text.get(text, "")
        if found != "":
            return found
        code = sector_code(text)
        found = self.sector_ids.get(code) or self.sector_ids.get(text.casefold())
        if found is None:
            if not code:
                chk.fail(field_name, f"'{text}' cannot name a sector (it has no letters or digits)")
                return None
            found = sector_id(code)
            self.new_sectors.append({"id": found, "code": code, "name": text})
            self.names.append(f"sector '{text}'")
            self.sector_ids[code] = self.sector_ids[text.casefold()] = found
        self._by_text[text] = found
        return found

    def occupation(self, country: str, code: str | None, title: str | None,
                   sector: str | None) -> str | None:
        if not code:
            return None
        found = self.occupation_ids.get((country, code))
        if found is None:
            found = self.occupation_ids[(country, code)] = occupation_id(country, code)
            self.new_occupations.append({"id": found, "country": country, "code": code,
                                         "title": title or code, "sector_id": sector})
            self.names.append(f"occupation {country} {code} '{title or code}'")
        return found


def check_occupation_input(values: Mapping[str, Any],
                           chk: Checker) -> tuple[str | None, str | None, str | None]:
    """Sector text, occupation code and title of a row (the same rule as the assessor forms)."""
    sector = chk.text("sector", values.get("sector"), max_len=200)
    code = chk.text("occupation_code", values.get("occupation_code"), max_len=60)
    title = chk.text("occupation_title", values.get("occupation_title"), max_len=300)
    if not code and title:
        chk.fail("occupation_code", "is required when an occupation title is given")
    return sector, code, title


# Parents before children, so foreign keys hold at every statement.
WRITE_ORDER = (Sector, Occupation, Assessor, Accreditation, Training, Participant, ActionPlan, ActionItem)


@dataclass
class Writes:
    """New rows and field changes, per table, gathered while checking and written at the end."""

    new: dict[type, list[dict[str, Any]]] = field(default_factory=dict)
    updates: dict[type, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)
    # New rows held column by column (an import's fast path): field -> one value per row, and
    # the values every one of them has.
    new_columns: dict[type, tuple[dict[str, list[Any]], dict[str, Any]]] = field(
        default_factory=dict)
    # Records written already, while the rows were checked (overlap.py): model -> how many.
    written: dict[type, int] = field(default_factory=dict)

    def insert(self, model: type, row: dict[str, Any]) -> None:
        self.new.setdefault(model, []).append(row)

    def insert_columns(self, model: type, columns: dict[str, list[Any]],
                       shared: dict[str, Any]) -> None:
        """New rows as columns of equal length, and the values they share (one batch per table)."""
        assert model not in self.new_columns
        self.new_columns[model] = (columns, shared)

    def update(self, model: type, row_id: str, changed: dict[str, Any]) -> None:
        self.updates.setdefault(model, []).append((row_id, changed))

    def add_catalogue(self, catalogue: CatalogueEntries) -> None:
        for row in catalogue.new_sectors:
            self.insert(Sector, row)
        for row in catalogue.new_occupations:
            self.insert(Occupation, row)

    def created(self) -> dict[str, int]:
        counts = self._to_write()
        for model, n in self.written.items():
            counts[model] = counts.get(model, 0) + n
        return {m.__register__: n for m, n in counts.items() if n}

    def _to_write(self) -> dict[type, int]:
        counts = {m: len(next(iter(columns.values()), ()))
                  for m, (columns, _) in self.new_columns.items()}
        for model, rows in self.new.items():
            counts[model] = counts.get(model, 0) + len(rows)
        return counts

    def updated(self) -> dict[str, int]:
        return {m.__register__: len(rows) for m, rows in self.updates.items() if rows}

    def __bool__(self) -> bool:
        return bool(self.created()) or any(self.updates.values())

    def pending(self) -> bool:
        """Whether anything is left to write (not all of it written while checking)."""
        return any(self._to_write().values()) or any(self.updates.values())

    def apply(self, session: Session, writer: Writer, progress: Progress) -> None:
        created = {m.__register__: n for m, n in self._to_write().items()}
        for model in WRITE_ORDER:
            progress.check()
            if count := created.get(model.__register__):
                progress.report(0, None, f"Adding {_count(count, model.__register__)}")
            if rows := self.new.get(model):
                bulk.insert_rows(session, writer, model, rows)
            if batch := self.new_columns.get(model):
                bulk.insert_columns(session, writer, model, *batch)
            if changes := self.updates.get(model):
                bulk.update_rows(session, writer, model, changes)


def run_import(uow: UnitOfWork, path: Path, kind: str, mapping: dict[str, str] | None,
               check: Callable[[UnitOfWork, Table, dict[str, int], Errors, Progress], "Checked"],
               progress: Progress | None, dry_run: bool) -> ImportResult:
    """Read and check everything; raise if anything is wrong; else write it all in one transaction."""
    with quiet_gc():
        # The file's rows are freed when _import returns, before the collector is back: it
        # would otherwise walk all of them once (0.3 s for 100,000 rows).
        return _import(uow, path, kind, mapping, check, progress or Progress(), dry_run)


def _import(uow: UnitOfWork, path: Path, kind: str, mapping: dict[str, str] | None,
            check: Callable[[UnitOfWork, Table, dict[str, int], Errors, Progress], "Checked"],
            progress: Progress, dry_run: bool) -> ImportResult:
    progress.report(0, None, "Reading")
    table = read_table(path)
    positions = locate_fields(table, kind, mapping)
    with uow:
        errors = Errors(table)
        checked = check(uow, table, positions, errors, progress)
        errors.raise_if_any()
        writes = checked.writes
        result = ImportResult(Changes(), len(table), writes.created(), writes.updated(),
                              checked.unchanged, checked.catalogue_names, dry_run)
        if dry_run or not writes:
            return result
        if writes.pending():
            progress.report(len(table), len(table), "Writing")
            writes.apply(uow.session, uow.writer, progress)
        progress.check()
        progress.report(len(table), len(table), "Saving")
        result.changes = uow.commit()
    progress.report(len(table), len(table), "Done")
    return result


@dataclass
class Checked:
    """The outcome of checking every row: what to write, and how many rows needed nothing."""

    writes: Writes
    unchanged: int
    catalogue_names: list[str]


def ownership_message(uow: UnitOfWork, country: str, what: str) -> str | None:
    """The refusal `require_own` gives for a record of another country, or None if it is ours."""
    try:
        require_own(uow, country, what)
    except InputRejected as exc:
        return str(exc)
    return None
