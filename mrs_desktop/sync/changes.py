"""The change records inside a bundle (`changes.bin` before compression): encoding, and the
checks every record passes before anything is compared or written.

Records travel column-wise per register (docs/bundle-format.md, "Change records"): one list of
column names, then one list of values per record, in the same order; shared registers add each
field's clock. Checks run a column at a time over the whole batch, which keeps 100,000 records
to a fraction of a second.
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from operator import is_not, itemgetter
from typing import Any, Iterator, Sequence

import orjson

from ..domain.clock import MAX_DRIFT_MS
from ..domain.collector import promote_survivors
from ..domain.errors import InputRejected

RECORDS_FORMAT = 1
SYNC_COLUMNS = ("id", "origin", "hlc", "deleted")

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
_STAMP = re.compile(r"([0-9]{13})\.[0-9]{5}\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_NONE = type(None)
_KINDS = {"text": {str}, "int": {int}, "bool": {int, bool}, "date": {str}}


class ChangesRejected(InputRejected):
    """The records in a bundle are not what this version can apply; nothing was changed."""


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text | int | bool | date
    nullable: bool
    max_len: int | None = None


@dataclass(frozen=True)
class RegisterSchema:
    """What this version knows of one register (built by the services from the models)."""

    name: str
    kind: str  # owned | shared | append
    columns: tuple[Column, ...]  # starting with the four sync columns
    clocked: tuple[str, ...] = ()  # shared registers: the fields with a clock each


@dataclass
class Block:
    """The records of one register in a bundle."""

    register: str
    columns: list[str]
    rows: list[list[Any]]
    clock_fields: list[str]
    clocks: list[list[list[Any]]]  # per row, per clock field: [stamp, {node: stamp}]
    # The rows a column at a time, as decode checked them (kept: comparing needs ids and stamps).
    by_column: list[tuple] | None = field(default=None, repr=False, compare=False)

    def index(self, column: str) -> int:
        return self.columns.index(column)

    def column(self, i: int) -> list[Any]:
        """The values of the i-th column, in row order."""
        if self.by_column is not None:
            return list(self.by_column[i])
        return list(map(itemgetter(i), self.rows))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a bundle's records are read, compared or written.

    Those are 100,000 lists and tuples made at once and all kept: each full collection walks
    every one of them, and they trigger several (decoding took twice as long; bench_sync). None
    of them form cycles, so nothing is left for the collector when it runs again.

    What is still alive after (a preview's 100,000 lines and records) is moved straight to the
    oldest generation: the first young collection would otherwise walk all of it, 0.1 s. Not
    when objects were frozen before (the app's start-up): unfreezing would move those too.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        promote_survivors()
        gc.enable()


def encode(blocks: Sequence[Block]) -> bytes:
    registers = []
    for b in blocks:
        entry: dict[str, Any] = {"register": b.register, "columns": b.columns, "rows": b.rows}
        if b.clock_fields:
            entry["clock_fields"] = b.clock_fields
            entry["clocks"] = b.clocks
        registers.append(entry)
    return orjson.dumps({"format": RECORDS_FORMAT, "registers": registers})


def decode(raw: bytes, schemas: dict[str, RegisterSchema], *, now_ms: int) -> list[Block]:
    """Parse and check every record; ChangesRejected says what is wrong and where."""
    with collector_paused():
        return _decode(raw, schemas, now_ms)


def _decode(raw: bytes, schemas: dict[str, RegisterSchema], now_ms: int) -> list[Block]:
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ChangesRejected(f"the change records are not valid JSON (UTF-8): {exc}") from None
    if not isinstance(doc, dict) or doc.get("format") != RECORDS_FORMAT:
        raise ChangesRejected(f"the change records are not in format {RECORDS_FORMAT}")
    registers = doc.get("registers")
    if not isinstance(registers, list):
        raise ChangesRejected("the change records have no list of registers")
    blocks, names = [], set()
    for entry in registers:
        block = _block(entry, schemas, now_ms)
        if block.register in names:
            raise ChangesRejected(f"register {block.register!r} appears twice in the change records")
        names.add(block.register)
        blocks.append(block)
    return blocks


def _block(entry: Any, schemas: dict[str, RegisterSchema], now_ms: int) -> Block:
    if not isinstance(entry, dict):
        raise ChangesRejected("a register entry in the change records is not an object")
    name = entry.get("register")
    schema = schemas.get(name) if isinstance(name, str) else None
    if schema is None:
        raise ChangesRejected(f"unknown register {name!r} in the change records")
    columns, rows = entry.get("columns"), entry.get("rows")
    known = {c.name: c for c in schema.columns}
    if (not isinstance(columns, list) or tuple(columns[:4]) != SYNC_COLUMNS
            or len(set(map(str, columns))) != len(columns)):
        raise ChangesRejected(f"{name}: the column list is malformed")
    unknown = [c for c in columns if c not in known]
    if unknown:
        raise ChangesRejected(f"{name}: unknown field {unknown[0]!r}")
    missing = [c.name for c in schema.columns if not c.nullable and c.name not in columns]
    if missing:
        raise ChangesRejected(f"{name}: required field {missing[0]!r} is missing")
    # Checked a column at a time (set(map(...)) runs in C): a loop per record costs 0.1 s.
    if not isinstance(rows, list) or not set(map(type, rows)) <= {list} or not set(map(len, rows)) <= {len(columns)}:
        raise ChangesRejected(f"{name}: a record does not have one value per column")
    by_column = list(zip(*rows)) if rows else [() for _ in columns]
    for column, values in zip(columns, by_column):
        _check_column(name, known[column], values, now_ms)
    if len(set(by_column[0])) != len(rows):
        raise ChangesRejected(f"{name}: a record appears twice")
    clock_fields, clocks = _clocks(name, schema, entry, len(rows), now_ms)
    return Block(name, list(columns), rows, clock_fields, clocks, by_column if rows else None)


def _check_column(register: str, column: Column, values: Sequence[Any], now_ms: int) -> None:
    where = f"{register}.{column.name}"
    allowed = _KINDS[column.kind] | ({_NONE} if column.nullable else set())
    # Tried first on every text column: it fails at the first empty value (None) where there is one.
    lengths = _text_lengths(values) if column.kind == "text" else None
    types = {str} if lengths is not None else set(map(type, values))
    if not types <= allowed:
        wrong = next(v for v in values if type(v) not in allowed)
        raise ChangesRejected(f"{where}: {wrong!r} is not a {column.kind}"
                              + ("" if column.nullable else " (the field is required)"))
    if column.kind == "text" and column.name not in ("id", "origin", "hlc"):
        if column.max_len:
            # Empty values left out by a truth test in C (no call a value): they are never the longest.
            longest = (max(lengths, default=0) if lengths is not None
                       else max(map(len, filter(None, values) if _NONE in types else values), default=0))
            if longest > column.max_len:
                raise ChangesRejected(f"{where}: a value is {longest} characters long; at most {column.max_len}")
        return
    present = list(filter(_is_present, values)) if _NONE in types else values
    if column.name == "id":
        _match_all(where, _UUID, present, "an id", lengths)
    elif column.name == "origin":  # a few nodes' ids, repeated
        _match_all(where, _UUID, set(present), "an id")
    elif column.name == "hlc":
        _check_stamps(where, present, now_ms, lengths)
    elif column.kind == "date":
        _check_dates(where, list(set(present)))


def _check_dates(where: str, values: list[str]) -> None:
    """Each distinct value is a real date written YYYY-MM-DD: shaped so, then parsed in C; one
    by one only to name the bad value."""
    if not values:
        return
    if _all_shaped(values, _DATE_SHAPE) and _all_dates(values):
        return
    bad = next(v for v in values if not _DATE.match(v) or not _is_date(v))
    raise ChangesRejected(f"{where}: {bad!r} is not a date (YYYY-MM-DD)")


_is_present = partial(is_not, None)


def _text_lengths(values: Sequence[Any]) -> set[int] | None:
    """The values' lengths if every one is a text, else None: str.__len__ refuses anything else,
    so one pass in C both checks the type and measures (a pass costs 10 ms over 100,000)."""
    try:
        return set(map(str.__len__, values))
    except TypeError:
        return None


def _all_dates(values: list[str]) -> bool:
    """Whether every value is a real date (parsed in C, the values at once)."""
    try:
        list(map(date.fromisoformat, values))
    except ValueError:
        return False
    return True


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class _Shape:
    """Text of a fixed length, each position a hex digit (h), a decimal digit (d) or the character
    itself: the form _UUID and _STAMP match (and _DATE, in ASCII digits), checked over many values
    at once by _all_shaped."""

    template: str

    @property
    def hex_form(self) -> bytes:  # every hex or decimal digit as h
        return self.template.replace("d", "h").encode()

    @property
    def digit_places(self) -> tuple[int, ...]:
        return tuple(i for i, c in enumerate(self.template) if c == "d")


# A hex digit becomes h, a separator stays, any other byte (a letter h too) becomes "?".
_HEX_AS_H = bytes(ord("h") if c in b"0123456789abcdef" else c if c in b"-." else ord("?") for c in range(256))
_UUID_SHAPE = _Shape("hhhhhhhh-hhhh-hhhh-hhhh-hhhhhhhhhhhh")
_STAMP_SHAPE = _Shape("d" * 13 + "." + "d" * 5 + "." + _UUID_SHAPE.template)
_DATE_SHAPE = _Shape("dddd-dd-dd")
_SHAPES = {_UUID: _UUID_SHAPE, _STAMP: _STAMP_SHAPE}


def _all_shaped(values: list[str], shape: _Shape, lengths: set[int] | None = None) -> bool:
    """Whether every value has the shape: all the values as one ASCII text, turned into their
    shape by one bytes.translate and compared whole, then the decimal places checked. Over
    100,000 values: ids 6 ms, stamps 20 ms, where one regular expression over the values joined
    took 50 and 65 ms, and one match per value 30 and 24 ms."""
    size = len(shape.template)
    if (lengths if lengths is not None else set(map(len, values))) != {size}:
        return False
    try:
        text = "".join(values).encode("ascii")
    except UnicodeEncodeError:
        return False
    if text.translate(_HEX_AS_H) != shape.hex_form * len(values):
        return False
    places = shape.digit_places
    return not places or b"".join([text[i::size] for i in places]).isdigit()  # bytes: ASCII digits only


def _match_all(where: str, pattern: re.Pattern, values, what: str, lengths: set[int] | None = None) -> None:
    """Every value matches `pattern` (_UUID or _STAMP): all checked at once by their shape (the
    values' lengths given when known); the slow way only to name the bad value."""
    values = list(values)
    if not values or _all_shaped(values, _SHAPES[pattern], lengths):
        return
    match = pattern.match
    bad = next(v for v in values if not match(v))
    raise ChangesRejected(f"{where}: {bad!r} is not {what}")


def _check_stamps(where: str, stamps, now_ms: int, lengths: set[int] | None = None) -> None:
    _match_all(where, _STAMP, stamps, "a clock stamp", lengths)
    latest = max(stamps, default=None)
    if latest is not None and int(latest[:13]) > now_ms + MAX_DRIFT_MS:
        from ..domain.clock import describe

        raise ChangesRejected(
            f"{where}: a change is stamped {describe(int(latest[:13]))}, more than a day ahead of "
            f"this computer's clock ({describe(now_ms)}); check the sender's date settings")


def _clocks(name: str, schema: RegisterSchema, entry: dict, n: int, now_ms: int):
    if not schema.clocked:
        if "clocks" in entry or "clock_fields" in entry:
            raise ChangesRejected(f"{name}: field clocks given for a register that has none")
        return [], []
    fields, clocks = entry.get("clock_fields"), entry.get("clocks")
    if not isinstance(fields, list) or sorted(map(str, fields)) != sorted(schema.clocked):
        raise ChangesRejected(f"{name}: the field clocks do not name the register's fields")
    if not isinstance(clocks, list) or len(clocks) != n:
        raise ChangesRejected(f"{name}: the field clocks do not match the records")
    stamps = []
    for per_row in clocks:
        if not isinstance(per_row, list) or len(per_row) != len(fields):
            raise ChangesRejected(f"{name}: a record's field clocks are malformed")
        for clock in per_row:
            if (not isinstance(clock, list) or len(clock) != 2 or not isinstance(clock[0], str)
                    or not isinstance(clock[1], dict)):
                raise ChangesRejected(f"{name}: a field clock is malformed")
            stamps.append(clock[0])
            seen = clock[1]
            if not all(isinstance(v, str) for v in seen.values()):
                raise ChangesRejected(f"{name}: a field clock is malformed")
            stamps.extend(seen.values())
            _match_all(f"{name} field clock", _UUID, list(seen), "a node id")
    _check_stamps(f"{name} field clock", stamps, now_ms)
    return list(fields), clocks
