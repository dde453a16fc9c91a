"""Opening bundle files: `mrs-desktop FILE.mrsbundle` lands on the bundle's import preview, a
second launch on the same database hands its file to the running window and exits, and a socket
left by a crashed app does not stand in the way (issue 6, part 5). Offscreen, real SQLite stores."""

from __future__ import annotations

import gc
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QEvent
from PySide6.QtWidgets import QApplication

from mrs_desktop.db.store import open_store
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.gui import app, handover
from mrs_desktop.services import assessors, peers
from mrs_desktop.services.node import init_node
from mrs_desktop.services.sync import export
from mrs_desktop.sync.cards import read_card

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def thai_db(tmp_path, store) -> Path:
    """Thailand's database (closed), trusting Cambodia (the `store` fixture) and trusted by it."""
    thailand = open_store(tmp_path / "th.sqlite")
    init_node(thailand, country="THA", organisation="Department of Skill Development")
    for here, there in ((store, thailand), (thailand, store)):
        card = tmp_path / f"{there.node.country}.mrscard"
        peers.export_card(there, card)
        with UnitOfWork(here) as uow:
            peers.trust_card(uow, read_card(card))
    thailand.close()
    return tmp_path / "th.sqlite"


@pytest.fixture
def bundle(tmp_path, store, thai_db) -> Path:
    assessors.add_assessor(UnitOfWork(store), {"family_name": "Sok", "given_names": "Dara",
                                               "name_native": "សុខ ដារា", "assessor_ref": "KH-1"})
    return export.export_bundle(store, tmp_path / "KHM-to-THA.mrsbundle", to=["THA"]).path


@pytest.fixture
def started(qtbot):
    """`start` as `main` calls it; every window it made is closed and its socket freed after."""
    windows = []

    def run(*argv: str):
        window, status = app.start(list(argv))
        if window is not None:
            qtbot.addWidget(window)
            windows.append(window)
        return window, status

    yield run
    for window in windows:
        window.ctx.runner.wait()
        if hasattr(window, "handover"):
            window.handover.close()
        window.close()
    QApplication.removePostedEvents(QApplication.instance(), QEvent.Type.Quit)
    gc.unfreeze()  # start froze this whole test process: later tests count frozen objects


def preview_shown(qtbot, window):
    qtbot.waitUntil(lambda: getattr(window, "bundle_import", None) is not None
                    and window.bundle_import.preview_dialog is not None
                    and window.bundle_import.preview_dialog.isVisible(), timeout=20_000)
    return window.bundle_import.preview_dialog


def second_launch(*argv: str, cwd: Path = ROOT) -> subprocess.Popen:
    """`mrs-desktop ARGS` in a process of its own, as the file manager starts it."""
    code = "import sys; from mrs_desktop.gui.app import main; sys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *argv], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finished(qtbot, process: subprocess.Popen) -> float:
    """Wait for `process` while this event loop runs (the running window must answer it)."""
    began = time.perf_counter()
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=60_000)
    return time.perf_counter() - began


# Arguments ----------------------------------------------------------------------------------------

def test_files_are_told_from_qts_options_and_their_values():
    args, qt_args = app.parse_args(["--db", "th.sqlite", "-platform", "offscreen", "KHM-to-THA.mrsbundle",
                                    "-reverse", "-style=fusion", "b.mrsbundle"])
    assert args.db == Path("th.sqlite")
    assert args.files == [Path("KHM-to-THA.mrsbundle"), Path("b.mrsbundle")]
    assert qt_args == ["-platform", "offscreen", "-reverse", "-style=fusion"]


