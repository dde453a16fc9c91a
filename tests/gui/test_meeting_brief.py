"""File ▸ Meeting brief…: the since-date asked, the file chosen, the PDF written on the worker."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QFileDialog

from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.gui import meeting_brief
from mrs_desktop.gui.context import AppContext
from mrs_desktop.gui.main_window import MainWindow
from mrs_desktop.services import action_plans as plans

TODAY = date(2026, 6, 1)


@pytest.fixture
def ctx(store):
    plans.add_plan(UnitOfWork(store), {"title": "Construction skills", "plan_ref": "KHM-AP-01",
                                       "partner_countries": ["THA"]},
                   [{"item_ref": "1", "description": "Compare the standards", "partner_country": "THA",
                     "due_date": date(2026, 3, 1), "status": "in_progress", "percent": 50}])
    context = AppContext(store)
    yield context
    context.runner.wait()


def test_the_since_date_starts_a_month_back_and_cannot_be_after_today(qtbot):
    dialog = meeting_brief.SinceDialog(today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.value() == TODAY - timedelta(days=30)
    dialog.since.set_value(TODAY + timedelta(days=5))
    assert dialog.value() == TODAY  # the field's maximum


def test_the_brief_is_written_on_the_worker_and_the_status_bar_says_where(qtbot, ctx, tmp_path,
                                                                          monkeypatch):
    asked = []
    monkeypatch.setattr(meeting_brief, "ask_since", lambda parent, today: date(2026, 5, 1))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: asked.append(args) or (str(tmp_path / "brief"), ""))
    with qtbot.waitSignal(ctx.status_message, timeout=10_000) as said:
        meeting_brief.make_meeting_brief(ctx, None, today=TODAY)
        assert ctx.runner.busy
    target = tmp_path / "brief.pdf"  # .pdf added to the name typed
    assert said.args[0] == f"Meeting brief written to {target}"
    assert asked[0][3] == "PDF document (*.pdf)" and asked[0][2].endswith("meeting-brief-2026-06-01.pdf")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "Changes from 2026-05-01 to 2026-06-01" in text and "Compare the standards" in text


def test_cancelling_the_date_asks_for_no_file(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(meeting_brief, "ask_since", lambda parent, today: None)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: pytest.fail("asked for a file"))
    meeting_brief.make_meeting_brief(ctx, None, today=TODAY)
    assert not ctx.runner.busy


def test_a_failure_is_explained_not_raised(qtbot, ctx, tmp_path, monkeypatch):
    explained = []
    monkeypatch.setattr(meeting_brief, "ask_since", lambda parent, today: date(2026, 5, 1))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (str(tmp_path / "missing" / "brief.pdf"), ""))
    monkeypatch.setattr(ctx, "explain", lambda exc, parent: explained.append(exc))
    meeting_brief.make_meeting_brief(ctx, None, today=TODAY)
    qtbot.waitUntil(lambda: bool(explained), timeout=10_000)
    assert "does not exist" in str(explained[0])


def test_the_file_menu_offers_it(qtbot, store):
    window = MainWindow(store)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.file_menu.actions()]
    assert "&Meeting brief…" in texts
    window.ctx.runner.wait()
