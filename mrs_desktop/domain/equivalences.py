"""Occupation equivalences: country A's occupation is recognised as country B's at an AQRF level."""

from __future__ import annotations

from typing import Any, Mapping

from .fields import Checker

EQUIVALENCE_STATUSES = ("proposed", "under_comparison", "agreed")
# What may change once an equivalence is recorded; a different pair of occupations is a
# different equivalence (remove this one and record the other).
EDITABLE_FIELDS = ("aqrf_level", "status", "notes")


def check_equivalence(values: Mapping[str, Any], chk: Checker, *, home_country: str) -> dict[str, Any]:
    """Clean values of a new equivalence; `occupation_*` are codes in that country's catalogue."""
    clean = {
        "country_a": chk.country("country_a", values.get("country_a"), default=home_country),
        "occupation_a": chk.text("occupation_a", values.get("occupation_a"), required=True, max_len=60),
        "occupation_a_title": chk.text("occupation_a_title", values.get("occupation_a_title")),
        "country_b": chk.country("country_b", values.get("country_b")),
        "occupation_b": chk.text("occupation_b", values.get("occupation_b"), required=True, max_len=60),
        "occupation_b_title": chk.text("occupation_b_title", values.get("occupation_b_title")),
        **check_terms(values, chk),
    }
    a, b = clean["country_a"], clean["country_b"]
    if a and b and a == b:
        chk.fail("country_b", f"must differ from country_a ({a}): an equivalence is between two countries")
    elif a and b and home_country not in (a, b):
        # A node records the equivalences its own country is party to; others arrive by sync.
        chk.fail("country_a", f"one of the two countries must be {home_country}, this node's country")
    return clean


def check_terms(values: Mapping[str, Any], chk: Checker) -> dict[str, Any]:
    """The fields both sides may edit later: level, status, notes."""
    return {
        "aqrf_level": chk.level("aqrf_level", values.get("aqrf_level")),
        "status": chk.choice("status", values.get("status"), EQUIVALENCE_STATUSES, default="proposed"),
        "notes": chk.text("notes", values.get("notes"), max_len=2000, multiline=True),
    }


def is_party(country: str, country_a: str, country_b: str) -> bool:
    return country in (country_a, country_b)
