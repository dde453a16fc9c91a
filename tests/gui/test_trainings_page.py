"""The trainings page and its editors, on the demo database (node: KHM), offscreen."""

from __future__ import annotations

import csv
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from mrs_desktop.db.models import Participant, Training
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.gui.context import AppContext
from mrs_desktop.gui.pages.trainings import TrainingsPage
from mrs_desktop.services.demo import load_demo
from mrs_desktop.services.trainings_queries import get_training, list_trainings


@pytest.fixture
def ctx(store):
    load_demo(store, "small")
    return AppContext(store)


@pytest.fixture
def page(qtbot, ctx):
    shown = TrainingsPage(ctx)
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    shown.show()
    yield shown
    ctx.runner.wait()


def idle(qtbot, ctx):
    qtbot.waitUntil(lambda: not ctx.runner.busy)


def closed(dialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def titles(page) -> list[str]:
    return [page.model.row(r).title for r in range(page.model.rowCount())]


def select_title(page, title: str):
    row = titles(page).index(title)
    page.table.selectRow(row)
    return page.model.row(row)


def type_by_input_method(widget, text: str) -> None:
    """How a Khmer or Thai keyboard delivers text (QTest's key clicks know only Latin keys)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def answer(monkeypatch, button):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args[2]) or button)
    return asked


def partner_training(store) -> str:
    """A training Thailand recorded, received by sync."""
    with store.session() as s:
        t = Training(id=uuid7(), origin=uuid7(), country="THA", title="DSD national ToT for welders",
                     kind="tot", host_country="THA", start_date=date(2026, 1, 5), end_date=date(2026, 1, 9))
        s.add(t)
        s.flush()
        s.add(Participant(id=uuid7(), origin=t.origin, training_id=t.id, full_name="Somchai Dee",
                          country="THA"))
        s.commit()
        return t.id


def fill_new_training(editor, title="ToA: bricklaying for returning migrants"):
    ui = editor.ui
    ui.title.setText(title)
    ui.kind.setCurrentIndex(ui.kind.findData("toa"))
    ui.training_ref.setText("KHM-TOA-2027-01")
    ui.host_institution.setText("NPIC")
    ui.venue.setText("Phnom Penh")
    ui.start_date.set_value(date(2027, 2, 1))
    ui.end_date.set_value(date(2027, 2, 5))
    ui.funder.setText("ILO")
    ui.facilitators.setPlainText("Chan Dara\nSok Vanna")


# Listing and filtering ---------------------------------------------------------------------------

def test_the_page_lists_every_training_latest_first(page, ctx):
    expected = list_trainings(ctx.store)
    assert page.model.ids() == [t.id for t in expected]
    assert page.count.text() == f"{len(expected)} trainings"
    first = page.model.index(0, 0)
    assert first.data() == expected[0].title
    assert page.model.index(0, 4).data() == str(expected[0].participant_count)
    assert page.model.index(0, 3).data().startswith(expected[0].start_date.isoformat())


def test_filters_narrow_the_list(qtbot, page, ctx):
    everything = page.model.rowCount()
    page.kind.setCurrentIndex(page.kind.findData("toa"))
    assert 0 < page.model.rowCount() < everything
    assert {page.model.index(r, 1).data() for r in range(page.model.rowCount())} == {"ToA"}
    page.country.setCurrentIndex(page.country.findData("THA"))
    assert page.model.ids() == [t.id for t in list_trainings(ctx.store, kind="toa", country="THA")]
    page.kind.setCurrentIndex(0)
    page.country.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "weld")
    assert titles(page) == ["Training of assessors: welding (AQRF levels 2 and 3)"]
    assert page.count.text() == "1 training"


def test_models_pass_the_model_tester(qtmodeltester, page):
    qtmodeltester.check(page.model)
    page.table.selectRow(0)
    assert page.participants.model.rowCount() > 0
    qtmodeltester.check(page.participants.model)


def test_sorting_by_a_column_keeps_the_selection(page):
    chosen = select_title(page, "Training of assessors: garment sewing machine operators")
    page.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    counts = [page.model.row(r).participant_count for r in range(page.model.rowCount())]
    assert counts == sorted(counts, reverse=True)
    assert page.selected().id == chosen.id
    page.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # cleared
    assert page.model.ids()[0] == list_trainings(page.ctx.store)[0].id


def test_selecting_a_training_shows_its_participants(page, ctx):
    chosen = select_title(page, "Training of assessors: refrigeration and air-conditioning")
    detail = get_training(ctx.store, chosen.id)
    panel = page.participants
    assert panel.model.rowCount() == len(detail.participants) == chosen.participant_count
    names = {panel.model.index(r, 0).data() for r in range(panel.model.rowCount())}
    assert names == {p.full_name for p in detail.participants}
    linked = next(r for r in range(panel.model.rowCount()) if panel.model.row(r).assessor_id)
    assert panel.model.index(linked, 5).data().startswith("KHM-AS-")
    assert "refrigeration and air-conditioning" in panel.summary.text()
    assert panel.add_button.isEnabled()


# The training editor -----------------------------------------------------------------------------

def test_a_new_training_is_saved_and_selected(qtbot, page, ctx):
    page.create()
    editor = page.editor
    fill_new_training(editor)
    editor.ui.sector.setEditText("Construction")
    editor.ui.occupation.combo.setEditText("CS-BRK")
    editor.ui.occupation.title.setText("Bricklayer")
    editor.save()
    idle(qtbot, ctx)
    assert closed(editor)
    chosen = page.selected()
    assert chosen.title == "ToA: bricklaying for returning migrants"
    detail = get_training(ctx.store, chosen.id)
    assert (detail.kind, detail.country, detail.host_country) == ("toa", "KHM", "KHM")
    assert (detail.start_date, detail.end_date) == (date(2027, 2, 1), date(2027, 2, 5))
    assert (detail.occupation_code, detail.occupation, detail.sector) == ("CS-BRK", "Bricklayer", "Construction")
    assert detail.facilitators == "Chan Dara, Sok Vanna"


def test_invalid_input_is_shown_beside_its_fields_and_changes_nothing(qtbot, page, ctx):
    before = list_trainings(ctx.store)
    page.create()
    editor = page.editor
    editor.ui.start_date.set_value(date(2027, 3, 10))
    editor.ui.end_date.set_value(date(2027, 3, 1))
    editor.ui.occupation.combo.setEditText("CS-NEW")  # a new code without its title
    editor.save()
    idle(qtbot, ctx)
    assert editor.isVisible()
    assert editor.errors.message_for("title") == "is required"
    assert editor.errors.message_for("kind") == "is required"
    assert "is before start_date" in editor.errors.message_for("end_date")
    assert "give its title" in editor.errors.message_for("occupation_title")
    assert list_trainings(ctx.store) == before
    assert ctx.undo.undo_label is None


def test_messages_appear_as_the_user_types_only_for_fields_touched(qtbot, page):
    page.create()
    editor = page.editor
    qtbot.keyClicks(editor.ui.title, "x")
    editor.ui.title.clear()
    qtbot.keyClicks(editor.ui.title, " ")
    assert editor.errors.message_for("title") == "is required"
    assert editor.errors.message_for("kind") == ""  # not touched yet
    qtbot.keyClicks(editor.ui.title, "ToT")
    assert editor.errors.message_for("title") == ""


def test_a_duplicate_reference_is_refused_beside_its_field(qtbot, page, ctx):
    taken = list_trainings(ctx.store)[0].training_ref
    page.create()
    editor = page.editor
    fill_new_training(editor)
    editor.ui.training_ref.setText(taken)
    editor.save()
    idle(qtbot, ctx)
    assert editor.isVisible()
    assert "already has a training with reference" in editor.errors.message_for("training_ref")


def test_an_edit_shows_and_undo_restores_it(qtbot, page, ctx):
    chosen = select_title(page, "Training of assessors: light vehicle mechanics")
    page.edit()
    editor = page.editor
    assert editor.ui.title.text() == chosen.title
    editor.ui.title.setText("Training of assessors: light vehicle mechanics (2nd cohort)")
    editor.save()
    idle(qtbot, ctx)
    assert page.selected().title == "Training of assessors: light vehicle mechanics (2nd cohort)"
    assert ctx.undo.undo_label == "Edit training"
    ctx.undo_last()
    idle(qtbot, ctx)
    assert page.selected().title == chosen.title
    assert get_training(ctx.store, chosen.id).title == chosen.title


def test_delete_asks_and_leaves_a_tombstone(qtbot, page, ctx, monkeypatch):
    chosen = select_title(page, "Assessor moderation workshop: building electricians")
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    page.delete()
    idle(qtbot, ctx)
    assert chosen.id in page.model.ids()
    assert f"{chosen.participant_count} participants" in asked[0]
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    page.delete()
    idle(qtbot, ctx)
    assert chosen.id not in page.model.ids()
    with ctx.store.session() as s:
        assert s.get(Training, chosen.id).deleted is True
    ctx.undo_last()
    idle(qtbot, ctx)
    assert chosen.id in page.model.ids()


# Participants --------------------------------------------------------------------------------------

def test_a_person_not_in_the_register_is_added(qtbot, page, ctx):
    chosen = select_title(page, "Training of assessors: welding (AQRF levels 2 and 3)")
    page.participants.add()
    editor = page.participants.editor
    editor.ui.new_person.setChecked(True)
    editor.ui.full_name.setText("Vilay Phommasak")
    editor.ui.name_native.setText("ວິໄລ ພົມມະສັກ")
    editor.ui.country.setCurrentIndex(editor.ui.country.findData("LAO"))
    editor.ui.attendance.setValue(95)
    editor.ui.outcome.setCurrentIndex(editor.ui.outcome.findData("competent"))
    editor.save()
    idle(qtbot, ctx)
    assert closed(editor)
    panel = page.participants
    added = panel.selected()
    assert (added.full_name, added.name_native, added.country, added.attendance, added.outcome,
            added.assessor_id) == ("Vilay Phommasak", "ວິໄລ ພົມມະສັກ", "LAO", 95, "competent", None)
    assert panel.model.index(panel.model.row_of(added.id), 5).data() == "not yet"
    assert page.selected().id == chosen.id
    assert page.selected().participant_count == chosen.participant_count + 1


def test_an_assessor_is_picked_from_the_register_by_searching(qtbot, page, ctx):
    chosen = select_title(page, "Regional ToT: competency-based training for construction trades")
    listed = {p.assessor_id for p in get_training(ctx.store, chosen.id).participants}
    page.participants.add()
    editor = page.participants.editor
    qtbot.keyClicks(editor.ui.search, "Chea")
    matches = editor.ui.matches
    assert 0 < matches.count() <= 20
    row = next(r for r in range(matches.count())
               if matches.item(r).data(Qt.ItemDataRole.UserRole) not in listed)
    picked = editor._picked[matches.item(row).data(Qt.ItemDataRole.UserRole)]
    assert picked.family_name == "Chea"
    matches.setCurrentRow(row)
    editor.save()
    idle(qtbot, ctx)
    assert closed(editor)
    added = page.participants.selected()
    assert added.assessor_id == picked.id
    assert added.country == picked.country
    assert page.participants.model.index(page.participants.model.row_of(added.id), 5).data() == picked.assessor_ref


def test_the_register_choice_is_required_and_listed_people_cannot_be_picked(qtbot, page, ctx):
    chosen = select_title(page, "Regional ToT: competency-based training for construction trades")
    listed = next(p for p in get_training(ctx.store, chosen.id).participants if p.assessor_id)
    page.participants.add()
    editor = page.participants.editor
    editor.save()
    idle(qtbot, ctx)
    assert editor.isVisible()
    assert "choose the assessor" in editor.errors.message_for("assessor_id")
    type_by_input_method(editor.ui.search, listed.name_native)  # Khmer script
    matches = editor.ui.matches
    row = next(r for r in range(matches.count())
               if matches.item(r).data(Qt.ItemDataRole.UserRole) == listed.assessor_id)
    assert matches.item(row).text().endswith("already a participant")
    assert not matches.item(row).flags() & Qt.ItemFlag.ItemIsEnabled
    assert page.selected().participant_count == chosen.participant_count


def test_a_participant_is_edited_and_removed(qtbot, page, ctx, monkeypatch):
    chosen = select_title(page, "Training of assessors: tourism front office and F&B service")
    panel = page.participants
    panel.table.selectRow(0)
    person = panel.selected()
    panel.edit()
    editor = panel.editor
    assert editor.ui.from_register.isChecked() == bool(person.assessor_id)
    editor.ui.attendance.setValue(40)
    editor.ui.outcome.setCurrentIndex(editor.ui.outcome.findData("withdrawn"))
    editor.save()
    idle(qtbot, ctx)
    edited = panel.model.row_by_id(person.id)
    assert (edited.attendance, edited.outcome, edited.assessor_id) == (40, "withdrawn", person.assessor_id)
    assert panel.selected().id == person.id
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    panel.remove()
    idle(qtbot, ctx)
    assert panel.model.row_of(person.id) == -1
    assert page.selected().participant_count == chosen.participant_count - 1


# A partner's training, filters from elsewhere, layout, export --------------------------------------

def test_a_partners_training_is_read_only(qtbot, page, ctx, monkeypatch):
    training_id = partner_training(ctx.store)
    page.refresh()
    row = page.model.row_of(training_id)
    assert page.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "Thailand" in page.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    page.table.selectRow(row)
    assert not page.delete_button.isEnabled()
    assert not page.participants.add_button.isEnabled()
    assert "read-only" in page.participants.summary.text()
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    page.delete()
    assert asked == [] and training_id in page.model.ids()
    page.edit()
    editor = page.editor
    assert editor.read_only and editor.ui.title.isReadOnly() and not editor.ui.kind.isEnabled()
    assert "Thailand" in editor.ui.note.text() and editor.ui.note.isVisibleTo(editor)
    editor.save()
    assert not ctx.runner.busy and ctx.undo.undo_label is None


def test_apply_filter_shows_what_the_dashboard_asked_for(page, ctx):
    page.apply_filter({"kind": "tot", "country": "PHL"})
    assert page.kind.currentData() == "tot" and page.country.currentData() == "PHL"
    assert page.model.ids() == [t.id for t in list_trainings(ctx.store, kind="tot", country="PHL")]
    assert page.model.rowCount() == 1
    page.apply_filter({})
    assert page.model.rowCount() == len(list_trainings(ctx.store))


def test_a_click_on_trainings_this_year_lists_that_years_and_says_so(qtbot, page, ctx):
    everything = list_trainings(ctx.store)
    year = everything[-1].start_date.year  # the earliest: the demo has later ones too
    page.show()
    qtbot.waitExposed(page)
    page.apply_filter({"year": year})
    starting = [t.id for t in everything if t.start_date.year == year]
    assert page.model.ids() == starting and 0 < len(starting) < len(everything)
    assert page.year_filter.isVisible() and page.year_filter.text() == f"Filtered: starting in {year}"
    assert page.count.text() in (f"{len(starting)} trainings", "1 training")
    page.kind.setCurrentIndex(page.kind.findData("toa"))  # the other filters combine with it
    assert page.model.ids() == [t.id for t in list_trainings(ctx.store, kind="toa", year=year)]
    assert page.year_filter.isVisible()
    page.kind.setCurrentIndex(0)
    qtbot.mouseClick(page.year_filter.clear_button, Qt.MouseButton.LeftButton)
    assert not page.year_filter.isVisible()
    assert page.model.ids() == [t.id for t in everything]
    page.apply_filter({"year": year})
    page.apply_filter({"kind": "tot"})  # another click-through replaces it
    assert not page.year_filter.isVisible()
    assert page.model.ids() == [t.id for t in list_trainings(ctx.store, kind="tot")]


def test_filters_and_column_widths_survive_a_restart(qtbot, page, ctx, tmp_path):
    page.kind.setCurrentIndex(page.kind.findData("toa"))
    page.table.horizontalHeader().resizeSection(0, 333)
    settings = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)
    settings.setValue("pages/trainings", page.save_state())
    settings.sync()
    again = TrainingsPage(ctx)
    qtbot.addWidget(again)
    again.restore_state(QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat).value("pages/trainings"))
    assert again.kind.currentData() == "toa"
    assert again.table.horizontalHeader().sectionSize(0) == 333
    assert again.model.ids() == page.model.ids()


def test_export_writes_the_trainings_shown(qtbot, page, ctx, tmp_path, monkeypatch):
    page.country.setCurrentIndex(page.country.findData("THA"))
    shown = [page.model.row(r) for r in range(page.model.rowCount())]
    target = tmp_path / "thai-trainings"
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, default, filters: offered.append(default) or (str(target), "CSV, UTF-8 (*.csv)"))
    messages = []
    ctx.status_message.connect(messages.append)
    page.export_view()
    idle(qtbot, ctx)
    assert offered[0].endswith(".xlsx")
    with open(tmp_path / "thai-trainings.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) - 1 == sum(t.participant_count or 1 for t in shown)
    assert {r[1] for r in rows[1:]} == {t.title for t in shown}
    assert messages and "thai-trainings.csv" in messages[-1]
