"""What a plan holds: a line per received record (its outcome, for the preview), the conflicts,
and per register the writes `apply` makes. Planning itself is in plan.py."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

from ...domain.merge import FieldState
from ...sync.changes import Block
from .labels import label

NEW, UPDATED, UNCHANGED, REJECTED, HELD = "new", "updated", "unchanged", "rejected", "held"
OUTCOMES = (NEW, UPDATED, UNCHANGED, REJECTED, HELD)


class _Label:
    """A Line's `label`: given as text, or as the record (columns, row) and made when first read.

    A preview of 100,000 records shows a few dozen at a time; making every label up front took
    longer than writing the records (bench_sync).
    """

    def __get__(self, line: "Line | None", owner: type | None = None) -> str:
        if line is None:
            raise AttributeError("label")  # no default value: the field stays positional
        value = line.__dict__["_label"]
        if type(value) is not str:
            columns, row = value
            value = line.__dict__["_label"] = label(line.register, dict(zip(columns, row)))
        return value


@dataclass(frozen=True, init=False)
class Line:
    """One received record in the preview."""

    register: str
    row_id: str
    label: str = _Label()  # type: ignore[assignment]  # text, or (columns, row): see _Label
    country: str
    outcome: str
    reason: str | None = None

    def __init__(self, register: str, row_id: str, label: "str | tuple[list[str], list]", country: str,
                 outcome: str, reason: str | None = None):
        # Filled directly: a frozen dataclass sets each field through object.__setattr__, three
        # times slower, and a bundle of 100,000 records makes 100,000 lines.
        d = self.__dict__
        d["register"], d["row_id"], d["_label"] = register, row_id, label
        d["country"], d["outcome"], d["reason"] = country, outcome, reason


@dataclass
class _Batch:
    """Lines of one register a column at a time; `labels` holds each record's row (labelled by
    `columns`), or with `columns` None each line's label source as Line takes it."""

    register: str
    ids: list[str]
    columns: list[str] | None
    labels: list
    origins: list[str]  # each record's origin, or its country when `country` is None
    country: dict[str, str] | None  # origin → country, looked up when the lines are made
    outcomes: list[str]
    reasons: list[str | None] | None  # None: every record passed


class Lines(Sequence[Line]):
    """A plan's lines (one per received record), held a column at a time: a Line is made only
    when the lines are read. Making 100,000 of them took a fifth of a re-import that changes
    nothing (bench_sync), and the counts need only the outcomes."""

    def __init__(self) -> None:
        self._batches: list[_Batch] = []
        self._made: list[Line] | None = None

    def add(self, register: str, ids: list[str], columns: list[str], rows: list[list],
            origins: list[str], country: dict[str, str], outcomes: list[str],
            reasons: list[str | None] | None) -> None:
        self._batches.append(_Batch(register, ids, columns, rows, origins, country, outcomes, reasons))
        self._made = None

    def append(self, line: Line) -> None:
        self._batches.append(_Batch(line.register, [line.row_id], None, [line.__dict__["_label"]],
                                    [line.country], None, [line.outcome], [line.reason]))
        self._made = None

    def mark(self, register: str, changes: dict[str, tuple[str, str]], only: tuple[str, ...] | None = None) -> None:
        """Give the lines of these records (id → (outcome, reason)) a new outcome; with `only`,
        just those whose outcome is one of these."""
        for b in self._batches:
            if b.register != register:
                continue
            for i, row_id in enumerate(b.ids):
                if row_id in changes and (only is None or b.outcomes[i] in only):
                    if b.reasons is None:
                        b.reasons = [None] * len(b.ids)
                    b.outcomes[i], b.reasons[i] = changes[row_id]
        self._made = None

    def outcome_counts(self) -> Counter:
        """(register, outcome) → how many lines (counted in C, a batch's outcomes at a time)."""
        out: Counter = Counter()
        for b in self._batches:
            for outcome, n in Counter(b.outcomes).items():
                out[(b.register, outcome)] += n
        return out

    def _lines(self) -> list[Line]:
        if self._made is None:
            made: list[Line] = []
            for b in self._batches:
                labels = zip(repeat(b.columns), b.labels) if b.columns is not None else b.labels
                countries = b.origins if b.country is None else map(b.country.__getitem__, b.origins)
                made.extend(map(Line, repeat(b.register), b.ids, labels, countries, b.outcomes,
                                b.reasons if b.reasons is not None else repeat(None)))
            self._made = made
        return self._made

    def __len__(self) -> int:
        return sum(len(b.ids) for b in self._batches)

    def __getitem__(self, index):
        return self._lines()[index]

    def __iter__(self) -> Iterator[Line]:
        return iter(self._lines())

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, (Lines, list)) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __deepcopy__(self, memo) -> list[Line]:
        # dataclasses.asdict (the command line's JSON) copies what it does not know: a list it knows.
        return list(self)

    def __repr__(self) -> str:
        return f"Lines({len(self)} records)"


@dataclass(frozen=True)
class ConflictLine:
    register: str
    row_id: str
    label: str
    field: str
    kept: FieldState
    lost: FieldState


@dataclass
class RegisterPlan:
    register: str
    columns: list[str]
    clock_fields: list[str]
    inserts: list[tuple[list, list | None]] = field(default_factory=list)  # (row, clocks)
    updates: list[list] = field(default_factory=list)  # owned: whole rows
    field_updates: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)  # shared
    clock_writes: list[tuple[str, str, str, str]] = field(default_factory=list)  # id, field, stamp, seen
    held: list[tuple[list, list | None, str]] = field(default_factory=list)  # row, clocks, waiting for
    received: Block | None = field(default=None, repr=False)  # the records compared, as decoded


@dataclass
class Context:
    me: str
    countries: dict[str, str]  # node id → country
    trusted: set[str]  # origins whose records may be applied (this node and trusted peers)


@dataclass
class Plan:
    registers: dict[str, RegisterPlan]
    lines: Lines
    conflicts: list[ConflictLine]
    untrusted_origins: set[str]
    released: list[tuple[str, str]]  # held records (register, id) applied now

    @property
    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for (register, outcome), n in self.lines.outcome_counts().items():
            out.setdefault(register, dict.fromkeys(OUTCOMES, 0))[outcome] += n
        return out

    @property
    def totals(self) -> dict[str, int]:
        out = dict.fromkeys(OUTCOMES, 0)
        for (_, outcome), n in self.lines.outcome_counts().items():
            out[outcome] += n
        out["conflicts"] = len(self.conflicts)
        return out

    @property
    def writes_anything(self) -> bool:
        return any(p.inserts or p.updates or p.field_updates or p.clock_writes or p.held
                   for p in self.registers.values()) or bool(self.conflicts or self.released)
