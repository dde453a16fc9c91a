"""The assessor register's search box and filter controls, read as one register view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from ...db.store import Store
from ...domain.reference import countries
from ...services.search import AssessorQuery, sector_choices
from ..models.assessors import country_name

EXPIRY_DAYS = (30, 90, 180)
KEYS = ("text", "country", "sector", "level", "status", "expiring_within_days")


class AssessorFilters(QWidget):
    """Emits `changed` on every keystroke and every filter choice; `query()` says what is asked."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._home = store.node.country if store.node is not None else None
        self.search = QLineEdit()
        self.search.setObjectName("assessor_search")
        self.search.setPlaceholderText(self.tr("Search names in any script…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.country = self._combo("country_filter", self._country_items())
        self.sector = self._combo("sector_filter", [])
        self.level = self._combo("level_filter", [(self.tr("All levels"), None)] + [
            (self.tr("Level {n}").format(n=n), n) for n in range(1, 9)])
        self.status = self._combo("status_filter", [
            (self.tr("Any status"), None), (self.tr("Active"), "active"),
            (self.tr("Suspended"), "suspended"), (self.tr("Revoked"), "revoked"),
            (self.tr("Expired"), "expired")])
        self.expiring = self._combo("expiry_filter", [(self.tr("Any expiry date"), None)] + [
            (self.tr("Expiring within {n} days").format(n=n), n) for n in EXPIRY_DAYS])
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Show the whole register again"))
        self.clear_button.clicked.connect(lambda: self.set_filters({}))
        self.refresh_sectors()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        for widget in (self.country, self.sector, self.level, self.status, self.expiring):
            layout.addWidget(widget, 1)
        layout.addWidget(self.clear_button)
        self.search.textChanged.connect(self._changed)
        self._update_clear()

    def _combo(self, name: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for text, data in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def _country_items(self) -> list[tuple[str, Any]]:
        items: list[tuple[str, Any]] = [(self.tr("All countries"), None)]
        if self._home:
            own = self.tr("Own country ({country})").format(country=country_name(self._home))
            items.append((own, "own"))
            items.append((self.tr("Partner countries"), "partners"))
        return items + [(c.name, code) for code, c in countries().items()]

    def refresh_sectors(self) -> None:
        """Re-read the catalogue's sectors (a user or an import may add one), keeping the choice."""
        chosen = self.sector.currentData()
        sectors = sector_choices(self._store)  # (plain reads: the first page needs no ORM)
        self._sectors = sectors
        self.sector.blockSignals(True)
        self.sector.clear()
        self.sector.addItem(self.tr("All sectors"), None)
        for sector_id, _code, name in sectors:
            self.sector.addItem(name, sector_id)
        self.sector.setCurrentIndex(max(0, self.sector.findData(chosen)))
        self.sector.blockSignals(False)

    # Reading and setting ------------------------------------------------------------------------

    def query(self) -> tuple[AssessorQuery, bool]:
        """The search asked for, and whether only partner countries' records are wanted."""
        country = self.country.currentData()
        query = AssessorQuery(
            text=self.search.text(),
            country=country if country not in ("own", "partners") else None,
            sector=self.sector.currentData(), level=self.level.currentData(),
            status=self.status.currentData(), expiring_within_days=self.expiring.currentData(),
            include_partners=country != "own")
        return query, country == "partners"

    def filters(self) -> dict:
        """The choices as plain values (settings, dashboard click-through), empty ones left out."""
        values = {"text": self.search.text(), "country": self.country.currentData(),
                  "sector": self.sector.currentData(), "level": self.level.currentData(),
                  "status": self.status.currentData(),
                  "expiring_within_days": self.expiring.currentData()}
        return {k: v for k, v in values.items() if v not in (None, "")}

    def set_filters(self, filters: dict) -> None:
        """Show exactly these filters (others cleared); one `changed` for the lot."""
        widgets = (self.search, self.country, self.sector, self.level, self.status, self.expiring)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.setText(str(filters.get("text") or ""))
            self._choose(self.country, _country_key(filters.get("country")))
            self._choose(self.sector, self._sector_id(filters.get("sector")))
            self._choose(self.level, _number(filters.get("level")))
            self._choose(self.status, filters.get("status") or None)
            self._choose_days(_number(filters.get("expiring_within_days")))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._changed()

    def is_filtered(self) -> bool:
        return bool(self.filters())

    def _choose(self, combo: QComboBox, data: Any) -> None:
        combo.setCurrentIndex(max(0, combo.findData(data)) if data is not None else 0)

    def _choose_days(self, days: int | None) -> None:
        if days is not None and self.expiring.findData(days) < 0:  # e.g. 60 days, from a link
            self.expiring.addItem(self.tr("Expiring within {n} days").format(n=days), days)
        self._choose(self.expiring, days)

    def _sector_id(self, wanted: Any) -> str | None:
        if not wanted:
            return None
        text = str(wanted).strip().casefold()
        for sector_id, code, name in self._sectors:
            if text in (sector_id.casefold(), code.casefold(), name.casefold()):
                return sector_id
        return None

    def _changed(self, *_args) -> None:
        self._update_clear()
        self.changed.emit()

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(self.is_filtered())


def _country_key(value: Any) -> str | None:
    if not value:
        return None
    text = str(value).strip()
    return text.lower() if text.lower() in ("own", "partners") else text.upper()


def _number(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
