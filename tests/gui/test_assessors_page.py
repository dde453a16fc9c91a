"""The assessor register page (node KHM, partner records from Thailand and Viet Nam), offscreen."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from mrs_desktop.db.models import Accreditation, Assessor
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.assessors import search_text
from mrs_desktop.domain.changes import Changes
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.gui import settings
from mrs_desktop.gui.context import AppContext
from mrs_desktop.gui.dialogs.assessor_editor import AssessorEditor
from mrs_desktop.gui.dialogs.status_dialog import StatusDialog
from mrs_desktop.gui.models.assessors import AccreditationsModel, AssessorTableModel
from mrs_desktop.gui.pages import assessors_loader
from mrs_desktop.gui.pages.assessors import AssessorsPage
from mrs_desktop.services import assessors
from mrs_desktop.services.assessor_list import RegisterView
from mrs_desktop.services.search import AssessorQuery, get_assessor

TODAY = date.today()
PARTNER_NODE = "0190c1a2-0000-7000-8000-00000000a001"


def _acc(number, level, sector, *, start=TODAY - timedelta(days=300), days=1000):
    return {"aqrf_level": level, "accreditation_no": number, "accredited_on": start,
            "valid_until": start + timedelta(days=days), "sector": sector}


def _partner(store, country, family, given, native, level):
    with UnitOfWork(store) as uow:
        person = Assessor(id=uuid7(), origin=PARTNER_NODE, country=country, family_name=family,
                          given_names=given, name_native=native, search_text=search_text(family, given, native))
        uow.session.add(person)
        uow.session.add(Accreditation(id=uuid7(), origin=PARTNER_NODE, assessor_id=person.id, country=country,
                                      aqrf_level=level, accreditation_no=f"{country}-{family}",
                                      accredited_on=TODAY, valid_until=TODAY + timedelta(days=700),
                                      status="active"))
        uow.commit()
    return person.id


@pytest.fixture(autouse=True)
def _never_block_on_a_question(monkeypatch):
    """A form closed at teardown with edits in it asks; here it never waits for an answer."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def people(store):
    """Who is in the register, by a short key: four of Cambodia's and two partners'."""
    def add(person, *accs):
        return assessors.add_assessor(UnitOfWork(store), person, list(accs)).primary

    ids = {
        "dara": add({"family_name": "Sok", "given_names": "Dara", "name_native": "សុខ ដារា"},
                    _acc("KH-1", 2, "Tourism")),
        "sophea": add({"family_name": "Chan", "given_names": "Sophea", "name_native": "ចាន់ សុភា"},
                      _acc("KH-2", 3, "Construction")),
        "vanna": add({"family_name": "Keo", "given_names": "Vanna", "name_native": "កែវ វណ្ណា"},
                     _acc("KH-3", 1, "Tourism", days=340)),  # ends in about 40 days
        "rithy": add({"family_name": "Meas", "given_names": "Rithy"},
                     _acc("KH-4", 2, "Construction", start=TODAY - timedelta(days=1200))),  # expired
        "somchai": _partner(store, "THA", "Jaidee", "Somchai", "สมชาย ใจดี", 2),
        "duc": _partner(store, "VNM", "Nguyễn", "Văn Đức", None, 3),
    }
    sophea_acc = get_assessor(store, ids["sophea"]).accreditations[0].id
    assessors.set_accreditation_status(UnitOfWork(store), [sophea_acc], "suspended", reason="on leave")
    return ids


@pytest.fixture
def ctx(store, people):
    return AppContext(store)


@pytest.fixture
def page(qtbot, ctx):
    shown = AssessorsPage(ctx)
    qtbot.addWidget(shown)
    shown.resize(1100, 650)
    shown.show()
    loaded(qtbot, shown)
    yield shown
    ctx.runner.wait()


def loaded(qtbot, page) -> None:
    """The whole list is in (a first page shows at once; the rest comes from the worker)."""
    qtbot.waitUntil(lambda: page.loader.complete and not page.ctx.runner.busy)


def shown_names(page) -> set[str]:
    return {page.model.row(r).given_names for r in range(page.model.rowCount())}


