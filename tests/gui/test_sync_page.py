"""The Sync page on real SQLite stores: Cambodia (the `store` fixture) and Thailand trust each
other and exchange real bundles; the page previews, imports, undoes, resolves conflicts, trusts
cards and refuses bundles, offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from mrs_desktop.db.models import ActionItem, Assessor, Peer
from mrs_desktop.db.store import open_store
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.gui.context import AppContext
from mrs_desktop.gui.dialogs.sync_cards import TRUST_PEER, CardDialog
from mrs_desktop.gui.dialogs.sync_preview import totals_text
from mrs_desktop.gui.pages.sync import SyncPage, typed_like
from mrs_desktop.services import action_plans, assessors, peers
from mrs_desktop.services.node import init_node
from mrs_desktop.services.sync import export, inbound
from mrs_desktop.sync.cards import read_card


def trust(store, card_path: Path) -> None:
    with UnitOfWork(store) as uow:
        peers.trust_card(uow, read_card(card_path))


@pytest.fixture
def thailand(tmp_path):
    th = open_store(tmp_path / "th.sqlite")
    init_node(th, country="THA", organisation="Department of Skill Development")
    yield th
    th.close()


@pytest.fixture
def cards(tmp_path, store, thailand) -> dict[str, Path]:
    paths = {"KHM": tmp_path / "khm.mrscard", "THA": tmp_path / "tha.mrscard"}
    peers.export_card(store, paths["KHM"])
    peers.export_card(thailand, paths["THA"])
    return paths


@pytest.fixture
def pair(store, thailand, cards):
    """Cambodia and Thailand trusting each other; Cambodia has an assessor and a shared plan."""
    trust(store, cards["THA"])
    trust(thailand, cards["KHM"])
    assessors.add_assessor(UnitOfWork(store), {"family_name": "Sok", "given_names": "Dara",
                                               "name_native": "សុខ ដារា", "assessor_ref": "KH-1"})
    action_plans.add_plan(UnitOfWork(store), {"title": "KHM-THA tiling", "partner_countries": "THA",
                                              "plan_ref": "P1"},
                          [{"description": "Map occupations", "partner_country": "THA"}])
    return store, thailand


@pytest.fixture
def bundle(tmp_path, pair) -> Path:
    return export.export_bundle(pair[0], tmp_path / "KHM-to-THA.mrsbundle", to=["THA"]).path


def make_page(qtbot, store) -> SyncPage:
    page = SyncPage(AppContext(store))
    qtbot.addWidget(page)
    page.resize(1200, 650)
    page.show()
    return page


@pytest.fixture
def thai_page(qtbot, pair):
    page = make_page(qtbot, pair[1])
    yield page
    page.ctx.runner.wait()


def idle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not page.ctx.runner.busy)


def assessor_count(store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(Assessor))


def previewed(qtbot, page, path: Path):
    flow = page.import_bundle(path)
    qtbot.waitUntil(lambda: flow.preview_dialog is not None and flow.preview_dialog.isVisible())
    return flow


# Preview, import, undo ---------------------------------------------------------------------------

def test_the_preview_shows_the_senders_totals_and_every_record(qtbot, qtmodeltester, thai_page, bundle):
    expected = inbound.preview_import(thai_page.ctx.store, bundle)
    dialog = previewed(qtbot, thai_page, bundle).preview_dialog
    assert dialog.totals.text() == totals_text(expected.totals)
    assert dialog.totals.text().startswith(f"{expected.totals['new']} new, 0 updated, 0 conflicts, 0 rejected")
    assert dialog.sender.text() == "Ministry of Labour and Vocational Training (KHM)"
    changed = [line for line in expected.lines if line.outcome != "unchanged"]
    assert dialog.lines_model.rowCount() == len(changed)  # at first only what changes
    assert dialog.lines_model.row_at(0).outcome == "new"
    dialog.show_outcome(None)
    labels = [dialog.lines_model.data(dialog.lines_model.index(r, 2)) for r in range(dialog.lines_model.rowCount())]
    assert len(labels) == len(expected.lines)
    assert "SOK Dara (KH-1)" in labels
    dialog.show_outcome("new")
    assert dialog.lines_model.rowCount() == expected.totals["new"]
    dialog.show_outcome("rejected")
    assert dialog.lines_model.rowCount() == 0
    for model in (dialog.lines_model, dialog.summary_model, dialog.conflicts_model):
        qtmodeltester.check(model)
    assessors_row = [r for r in dialog.summary_model.rows() if r[0] == "assessor"]
    assert assessors_row[0][1]["new"] == 1
    dialog.reject()
    assert assessor_count(thai_page.ctx.store) == 0  # a preview writes nothing


def test_apply_imports_the_bundle_and_undo_puts_everything_back(qtbot, monkeypatch, thai_page, bundle):
    th = thai_page.ctx.store
    flow = previewed(qtbot, thai_page, bundle)
    refreshed = []
    thai_page.ctx.changes_applied.connect(lambda changes: refreshed.append(changes.registers))
    flow.preview_dialog.apply_button.click()
    qtbot.waitUntil(lambda: flow.done_box is not None)
    assert "was imported: 3 new" in flow.done_box.text()
    assert assessor_count(th) == 1
    assert "assessor" in refreshed[0]
    history = thai_page.history_model.rows()
    assert history[0].direction == "in" and history[0].file_name == bundle.name
    assert thai_page.undo_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    thai_page.undo_button.click()
    idle(qtbot, thai_page)
    assert assessor_count(th) == 0
    assert {"assessor", "action_item", "sync"} <= refreshed[-1]  # every page re-reads
    assert thai_page.history_model.rows()[0].status == "undone"
    assert not thai_page.undo_button.isEnabled()


def test_the_summary_offers_to_undo_the_import(qtbot, thai_page, bundle):
    flow = previewed(qtbot, thai_page, bundle)
    flow.preview_dialog.accept()
    qtbot.waitUntil(lambda: flow.done_box is not None)
    flow.undo_button.click()
    idle(qtbot, thai_page)
    assert assessor_count(thai_page.ctx.store) == 0


# Refusals ----------------------------------------------------------------------------------------

def test_a_bundle_from_an_untrusted_node_is_refused_with_its_reason(qtbot, tmp_path, thai_page, cards):
    lao = open_store(tmp_path / "lao.sqlite")
    init_node(lao, country="LAO", organisation="Ministry of Labour and Social Welfare")
    trust(lao, cards["THA"])
    assessors.add_assessor(UnitOfWork(lao), {"family_name": "Phomma", "given_names": "Khamla"})
    path = export.export_bundle(lao, tmp_path / "LAO-to-THA.mrsbundle", to=["THA"]).path
    lao.close()
    flow = thai_page.import_bundle(path)
    qtbot.waitUntil(lambda: flow.error_box is not None)
    assert flow.error_box.text() == "The bundle was refused; nothing was changed."
    assert "not among your trusted peers" in flow.error_box.informativeText()
    assert "LAO" in flow.error_box.informativeText()
    assert flow.preview_dialog is None
    assert assessor_count(thai_page.ctx.store) == 0
    assert thai_page.history_model.rowCount() == 0


# Conflicts ---------------------------------------------------------------------------------------

def test_a_real_conflict_is_listed_and_taking_the_other_value_updates_the_record(qtbot, qtmodeltester, tmp_path,
                                                                                 pair, bundle):
    kh, th = pair
    inbound.import_bundle(th, bundle)
    with th.session() as session:
        item_id = session.scalars(select(ActionItem.id)).one()
    action_plans.update_item(UnitOfWork(th), item_id, {"status": "in_progress"})
    action_plans.update_item(UnitOfWork(kh), item_id, {"status": "done", "percent": 100})
    back = export.export_bundle(th, tmp_path / "THA-to-KHM.mrsbundle", to=["KHM"]).path
    inbound.import_bundle(kh, back)
    page = make_page(qtbot, kh)
    assert page.conflicts_model.rowCount() == 1
    assert page.tabs.tabText(1) == "Conflicts (1)"
    assert "1 open conflicts" in page.counts.text()
    qtmodeltester.check(page.conflicts_model)
    conflict = page.conflicts_model.row_at(0)
    assert conflict.field == "status"
    shown = [page.conflicts_model.data(page.conflicts_model.index(0, column)) for column in range(5)]
    assert shown[2] == "Status"  # in the Action plans page's words, not the field's code
    assert {shown[3].split("  — ")[0], shown[4].split("  — ")[0]} == {"In progress", "Done"}
    page.conflicts_table.selectRow(0)
    assert page.keep_button.isEnabled()
    ours_lost = conflict.lost_is_mine
    assert page.restore_button.text() == ("Restore &mine" if ours_lost else "Take &theirs")
    overwritten = conflict.lost_value
    page.resolve("restore")
    idle(qtbot, page)
    with kh.session() as session:
        assert session.get(ActionItem, item_id).status == overwritten
    assert page.conflicts_model.rowCount() == 0
    assert page.tabs.tabText(1) == "Conflicts (0)"
    page.ctx.runner.wait()


def test_shared_fields_and_values_read_as_their_pages_show_them(qapp):
    from mrs_desktop.gui.pages.sync_tables import field_name, field_value

    assert (field_name("action_item", "status"), field_value("action_item", "status", "in_progress")) == \
        ("Status", "In progress")
    assert (field_name("action_item", "percent"), field_value("action_item", "percent", 40)) == ("Done", "40 %")
    assert field_name("action_item", "due_date") == "Due"
    assert field_value("action_plan", "partner_countries", "THA") == "Thailand"
    assert field_value("equivalence", "status", "under_comparison") == "Under comparison"
    assert field_name("action_plan", "plan_ref") == "Plan ref"  # no page column: the code, readable
    assert field_value("action_item", "category", None) == "(empty)"


def test_typed_values_keep_the_fields_kind():
    assert typed_like(" 40 ", 100) == 40
    assert typed_like("done", "in_progress") == "done"
    assert typed_like("", "x") is None


# Peers and cards ---------------------------------------------------------------------------------

def test_trusting_a_card_shows_its_fingerprint_large_then_lists_the_peer(qtbot, qtmodeltester, store, thailand,
                                                                         cards):
    page = make_page(qtbot, store)
    assert page.peers_model.rowCount() == 0
    dialog = page.trust_card(cards["THA"])
    card = read_card(cards["THA"])
    shown = dialog.fingerprint.text().replace("\n", " ")
    assert shown == card.fingerprint
    assert dialog.fingerprint.font().pointSize() >= 20
    assert "trust only if they match" in dialog.findChild(type(dialog.fingerprint), "advice").text()
    dialog.done(TRUST_PEER)
    idle(qtbot, page)
    assert page.peers_model.rowCount() == 1
    row = page.peers_model.row_at(0)
    assert (row.country, row.role, row.fingerprint, row.revoked) == ("THA", "peer", card.fingerprint, False)
    qtmodeltester.check(page.peers_model)
    page.ctx.runner.wait()


def test_my_card_shows_my_fingerprint_and_saves(qtbot, tmp_path, store):
    page = make_page(qtbot, store)
    dialog = page.show_my_card()
    assert isinstance(dialog, CardDialog)
    assert dialog.fingerprint.text().replace("\n", " ") == peers.my_card(store).fingerprint
    target = tmp_path / "mine.mrscard"
    page.save_my_card(target)
    idle(qtbot, page)
    assert read_card(target).node_id == store.node.id


def test_revoking_asks_a_reason_and_marks_the_peer(qtbot, monkeypatch, thai_page):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Key lost", True))
    thai_page.peers_table.selectRow(0)
    thai_page.revoke_button.click()
    idle(qtbot, thai_page)
    assert thai_page.peers_model.row_at(0).revoked
    assert not thai_page.revoke_button.isEnabled()
    with thai_page.ctx.store.session() as session:
        assert session.scalars(select(Peer.revoked_reason)).one() == "Key lost"


# Header, export, history -------------------------------------------------------------------------

def test_the_header_counts_unsent_changes_and_who_has_not_acknowledged(qtbot, pair):
    page = make_page(qtbot, pair[0])
    status = page.status
    assert status.unsent > 0
    assert page.unsent.text() == f"{status.unsent} unsent changes"
    assert f"THA has not acknowledged {status.peers[0].unacknowledged} of your changes (last bundle in never)" \
        in page.warnings.text()
    assert page.history_model.rowCount() == 0


def test_export_writes_the_bundle_for_the_chosen_peers(qtbot, qtmodeltester, pair):
    page = make_page(qtbot, pair[0])
    flow = page.export_bundle()
    dialog = flow.dialog
    assert Path(dialog.file.text()).name.startswith("KHM-to-THA-")
    assert dialog.recipients() == [pair[1].node.id]
    dialog.accept()
    qtbot.waitUntil(lambda: flow.done_box is not None)
    assert flow.exported.path.is_file()
    assert "written for THA" in flow.done_box.text()
    idle(qtbot, page)
    history = page.history_model.rows()
    assert history[0].direction == "out" and history[0].file_name == flow.exported.path.name
    qtmodeltester.check(page.history_model)
    preview = inbound.preview_import(pair[1], flow.exported.path)
    assert preview.totals["new"] == 3


# Drag and drop -----------------------------------------------------------------------------------

def drop(widget, path: Path) -> None:
    """As the desktop does it: the drag enters (and is accepted), then the file is dropped. Qt
    delivers a drop only to the widget that accepted the drag's entering."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    assert event.isAccepted()


