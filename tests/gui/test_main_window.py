"""The main window: the node in its title, the sidebar's pages, menus and shortcuts, undo labels,
a layout that survives a restart, and `mrs-desktop`'s start-up and shut-down."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, QSize, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mrs_desktop.db.store import open_store
from mrs_desktop.gui import app, settings
from mrs_desktop.gui.main_window import MainWindow
from mrs_desktop.gui.operations.assessors import add_assessor

ROOT = Path(__file__).resolve().parents[2]
TITLE = "MRS Desktop — Cambodia, Ministry of Labour and Vocational Training"


@pytest.fixture(autouse=True)
def _settings_in_this_tests_home(_isolated_user_folders):
    """QSettings keeps the first folder it was given for the whole process: point it at this
    test's own config folder, or a window would restore the layout another test saved."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["XDG_CONFIG_HOME"])


def _write_records(store) -> None:
    """The records of the migration fixture (tests/fixtures/make_fixture_db.py)."""
    spec = importlib.util.spec_from_file_location("make_fixture_db", ROOT / "tests/fixtures/make_fixture_db.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_records(store)


def settle(qtbot, window: MainWindow) -> None:
    """Every job done: the shared worker's and the dashboard's counts."""
    dashboard = window.pages[0]
    qtbot.waitUntil(lambda: not window.ctx.runner.busy and not dashboard.runner.busy)


@pytest.fixture
def window(qtbot, store):
    _write_records(store)
    shown = MainWindow(store)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    settle(qtbot, shown)
    yield shown
    shown.ctx.runner.wait()


def test_window_state_goes_to_an_ini_file_in_the_tests_own_home():
    location = Path(settings.qsettings().fileName())
    assert location.suffix == ".ini"
    assert location.is_relative_to(os.environ["XDG_CONFIG_HOME"])


def test_the_window_names_the_node_and_opens_on_the_dashboard(window):
    assert window.windowTitle() == TITLE + " — Dashboard"
    assert window.current_page().name == "dashboard"
    assert window.current_page().heading.text() == "Ministry of Labour and Vocational Training"


def test_the_sidebar_lists_every_page_and_switches_to_it(qtbot, window):
    names = [page.name for page in window.pages]
    assert names[:4] == ["dashboard", "assessors", "trainings", "assessments"]
    assert "action_plans" in names[4:]
    labels = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    assert labels == [page.title() for page in window.pages]
    assert labels[:4] == ["Dashboard", "Assessors", "Trainings", "Assessments"]
    window.sidebar.setCurrentRow(2)
    assert window.current_page().name == "trainings"
    assert window.windowTitle() == TITLE + " — Trainings"


def test_menus_and_shortcuts_are_in_place(window):
    menus = [action.text() for action in window.menuBar().actions()]
    assert {"&File", "&Edit", "&View", "&Help"} <= set(menus)
    keys = {name: getattr(window, name).shortcut().toString() for name in (
        "act_new", "act_find", "act_export", "act_refresh", "act_undo", "act_redo")}
    assert keys == {"act_new": "Ctrl+N", "act_find": "Ctrl+F", "act_export": "Ctrl+E", "act_refresh": "F5",
                    "act_undo": "Ctrl+Z", "act_redo": "Ctrl+Shift+Z"}
    pages = [action.shortcut().toString() for action in window.page_actions]
    assert pages[:4] == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"]


def test_actions_follow_what_the_current_page_can_do(window):
    assert not window.act_new.isEnabled()  # nothing to create on the dashboard
    window.show_page("assessors")
    assert window.act_new.isEnabled() and window.act_find.isEnabled()


def test_the_edit_menu_names_what_undo_and_redo_would_do(qtbot, window):
    assert (window.act_undo.text(), window.act_undo.isEnabled()) == ("&Undo", False)
    window.ctx.run_op(add_assessor(values={"family_name": "Nguon", "given_names": "Sreymom"}))
    qtbot.waitUntil(lambda: window.act_undo.isEnabled())
    assert window.act_undo.text() == "&Undo Add assessor"
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: window.act_redo.isEnabled())
    assert window.act_redo.text() == "&Redo Add assessor"
    assert (window.act_undo.text(), window.act_undo.isEnabled()) == ("&Undo", False)
    settle(qtbot, window)


def test_a_dashboard_figure_opens_the_register_it_counts(qtbot, window):
    dashboard = window.current_page()
    dashboard.open_tile("suspended")
    assert window.current_page().name == "assessors"
    assert window.current_page().filters.filters() == {"country": "own", "status": "suspended"}
    settle(qtbot, window)


def test_the_last_page_and_the_windows_size_come_back(qtbot, store):
    path = store.path
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.resize(1000, 700)
    first.show()
    qtbot.waitExposed(first)
    first.show_page("trainings")
    settle(qtbot, first)
    first.close()
    again = MainWindow(open_store(path))
    qtbot.addWidget(again)
    assert again.current_page().name == "trainings"
    # The offscreen screen is 800 px wide: the width comes back clamped to the window's minimum.
    assert again.size() == QSize(960, 700)
    again.close()


def test_closing_the_window_closes_the_database(qtbot, store):
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    wal = Path(str(store.path) + "-wal")
    assert wal.exists()
    window.close()  # at once, while the dashboard may still be counting
    assert not wal.exists()  # the last connection checkpointed and removed its log


def _close_and_quit(window: MainWindow) -> None:
    """Closing the last window posts a Quit; one left queued would end the next test's loop."""
    window.close()
    QApplication.removePostedEvents(QApplication.instance(), QEvent.Type.Quit)
    QApplication.quit()


def test_main_opens_the_database_named_by_db(qtbot, store):
    path = store.path
    store.close()
    seen = []

    def look_and_quit():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.extend(w.windowTitle() for w in windows)
        for w in windows:
            _close_and_quit(w)

    QTimer.singleShot(0, look_and_quit)
    assert app.main(["--db", str(path)]) == 0
    assert seen == [TITLE + " — Dashboard"]


def test_main_explains_a_file_it_cannot_open_and_changes_nothing(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "minutes.sqlite"
    bad.write_text("Minutes of the RSTWG meeting\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))

    assert app.main(["--db", str(bad)]) == 3

    assert len(shown) == 1
    title, text = shown[0]
    assert title == "MRS Desktop"
    assert text.startswith("The database cannot be opened") and "not an SQLite file" in text
    assert bad.read_text(encoding="utf-8") == "Minutes of the RSTWG meeting\n"


def test_main_uses_mrs_db_when_no_db_is_given(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("MRS_DB", str(tmp_path / "not-a-db.sqlite"))
    (tmp_path / "not-a-db.sqlite").write_bytes(b"\x89PNG\r\n\x1a\n")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert app.main([]) == 3
    assert "not-a-db.sqlite" in shown[0]
