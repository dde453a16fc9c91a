"""The minimal main window: the node in its title and heading, each register's counts in a table."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.gui import app
from mrs_desktop.gui.main_window import MainWindow
from mrs_desktop.services.assessors import add_assessor

ROOT = Path(__file__).resolve().parents[2]


def _write_demo_records(store) -> None:
    """The records of the migration fixture (tests/fixtures/make_fixture_db.py)."""
    spec = importlib.util.spec_from_file_location("make_fixture_db", ROOT / "tests/fixtures/make_fixture_db.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_records(store)


def table(window: MainWindow) -> dict[str, tuple[int, int, int]]:
    counts = window.ui.counts
    return {counts.item(r, 0).text(): tuple(counts.item(r, c).data(Qt.ItemDataRole.UserRole)
                                            for c in (1, 2, 3))
            for r in range(counts.rowCount())}


def headers(window: MainWindow) -> list[str]:
    counts = window.ui.counts
    return [counts.horizontalHeaderItem(c).text() for c in range(counts.columnCount())]


@pytest.fixture
def window(qtbot, store):
    _write_demo_records(store)
    shown = MainWindow(store)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_the_window_names_the_node(window):
    assert window.windowTitle() == "MRS Desktop — Cambodia, Ministry of Labour and Vocational Training"
    assert window.ui.heading.text() == "Ministry of Labour and Vocational Training, Cambodia"
    assert "Focal point: Sok Dara." in window.ui.details.text()
    assert str(window.store.path) in window.statusBar().currentMessage()


def test_the_table_lists_each_register_by_who_issued_it(window):
    assert headers(window) == ["Register", "Cambodia", "Partner countries", "Total"]
    assert table(window) == {
        "Assessors": (2, 2, 4),  # a third Cambodian assessor was removed (a tombstone)
        "Accreditations": (3, 1, 4),
        "Trainings": (1, 0, 1),
        "Training participants": (2, 0, 2),
        "Action plans": (1, 0, 1),
        "Action items": (2, 0, 2),
        "Occupation equivalences": (1, 0, 1),
    }
    assert window.ui.counts.item(0, 3).text() == "4"


def test_refresh_shows_new_records(window):
    add_assessor(UnitOfWork(window.store), {"family_name": "Nguon", "given_names": "Sreymom",
                                            "name_native": "ងួន ស្រីមុំ"})
    window.refresh()
    assert table(window)["Assessors"] == (3, 2, 5)


def test_without_a_node_the_window_says_how_to_create_one(qtbot, bare_store):
    window = MainWindow(bare_store)
    qtbot.addWidget(window)
    assert window.windowTitle() == "MRS Desktop"
    assert window.ui.heading.text() == (
        "No node yet: create it with  mrs init --country ISO3 --organisation NAME")
    assert f'mrs --db "{bare_store.path}" init --country ISO3' in window.ui.details.text()
    assert headers(window)[1] == "Own country"
    assert set(table(window).values()) == {(0, 0, 0)}
    assert window.ui.counts.rowCount() == 7


def test_on_the_default_database_plain_mrs_init_is_enough(qtbot):
    from mrs_desktop.db.store import open_store

    store = open_store()  # $MRS_DB is unset: the user data folder (redirected by the fixtures)
    window = MainWindow(store)
    qtbot.addWidget(window)
    assert window.ui.heading.text().startswith("No node yet")
    assert "--db" not in window.ui.details.text()
    window.close()


def test_closing_the_window_closes_the_database(qtbot, store):
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    wal = Path(str(store.path) + "-wal")
    assert wal.exists()
    window.close()
    assert not wal.exists()  # the last connection checkpointed and removed its log


def test_main_opens_the_database_named_by_db(qtbot, store):
    path = store.path
    store.close()
    seen = []

    def look_and_quit():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.extend(w.windowTitle() for w in windows)
        for w in windows:
            w.close()
        QApplication.quit()

    QTimer.singleShot(0, look_and_quit)
    assert app.main(["--db", str(path)]) == 0
    assert seen == ["MRS Desktop — Cambodia, Ministry of Labour and Vocational Training"]


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
