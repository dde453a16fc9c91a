"""The assessor editor and its accreditation dialogs (node KHM), offscreen."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from mrs_desktop.db.models import Accreditation, Assessor
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.assessors import search_text
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.gui.context import AppContext
from mrs_desktop.gui.dialogs.accreditation_editor import AccreditationEditor
from mrs_desktop.gui.dialogs.assessor_editor import AssessorEditor
from mrs_desktop.services import assessors
from mrs_desktop.services.search import AssessorQuery, get_assessor, search_assessors

TODAY = date.today()
START = TODAY - timedelta(days=400)


@pytest.fixture(autouse=True)
def _never_block_on_a_question(monkeypatch):
    """A form closed at teardown with edits in it asks; here it never waits for an answer."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def ctx(store):
    return AppContext(store)


@pytest.fixture
def dara(store) -> str:
    """Sok Dara, accredited as a commis cook (the catalogue then holds KHM's occupation CK-01)."""
    return assessors.add_assessor(UnitOfWork(store), {
        "family_name": "Sok", "given_names": "Dara", "name_native": "សុខ ដារា", "assessor_ref": "KH-001"},
        [{"aqrf_level": 2, "accreditation_no": "KH-A-100", "accredited_on": START,
          "valid_until": START + timedelta(days=1095), "sector": "Tourism",
          "occupation_code": "CK-01", "occupation_title": "Commis cook"}]).primary


def editor_for(qtbot, ctx, assessor_id=None) -> AssessorEditor:
    editor = AssessorEditor(ctx, assessor_id)
    qtbot.addWidget(editor)
    editor.open()
    return editor


def idle(qtbot, ctx):
    qtbot.waitUntil(lambda: not ctx.runner.busy)


