"""A quick start: `mrs-desktop` paints the register before SQLAlchemy is imported and loads it
right after; it pauses the garbage collector while it imports and builds its window, and always
leaves it running (with start-up's objects frozen) once the window is up. A database that needs
migrating is still backed up and upgraded before the window, and a newer one is refused."""

from __future__ import annotations

import ast
import gc
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from mrs_desktop.gui.app import collection_paused

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def collector():
    """The collector as the test found it, afterwards: running, nothing kept frozen by the test."""
    was_enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_is_paused_inside_and_running_after_with_what_exists_frozen(collector):
    gc.enable()
    gc.unfreeze()
    with collection_paused():
        assert not gc.isenabled()
        built = [object() for _ in range(10)]
    assert gc.isenabled()
    assert gc.get_freeze_count() > len(built)


def test_the_collector_runs_again_when_start_up_fails(collector):
    gc.enable()
    with pytest.raises(OSError):
        with collection_paused():
            raise OSError("the disk went away")
    assert gc.isenabled()


def test_a_collector_the_caller_had_switched_off_stays_off(collector):
    gc.disable()
    with collection_paused():
        pass
    assert not gc.isenabled()


# The start as a user gets it: a fresh process, `main` on a database with a node.
START = """
import gc, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from mrs_desktop.gui.app import main
app = QApplication(["mrs-desktop"])
seen = []
def look():
    window = [w for w in QApplication.topLevelWidgets() if w.isVisible()][0]
    seen.append((gc.isenabled(), gc.get_freeze_count(), "sqlalchemy" in sys.modules,
                 window.current_page().name))
    window.close()
QTimer.singleShot(0, look)
assert main(["--db", sys.argv[1]]) == 0
print(seen)
"""


def test_main_leaves_the_collector_running_and_start_ups_objects_frozen(tmp_path, store):
    path = store.path
    store.close()
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path),
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", START, str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    enabled, frozen, sqlalchemy, page = ast.literal_eval(done.stdout.strip().splitlines()[-1])[0]
    assert enabled and sqlalchemy and page == "dashboard"
    assert frozen > 50_000  # the libraries' and the window's objects, out of later collections' way


# Painted before SQLAlchemy: the register's first screen is read with sqlite3, the ORM loads after.
FIRST_PAINT = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTableView
from mrs_desktop.gui.app import start
seen = {}
def after():
    seen["after"] = (window.store.loaded, "sqlalchemy.orm" in sys.modules)
    window.close()
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "painted" not in seen:
            seen["painted"] = ("sqlalchemy" in sys.modules, obj.parent().model().rowCount())
            QTimer.singleShot(0, after)  # queued behind the store's loading, due after this paint
        return False
window, _ = start(["--db", sys.argv[1]])
probe = Probe()
window.current_page().findChild(QTableView, "assessor_table").viewport().installEventFilter(probe)
QApplication.instance().exec()
print(seen)
"""


def test_the_register_is_painted_before_sqlalchemy_is_imported_and_the_store_loads_right_after(
        tmp_path, store):
    from mrs_desktop.db.uow import UnitOfWork
    from mrs_desktop.services import assessors

    for family in ("Sok", "Chan", "Keo"):
        assessors.add_assessor(UnitOfWork(store), {"family_name": family, "given_names": "Dara"})
    path = store.path
    store.close()
    ini = tmp_path / "ILO-MRS" / "MRS Desktop.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[window]\nlast_page=assessors\n", encoding="utf-8")
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path),
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    assert seen["painted"] == (False, 3)  # the rows on screen, and no SQLAlchemy yet
    assert seen["after"] == (True, True)


def test_a_database_of_an_older_schema_is_backed_up_and_upgraded_before_the_window(qtbot, tmp_path):
    from mrs_desktop.db.schema import HEAD
    from mrs_desktop.db.store import schema_revision
    from mrs_desktop.gui import app

    path = tmp_path / "mrs.sqlite"
    shutil.copyfile(ROOT / "tests" / "fixtures" / "db" / "0001.sqlite", path)
    window, status = app.start(["--db", str(path)])
    qtbot.addWidget(window)
    try:
        assert status == 0
        backups = list((tmp_path / "backups").glob("mrs-before-*.sqlite"))
        assert len(backups) == 1
        backup = sqlite3.connect(backups[0])
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        backup.close()
        assert window.store.loaded  # migrated with SQLAlchemy before anything could write
        assert schema_revision(window.store) == HEAD
    finally:
        window.ctx.runner.wait()
        if hasattr(window, "handover"):
            window.handover.close()
        window.close()
        QApplication.removePostedEvents(QApplication.instance(), QEvent.Type.Quit)
        gc.unfreeze()  # start froze this whole test process


def test_a_database_of_a_newer_version_is_refused_with_a_clear_message(qtbot, tmp_path, monkeypatch):
    from mrs_desktop.gui import app

    path = tmp_path / "mrs.sqlite"
    shutil.copyfile(ROOT / "tests" / "fixtures" / "db" / "0003.sqlite", path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))

    assert app.main(["--db", str(path)]) == 3

    assert len(shown) == 1 and "written by a newer MRS Desktop (schema revision 9999)" in shown[0]
    assert not (tmp_path / "backups").exists()


def test_what_follows_the_first_paint_runs_once_after_it(qtbot):
    from PySide6.QtWidgets import QWidget

    from mrs_desktop.gui import app

    widget = QWidget()
    qtbot.addWidget(widget)
    ran = []
    app.after_first_paint(widget, lambda: ran.append(widget.isVisible()), latest_ms=300)
    widget.show()
    qtbot.waitUntil(lambda: ran == [True])
    qtbot.wait(400)  # the latest time passes too: still once
    assert ran == [True]


def test_what_follows_the_first_paint_still_runs_if_the_window_is_never_painted(qtbot):
    from PySide6.QtWidgets import QWidget

    from mrs_desktop.gui import app

    widget = QWidget()  # never shown, as a window started minimized may never be painted
    qtbot.addWidget(widget)
    ran = []
    app.after_first_paint(widget, lambda: ran.append(True), latest_ms=50)
    qtbot.waitUntil(lambda: ran == [True])
