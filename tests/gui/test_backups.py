"""Backups from the desktop: on closing when the preference says so, and File > Back up database…."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from mrs_desktop.gui import backups, settings
from mrs_desktop.gui.context import AppContext


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    """QSettings keeps the first user folder it saw for the whole process: point it here."""
    before = Path(settings.qsettings().fileName()).parent.parent
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(before))


def automatic(store) -> list[str]:
    folder = store.path.parent / "backups"
    return sorted(p.name for p in folder.glob("*-auto-*.sqlite")) if folder.is_dir() else []


def test_no_backup_on_closing_unless_asked(store):
    assert backups.backup_on_exit(store) is None
    assert automatic(store) == []


def test_backups_on_closing_keep_the_chosen_number(store):
    settings.BACKUP_ON_EXIT.set(True)
    settings.BACKUPS_KEPT.set(2)
    made = [backups.backup_on_exit(store) for _ in range(4)]
    assert all(path is not None and path.exists() for path in made[-2:])
    assert automatic(store) == sorted(p.name for p in made[-2:])


def test_back_up_now_copies_the_database_on_the_worker(qtbot, store, tmp_path, monkeypatch):
    target = tmp_path / "copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    ctx = AppContext(store)
    with qtbot.waitSignal(ctx.status_message, timeout=10_000) as said:
        backups.back_up_now(ctx, None)
    assert said.args[0] == f"Database backed up to {target}.sqlite"
    assert Path(f"{target}.sqlite").read_bytes().startswith(b"SQLite format 3\x00")