def closed(dialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def everyone(store):
    return search_assessors(store, AssessorQuery(limit=100))


def fill_person(editor, family="Heng", given="Bopha"):
    ui = editor.ui
    ui.family_name.setText(family)
    ui.given_names.setText(given)
    ui.name_native.setText("ហេង បុប្ផា")
    ui.sex.setCurrentIndex(ui.sex.findData("female"))
    ui.date_of_birth.set_value(date(1988, 4, 2))
    ui.email.setText("bopha@example.org")
    ui.organisation.setText("NPIC")
    ui.assessor_ref.setText("KH-002")


# A new assessor ----------------------------------------------------------------------------------

def test_a_new_assessor_is_saved_with_the_first_accreditation(qtbot, ctx, dara):
    editor = editor_for(qtbot, ctx)
    assert editor.windowTitle() == "New assessor" and not editor.ui.accreditations_group.isVisible()
    fill_person(editor)
    fields = editor.ui.first_accreditation.ui
    codes = [fields.occupation_code.itemText(i) for i in range(fields.occupation_code.count())]
    assert "CK-01 — Commis cook" in codes  # the country's occupations are offered
    fields.occupation_code.setCurrentIndex(codes.index("CK-01 — Commis cook"))
    fields.occupation_code.activated.emit(codes.index("CK-01 — Commis cook"))
    assert (fields.occupation_code.currentText(), fields.occupation_title.text()) == ("CK-01", "Commis cook")
    assert fields.sector.currentText() == "Tourism and hospitality"  # the occupation's sector
    fields.aqrf_level.setValue(3)
    fields.accreditation_no.setText("KH-A-200")
    fields.accrediting_body.setText("NTB")
    fields.valid_until.set_value(TODAY + timedelta(days=1000))
    assert editor.save_button.isEnabled()
    editor.save()
    idle(qtbot, ctx)
    assert closed(editor)
    saved = get_assessor(ctx.store, editor.saved_id)
    assert (saved.family_name, saved.sex, saved.date_of_birth, saved.email) == (
        "Heng", "female", date(1988, 4, 2), "bopha@example.org")
    (acc,) = saved.accreditations
    assert (acc.accreditation_no, acc.aqrf_level, acc.occupation_code, acc.sector, acc.accrediting_body) == (
        "KH-A-200", 3, "CK-01", "Tourism and hospitality", "NTB")
    assert (acc.accredited_on, acc.valid_until, acc.status) == (TODAY, TODAY + timedelta(days=1000), "active")
    assert ctx.undo.undo_label == "Add assessor"


def test_a_new_sector_and_occupation_typed_in_are_added_to_the_catalogue(qtbot, ctx):
    editor = editor_for(qtbot, ctx)
    editor.ui.family_name.setText("Heng")
    fields = editor.ui.first_accreditation.ui
    fields.sector.setEditText("Aquaculture")
    fields.occupation_code.setEditText("AQ-01")
    fields.occupation_title.setText("Fish farm technician")
    fields.accreditation_no.setText("KH-A-300")
    fields.valid_until.set_value(TODAY + timedelta(days=30))
    editor.save()
    idle(qtbot, ctx)
    (acc,) = get_assessor(ctx.store, editor.saved_id).accreditations
    assert (acc.sector, acc.occupation_code, acc.occupation) == ("Aquaculture", "AQ-01", "Fish farm technician")


def test_the_first_accreditation_may_wait(qtbot, ctx):
    editor = editor_for(qtbot, ctx)
    editor.ui.family_name.setText("Heng")
    assert not editor.save_button.isEnabled()  # the accreditation lacks its number and end date
    editor.ui.first_accreditation_group.setChecked(False)
    assert editor.save_button.isEnabled()
    editor.save()
    idle(qtbot, ctx)
    assert get_assessor(ctx.store, editor.saved_id).accreditations == ()


def test_rules_are_checked_as_she_types_for_the_fields_she_touched(qtbot, ctx):
    editor = editor_for(qtbot, ctx)
    ui, fields = editor.ui, editor.ui.first_accreditation.ui
    assert ui.err_family_name.isHidden() and not editor.save_button.isEnabled()
    qtbot.keyClicks(ui.family_name, "H")
    qtbot.keyClick(ui.family_name, Qt.Key.Key_Backspace)
    assert ui.err_family_name.text() == "is required" and not ui.err_family_name.isHidden()
    assert fields.err_accreditation_no.isHidden()  # not touched yet: not scolded
    qtbot.keyClicks(ui.family_name, "Heng")
    assert ui.err_family_name.isHidden()
    qtbot.keyClicks(ui.email, "heng at npic")
    assert ui.err_email.text() == "'heng at npic' is not an e-mail address"
    ui.email.clear()
    fields.valid_until.set_value(TODAY - timedelta(days=1))
    assert fields.err_valid_until.text() == (
        f"{(TODAY - timedelta(days=1)).isoformat()} is before accredited on {TODAY.isoformat()}")
    qtbot.keyClicks(fields.occupation_title, "Welder")
    assert fields.err_occupation_code.text() == "is required when an occupation title is given"
    qtbot.keyClicks(fields.accreditation_no, "KH-A-9")
    fields.valid_until.set_value(TODAY + timedelta(days=90))
    fields.occupation_code.setEditText("WE-1")
    assert fields.err_valid_until.isHidden() and fields.err_occupation_code.isHidden()
    assert editor.save_button.isEnabled()


def test_a_message_on_two_lines_is_not_cut_off(qtbot, ctx):
    editor = editor_for(qtbot, ctx)
    qtbot.waitExposed(editor)
    label = editor.ui.err_email
    qtbot.keyClicks(editor.ui.email, "sreymom.keo.at.the.provincial.training.centre.gmail.com")
    qtbot.waitUntil(lambda: label.isVisible() and label.height() > 0)
    assert label.heightForWidth(label.width()) > label.fontMetrics().height() * 1.5  # it wraps
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))