def test_the_channel_is_the_same_for_one_database_and_differs_for_another(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = handover.channel_name(tmp_path / "th.sqlite")
    assert handover.channel_name(Path("th.sqlite")) == name  # relative or not, one database
    assert handover.channel_name(tmp_path / "kh.sqlite") != name
    assert name.startswith("mrs-desktop-") and "/" not in name


# Starting on a bundle --------------------------------------------------------------------------

def test_starting_with_a_bundle_opens_its_import_preview(qtbot, started, thai_db, bundle):
    window, status = started("--db", str(thai_db), str(bundle))

    dialog = preview_shown(qtbot, window)
    assert status == 0
    assert dialog.preview.file == bundle.name
    assert dialog.preview.sender_country == "KHM"
    assert dialog.totals.text().startswith("1 new")
    dialog.reject()


def test_a_file_that_is_not_a_bundle_is_refused_with_its_reason(qtbot, started, thai_db, tmp_path):
    minutes = tmp_path / "minutes.mrsbundle"
    minutes.write_text("Minutes of the RSTWG meeting\n", encoding="utf-8")
    window, _status = started("--db", str(thai_db), str(minutes))

    qtbot.waitUntil(lambda: getattr(window, "bundle_import", None) is not None
                    and window.bundle_import.error_box is not None, timeout=20_000)
    assert window.bundle_import.error_box.text() == "The bundle was refused; nothing was changed."
    window.bundle_import.error_box.close()


# A second launch ---------------------------------------------------------------------------------

def test_a_second_launch_hands_its_bundle_to_the_running_window_and_exits(qtbot, started, thai_db,
                                                                         bundle, tmp_path):
    window, _status = started("--db", str(thai_db))
    qtbot.waitUntil(lambda: hasattr(window, "handover"))  # listening once it is on screen
    window.showMinimized()
    # Started from another folder with a relative path, as a file manager may do.
    launch = second_launch("--db", str(thai_db), bundle.name, cwd=tmp_path)
    seconds = finished(qtbot, launch)

    assert launch.returncode == 0, launch.stderr[-2000:]
    dialog = preview_shown(qtbot, window)
    assert dialog.preview.file == bundle.name
    assert not window.isMinimized()  # raised for her
    assert [w for w in QApplication.topLevelWidgets() if w.isWindow() and w.isVisible()
            and type(w).__name__ == "MainWindow"] == [window]
    print(f"second launch handed over and exited in {seconds:.2f} s")
    dialog.reject()


def test_a_second_launch_without_files_brings_the_window_forward(qtbot, tmp_path):
    server = handover.HandoverServer(handover.channel_name(tmp_path / "x.sqlite"))
    assert server.listen()
    arrived = []
    server.files_arrived.connect(arrived.append)
    launch = second_launch("--db", str(tmp_path / "x.sqlite"))
    finished(qtbot, launch)
    server.close()

    assert launch.returncode == 0, launch.stderr[-2000:]
    assert arrived == [[]]


def test_a_launch_on_another_database_starts_its_own_window(qtbot, tmp_path):
    server = handover.HandoverServer(handover.channel_name(tmp_path / "x.sqlite"))
    assert server.listen()
    try:
        assert not handover.hand_over(handover.channel_name(tmp_path / "y.sqlite"), [])
    finally:
        server.close()


def test_garbage_on_the_socket_is_ignored(qtbot, tmp_path):
    server = handover.HandoverServer(handover.channel_name(tmp_path / "x.sqlite"))
    assert server.listen()
    arrived = []
    server.files_arrived.connect(arrived.append)
    code = ("import sys; from PySide6.QtNetwork import QLocalSocket; s = QLocalSocket(); "
            "s.connectToServer(sys.argv[1]); s.waitForConnected(2000); s.write(b'[1, 2]\\n'); "
            "s.waitForBytesWritten(2000); print(s.waitForReadyRead(1000))")
    probe = subprocess.Popen([sys.executable, "-c", code, server.name], stdout=subprocess.PIPE, text=True)
    finished(qtbot, probe)
    server.close()
    assert probe.stdout.read().strip() == "False" and arrived == []


# After a crash ------------------------------------------------------------------------------------

def test_a_socket_left_by_a_crashed_app_is_taken_over(qtbot, tmp_path):
    """(Linux, where a local socket is a file; a Windows named pipe goes with its process.)"""
    name = handover.channel_name(tmp_path / "x.sqlite")
    path = Path(QDir.tempPath(), name)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(path))  # bound, never listening, closed without removing: as after a crash
    stale.close()
    try:
        began = time.perf_counter()
        assert not handover.hand_over(name, [])  # nobody answers, and that is known at once
        assert time.perf_counter() - began < 0.5
        server = handover.HandoverServer(name)
        assert server.listen()
        arrived = []
        server.files_arrived.connect(arrived.append)
        launch = second_launch("--db", str(tmp_path / "x.sqlite"), "a.mrsbundle", cwd=tmp_path)
        finished(qtbot, launch)
        server.close()
        assert launch.returncode == 0 and arrived == [[tmp_path / "a.mrsbundle"]]
    finally:
        path.unlink(missing_ok=True)

