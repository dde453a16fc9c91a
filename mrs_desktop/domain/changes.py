"""What one user action changed: the registers and record ids, for screens to decide to refresh."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Changes:
    registers: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)  # register → rows written
    primary: str | None = None  # the record the action was about (e.g. the assessor just added)

    def add(self, register: str, row_id: str) -> None:
        self.registers.add(register)
        self.ids.add(row_id)
        self.counts[register] = self.counts.get(register, 0) + 1

    def merge(self, other: "Changes") -> "Changes":
        self.registers |= other.registers
        self.ids |= other.ids
        for register, n in other.counts.items():
            self.counts[register] = self.counts.get(register, 0) + n
        return self

    def __bool__(self) -> bool:
        return bool(self.registers)