def test_a_refusal_by_the_service_is_shown_under_its_field_and_changes_nothing(qtbot, ctx, dara):
    before = everyone(ctx.store)
    editor = editor_for(qtbot, ctx)
    fill_person(editor)
    editor.ui.assessor_ref.setText("KH-001")  # Sok Dara's reference
    editor.ui.first_accreditation_group.setChecked(False)
    editor.save()
    idle(qtbot, ctx)
    assert editor.isVisible()
    assert editor.ui.err_assessor_ref.text() == "KHM already has an assessor with reference KH-001"
    assert not editor.ui.err_assessor_ref.isHidden() and editor.save_button.isEnabled()
    assert everyone(ctx.store) == before and ctx.undo.undo_label is None


# An existing assessor ----------------------------------------------------------------------------

def test_editing_an_assessor_saves_the_changed_fields_and_undo_restores_them(qtbot, ctx, dara):
    editor = editor_for(qtbot, ctx, dara)
    assert editor.windowTitle() == "Sok Dara" and editor.ui.name_native.text() == "សុខ ដារា"
    assert not editor.ui.first_accreditation_group.isVisible()
    assert editor.accreditations.rowCount() == 1
    editor.ui.email.setText("dara@npic.edu.kh")
    editor.save()
    idle(qtbot, ctx)
    assert closed(editor)
    assert get_assessor(ctx.store, dara).email == "dara@npic.edu.kh"
    assert ctx.undo.undo_label == "Edit assessor"
    ctx.undo_last()
    idle(qtbot, ctx)
    assert get_assessor(ctx.store, dara).email is None


def test_saving_without_changes_just_closes(qtbot, ctx, dara):
    editor = editor_for(qtbot, ctx, dara)
    editor.save()
    assert closed(editor) and not ctx.runner.busy and ctx.undo.undo_label is None


def test_closing_with_unsaved_edits_asks_first(qtbot, ctx, dara, monkeypatch):
    editor = editor_for(qtbot, ctx, dara)
    editor.ui.phone.setText("+855 12 345 678")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    editor.reject()
    assert editor.isVisible() and asked == ["Close the form and discard your changes?"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    editor.reject()
    assert closed(editor) and get_assessor(ctx.store, dara).phone is None


def test_an_accreditation_is_added_from_the_editor(qtbot, ctx, dara):
    editor = editor_for(qtbot, ctx, dara)
    dialog = editor.add_accreditation()
    assert isinstance(dialog, AccreditationEditor) and dialog.ui.intro.text() == "New accreditation for Sok Dara."
    fields = dialog.ui.fields.ui
    fields.aqrf_level.setValue(3)
    fields.accreditation_no.setText("KH-A-101")
    fields.valid_until.set_value(TODAY + timedelta(days=700))
    dialog.save()
    idle(qtbot, ctx)
    assert closed(dialog)
    assert editor.accreditations.rowCount() == 2
    assert editor.selected_accreditation().accreditation_no == "KH-A-101"  # the new one, selected
    assert ctx.undo.undo_label == "Add accreditation"


def test_an_accreditation_number_taken_keeps_the_add_dialog_open(qtbot, ctx, dara):
    editor = editor_for(qtbot, ctx, dara)
    dialog = editor.add_accreditation()
    dialog.ui.fields.ui.accreditation_no.setText("KH-A-100")
    dialog.ui.fields.ui.valid_until.set_value(TODAY + timedelta(days=700))
    dialog.save()
    idle(qtbot, ctx)
    assert dialog.isVisible()
    assert dialog.ui.fields.ui.err_accreditation_no.text() == "KHM already has accreditation number KH-A-100"
    assert len(get_assessor(ctx.store, dara).accreditations) == 1


def test_renewal_continues_the_selected_accreditation(qtbot, ctx, dara):
    editor = editor_for(qtbot, ctx, dara)
    old = editor.selected_accreditation()
    dialog = editor.renew_accreditation()
    start = max(old.valid_until, TODAY)
    assert dialog.ui.accredited_on.value() == start
    assert dialog.ui.valid_until.value() == start + (old.valid_until - old.accredited_on)  # as long as before
    assert dialog.ui.accreditation_no.placeholderText() == "KH-A-100-R"
    dialog.ui.valid_until.set_value(start - timedelta(days=1))
    assert not dialog.save_button.isEnabled() and "is before accredited on" in dialog.ui.err_valid_until.text()
    dialog.ui.valid_until.set_value(start + timedelta(days=1095))
    dialog.save()
    idle(qtbot, ctx)
    accs = get_assessor(ctx.store, dara).accreditations
    renewed = next(a for a in accs if a.renews_id == old.id)
    assert (renewed.accreditation_no, renewed.valid_until) == ("KH-A-100-R", start + timedelta(days=1095))
    assert editor.accreditations.rowCount() == 2


def test_suspend_and_reinstate_from_the_editor(qtbot, ctx, dara):
    editor = editor_for(qtbot, ctx, dara)
    assert editor.ui.suspend_accreditation.isEnabled() and not editor.ui.reinstate_accreditation.isEnabled()
    dialog = editor.change_status("suspended")
    assert dialog.ui.accreditations.count() == 1 and not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.ui.reason, "Working abroad")
    dialog.ui.on_date.set_value(TODAY - timedelta(days=2))
    dialog.save()
    idle(qtbot, ctx)
    acc = get_assessor(ctx.store, dara).accreditations[0]
    assert (acc.status, acc.status_reason, acc.status_date) == ("suspended", "Working abroad", TODAY - timedelta(days=2))
    assert editor.accreditations.index(0, 6).data() == "Suspended"
    assert editor.ui.reinstate_accreditation.isEnabled() and not editor.ui.suspend_accreditation.isEnabled()
    dialog = editor.change_status("active")
    dialog.save()
    idle(qtbot, ctx)
    assert get_assessor(ctx.store, dara).accreditations[0].status == "active"


