"""The Action plans page: plans, items, the progress timeline, their editors (node: Cambodia)."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from mrs_desktop.db.models import ActionItem, ActionPlan
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.gui import settings
from mrs_desktop.gui.context import AppContext
from mrs_desktop.gui.dialogs.item_editor import ItemEditor
from mrs_desktop.gui.dialogs.plan_editor import PlanEditor
from mrs_desktop.gui.models.action_plans import ATTENTION_ROLE, RECORD_ROLE
from mrs_desktop.gui.pages.action_plans import ActionPlansPage
from mrs_desktop.gui.widgets import choices
from mrs_desktop.gui.widgets.percent_bar import PERCENT_ROLE
from mrs_desktop.services import action_plans as plans

TODAY = date(2024, 6, 1)
ITEMS = [  # description, partner, due, status, percent
    ("Compare the construction standards unit by unit", "THA", date(2024, 3, 1), "in_progress", 50),
    ("Pilot assessment of returning migrant workers", "THA", date(2024, 5, 1), "blocked", 10),
    ("Train assessors for masons", "LAO", date(2024, 12, 1), "not_started", 0),
    ("Joint labour market survey", "LAO", date(2024, 1, 1), "done", 100),
]


def _write_plans(store) -> dict[str, str]:
    ids = {}
    own = plans.add_plan(UnitOfWork(store), {
        "title": "Cambodia–Thailand–Lao PDR plan on construction skills", "plan_ref": "KHM-AP-01",
        "partner_countries": ["THA", "LAO"], "period_start": date(2023, 1, 1), "period_end": date(2025, 12, 31)},
        [{"description": d, "partner_country": p, "due_date": due, "status": s, "percent": pc, "item_ref": str(n)}
         for n, (d, p, due, s, pc) in enumerate(ITEMS, 1)])
    ids["own"] = own.primary
    partner = plans.add_plan(UnitOfWork(store), {
        "title": "Thailand-led plan on automotive mechanics", "plan_ref": "THA-AP-03", "owner_country": "THA",
        "partner_countries": ["KHM"]},
        [{"description": "Share the register of assessors", "partner_country": "KHM",
          "due_date": date(2024, 2, 1), "status": "blocked"}])
    ids["partner"] = partner.primary
    with store.session() as session:  # received by sync: Cambodia is not party to it
        plan = ActionPlan(id=uuid7(), origin=uuid7(), owner_country="THA", plan_ref="THA-AP-09",
                          title="Thailand–Lao PDR plan on welding", partner_countries="LAO")
        session.add(plan)
        session.flush()
        session.add(ActionItem(id=uuid7(), origin=plan.origin, plan_id=plan.id, description="Joint audit",
                               partner_country="LAO", due_date=date(2024, 4, 1), status="blocked", percent=0))
        session.commit()
        ids["foreign"] = plan.id
    return ids


@pytest.fixture
def ids(store):
    return _write_plans(store)


@pytest.fixture
def page(qtbot, store, ids):
    ctx = AppContext(store)
    shown = ActionPlansPage(ctx, today=TODAY)
    shown.resize(1180, 680)
    qtbot.addWidget(shown)
    yield shown
    ctx.runner.wait()


def idle(qtbot, page):
    qtbot.waitUntil(lambda: not page.ctx.runner.busy)


def cell(model, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    column = next(n for n, c in enumerate(model.columns) if c.key == key)
    return model.index(row, column).data(role)


def column(model, key: str) -> list:
    return [cell(model, row, key) for row in range(model.rowCount())]


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


# Listing and filtering --------------------------------------------------------------------------

def test_plans_are_listed_with_progress_and_overdue_items(page):
    model = page.plans_model
    assert column(model, "title") == ["KHM-AP-01 — Cambodia–Thailand–Lao PDR plan on construction skills",
                                      "THA-AP-03 — Thailand-led plan on automotive mechanics",
                                      "THA-AP-09 — Thailand–Lao PDR plan on welding"]
    assert column(model, "partners")[0] == "Lao PDR, Thailand"
    assert column(model, "period")[0] == "2023-01-01 – 2025-12-31"
    assert cell(model, 0, "progress", PERCENT_ROLE) == 40  # (50 + 10 + 0 + 100) / 4
    assert column(model, "overdue") == ["2 overdue", "1 overdue", "1 overdue"]
    assert cell(model, 0, "overdue", ATTENTION_ROLE) is True


def test_the_first_plan_is_chosen_and_its_items_shown_soonest_due_first(page):
    assert page.selected_plan().plan_ref == "KHM-AP-01"
    items = page.items_model
    assert column(items, "ref") == ["4", "1", "2", "3"]
    assert column(items, "due") == ["2024-01-01", "2024-03-01 — overdue", "2024-05-01 — overdue", "2024-12-01"]
    overdue = items.index(1, items.column_of("due"))
    assert overdue.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"
    assert overdue.data(Qt.ItemDataRole.FontRole).bold()
    assert items.index(0, items.column_of("due")).data(Qt.ItemDataRole.FontRole) is None
    assert column(items, "status") == ["Done", "In progress", "Blocked", "Not started"]
    assert [cell(items, r, "percent", PERCENT_ROLE) for r in range(4)] == [100, 50, 10, 0]
    assert page.ui.items.isColumnHidden(items.column_of("plan"))


def test_status_and_overdue_filters_narrow_the_items(page):
    choose(page.ui.status, "blocked")
    assert column(page.items_model, "description") == ["Pilot assessment of returning migrant workers"]
    choose(page.ui.status, None)
    page.ui.overdue.setChecked(True)
    assert column(page.items_model, "ref") == ["1", "2"]  # the done item is not overdue
    choose(page.ui.status, "done")
    assert page.items_model.rowCount() == 0
    assert page.ui.items.hint() == "No items match these filters."


def test_the_partner_country_filter_lists_the_plans_that_country_is_party_to(page):
    choose(page.ui.country, "LAO")
    refs = [page.plans_model.row_by_id(page.plans_model.id_at(r)).plan_ref
            for r in range(page.plans_model.rowCount())]
    assert refs == ["KHM-AP-01", "THA-AP-09"]
    choose(page.ui.country, "MMR")
    assert page.plans_model.rowCount() == 0
    assert page.ui.plans.hint() == "No action plans with Myanmar yet."
    assert page.items_model.rowCount() == 0


def test_every_model_passes_the_model_tester(page, qtmodeltester):
    page.select_item(page.items_model.id_at(0))
    plans.add_progress_update(UnitOfWork(page.ctx.store), page.selected_item().id,
                              {"on_date": TODAY, "text": "Survey report shared", "new_percent": 100})
    page.refresh()
    assert page.timeline_model.rowCount() == 1
    for model in (page.plans_model, page.items_model, page.timeline_model):
        qtmodeltester.check(model)


def test_sorting_moves_rows_and_keeps_the_selection(page):
    page.select_item(page.items_model.row_by_id(page.items_model.id_at(2)).id)  # ref 2
    chosen = page.selected_item().id
    page.ui.items.sortByColumn(page.items_model.column_of("ref"), Qt.SortOrder.DescendingOrder)
    assert column(page.items_model, "ref") == ["4", "3", "2", "1"]
    assert page.selected_item().id == chosen


# Creating: plan, item, progress update -----------------------------------------------------------

def test_a_new_plan_then_an_item_then_a_progress_update(qtbot, page):
    editor = page.new_plan()
    editor.ui.title.setText("Cambodia–Malaysia caregiving pilot")
    editor.set_partners(["MYS"])
    editor.ui.periodStart.set_value(date(2024, 1, 1))
    with qtbot.waitSignal(editor.saved):
        editor.save()
    idle(qtbot, page)
    plan = page.selected_plan()
    assert (plan.title, plan.owner_country, plan.partner_countries) == (
        "Cambodia–Malaysia caregiving pilot", "KHM", ("MYS",))
    assert page.items_model.rowCount() == 0

    editor = page.new_item()
    editor.ui.description.setPlainText("Agree the caregiver competency standard")
    choose(editor.ui.partner, "MYS")
    editor.ui.dueDate.set_value(date(2024, 9, 30))
    with qtbot.waitSignal(editor.saved):
        editor.save()
    idle(qtbot, page)
    item = page.selected_item()
    assert (item.description, item.partner_country, item.status, item.percent) == (
        "Agree the caregiver competency standard", "MYS", "not_started", 0)
    assert page.timeline_model.rowCount() == 0

    dialog = page.add_update()
    assert dialog.ui.author.text() == "Sok Dara"  # the node's focal point
    assert dialog.ui.onDate.value() == TODAY
    dialog.ui.text.setPlainText("First meeting held.\nBoth drafts exchanged.")
    choose(dialog.ui.newStatus, "in_progress")
    dialog.ui.newPercent.setValue(30)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    idle(qtbot, page)
    item = page.selected_item()
    assert (item.status, item.percent) == ("in_progress", 30)
    top = page.timeline_model.index(0).data(RECORD_ROLE)
    assert (top.text, top.author, top.new_status, top.new_percent) == (
        "First meeting held.\nBoth drafts exchanged.", "Sok Dara", "in_progress", 30)

    dialog = page.add_update()
    dialog.ui.onDate.set_value(date(2024, 6, 15))
    dialog.ui.text.setPlainText("Standard agreed.")
    choose(dialog.ui.newStatus, "done")
    assert dialog.ui.newPercent.value() == 100  # "done" offers 100 %
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    idle(qtbot, page)
    assert [u.text for u in page.timeline_model.records()] == [
        "Standard agreed.", "First meeting held.\nBoth drafts exchanged."]
    assert (page.selected_item().status, page.selected_item().percent) == ("done", 100)
    assert cell(page.items_model, 0, "status") == "Done"


def test_ctrl_n_adds_an_item_when_the_items_table_has_the_focus(qtbot, page):
    page.show()
    qtbot.waitExposed(page)
    page.ui.items.setFocus()
    qtbot.waitUntil(page.ui.items.hasFocus)
    page.create()
    [editor] = [d for d in page.findChildren(ItemEditor) if d.isVisible()]
    assert editor.plan.plan_ref == "KHM-AP-01"
    editor.reject()
    page.ui.plans.setFocus()
    qtbot.waitUntil(page.ui.plans.hasFocus)
    page.create()
    assert [d for d in page.findChildren(PlanEditor) if d.isVisible()]


def test_invalid_input_is_shown_beside_the_fields_and_nothing_is_saved(qtbot, page, store):
    before = plans.list_plans(store, today=TODAY)
    editor = page.new_plan()
    editor.ui.title.setText("Draft")
    editor.ui.title.clear()
    editor.touch("plan_title")  # as typing does: a field's message appears once it was changed
    assert editor.errors.message_for("plan_title") == "is required"
    assert editor.errors.message_for("partner_countries") == ""  # untouched: not yet scolded
    editor.ui.periodStart.set_value(date(2024, 6, 1))
    editor.ui.periodEnd.set_value(date(2024, 1, 1))
    editor.save()
    assert editor.errors.message_for("plan_title") == "is required"
    assert editor.errors.message_for("partner_countries") == "name at least one partner country"
    assert "is before period_start" in editor.errors.message_for("period_end")
    assert not page.ctx.runner.busy and editor.isVisible()
    assert plans.list_plans(store, today=TODAY) == before
    editor.reject()


def test_a_refusal_by_the_service_keeps_the_editor_open_with_the_message(qtbot, page, store):
    editor = page.new_item()
    editor.ui.description.setPlainText("Another comparison")
    editor.ui.itemRef.setText("2")  # the plan already has an item 2
    editor.save()
    idle(qtbot, page)
    assert "already has an item 2" in editor.errors.message_for("item_ref")
    assert editor.isVisible()
    assert len(plans.list_items(store, plan_id=page.selected_plan().id)) == 4
    editor.reject()


# Deleting, undo --------------------------------------------------------------------------------

def test_deleting_an_item_asks_first_and_leaves_a_tombstone(qtbot, page, store, monkeypatch):
    page.select_item(page.items_model.id_at(1))
    item_id = page.selected_item().id
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.No)
    page.delete_item()
    idle(qtbot, page)
    assert "Compare the construction standards" in asked[0]
    assert page.items_model.row_of(item_id) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    page.delete_item()
    idle(qtbot, page)
    assert page.items_model.row_of(item_id) == -1
    with store.session() as session:
        assert session.get(ActionItem, item_id).deleted is True


def test_deleting_a_plan_removes_it_and_its_items(qtbot, page, store, ids, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    page.delete_plan()
    idle(qtbot, page)
    assert "and its 4 items?" in asked[0]
    assert page.plans_model.row_of(ids["own"]) == -1
    with store.session() as session:
        assert session.get(ActionPlan, ids["own"]).deleted is True
        assert all(session.scalars(select(ActionItem.deleted).where(ActionItem.plan_id == ids["own"])))


def test_only_the_owner_may_delete_a_plan(page, ids):
    page.select_plan(ids["partner"])  # Thailand's plan; Cambodia is a partner
    assert page.ui.new_item.isEnabled() and page.ui.edit_plan.text() == "Edit plan…"
    assert not page.ui.delete_plan.isEnabled()
    assert page.ui.delete_plan.toolTip() == "Only Thailand, which owns this plan, can delete it."


def test_undo_restores_an_edited_item(qtbot, page):
    page.select_item(page.items_model.id_at(1))
    item_id = page.selected_item().id
    editor = page.edit_item()
    assert editor.ui.description.toPlainText() == "Compare the construction standards unit by unit"
    editor.ui.description.setPlainText("Compare the standards of masons and carpenters")
    choose(editor.ui.status, "blocked")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    idle(qtbot, page)
    edited = page.items_model.row_by_id(item_id)
    assert (edited.description, edited.status) == ("Compare the standards of masons and carpenters", "blocked")
    assert page.ctx.undo.undo_label == "Edit action item"
    page.ctx.undo_last(page)
    idle(qtbot, page)
    restored = page.items_model.row_by_id(item_id)
    assert (restored.description, restored.status) == (
        "Compare the construction standards unit by unit", "in_progress")
    assert page.selected_item().id == item_id  # the refresh kept the selection


# A plan this country is not party to -----------------------------------------------------------

def test_a_plan_the_node_is_not_party_to_is_read_only(page, ids):
    page.select_plan(ids["foreign"])
    page.select_item(page.items_model.id_at(0))
    ui = page.ui
    assert not any(b.isEnabled() for b in (ui.new_item, ui.delete_item, ui.add_update, ui.delete_plan))
    assert ui.edit_plan.text() == "View plan…" and ui.edit_item.text() == "View item…"
    assert "Cambodia is not party to it" in ui.note.text() and not ui.note.isHidden()
    assert page.plans_model.index(page.plans_model.row_of(ids["foreign"]), 0).data(
        Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    editor = page.edit_plan()
    assert editor.read_only and editor.ui.title.isReadOnly() and not editor.ui.partners.isEnabled()
    assert "belongs to Thailand and is shared with Lao PDR" in editor.ui.note.text()
    editor.reject()
    item_editor = page.edit_item()
    assert item_editor.read_only and item_editor.ui.description.isReadOnly()
    item_editor.save()  # does nothing
    assert not page.ctx.runner.busy
    item_editor.reject()
    assert page.add_update() is None and page.new_item() is None


# Click-through, changes, state, export ----------------------------------------------------------

def test_apply_filter_shows_the_matching_items_of_every_plan(page):
    page.apply_filter({"partner_country": "THA", "status": "blocked", "overdue": True})
    assert choices.current(page.ui.country) == "THA" and page.ui.all_plans.isChecked()
    assert page.selected_plan() is None
    assert column(page.items_model, "description") == ["Pilot assessment of returning migrant workers"]
    assert column(page.items_model, "plan") == ["KHM-AP-01"]
    assert not page.ui.items.isColumnHidden(page.items_model.column_of("plan"))
    assert page.ui.items_heading.text() == "Items of every plan, partner Thailand"
    page.apply_filter({"status": "blocked"})
    assert sorted(column(page.items_model, "description")) == [
        "Joint audit", "Pilot assessment of returning migrant workers", "Share the register of assessors"]
    page.select_plan(page.plans_model.id_at(0))  # choosing a plan leaves the "every plan" view
    assert not page.ui.all_plans.isChecked()
    assert column(page.items_model, "ref") == ["2"]


def test_a_click_on_due_soon_lists_the_items_due_within_those_days_and_says_so(qtbot, page, ids):
    for description, due, status in (("Print the assessor guide", date(2024, 6, 20), "in_progress"),
                                     ("Book the venue", date(2024, 6, 25), "done"),  # closed: not due
                                     ("Hold the review", date(2024, 8, 1), "not_started")):  # too late
        plans.add_item(UnitOfWork(page.ctx.store), ids["own"], {
            "description": description, "partner_country": "THA", "due_date": due, "status": status})
    page.refresh()
    page.show()
    qtbot.waitExposed(page)
    page.apply_filter({"due_within_days": 30})
    assert column(page.items_model, "description") == ["Print the assessor guide"]
    assert page.ui.all_plans.isChecked() and not page.ui.overdue.isChecked()
    chip = page.ui.due_filter
    assert chip.isVisible() and chip.text() == "Filtered: due within 30 days"
    page.ui.overdue.setChecked(True)  # both together: overdue or due soon (services.list_items)
    assert "Print the assessor guide" in column(page.items_model, "description")
    assert len(column(page.items_model, "description")) == 5
    assert chip.text() == "Filtered: overdue or due within 30 days"
    page.ui.overdue.setChecked(False)
    qtbot.mouseClick(chip.clear_button, Qt.MouseButton.LeftButton)
    assert not chip.isVisible() and chip.text() == ""
    assert len(column(page.items_model, "description")) == 9  # every item of every plan again
    page.apply_filter({"due_within_days": 30})
    page.apply_filter({"status": "blocked"})  # another click-through replaces the filter
    assert not chip.isVisible()
    assert len(column(page.items_model, "description")) == 3


def test_a_change_elsewhere_refreshes_the_page_and_keeps_the_selection(qtbot, page):
    page.select_item(page.items_model.id_at(2))
    item_id = page.selected_item().id
    changes = plans.add_progress_update(UnitOfWork(page.ctx.store), item_id,
                                        {"on_date": TODAY, "text": "Pilot resumed", "new_status": "in_progress"})
    page.ctx.changes_applied.emit(changes)
    assert page.selected_item().id == item_id
    assert page.selected_item().status == "in_progress"
    assert [u.text for u in page.timeline_model.records()] == ["Pilot resumed"]


def test_layout_and_filters_survive_a_restart(qtbot, page, store):
    page.show()
    qtbot.waitExposed(page)
    page.ui.splitter.setSizes([150, 300, 200])
    page.ui.items.horizontalHeader().resizeSection(page.items_model.column_of("category"), 177)
    choose(page.ui.status, "blocked")
    page.ui.overdue.setChecked(True)
    qsettings = settings.qsettings()
    qsettings.setValue("pages/action_plans", page.save_state())
    qsettings.sync()

    again = ActionPlansPage(AppContext(store), today=TODAY)
    qtbot.addWidget(again)
    again.restore_state(settings.qsettings().value("pages/action_plans"))
    again.resize(page.size())
    again.show()
    qtbot.waitExposed(again)
    assert choices.current(again.ui.status) == "blocked" and again.ui.overdue.isChecked()
    assert again.ui.items.horizontalHeader().sectionSize(again.items_model.column_of("category")) == 177
    assert again.ui.splitter.sizes() == page.ui.splitter.sizes()
    assert column(again.items_model, "ref") == ["2"]


def test_export_writes_the_items_shown(qtbot, page, tmp_path, monkeypatch):
    target = tmp_path / "items.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), "CSV UTF-8 (*.csv)"))
    page.ui.overdue.setChecked(True)
    assert page.can_export()
    page.export_view()
    idle(qtbot, page)
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["description"] for r in rows) == ["Compare the construction standards unit by unit",
                                                      "Pilot assessment of returning migrant workers"]


def test_double_click_opens_the_item_and_long_updates_wrap_in_the_timeline(qtbot, page):
    page.show()
    qtbot.waitExposed(page)
    page.select_item(page.items_model.id_at(1))
    item_id = page.selected_item().id
    long_text = "The technical working group met in Vientiane and compared every unit. " * 6
    for day, text in ((10, "Short note."), (20, long_text)):
        plans.add_progress_update(UnitOfWork(page.ctx.store), item_id,
                                  {"on_date": date(2024, 5, day), "text": text, "author": "Sok Dara"})
    page.refresh()
    view = page.ui.timeline
    delegate = view.itemDelegate()
    long_entry, short_entry = (delegate.sizeHint(_option(view), view.model().index(r)) for r in (0, 1))
    assert long_entry.height() > short_entry.height()  # wrapped over several lines
    assert not view.grab().isNull()  # the delegate paints

    rect = page.ui.items.visualRect(page.items_model.index(1, page.items_model.column_of("description")))
    qtbot.mouseClick(page.ui.items.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.ui.items.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    [editor] = [d for d in page.findChildren(ItemEditor) if d.isVisible()]
    assert editor.item.id == item_id
    editor.reject()
    page.activateWindow()
    page.ui.items.setFocus()
    qtbot.waitUntil(page.ui.items.hasFocus)
    qtbot.keyClick(page.ui.items, Qt.Key.Key_Return)  # Enter opens it too
    assert [d for d in page.findChildren(ItemEditor) if d.isVisible()]


def _option(view):
    from PySide6.QtWidgets import QStyleOptionViewItem
    option = QStyleOptionViewItem()
    option.initFrom(view)
    return option


def test_without_a_node_plans_can_be_read_but_not_recorded(qtbot, bare_store):
    page = ActionPlansPage(AppContext(bare_store), today=TODAY)
    qtbot.addWidget(page)
    assert not page.can_create() and not page.ui.new_plan.isEnabled()
    assert page.plans_model.rowCount() == 0
    assert page.ui.plans.hint() == "No action plans yet. Record one with “New plan…”."


def test_the_window_lists_the_page_and_a_dashboard_click_lands_on_it(qtbot, store, ids):
    from mrs_desktop.gui.main_window import MainWindow

    window = MainWindow(store)
    qtbot.addWidget(window)
    names = [p.name for p in window.pages]
    assert names.index("dashboard") < names.index("action_plans")
    window.ctx.navigate.emit("action_plans", {"partner_country": "THA", "status": "blocked", "overdue": True})
    page = window.current_page()
    assert page.name == "action_plans" and page.title() == "Action plans"
    assert page.ui.all_plans.isChecked() and choices.current(page.ui.status) == "blocked"
    assert window.act_new.isEnabled() and window.act_export.isEnabled()
    window.ctx.runner.wait()
