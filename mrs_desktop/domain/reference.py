"""Reference data shared by every node: the ten ASEAN member states, AQRF levels, starter sectors."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from ..paths import resource


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    language: str
    language_name: str
    script: str


@dataclass(frozen=True, slots=True)
class AqrfLevel:
    level: int
    descriptor: str


@dataclass(frozen=True, slots=True)
class StarterSector:
    code: str
    name: str


def _load(name: str) -> dict:
    return json.loads(resource("reference", name).read_text(encoding="utf-8"))


@cache
def countries() -> dict[str, Country]:
    return {c["code"]: Country(**c) for c in _load("countries.json")["countries"]}


@cache
def aqrf_levels() -> dict[int, AqrfLevel]:
    return {lv["level"]: AqrfLevel(**lv) for lv in _load("aqrf_levels.json")["levels"]}


@cache
def starter_sectors() -> list[StarterSector]:
    return [StarterSector(**s) for s in _load("sectors.json")["sectors"]]


def country_list() -> str:
    return ", ".join(countries())


def sector_code(name: str) -> str:
    """A sector's code from a name typed by a user: lower case, words joined by hyphens."""
    return re.sub(r"[^\w]+", "-", name.strip().casefold()).strip("-")
