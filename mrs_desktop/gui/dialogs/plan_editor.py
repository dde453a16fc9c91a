"""The action plan editor: title, reference, owner and partner countries, sector and period."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidgetItem, QPlainTextEdit, QWidget

from ...domain import action_plans as rules
from ...domain.errors import FieldError
from ...domain.fields import Checker
from ...domain.reference import countries
from ...services import catalogue
from ...services.action_plans_queries import PlanRow
from ..context import AppContext
from ..forms.ui_plan_editor import Ui_PlanEditor
from ..models.action_plans import read_only_note
from ..operations import Op
from ..operations import action_plans as ops
from ..widgets import choices
from .record_editor import RecordEditor


def hide_placeholders(dialog: QWidget) -> None:
    """A read-only form shows what is recorded; hints on how to fill it in would mislead."""
    for field in dialog.findChildren(QLineEdit) + dialog.findChildren(QPlainTextEdit):
        field.setPlaceholderText("")


class PlanEditor(RecordEditor):
    """New (`plan` None) or existing plan; a plan this country is not party to opens read-only."""

    def __init__(self, ctx: AppContext, plan: PlanRow | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.ui = Ui_PlanEditor()
        self.ui.setupUi(self)
        self.plan = plan
        self.home = ctx.store.node.country if ctx.store.node else None
        self.setWindowTitle(self.tr("Edit action plan") if plan else self.tr("New action plan"))
        self.setup_common(self.ui.note, self.ui.generalError, self.ui.buttons)
        self._fill_choices()
        if plan is not None:
            self._load(plan)
        else:
            choices.select(self.ui.owner, self.home)
        self._owner_changed()
        self._bind_fields()
        note = read_only_note(plan, self.home) if plan is not None else None
        if note:
            self.make_read_only(note)
            self.ui.partners.setEnabled(False)
            hide_placeholders(self)
        elif plan is not None:
            self.ui.owner.setEnabled(False)  # a plan keeps its owner
            self.ui.owner.setToolTip(self.tr("A plan keeps its owner; record a new plan instead."))
        self.ui.title.setFocus()

    def _fill_choices(self) -> None:
        ui = self.ui
        choices.fill_countries(ui.owner)
        for country in countries().values():
            entry = QListWidgetItem(country.name, ui.partners)
            entry.setData(Qt.ItemDataRole.UserRole, country.code)
            entry.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            entry.setCheckState(Qt.CheckState.Unchecked)
        with self.ctx.store.session() as session:
            sectors = [(s.name, s.code) for s in catalogue.sectors(session)]
        choices.fill(ui.sector, sectors, blank="")
        ui.sector.lineEdit().setPlaceholderText(self.tr("Pick or type a sector"))

    def _load(self, plan: PlanRow) -> None:
        ui = self.ui
        ui.title.setText(plan.title)
        ui.planRef.setText(plan.plan_ref or "")
        choices.select(ui.owner, plan.owner_country)
        self.set_partners(plan.partner_countries)
        ui.sector.setEditText(plan.sector or "")
        ui.periodStart.set_value(plan.period_start)
        ui.periodEnd.set_value(plan.period_end)

    def _bind_fields(self) -> None:
        ui = self.ui
        self.bind("plan_title", ui.title, ui.titleError, ui.title.textEdited)
        self.bind("plan_ref", ui.planRef, ui.planRefError, ui.planRef.textEdited)
        self.bind("owner_country", ui.owner, ui.ownerError, ui.owner.currentIndexChanged)
        ui.owner.currentIndexChanged.connect(self._owner_changed)
        self.bind("partner_countries", ui.partners, ui.partnersError, ui.partners.itemChanged)
        self.bind("sector", ui.sector, ui.sectorError, ui.sector.editTextChanged)
        self.bind("period_start", ui.periodStart, ui.periodStartError)
        self.bind("period_end", ui.periodEnd, ui.periodEndError)
        for field in (ui.periodStart, ui.periodEnd):
            field.dateChanged.connect(lambda _d: self.touch("period_start", "period_end"))

    def _owner_changed(self) -> None:
        """The owner cannot be its own partner: its box is unticked and greyed out."""
        owner = choices.current(self.ui.owner)
        partners = self.ui.partners
        partners.blockSignals(True)
        for row in range(partners.count()):
            entry = partners.item(row)
            is_owner = entry.data(Qt.ItemDataRole.UserRole) == owner
            flags = Qt.ItemFlag.ItemIsUserCheckable | (Qt.ItemFlag.NoItemFlags if is_owner
                                                       else Qt.ItemFlag.ItemIsEnabled)
            entry.setFlags(flags)
            if is_owner:
                entry.setCheckState(Qt.CheckState.Unchecked)
        partners.blockSignals(False)

    # Partner countries ----------------------------------------------------------------------------

    def partner_codes(self) -> list[str]:
        partners = self.ui.partners
        return [partners.item(r).data(Qt.ItemDataRole.UserRole) for r in range(partners.count())
                if partners.item(r).checkState() == Qt.CheckState.Checked]

    def set_partners(self, codes) -> None:
        partners = self.ui.partners
        for row in range(partners.count()):
            entry = partners.item(row)
            wanted = entry.data(Qt.ItemDataRole.UserRole) in codes
            entry.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    # RecordEditor ------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "title": ui.title.text(), "plan_ref": ui.planRef.text(),
            "owner_country": choices.current(ui.owner), "partner_countries": self.partner_codes(),
            "sector": ui.sector.currentText().strip() or None,
            "period_start": ui.periodStart.value(), "period_end": ui.periodEnd.value(),
        }

    def check(self, values: dict[str, Any]) -> list[FieldError]:
        chk = Checker()
        clean = rules.check_plan(values, chk, home_country=self.home or "")
        chk.text("sector", values["sector"], max_len=200)  # as services.action_plans checks it
        named = any(e.field == "partner_countries" for e in chk.errors)
        if not clean["partner_countries"] and not named:
            # The domain names this only when all else is right; the form shows every problem at once.
            chk.fail("partner_countries", "name at least one partner country")
        parties = {clean["owner_country"], *clean["partner_countries"].split(",")}
        if self.home and not chk.errors and self.home not in parties:
            chk.fail("partner_countries", self.tr("name {home}, this database's country, as owner or "
                                                  "partner: a node records only plans it is party to")
                     .format(home=choices.country_name(self.home)))
        return chk.errors

    def operation(self, values: dict[str, Any]) -> Op:
        if self.plan is None:
            return ops.add_plan(values=values)
        changed = {k: v for k, v in values.items() if k != "owner_country"}  # the owner never changes
        return ops.update_plan(plan_id=self.plan.id, values=changed)
