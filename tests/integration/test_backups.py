"""Automatic backups: a consistent copy in backups/ beside the database, only the newest few kept."""

from __future__ import annotations

import sqlite3

import pytest

from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import InputRejected
from mrs_desktop.services import maintenance
from mrs_desktop.services.assessors import add_assessor


def test_an_automatic_backup_is_a_readable_copy_beside_the_database(store):
    add_assessor(UnitOfWork(store), {"family_name": "Sok", "given_names": "Dara", "name_native": "សុខ ដារា"})
    backup = maintenance.automatic_backup(store)
    assert backup.parent == store.path.parent / "backups"
    assert backup.name.startswith(f"{store.path.stem}-auto-") and backup.suffix == ".sqlite"
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT name_native FROM assessor").fetchall() == [("សុខ ដារា",)]


def test_only_the_newest_automatic_backups_are_kept(store):
    made = [maintenance.automatic_backup(store, keep=3) for _ in range(5)]
    kept = sorted(p.name for p in maintenance.backups_folder(store).iterdir())
    assert kept == sorted(p.name for p in made[-3:])


def test_rotation_leaves_other_backups_alone(tmp_path):
    names = ["mrs-auto-20260101T000000000000Z.sqlite", "mrs-auto-20260301T000000000000Z.sqlite",
             "mrs-auto-20260201T000000000000Z.sqlite", "mrs-before-0002-20250101T000000Z.sqlite",
             "my-own-copy.sqlite", "notes-auto-.txt"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    deleted = maintenance.rotate_backups(tmp_path, keep=1)
    assert sorted(p.name for p in deleted) == ["mrs-auto-20260101T000000000000Z.sqlite",
                                               "mrs-auto-20260201T000000000000Z.sqlite"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(set(names) - {p.name for p in deleted})


def test_rotation_keeps_at_least_one_and_tolerates_a_missing_folder(tmp_path):
    with pytest.raises(InputRejected):
        maintenance.rotate_backups(tmp_path, keep=0)
    assert maintenance.rotate_backups(tmp_path / "none", keep=2) == []
