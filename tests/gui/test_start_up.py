"""A quick start: `mrs-desktop` pauses the garbage collector while it imports and builds its window,
and always leaves it running (with start-up's objects frozen) once the window is up."""

from __future__ import annotations

import ast
import gc
import subprocess
import sys
from pathlib import Path

import pytest

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
