"""The action item editor: what is to be done, by whom, with which partner, by when, how far."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QWidget

from ...domain import action_plans as rules
from ...domain.errors import FieldError
from ...domain.fields import Checker
from ...services.action_plans_queries import ItemRow, PlanRow
from ..context import AppContext
from ..forms.ui_item_editor import Ui_ItemEditor
from ..models.action_plans import country_name, read_only_note, status_labels
from ..operations import Op
from ..operations import action_plans as ops
from ..widgets import choices
from .plan_editor import hide_placeholders
from .record_editor import RecordEditor


class ItemEditor(RecordEditor):
    """New (`item` None) or existing item of `plan`; read-only if this country is not party to it.

    `categories`: the categories already in use, offered for picking (any text may be typed).
    """

    def __init__(self, ctx: AppContext, plan: PlanRow, item: ItemRow | None = None, *,
                 categories: Iterable[str] = (), parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.ui = Ui_ItemEditor()
        self.ui.setupUi(self)
        self.plan, self.item = plan, item
        self.home = ctx.store.node.country if ctx.store.node else None
        plan_name = plan.plan_ref or plan.title
        self.setWindowTitle(self.tr("Action item of {plan}").format(plan=plan_name) if item
                            else self.tr("New action item of {plan}").format(plan=plan_name))
        self.setup_common(self.ui.note, self.ui.generalError, self.ui.buttons)
        self._fill_choices(categories)
        if item is not None:
            self._load(item)
        self._bind_fields()
        note = read_only_note(plan, self.home)
        if note:
            self.make_read_only(note)
            hide_placeholders(self)
        self.ui.description.setFocus()

    def _fill_choices(self, categories: Iterable[str]) -> None:
        ui = self.ui
        parties = (self.plan.owner_country, *self.plan.partner_countries)
        choices.fill(ui.partner, ((country_name(c), c) for c in parties),
                     blank=self.tr("No partner named"))
        choices.fill(ui.category, ((c, c) for c in sorted(set(categories), key=str.casefold)), blank="")
        ui.category.lineEdit().setPlaceholderText(self.tr("Pick or type a category"))
        choices.fill(ui.status, ((label, code) for code, label in status_labels().items()))
        ui.partner.setToolTip(self.tr("The partner country this item is mainly about; "
                                      "one of the plan's countries."))

    def _load(self, item: ItemRow) -> None:
        ui = self.ui
        ui.description.setPlainText(item.description)
        ui.itemRef.setText(item.item_ref or "")
        ui.category.setEditText(item.category or "")
        ui.agency.setText(item.responsible_agency or "")
        choices.select(ui.partner, item.partner_country)
        ui.startDate.set_value(item.start_date)
        ui.dueDate.set_value(item.due_date)
        choices.select(ui.status, item.status)
        ui.percent.setValue(item.percent)

    def _bind_fields(self) -> None:
        ui = self.ui
        self.bind("description", ui.description, ui.descriptionError, ui.description.textChanged)
        self.bind("item_ref", ui.itemRef, ui.itemRefError, ui.itemRef.textEdited)
        self.bind("category", ui.category, ui.categoryError, ui.category.editTextChanged)
        self.bind("responsible_agency", ui.agency, ui.agencyError, ui.agency.textEdited)
        self.bind("partner_country", ui.partner, ui.partnerError, ui.partner.currentIndexChanged)
        self.bind("start_date", ui.startDate, ui.startDateError)
        self.bind("due_date", ui.dueDate, ui.dueDateError)
        for field in (ui.startDate, ui.dueDate):
            field.dateChanged.connect(lambda _d: self.touch("start_date", "due_date"))
        self.bind("status", ui.status, ui.statusError, ui.status.currentIndexChanged)
        self.bind("percent", ui.percent, ui.percentError, ui.percent.valueChanged)

    # RecordEditor ------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "description": ui.description.toPlainText(), "item_ref": ui.itemRef.text(),
            "category": ui.category.currentText().strip() or None,
            "responsible_agency": ui.agency.text(), "partner_country": choices.current(ui.partner),
            "start_date": ui.startDate.value(), "due_date": ui.dueDate.value(),
            "status": choices.current(ui.status), "percent": ui.percent.value(),
        }

    def check(self, values: dict[str, Any]) -> list[FieldError]:
        chk = Checker()
        rules.check_item(values, chk)
        return chk.errors

    def operation(self, values: dict[str, Any]) -> Op:
        if self.item is None:
            return ops.add_item(plan_id=self.plan.id, values=values)
        return ops.update_item(item_id=self.item.id, values=values)