def test_dropping_a_bundle_on_the_page_opens_the_preview(qtbot, thai_page, bundle):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bundle.with_suffix(".xlsx")))])
    other = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(thai_page, other)
    assert not other.isAccepted()  # a spreadsheet is not a bundle
    drop(thai_page, bundle)
    flow = thai_page.last_import
    qtbot.waitUntil(lambda: flow.preview_dialog is not None and flow.preview_dialog.isVisible())
    assert flow.preview_dialog.preview.file == bundle.name
    flow.preview_dialog.reject()


def test_dropping_a_bundle_on_the_window_opens_the_preview(qtbot, pair, bundle):
    from mrs_desktop.gui.main_window import MainWindow

    window = MainWindow(pair[1])
    qtbot.addWidget(window)
    window.show()
    assert window.act_import_bundle.shortcut().toString() == "Ctrl+Shift+I"
    assert window.act_export_bundle.shortcut().toString() == "Ctrl+Shift+E"
    drop(window, bundle)
    flow = window.bundle_import
    qtbot.waitUntil(lambda: flow.preview_dialog is not None and flow.preview_dialog.isVisible())
    assert flow.preview_dialog.totals.text().startswith("3 new")
    flow.preview_dialog.reject()
    window.ctx.runner.wait()
    assert shiboken6.isValid(window)