def type_by_input_method(widget, text: str) -> None:
    """How a Khmer keyboard delivers text (QTest's key clicks know only Latin keys)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def select(page, *keys_ids: str) -> None:
    page.select_ids(list(keys_ids))


def answer(monkeypatch, button):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args[2]) or button)
    return asked


def open_dialogs(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


# Searching and filtering ----------------------------------------------------------------------------

def test_the_register_lists_everyone_with_a_count(page, people):
    assert set(page.model.ids()) == set(people.values())
    assert page.count.text() == "6 assessors"
    assert page.filters.search.placeholderText() == "Search names in any script…"
    row = page.model.row_of(people["vanna"])
    texts = [page.model.index(row, c).data() for c in range(page.model.columnCount())]
    assert texts[:5] == ["Keo", "Vanna", "កែវ វណ្ណា", "Cambodia", ""]
    assert texts[5:8] == ["1", "", "Active"]
    assert texts[8] == (TODAY + timedelta(days=40)).isoformat()


def test_typing_narrows_the_table_as_she_types(qtbot, page, people):
    qtbot.keyClicks(page.filters.search, "so")
    assert shown_names(page) == {"Dara", "Sophea", "Somchai"}  # Sok, Sophea, Somchai
    qtbot.keyClicks(page.filters.search, "k")
    assert page.model.ids() == [people["dara"]]
    assert page.count.text() == "1 assessor"
    page.filters.search.clear()
    loaded(qtbot, page)
    assert page.model.rowCount() == 6


def test_names_are_found_in_khmer_and_with_or_without_latin_accents(qtbot, page, people):
    type_by_input_method(page.filters.search, "សុ")
    assert set(page.model.ids()) == {people["dara"], people["sophea"]}  # សុខ, សុភា
    page.filters.search.clear()
    qtbot.keyClicks(page.filters.search, "nguyen duc")
    assert page.model.ids() == [people["duc"]]
    page.filters.search.setText("Nguyễn Văn Đức")
    assert page.model.ids() == [people["duc"]]


@pytest.mark.parametrize(("combo", "data", "expected"), [
    ("country", "own", {"Dara", "Sophea", "Vanna", "Rithy"}),
    ("country", "partners", {"Somchai", "Văn Đức"}),
    ("country", "THA", {"Somchai"}),
    ("level", 3, {"Sophea", "Văn Đức"}),
    ("status", "suspended", {"Sophea"}),
    ("status", "expired", {"Rithy"}),
    ("status", "active", {"Dara", "Vanna", "Somchai", "Văn Đức"}),
    ("expiring", 90, {"Vanna"}),
    ("expiring", 30, set()),
])
def test_each_filter_narrows_the_register(qtbot, page, combo, data, expected):
    widget = getattr(page.filters, combo)
    widget.setCurrentIndex(widget.findData(data))
    loaded(qtbot, page)
    assert shown_names(page) == expected
    assert page.filters.clear_button.isEnabled()
    page.filters.clear_button.click()
    loaded(qtbot, page)
    assert page.model.rowCount() == 6


def test_the_sector_filter_lists_the_catalogue(qtbot, page):
    sectors = [page.filters.sector.itemText(i) for i in range(page.filters.sector.count())]
    assert sectors[0] == "All sectors" and "Construction" in sectors
    page.filters.sector.setCurrentIndex(sectors.index("Construction"))
    loaded(qtbot, page)
    assert shown_names(page) == {"Sophea", "Rithy"}


def test_a_long_list_shows_its_first_page_at_once_and_the_rest_from_the_worker(qtbot, page, monkeypatch):
    monkeypatch.setattr(assessors_loader, "FIRST_PAGE", 2)
    qtbot.keyClicks(page.filters.search, "s")  # Sok, Sophea, Somchai
    assert page.model.rowCount() == 2 and not page.loader.complete
    assert page.count.text() == "2+ assessors…"
    first = page.model.ids()
    loaded(qtbot, page)
    assert page.model.rowCount() == 3 and page.model.ids()[:2] == first
    assert page.count.text() == "3 assessors"


def test_apply_filter_shows_what_the_dashboard_counted(qtbot, page, people):
    page.filters.search.setText("sok")
    page.apply_filter({"expiring_within_days": 90})
    loaded(qtbot, page)
    assert page.filters.search.text() == ""
    assert page.model.ids() == [people["vanna"]]
    page.apply_filter({"status": "suspended", "sector": "construction", "country": "own"})
    loaded(qtbot, page)
    assert page.model.ids() == [people["sophea"]]
    page.apply_filter({"expiring_within_days": 60, "level": "1"})  # a period not in the list is added
    loaded(qtbot, page)
    assert page.filters.expiring.currentText() == "Expiring within 60 days"
    assert page.model.ids() == [people["vanna"]]
    page.apply_filter({"text": "chan"})
    assert page.model.ids() == [people["sophea"]]


def test_an_unknown_sector_from_a_link_says_so_and_shows_nobody(qtbot, page):
    page.loader.load(RegisterView(AssessorQuery(sector="Aviation")))
    loaded(qtbot, page)
    assert page.model.rowCount() == 0
    assert "no sector 'Aviation'" in page.count.text()


def test_the_models_pass_the_model_tester_with_no_one_and_many(qtbot, qtmodeltester, ctx, page, people):
    qtmodeltester.check(page.model)  # six
    page.filters.search.setText("sok")
    qtmodeltester.check(page.model)  # one
    page.filters.search.setText("nobody-at-all")
    assert page.model.rowCount() == 0
    qtmodeltester.check(page.model)
    empty = AssessorTableModel(ctx.store)
    qtmodeltester.check(empty)
    accreditations = AccreditationsModel()
    qtmodeltester.check(accreditations)
    accreditations.set_accreditations(get_assessor(ctx.store, people["dara"]).accreditations)
    qtmodeltester.check(accreditations)


def test_clicking_a_header_sorts_then_reverses_then_restores_the_search_order(qtbot, page):
    header = page.table.horizontalHeader()
    default = page.model.ids()
    header.sectionClicked.emit(5)  # levels
    loaded(qtbot, page)
    levels = [page.model.row(r).levels for r in range(6)]
    assert levels == sorted(levels)
    assert header.sortIndicatorSection() == 5 and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    header.sectionClicked.emit(5)
    loaded(qtbot, page)
    assert [page.model.row(r).levels for r in range(6)] == sorted(levels, reverse=True)
    header.sectionClicked.emit(5)
    loaded(qtbot, page)
    assert page.model.ids() == default
    assert header.sortIndicatorSection() == -1
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    loaded(qtbot, page)
    assert [page.model.row(r).family_name for r in range(6)][:2] == ["Sok", "Nguyễn"]


# Details, opening, creating -------------------------------------------------------------------------

def test_selecting_an_assessor_shows_their_accreditations(page, people):
    select(page, people["sophea"])
    details = page.details
    assert "Chan Sophea" in details.heading.text() and "ចាន់ សុភា" in details.heading.text()
    assert details.model.rowCount() == 1
    assert details.model.index(0, 0).data() == "KH-2"
    assert details.model.index(0, 6).data() == "Suspended"
    assert "on leave" in details.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    select(page, people["sophea"], people["dara"])
    assert details.heading.text() == "2 assessors selected."


def test_double_click_opens_the_editor(qtbot, page, people):
    row = page.model.row_of(people["dara"])
    rect = page.table.visualRect(page.model.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a real
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # double click
    editors = open_dialogs(AssessorEditor)
    assert len(editors) == 1 and editors[0].ui.family_name.text() == "Sok"
    editors[0].done(0)


def test_enter_opens_the_editor_of_the_current_row(qtbot, page, people):
    select(page, people["vanna"])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    editors = open_dialogs(AssessorEditor)
    assert [e.ui.given_names.text() for e in editors] == ["Vanna"]
    editors[0].done(0)


def test_a_new_assessor_saved_in_the_editor_appears_selected(qtbot, page, ctx):
    editor = page.create()
    editor.ui.family_name.setText("Heng")
    editor.ui.given_names.setText("Bopha")
    fields = editor.ui.first_accreditation.ui
    fields.accreditation_no.setText("KH-9")
    fields.valid_until.set_value(TODAY + timedelta(days=365))
    editor.save()
    qtbot.waitUntil(lambda: not shiboken6.isValid(editor) or not editor.isVisible())
    loaded(qtbot, page)
    assert page.model.rowCount() == 7
    chosen = page.selected_rows()
    assert [r.family_name for r in chosen] == ["Heng"] and chosen[0].levels == "1"


def test_invalid_input_keeps_the_editor_open_and_changes_nothing(qtbot, page, ctx):
    editor = page.create()
    editor.ui.family_name.setText("Heng")
    editor.ui.first_accreditation.ui.accreditation_no.setText("KH-1")  # Sok Dara's number
    editor.ui.first_accreditation.ui.valid_until.set_value(TODAY + timedelta(days=30))
    editor.save()
    qtbot.waitUntil(lambda: not ctx.runner.busy)
    assert editor.isVisible()
    assert "already has accreditation number KH-1" in editor.ui.first_accreditation.ui.err_accreditation_no.text()
    assert page.model.rowCount() == 6 and ctx.undo.undo_label is None
    editor.done(0)


# Multi-select actions -------------------------------------------------------------------------------

def test_suspending_through_the_dialog_changes_the_status_and_undo_reverts_it(qtbot, page, ctx, people):
    select(page, people["dara"], people["vanna"])
    dialog = page.actions.change_status("suspended")
    assert isinstance(dialog, StatusDialog) and dialog.ui.accreditations.count() == 2
    assert not dialog.ok.isEnabled()  # a reason is required
    items = [dialog.ui.accreditations.item(i) for i in range(2)]
    assert sorted(i.text().split(" — ")[0] for i in items) == ["Keo Vanna", "Sok Dara"]
    next(i for i in items if "KH-3" in i.text()).setCheckState(Qt.CheckState.Unchecked)  # only Sok Dara's
    qtbot.keyClicks(dialog.ui.reason, "Moved abroad")
    dialog.ok.click()
    loaded(qtbot, page)
    dara = page.model.row(page.model.row_of(people["dara"]))
    assert dara.status == "suspended"
    assert page.model.row(page.model.row_of(people["vanna"])).status == "active"
    assert set(page.selected_ids()) == {people["dara"], people["vanna"]}
    assert ctx.undo.undo_label == "Suspend accreditation"
    ctx.undo_last()
    loaded(qtbot, page)
    assert page.model.row(page.model.row_of(people["dara"])).status == "active"


def test_reinstate_offers_only_suspended_accreditations(qtbot, page, monkeypatch, people):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    select(page, people["dara"])
    assert page.actions.change_status("active") is None
    assert "nothing to reinstate" in told[0]
    select(page, people["dara"], people["sophea"])
    dialog = page.actions.change_status("active")
    assert dialog.ui.accreditations.count() == 1 and dialog.ok.isEnabled()  # no reason needed
    dialog.ok.click()
    loaded(qtbot, page)
    assert page.model.row(page.model.row_of(people["sophea"])).status == "active"


def test_delete_asks_first_then_leaves_tombstones(qtbot, page, ctx, monkeypatch, people):
    select(page, people["dara"], people["rithy"])
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    assert page.actions.delete_selection() is False
    assert asked[0].startswith("Delete 2 assessors and their accreditations?")
    assert page.model.rowCount() == 6
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert page.actions.delete_selection() is True
    loaded(qtbot, page)
    assert set(page.model.ids()) == {people[k] for k in ("sophea", "vanna", "somchai", "duc")}
    with ctx.store.session() as s:
        assert s.get(Assessor, people["dara"]).deleted is True  # kept, as a tombstone
    ctx.undo_last()
    loaded(qtbot, page)
    assert page.model.rowCount() == 6


def test_the_delete_key_in_the_table_asks_too(qtbot, page, monkeypatch, people):
    select(page, people["rithy"])
    page.table.setFocus()
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and asked[0].startswith("Delete this assessor")
    assert page.model.rowCount() == 6


def test_partner_records_are_read_only(qtbot, page, monkeypatch, people):
    select(page, people["somchai"])
    for action in (page.actions.suspend, page.actions.revoke, page.actions.reinstate, page.actions.delete):
        assert not action.isEnabled()
    assert page.actions.export.isEnabled() and page.actions.open.isEnabled()
    row = page.model.row_of(people["somchai"])
    assert page.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) == "Owned by Thailand: read-only"
    assert "Owned by Thailand: read-only" in page.details.heading.text()
    editor = page.actions.open_current()
    assert editor.ui.owner_note.text() == "Owned by Thailand: read-only"
    assert editor.ui.family_name.isReadOnly() and not editor.save_button.isVisible()
    editor.done(0)
    select(page, people["somchai"], people["dara"])  # a mixed selection acts on our own only
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    assert page.actions.delete.isEnabled()
    page.actions.delete_selection()
    assert "Delete this assessor" in asked[0] and "1 partner records" in asked[0]


def test_export_selection_writes_the_chosen_assessors(qtbot, page, ctx, monkeypatch, tmp_path, people):
    settings.EXPORT_FOLDER.set(str(tmp_path))
    offered = []

    def save_as(parent, title, suggested, filters):
        offered.append(suggested)
        return str(tmp_path / "chosen"), "CSV, UTF-8 (*.csv)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    select(page, people["dara"], people["somchai"])
    page.actions.export_selection()
    qtbot.waitUntil(lambda: not ctx.runner.busy)
    assert offered[0].startswith(str(tmp_path / "assessors-"))
    with open(tmp_path / "chosen.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["family_name"] for r in rows) == ["Jaidee", "Sok"]


def test_export_view_writes_every_assessor_of_the_filtered_view(qtbot, page, ctx, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (str(tmp_path / "view.csv"), "CSV, UTF-8 (*.csv)"))
    page.filters.country.setCurrentIndex(page.filters.country.findData("own"))
    loaded(qtbot, page)
    page.export_view()
    qtbot.waitUntil(lambda: not ctx.runner.busy)
    with open(tmp_path / "view.csv", encoding="utf-8-sig") as fh:
        assert sorted(r["family_name"] for r in csv.DictReader(fh)) == ["Chan", "Keo", "Meas", "Sok"]


# Refresh and state ----------------------------------------------------------------------------------

def test_a_change_elsewhere_refreshes_rows_and_keeps_the_selection(qtbot, page, ctx, people):
    select(page, people["vanna"], people["dara"])
    changes = assessors.update_assessor(UnitOfWork(ctx.store), people["vanna"], {"organisation": "NPIC"})
    ctx.changes_applied.emit(changes)
    loaded(qtbot, page)
    assert page.model.row(page.model.row_of(people["vanna"])).organisation == "NPIC"
    assert set(page.selected_ids()) == {people["vanna"], people["dara"]}
    changes = assessors.remove_assessors(UnitOfWork(ctx.store), [people["dara"]])
    ctx.changes_applied.emit(changes)
    loaded(qtbot, page)
    assert page.selected_ids() == [people["vanna"]] and page.model.rowCount() == 5


def test_unrelated_changes_leave_the_page_alone(qtbot, page, ctx):
    before = page.loader._generation
    ctx.changes_applied.emit(Changes(registers={"training"}))
    assert page.loader._generation == before


def test_state_is_saved_and_restored_through_settings(qtbot, ctx, page):
    header = page.table.horizontalHeader()
    header.resizeSection(0, 211)
    page.filters.set_filters({"level": 2, "country": "own"})
    page.sort_by("next_expiry", descending=True)
    loaded(qtbot, page)
    store = QSettings(str(page.ctx.store.path.with_suffix(".ini")), QSettings.Format.IniFormat)
    store.setValue("pages/assessors", page.save_state())
    store.sync()
    again = AssessorsPage(ctx)
    qtbot.addWidget(again)
    again.restore_state(QSettings(store.fileName(), QSettings.Format.IniFormat).value("pages/assessors"))
    loaded(qtbot, again)
    assert again.table.horizontalHeader().sectionSize(0) == 211
    assert again.filters.filters() == {"country": "own", "level": 2}
    assert again.current_view() == page.current_view()
    assert again.model.ids() == page.model.ids()
    assert again.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_window_actions_are_routed_to_the_page(qtbot, page):
    assert page.can_create() and page.can_search() and page.can_export()
    page.focus_search()
    assert page.filters.search.hasFocus() or QApplication.focusWidget() is page.filters.search
