"""Occupation equivalences: country A's occupation is recognised as country B's at an AQRF level."""

from __future__ import annotations

EQUIVALENCE_STATUSES = ("proposed", "under_comparison", "agreed")
