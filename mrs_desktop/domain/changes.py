"""What one user action changed: the registers and record ids, for screens to decide to refresh."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Edit:
    """One record's fields before and after a write, so the write can be undone and redone."""

    register: str
    row_id: str
    op: str  # insert | update | delete
    before: dict[str, Any]
    after: dict[str, Any]


@dataclass
class Changes:
    registers: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)  # register → rows written
    primary: str | None = None  # the record the action was about (e.g. the assessor just added)
    edits: list[Edit] = field(default_factory=list)  # ORM writes only; bulk imports leave none

    def add(self, register: str, row_id: str) -> None:
        self.registers.add(register)
        self.ids.add(row_id)
        self.counts[register] = self.counts.get(register, 0) + 1

    def merge(self, other: "Changes") -> "Changes":
        self.registers |= other.registers
        self.ids |= other.ids
        for register, n in other.counts.items():
            self.counts[register] = self.counts.get(register, 0) + n
        self.edits.extend(other.edits)
        return self

    def __bool__(self) -> bool:
        return bool(self.registers)
