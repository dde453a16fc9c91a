"""The occupation equivalences page and its editor, on the demo database (node: KHM), offscreen."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from mrs_desktop.db.models import Equivalence, Occupation
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.gui.context import AppContext
from mrs_desktop.gui.operations import registers
from mrs_desktop.gui.pages.equivalences import EquivalencesPage
from mrs_desktop.services import catalogue
from mrs_desktop.services.demo import load_demo
from mrs_desktop.services.equivalences import list_equivalences


@pytest.fixture
def ctx(store):
    load_demo(store, "small")
    return AppContext(store)


@pytest.fixture
def page(qtbot, ctx):
    shown = EquivalencesPage(ctx)
    qtbot.addWidget(shown)
    shown.resize(1200, 600)
    shown.show()
    yield shown
    ctx.runner.wait()


def idle(qtbot, ctx):
    qtbot.waitUntil(lambda: not ctx.runner.busy)


def closed(dialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def select_between(page, code_a: str, code_b: str):
    for row in range(page.model.rowCount()):
        found = page.model.row(row)
        if (found.occupation_a_code, found.occupation_b_code) == (code_a, code_b):
            page.table.selectRow(row)
            return found
    raise AssertionError(f"{code_a} ≙ {code_b} is not shown")


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def thai_lao_equivalence(store) -> str:
    """An equivalence Thailand and Lao PDR agreed, received through the hub: not Cambodia's."""
    with store.session() as s:
        tha = catalogue.ensure_occupation(s, "THA", "DSD-WEL", "Welder", None)[0]
        lao = catalogue.ensure_occupation(s, "LAO", "LNQ-WEL2", "Welder (structural)", None)[0]
        s.flush()
        record = Equivalence(id=uuid7(), origin=uuid7(), country_a="THA", occupation_a_id=tha.id,
                             country_b="LAO", occupation_b_id=lao.id, aqrf_level=2, status="agreed")
        s.add(record)
        s.commit()
        return record.id


def test_the_page_lists_every_equivalence(page, ctx):
    expected = list_equivalences(ctx.store)
    assert page.model.ids() == [e.id for e in expected]
    assert page.count.text() == f"{len(expected)} equivalences"
    row = page.model.row_of(next(e.id for e in expected if e.occupation_a_code == "CS-MAS"))
    shown = [page.model.index(row, c).data() for c in range(page.model.columnCount())]
    assert shown == ["Cambodia", "CS-MAS — Mason", "Thailand", "DSD-MAS — Mason", "2", "Agreed",
                     "Agreed at the bilateral technical meeting; units mapped one to one."]


def test_filters_narrow_the_list(page, ctx):
    everything = page.model.rowCount()
    choose(page.status, "agreed")
    assert 0 < page.model.rowCount() < everything
    assert {page.model.index(r, 5).data() for r in range(page.model.rowCount())} == {"Agreed"}
    choose(page.country, "THA")
    assert page.model.ids() == [e.id for e in list_equivalences(ctx.store, country="THA", status="agreed")]
    choose(page.status, "proposed")
    assert page.model.rowCount() == 0
    assert page.count.text() == "0 equivalences"


def test_the_model_passes_the_model_tester(qtmodeltester, page):
    qtmodeltester.check(page.model)
    page.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # by status, in the order they move
    statuses = [page.model.row(r).status for r in range(page.model.rowCount())]
    assert statuses == sorted(statuses, key=["proposed", "under_comparison", "agreed"].index)
    qtmodeltester.check(page.model)


def test_a_new_equivalence_with_a_new_partner_occupation(qtbot, page, ctx):
    page.create()
    editor = page.editor
    ui = editor.ui
    assert ui.country_a.currentData() == "KHM"
    ui.occupation_a.combo.setEditText("CS-WEL — Welder")
    assert not ui.occupation_a.is_new()
    choose(ui.country_b, "THA")
    assert ui.occupation_b.combo.count() > 0  # Thailand's catalogue
    ui.occupation_b.combo.setEditText("DSD-WEL3")
    assert ui.occupation_b.title.isVisibleTo(editor)
    ui.occupation_b.title.setText("Welder, level 3")
    choose(ui.aqrf_level, 3)
    ui.notes.setPlainText("Proposed at the bilateral meeting.\nUnits to compare next.")
    editor.save()
    idle(qtbot, ctx)
    assert closed(editor)
    added = page.selected()
    assert (added.country_a, added.occupation_a_code, added.country_b, added.occupation_b_code,
            added.occupation_b_title, added.aqrf_level, added.status) == (
        "KHM", "CS-WEL", "THA", "DSD-WEL3", "Welder, level 3", 3, "proposed")
    assert added.notes == "Proposed at the bilateral meeting.\nUnits to compare next."
    with ctx.store.session() as s:
        assert s.get(Occupation, catalogue.occupation_id("THA", "DSD-WEL3")).title == "Welder, level 3"