def test_a_revoked_accreditation_cannot_be_renewed_or_reinstated(qtbot, ctx, dara):
    editor = editor_for(qtbot, ctx, dara)
    dialog = editor.change_status("revoked")
    assert "A revocation is final" in dialog.ui.intro.text()
    qtbot.keyClicks(dialog.ui.reason, "Fraudulent assessment records")
    dialog.save()
    idle(qtbot, ctx)
    assert editor.accreditations.index(0, 6).data() == "Revoked"
    for button in (editor.ui.renew_accreditation, editor.ui.suspend_accreditation,
                   editor.ui.revoke_accreditation, editor.ui.reinstate_accreditation):
        assert not button.isEnabled()
    assert editor.renew_accreditation() is None


def test_a_partners_record_opens_read_only(qtbot, ctx, store):
    with UnitOfWork(store) as uow:
        thai = Assessor(id=uuid7(), origin=uuid7(), country="THA", family_name="Jaidee", given_names="Somchai",
                        search_text=search_text("Jaidee", "Somchai", None))
        uow.session.add(thai)
        uow.session.add(Accreditation(id=uuid7(), origin=thai.origin, assessor_id=thai.id, country="THA",
                                      aqrf_level=2, accreditation_no="TH-1", accredited_on=START,
                                      valid_until=TODAY + timedelta(days=9), status="active"))
        uow.commit()
    editor = editor_for(qtbot, ctx, thai.id)
    assert editor.ui.owner_note.text() == "Owned by Thailand: read-only" and editor.ui.owner_note.isVisible()
    assert editor.ui.family_name.isReadOnly() and not editor.ui.sex.isEnabled()
    assert not editor.save_button.isVisible()
    assert not editor.ui.add_accreditation.isVisible() and not editor.ui.suspend_accreditation.isVisible()
    editor.ui.family_name.setText("Changed")  # even if something changed it, nothing is saved
    editor.save()
    assert not ctx.runner.busy and get_assessor(store, thai.id).family_name == "Jaidee"
    editor.reject()
    assert closed(editor)


def test_an_empty_required_date_opens_its_calendar_on_today(qtbot, ctx):
    editor = editor_for(qtbot, ctx)
    field = editor.ui.first_accreditation.ui.valid_until
    assert field.value() is None
    calendar = field.calendarWidget()
    QApplication.sendEvent(calendar, QShowEvent())
    assert (calendar.yearShown(), calendar.monthShown()) == (TODAY.year, TODAY.month)
