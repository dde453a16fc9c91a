"""Adding a progress update to an action item: what happened, when, by whom, and what it moved.

Updates are append-only (they merge by insert-or-ignore between countries), so this dialog only
ever adds one; a new status or percent given here moves the item in the same transaction.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from ...domain import action_plans as rules
from ...domain.errors import FieldError
from ...domain.fields import Checker
from ...services.action_plans_queries import ItemRow
from ..context import AppContext
from ..forms.ui_progress_update import Ui_ProgressUpdateDialog
from ..models.action_plans import percent_text, status_label, status_labels
from ..operations import Op
from ..operations import action_plans as ops
from ..widgets import choices
from .record_editor import RecordEditor

UNCHANGED = -1  # the percent box's lowest value, shown as "unchanged"


class ProgressUpdateDialog(RecordEditor):
    def __init__(self, ctx: AppContext, item: ItemRow, *, today: date | None = None,
                 parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.ui = Ui_ProgressUpdateDialog()
        self.ui.setupUi(self)
        self.item = item
        self.setup_common(self.ui.note, self.ui.generalError, self.ui.buttons)
        ui = self.ui
        ui.appendOnly.setEnabled(False)  # greyed: a quiet remark, not a warning
        ui.itemSummary.setWordWrap(True)
        ui.itemSummary.setText(self.tr("{ref}{description}\nNow: {status}, {percent}").format(
            ref=f"{item.item_ref}. " if item.item_ref else "", description=item.description,
            status=status_label(item.status), percent=percent_text(item.percent)))
        ui.onDate.set_value(today or date.today())  # a RequiredDateField: an update has its date
        node = ctx.store.node
        ui.author.setText((node.focal_point or "") if node else "")
        choices.fill(ui.newStatus, ((label, code) for code, label in status_labels().items()),
                     blank=self.tr("unchanged"))
        ui.newPercent.setMinimum(UNCHANGED)
        ui.newPercent.setValue(UNCHANGED)
        self._bind_fields()
        ui.text.setFocus()

    def _bind_fields(self) -> None:
        ui = self.ui
        self.bind("on_date", ui.onDate, ui.onDateError, ui.onDate.dateChanged)
        self.bind("text", ui.text, ui.textError, ui.text.textChanged)
        self.bind("author", ui.author, ui.authorError, ui.author.textEdited)
        self.bind("new_status", ui.newStatus, ui.newStatusError, ui.newStatus.currentIndexChanged)
        self.bind("new_percent", ui.newPercent, ui.newPercentError, ui.newPercent.valueChanged)
        ui.newStatus.currentIndexChanged.connect(self._suggest_percent)

    def _suggest_percent(self) -> None:
        """"Done" means 100 %: offered when the user has not chosen a percent herself."""
        if choices.current(self.ui.newStatus) == "done" and self.ui.newPercent.value() == UNCHANGED:
            self.ui.newPercent.setValue(100)

    # RecordEditor ------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        ui = self.ui
        percent = ui.newPercent.value()
        return {
            "on_date": ui.onDate.value(), "text": ui.text.toPlainText(), "author": ui.author.text(),
            "new_status": choices.current(ui.newStatus),
            "new_percent": None if percent == UNCHANGED else percent,
        }

    def check(self, values: dict[str, Any]) -> list[FieldError]:
        chk = Checker()
        rules.check_update(values, chk)
        return chk.errors

    def operation(self, values: dict[str, Any]) -> Op:
        return ops.add_progress_update(item_id=self.item.id, values=values)
