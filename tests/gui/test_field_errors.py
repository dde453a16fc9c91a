"""Messages beside their fields: after Save the cursor goes to the first wrong field; while the
user types it stays where she is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from mrs_desktop.domain.errors import FieldError, ValidationError
from mrs_desktop.gui.context import AppContext
from mrs_desktop.gui.dialogs.training_editor import TrainingEditor
from mrs_desktop.gui.widgets.field_errors import FIELD_STYLE, FieldErrors


class FocusCounter(QObject):
    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.count += 1
        return False


def activate(qtbot, window: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.fixture
def form(qtbot):
    """Name and email, with a message line under each; email and phone share one line."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QFormLayout(window)
    fields = {name: QLineEdit(objectName=name) for name in ("name", "email", "phone")}
    labels = {name: QLabel() for name in ("name", "contact")}
    errors = FieldErrors()
    errors.bind("name", fields["name"], labels["name"])
    errors.bind("email", fields["email"], labels["contact"])
    errors.bind("phone", fields["phone"], labels["contact"])
    layout.addRow("Name", fields["name"])
    layout.addRow("", labels["name"])
    layout.addRow("Email", fields["email"])
    layout.addRow("Phone", fields["phone"])
    layout.addRow("", labels["contact"])
    activate(qtbot, window)
    return window, fields, labels, errors


def test_after_save_the_cursor_goes_to_the_first_wrong_field(qtbot, form):
    window, fields, labels, errors = form
    fields["name"].setFocus()
    unplaced = errors.show(ValidationError([FieldError("email", "is not an address"),
                                            FieldError("country", "is required")]))
    assert [e.field for e in unplaced] == ["country"]
    assert fields["email"].hasFocus()
    assert labels["contact"].isVisible() and labels["contact"].text() == "is not an address"
    assert fields["email"].styleSheet() == FIELD_STYLE and fields["name"].styleSheet() == ""


def test_while_she_types_the_cursor_stays_in_her_field(qtbot, form):
    window, fields, labels, errors = form
    fields["name"].setFocus()
    arrived = FocusCounter(fields["email"])
    errors.show(ValidationError([FieldError("email", "is not an address")]), focus=False)
    assert fields["name"].hasFocus() and arrived.count == 0
    assert errors.message_for("email") == "is not an address"


def test_each_showing_replaces_the_last_and_a_shared_line_holds_both_messages(qtbot, form):
    window, fields, labels, errors = form
    errors.show(ValidationError([FieldError("name", "is required")]), focus=False)
    errors.show(ValidationError([FieldError("email", "is not an address"),
                                 FieldError("phone", "has letters in it")]), focus=False)
    assert labels["name"].isHidden() and fields["name"].styleSheet() == ""
    assert labels["contact"].text() == "is not an address\nhas letters in it"
    assert fields["email"].styleSheet() == fields["phone"].styleSheet() == FIELD_STYLE
    errors.clear()
    assert labels["contact"].isHidden() and labels["contact"].text() == ""
    assert all(field.styleSheet() == "" for field in fields.values())


def test_an_editor_checking_as_she_types_never_pulls_the_cursor_away(qtbot, store):
    ctx = AppContext(store)
    editor = TrainingEditor(ctx, None)
    qtbot.addWidget(editor)
    activate(qtbot, editor)
    editor.save()  # an empty form: every message shows, the cursor goes to the first
    assert editor.errors.message_for("title") == "is required"
    assert editor.errors.message_for("kind") == "is required"
    assert editor.ui.title.hasFocus()
    kind_focused = FocusCounter(editor.ui.kind)
    finished = []
    editor.ui.title.editingFinished.connect(lambda: finished.append(True))
    qtbot.keyClicks(editor.ui.title, "ToT")  # the title's message goes, the kind's stays
    assert editor.errors.message_for("title") == ""
    assert editor.errors.message_for("kind") == "is required"
    assert editor.ui.title.hasFocus() and editor.ui.title.text() == "ToT"
    assert kind_focused.count == 0  # not even for a moment
    assert finished == []  # so the title never saw her "leave" it
    editor.reject()
    ctx.runner.wait()