def test_invalid_input_is_shown_beside_its_fields_and_changes_nothing(qtbot, page, ctx):
    before = list_equivalences(ctx.store)
    page.create()
    editor = page.editor
    editor.ui.occupation_a.combo.setEditText("CS-NOPE")
    editor.save()
    idle(qtbot, ctx)
    assert editor.isVisible()
    assert editor.errors.message_for("country_b").startswith("is required")
    assert editor.errors.message_for("occupation_b") == "is required"
    assert editor.errors.message_for("aqrf_level") == "is required"
    assert "give its title" in editor.errors.message_for("occupation_a_title")
    assert list_equivalences(ctx.store) == before
    assert ctx.undo.undo_label is None


def test_a_duplicate_is_refused_beside_the_level(qtbot, page, ctx):
    page.create()
    ui = page.editor.ui
    ui.occupation_a.set_value("CS-MAS")
    choose(ui.country_b, "THA")
    ui.occupation_b.set_value("DSD-MAS")
    choose(ui.aqrf_level, 2)
    page.editor.save()
    idle(qtbot, ctx)
    assert page.editor.isVisible()
    assert "already recorded" in page.editor.errors.message_for("aqrf_level")


def test_status_moves_on_and_undo_restores_it(qtbot, page, ctx):
    chosen = select_between(page, "CS-COO", "NOS-COO")
    page.edit()
    editor = page.editor
    assert not editor.ui.country_a.isEnabled() and not editor.ui.occupation_b.isEnabled()
    assert editor.ui.fixed_note.isVisibleTo(editor)
    choose(editor.ui.status, "agreed")
    editor.ui.notes.setPlainText("Agreed on 3 March.")
    editor.save()
    idle(qtbot, ctx)
    assert closed(editor)
    assert (page.selected().status, page.selected().notes) == ("agreed", "Agreed on 3 March.")
    assert page.model.index(page.model.row_of(chosen.id), 5).data() == "Agreed"
    ctx.undo_last()
    idle(qtbot, ctx)
    assert (page.selected().status, page.selected().notes) == (chosen.status, chosen.notes)


def test_delete_asks_and_leaves_a_tombstone(qtbot, page, ctx, monkeypatch):
    chosen = select_between(page, "CS-WEL", "LNQ-WEL")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    page.delete()
    assert chosen.id in page.model.ids() and "CS-WEL — Welder" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete()
    idle(qtbot, ctx)
    assert chosen.id not in page.model.ids()
    with ctx.store.session() as s:
        assert s.get(Equivalence, chosen.id).deleted is True


def test_an_equivalence_between_two_partners_is_read_only(qtbot, page, ctx, monkeypatch):
    record_id = thai_lao_equivalence(ctx.store)
    page.refresh()
    row = page.model.row_of(record_id)
    assert page.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    page.table.selectRow(row)
    assert page.edit_button.isEnabled() and not page.delete_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete()
    assert record_id in page.model.ids()
    page.edit()
    editor = page.editor
    assert editor.read_only and not editor.ui.status.isEnabled() and editor.ui.notes.isReadOnly()
    assert "Thailand" in editor.ui.note.text() and "Lao PDR" in editor.ui.note.text()
    editor.save()
    assert not ctx.runner.busy


def test_apply_filter_from_the_dashboard(page, ctx):
    page.apply_filter({"status": "agreed", "country": "THA"})
    assert (page.status.currentData(), page.country.currentData()) == ("agreed", "THA")
    assert page.model.ids() == [e.id for e in list_equivalences(ctx.store, country="THA", status="agreed")]
    assert page.model.rowCount() == 2
    page.apply_filter({"status": "proposed"})
    assert page.country.currentData() is None
    assert {page.model.row(r).status for r in range(page.model.rowCount())} == {"proposed"}


def test_a_change_elsewhere_refreshes_and_keeps_the_selection(qtbot, page, ctx):
    chosen = select_between(page, "CS-LVM", "NOSS-LVM")
    ctx.run_op(registers.update_equivalence(equivalence_id=chosen.id, values={"aqrf_level": 4}))
    idle(qtbot, ctx)
    assert page.selected().id == chosen.id
    assert page.model.index(page.model.row_of(chosen.id), 4).data() == "4"


def test_filters_and_column_widths_survive_a_restart(qtbot, page, ctx, tmp_path):
    choose(page.status, "under_comparison")
    page.table.horizontalHeader().resizeSection(1, 280)
    settings = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)
    settings.setValue("pages/equivalences", page.save_state())
    settings.sync()
    again = EquivalencesPage(ctx)
    qtbot.addWidget(again)
    again.restore_state(QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat).value("pages/equivalences"))
    assert again.status.currentData() == "under_comparison"
    assert again.table.horizontalHeader().sectionSize(1) == 280
    assert again.model.ids() == page.model.ids()
