"""The import of a register whose rows group into a parent record with children.

Trainings (rows = participants) and action plans (rows = action items) share this: rows with the
same parent key are one parent, whose fields must agree; each child appears once; parents and
children are matched to stored records by their natural keys and only differences are written.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, Mapping

from sqlalchemy.orm import Session

from ...db.uow import UnitOfWork
from ...domain.fields import Checker
from ...domain.ids import uuid7
from ...domain.task import Progress
from .common import (REPORT_EVERY, CatalogueEntries, Checked, Errors, Writes, cells_of,
                     load_by_keys, load_children, reconcile)
from .reader import Table


class GroupedRegister(ABC):
    """What one parent/child template needs to say; the engine below does the rest."""

    parent_model: type
    child_model: type
    parent_what: str  # "training", in messages
    child_what: str
    key_columns: tuple[str, ...]  # template columns of the parent's natural key
    refusal_column: str  # the column an ownership refusal names
    parent_columns: dict[str, str]  # stored field -> template column it comes from
    child_columns: dict[str, str]
    child_template: tuple[str, ...]  # template columns whose value makes a row carry a child
    parent_link: str  # the child's column that names its parent

    def __init__(self, uow: UnitOfWork, catalogue: CatalogueEntries):
        self.uow, self.home, self.catalogue = uow, uow.country, catalogue

    @abstractmethod
    def check_parent(self, values: Mapping[str, str], chk: Checker) -> dict[str, Any]:
        ...

    @abstractmethod
    def parent_key(self, clean: Mapping[str, Any]) -> tuple:
        ...

    @abstractmethod
    def check_child(self, values: Mapping[str, str], parent: Mapping[str, Any],
                    chk: Checker) -> dict[str, Any]:
        ...

    @abstractmethod
    def child_key(self, clean: Mapping[str, Any]) -> tuple:
        ...

    @abstractmethod
    def describe_child(self, clean: Mapping[str, Any]) -> str:
        ...

    @abstractmethod
    def refusal(self, new: Mapping[str, Any], old: Mapping[str, Any] | None) -> str | None:
        """Why this node may not change the parent (None if it may)."""
        ...

    @abstractmethod
    def load_parents(self, session: Session, keys: list[tuple]) -> dict[tuple, dict[str, Any]]:
        ...

    @abstractmethod
    def load_children(self, session: Session, parent_ids: list[str]) -> dict[tuple, dict[str, Any]]:
        """Stored children by (parent id, *child key)."""
        ...


@dataclass(slots=True)
class _Group:
    """One parent record as the file describes it: its first row, clean fields and children."""

    row: int
    raw: tuple
    clean: dict[str, Any]
    rows: list[int]
    cells: dict[str, str]  # the first row's cells, to tell an empty cell from a default
    children: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


class GroupedRows:
    """Checks every row of a parent/child file, then compares the groups with the register."""

    def __init__(self, uow: UnitOfWork, table: Table, positions: dict[str, int], errors: Errors,
                 progress: Progress, register: GroupedRegister):
        self.uow, self.table, self.errors, self.progress = uow, table, errors, progress
        self.reg = register
        self.names = list(positions)
        self.pick = cells_of(list(positions.values()))
        parent_template = {c for c in register.parent_columns.values()} | set(register.key_columns)
        # Cells as read, to skip checking a row that repeats its parent's cells exactly.
        self.parent_raw = cells_of([positions[c] for c in sorted(parent_template) if c in positions])
        self.raw_key = cells_of([positions.get(c, 0) for c in register.key_columns])
        self.parent_fields = [f for f, c in register.parent_columns.items() if c in positions]
        self.child_fields = [f for f, c in register.child_columns.items() if c in positions]
        self.child_cells = cells_of([positions[c] for c in register.child_template if c in positions])
        self.groups: dict[tuple, _Group] = {}
        self.child_rows: dict[tuple, int] = {}
        self.writes = Writes()
        self.changed_rows: set[int] = set()

    def check(self) -> Checked:
        total = len(self.table)
        for done, (number, cells) in enumerate(self.table.rows):
            if done % REPORT_EVERY == 0:
                self.progress.report(done, total, "Checking rows")
                self.progress.check()
            self._check_row(number, cells)
            if self.errors.full():
                break
        if not self.errors.items:
            self._compare()
        self.writes.add_catalogue(self.reg.catalogue)
        return Checked(self.writes, total - len(self.changed_rows), self.reg.catalogue.names)

    def _check_row(self, number: int, cells: list[str]) -> None:
        values = dict(zip(self.names, self.pick(cells)))
        chk = Checker(row=number)
        group = self._group(values, cells, chk)
        child = None
        if "".join(self.child_cells(cells)).strip():  # the row carries a child
            child = self.reg.check_child(values, group.clean, chk)
            if not chk.errors:
                key = (self.reg.parent_key(group.clean), *self.reg.child_key(child))
                first = self.child_rows.setdefault(key, number)
                if first != number:
                    chk.fail(self.reg.child_template[0], f"{self.reg.describe_child(child)} is also on row "
                             f"{first}: each {self.reg.child_what} may appear only once per "
                             f"{self.reg.parent_what}")
        if chk.errors:
            self.errors.extend(chk.errors)
        elif child is not None:
            group.children.append((number, child))

    def _group(self, values: dict[str, str], cells: list[str], chk: Checker) -> _Group:
        raw, raw_key = self.parent_raw(cells), self.raw_key(cells)
        known = self.groups.get(raw_key)
        if known is not None and known.raw == raw:
            known.rows.append(chk.row)
            return known
        clean = self.reg.check_parent(values, chk)
        key = self.reg.parent_key(clean)
        known = self.groups.get(key)
        if known is None:
            known = _Group(chk.row, raw, clean, [chk.row], values)
            if not chk.errors:
                self.groups[key] = self.groups[raw_key] = known
            return known
        columns = {f: self.reg.parent_columns[f] for f in self.parent_fields}
        for name, first, later in reconcile(known.clean, known.cells, clean, values, columns):
            shown = "" if name.endswith("_id") else f"'{later}' "
            was = "" if name.endswith("_id") else f" ('{first}')"
            chk.fail(self._column(name), f"{shown}differs from row {known.row}{was} for the same "
                                         f"{self.reg.parent_what} {key[-1]}")
        known.rows.append(chk.row)
        return known

    def _column(self, name: str) -> str:
        return self.reg.parent_columns.get(name, name)

    # --- against the register -------------------------------------------------------------------

    def _compare(self) -> None:
        groups = list({id(g): g for g in self.groups.values()}.values())
        self.progress.report(len(self.table), len(self.table), "Comparing with the register")
        session = self.uow.session
        parents = self.reg.load_parents(session, [self.reg.parent_key(g.clean) for g in groups])
        children = self.reg.load_children(session, [p["id"] for p in parents.values()])
        for group in groups:
            self.progress.check()
            self._compare_group(group, parents.get(self.reg.parent_key(group.clean)), children)

    def _compare_group(self, group: _Group, old: dict[str, Any] | None, children: dict) -> None:
        refusal = self.reg.refusal(group.clean, old)
        model = self.reg.parent_model
        if old is None:
            if refusal:
                self.errors.add(self.reg.refusal_column, refusal, group.row)
                return
            parent_id = uuid7()
            self.writes.insert(model, {"id": parent_id, **group.clean})
            self.changed_rows.update(group.rows)
        else:
            parent_id = old["id"]
            changed = {f: group.clean[f] for f in self.parent_fields if old[f] != group.clean[f]}
            if old["deleted"]:
                changed["deleted"] = False
            if changed:
                if refusal:
                    self.errors.add(self.reg.refusal_column, refusal, group.row)
                    return
                self.writes.update(model, parent_id, changed)
                self.changed_rows.update(group.rows)
        for number, child in group.children:
            stored = children.get((parent_id, *self.reg.child_key(child)))
            self._compare_child(number, child, parent_id, stored, refusal)

    def _compare_child(self, number: int, new: dict[str, Any], parent_id: str,
                       old: dict[str, Any] | None, refusal: str | None) -> None:
        model = self.reg.child_model
        if old is None:
            changed = None
        else:
            changed = {f: new[f] for f in self.child_fields if old[f] != new[f]}
            if old["deleted"]:
                changed["deleted"] = False
            if not changed:
                return
        if refusal:
            self.errors.add(self.reg.refusal_column, refusal, number)
            return
        if changed is None:
            self.writes.insert(model, {"id": uuid7(), **new, self.reg.parent_link: parent_id})
        else:
            self.writes.update(model, old["id"], changed)
        self.changed_rows.add(number)
