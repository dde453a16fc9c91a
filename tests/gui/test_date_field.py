"""Date fields: empty ones open their calendar on today, required ones always hold a date."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from mrs_desktop.gui.widgets.date_field import DateField, RequiredDateField


def open_calendar(qtbot, field: DateField):
    """Click the field's arrow, as she would; the popup calendar it opens."""
    field.resize(160, field.sizeHint().height())
    field.show()
    qtbot.waitExposed(field)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(field.width() - 6, field.height() // 2))
    calendar = field.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    return calendar


@pytest.fixture
def field(qtbot):
    made = DateField()
    qtbot.addWidget(made)
    yield made
    QApplication.closeAllWindows()  # the popup, if still open


def test_an_empty_field_opens_its_calendar_on_this_month(qtbot, field):
    assert field.value() is None and field.text() == "not set"
    calendar = open_calendar(qtbot, field)
    today = date.today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)


def test_a_field_with_a_date_opens_its_calendar_on_that_date(qtbot, field):
    field.set_value(date(2021, 3, 9))
    calendar = open_calendar(qtbot, field)
    assert (calendar.yearShown(), calendar.monthShown()) == (2021, 3)
    assert calendar.selectedDate().toPython() == date(2021, 3, 9)


def test_a_required_field_always_holds_a_date(qtbot):
    field = RequiredDateField()
    qtbot.addWidget(field)
    assert not field.optional and field.value() == date.today()
    assert field.specialValueText() == ""
    field.set_value(date(2020, 2, 29))
    assert field.value() == date(2020, 2, 29)
    field.set_value(None)  # "no date" is not a value it can hold: back to today
    assert field.value() == date.today()


def test_forms_place_required_dates_from_their_ui_files(qtbot):
    from PySide6.QtWidgets import QDialog

    from mrs_desktop.gui.forms.ui_progress_update import Ui_ProgressUpdateDialog
    from mrs_desktop.gui.forms.ui_training_editor import Ui_TrainingEditor

    for form, names in ((Ui_TrainingEditor(), ("start_date", "end_date")),
                        (Ui_ProgressUpdateDialog(), ("onDate",))):
        dialog = QDialog()
        qtbot.addWidget(dialog)
        form.setupUi(dialog)
        for name in names:
            widget = getattr(form, name)
            assert isinstance(widget, RequiredDateField), name
            assert widget.value() == date.today()
