"""Invented people for the demo: real-looking names per country, in its own script, and romanised.

The pools (resources/reference/demo_names.json) list names from the most to the least common;
picks follow a Zipf-like curve, so a demo register has the skew of a real one (many Soks and
Nguyễns, a few Khiev and Mai), which is what makes search timings on it honest.
"""

from __future__ import annotations

import json
import random
import unicodedata
from bisect import bisect
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any

from ..paths import resource

SKEW = 0.8  # Zipf exponent of name frequencies


@dataclass(frozen=True)
class Person:
    family_name: str
    given_names: str | None
    name_native: str | None  # the full name in the country's own script, in its own order
    sex: str


class _Pool:
    """Names (native, romanised) with cumulative weights for fast weighted picks."""

    def __init__(self, entries: list, weights: list[float] | None = None):
        self.names = [tuple(e) if isinstance(e, list) else (None, e) for e in entries]
        weights = weights or [1 / (rank + 1) ** SKEW for rank in range(len(entries))]
        self.cumulative = list(accumulate(weights))

    def pick(self, rnd: random.Random) -> tuple[str | None, str]:
        return self.names[pick_index(rnd, self.cumulative)]


def pick_index(rnd: random.Random, cumulative: list[float]) -> int:
    """A weighted pick (what random.choices does, at a third of the cost: 100,000s are made)."""
    return bisect(cumulative, rnd.random() * cumulative[-1], 0, len(cumulative) - 1)


class _Group:
    """One naming tradition of a country (Malaysia has Malay, Chinese and Indian names)."""

    def __init__(self, spec: dict[str, Any]):
        self.order = spec["order"]
        self.joiner = spec["joiner"]
        self.parts = spec.get("parts", [2])
        self.family = _Pool(spec["family"], spec.get("family_weights")) if "family" in spec else None
        self.given = {sex: _Pool(spec[sex]) for sex in ("male", "female")}
        self.middle = {sex: _Pool(spec[f"middle_{sex}"]) for sex in ("male", "female")
                       if f"middle_{sex}" in spec}

    def person(self, rnd: random.Random, sex: str) -> Person:
        if self.order == "single":
            return self._single(rnd, sex)
        family = self.family.pick(rnd)
        given = self.given[sex].pick(rnd)
        if sex in self.middle:
            given = (None, f"{self.middle[sex].pick(rnd)[1]} {given[1]}")
        native = None
        if family[0] and given[0]:
            first, second = (family, given) if self.order == "family_first" else (given, family)
            native = f"{first[0]}{self.joiner}{second[0]}"
        return Person(family[1], given[1], native, sex)

    def _single(self, rnd: random.Random, sex: str) -> Person:
        # Myanmar names have no family name: the whole name is kept as the family name.
        parts: list[tuple[str | None, str]] = []
        wanted = rnd.choice(self.parts)
        while len(parts) < wanted:
            part = self.given[sex].pick(rnd)
            if part not in parts:
                parts.append(part)
        native = self.joiner.join(p[0] for p in parts) if all(p[0] for p in parts) else None
        return Person(" ".join(p[1] for p in parts), None, native, sex)


class CountryNames:
    """Everything the demo invents for one country: people, employers, places, phone numbers."""

    def __init__(self, code: str, spec: dict[str, Any]):
        self.code = code
        self.accrediting_body: str = spec["accrediting_body"]
        self.ministry: str = spec["ministry"]
        self.organisations: list[str] = spec["organisations"]
        self.cities: list[str] = spec["cities"]
        self.phone_prefix: str = spec["phone_prefix"]
        self.groups = [_Group(g) for g in spec["groups"]]
        self.group_weights = list(accumulate(g["weight"] for g in spec["groups"]))

    def person(self, rnd: random.Random, sex: str | None = None) -> Person:
        sex = sex or ("female" if rnd.random() < 0.42 else "male")
        group = self.groups[pick_index(rnd, self.group_weights)]
        return group.person(rnd, sex)

    def phone(self, rnd: random.Random) -> str:
        return f"{self.phone_prefix} {rnd.randrange(100, 1000)} {rnd.randrange(1000, 10000)}"


@cache
def names() -> dict[str, CountryNames]:
    data = json.loads(resource("reference", "demo_names.json").read_text(encoding="utf-8"))
    return {code: CountryNames(code, spec) for code, spec in data["countries"].items()}


def full_name(person: Person) -> str:
    """The romanised name as it is written on a participant list."""
    return " ".join(p for p in (person.given_names, person.family_name) if p)


def email(person: Person, number: int) -> str:
    """An address at a reserved example domain (never a real inbox)."""
    local = ".".join(_ascii(p).split()[-1] for p in (person.given_names, person.family_name) if p)
    return f"{local or 'assessor'}{number % 100}@example.org"


@lru_cache(maxsize=4096)
def _ascii(text: str) -> str:
    flat = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in flat if ch.isascii() and (ch.isalnum() or ch == " ")).lower()
