"""Combo boxes over the region's fixed lists (member states, AQRF levels) and reading their values.

Each item shows words for people and carries the code the services expect as its data.
"""

from __future__ import annotations

from typing import Any, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox

from ...domain.reference import aqrf_levels, countries


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def fill(combo: QComboBox, items: Iterable[tuple[str, Any]], *, blank: str | None = None) -> None:
    """Replace the items with (text, data) pairs; `blank` adds a first item whose data is None."""
    combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for text, data in items:
        combo.addItem(text, data)
    combo.blockSignals(False)


def fill_countries(combo: QComboBox, *, blank: str | None = None) -> None:
    """The ten member states as "KHM — Cambodia", code as data."""
    fill(combo, ((f"{c.code} — {c.name}", c.code) for c in countries().values()), blank=blank)


def fill_levels(combo: QComboBox, *, blank: str | None = None) -> None:
    """AQRF levels 1–8, the descriptor in each item's tooltip."""
    fill(combo, ((tr("Level {n}").format(n=n), n) for n in aqrf_levels()), blank=blank)
    first = 0 if blank is None else 1
    for offset, level in enumerate(aqrf_levels().values()):
        combo.setItemData(first + offset, level.descriptor, Qt.ItemDataRole.ToolTipRole)


def current(combo: QComboBox) -> Any:
    return combo.currentData()


def select(combo: QComboBox, value: Any) -> None:
    """Show the item carrying `value` (the blank item if none does)."""
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else (0 if combo.count() else -1))


def country_name(code: str | None) -> str:
    found = countries().get(code or "")
    return found.name if found else (code or "")
