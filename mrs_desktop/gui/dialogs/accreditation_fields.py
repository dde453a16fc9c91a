"""The fields of one accreditation (scope, number, dates), shared by the new-assessor form and
the "Add accreditation" dialog; designed in ui/accreditation_fields.ui."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...db.store import Store
from ...domain import assessors as rules
from ...domain.errors import FieldError
from ...domain.fields import Checker
from ...services import catalogue
from ..forms.ui_accreditation_fields import Ui_AccreditationFields

FIELDS = ("sector", "occupation_code", "occupation_title", "aqrf_level", "accreditation_no",
          "accrediting_body", "accredited_on", "valid_until")
# The occupation's code and title share one row of the form, and its message line.
SHARED_LABELS = {"occupation_title": "occupation_code"}
_SEPARATOR = " — "


def field_names() -> dict[str, str]:
    """How messages name these fields (the domain's messages use the keys)."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("AccreditationFields", text)

    return {"accredited_on": tr("accredited on"), "valid_until": tr("valid until"),
            "occupation_code": tr("occupation code"), "occupation_title": tr("occupation title"),
            "accreditation_no": tr("accreditation number"), "aqrf_level": tr("AQRF level")}


class AccreditationFields(QWidget):
    """Values as the services take them; `problems()` applies the same rules before saving."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AccreditationFields()
        self.ui.setupUi(self)
        self.ui.accredited_on.set_value(date.today())
        self._occupations: dict[str, tuple[str, str | None]] = {}
        self.ui.occupation_code.activated.connect(self._occupation_chosen)
        self.ui.occupation_code.lineEdit().editingFinished.connect(self._occupation_typed)

    def load_catalogue(self, store: Store, country: str | None) -> None:
        """Offer the catalogue's sectors and the country's occupations (new ones may be typed)."""
        with store.session() as session:
            sectors = [s.name for s in catalogue.sectors(session)]
            names = {s.id: s.name for s in catalogue.sectors(session)}
            occupations = [(o.code, o.title, names.get(o.sector_id))
                           for o in catalogue.occupations(session, country)]
        self.ui.sector.addItem("")
        self.ui.sector.addItems(sectors)
        self.ui.occupation_code.addItem("")
        for code, title, sector in occupations:
            self.ui.occupation_code.addItem(f"{code}{_SEPARATOR}{title}")
            self._occupations[code] = (title, sector)
        self.ui.sector.setCurrentIndex(0)
        self.ui.occupation_code.setCurrentIndex(0)
        # The code box is narrow; its list shows "code — title" in full.
        view = self.ui.occupation_code.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 30)

    def values(self) -> dict[str, Any]:
        ui = self.ui
        return {"sector": ui.sector.currentText().strip() or None,
                "occupation_code": self._code() or None,
                "occupation_title": ui.occupation_title.text().strip() or None,
                "aqrf_level": ui.aqrf_level.value(),
                "accreditation_no": ui.accreditation_no.text(),
                "accrediting_body": ui.accrediting_body.text() or None,
                "accredited_on": ui.accredited_on.value(), "valid_until": ui.valid_until.value()}

    def problems(self) -> list[FieldError]:
        """The services' rules for an accreditation (domain.assessors), checked as she types."""
        values = self.values()
        chk = Checker()
        rules.check_accreditation(values, chk)
        if values["occupation_title"] and not values["occupation_code"]:
            chk.fail("occupation_code", "is required when an occupation title is given")
        return chk.errors

    def set_read_only(self, read_only: bool) -> None:
        for field in FIELDS:
            getattr(self.ui, field).setEnabled(not read_only)

    def _code(self) -> str:
        return self.ui.occupation_code.currentText().split(_SEPARATOR)[0].strip()

    def _occupation_chosen(self, _index: int) -> None:
        """Picking "CODE — Title" fills the code, the title and (if empty) the sector."""
        code = self._code()
        self.ui.occupation_code.setEditText(code)
        self._fill_from_catalogue(code)

    def _occupation_typed(self) -> None:
        self._fill_from_catalogue(self._code())

    def _fill_from_catalogue(self, code: str) -> None:
        known = self._occupations.get(code)
        if known is None:
            return
        title, sector = known
        self.ui.occupation_title.setText(title)
        if sector and not self.ui.sector.currentText().strip():
            self.ui.sector.setCurrentText(sector)
