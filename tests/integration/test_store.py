"""Opening the database file: refusing files that are not ours, pragmas, backups, default path."""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import date
from pathlib import Path

import platformdirs
import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from mrs_desktop.db import migrate, store as store_module
from mrs_desktop.db.models import Accreditation, Assessor
from mrs_desktop.db.schema import HEAD, REVISIONS
from mrs_desktop.db.store import backup_file, default_db_path, open_store, schema_revision
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import StoreProblem


def _refused(path: Path) -> str:
    """Open `path`, expect a refusal; return its message after checking nothing was touched."""
    before = path.read_bytes() if path.is_file() else None
    neighbours = set(path.parent.iterdir())
    with pytest.raises(StoreProblem) as caught:
        open_store(path)
    if before is not None:
        assert path.read_bytes() == before
    assert not (path.parent / "backups").exists()
    # SQLite's reader may leave its -wal/-shm beside a WAL-mode file; nothing else appears.
    extra = {p.name for p in set(path.parent.iterdir()) - neighbours}
    assert extra <= {path.name + "-wal", path.name + "-shm"}, extra
    assert str(path.name) in str(caught.value)
    return str(caught.value)


def _current_db(path: Path) -> Path:
    open_store(path).close()
    return path


def test_a_text_file_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("Assessors to call back:\nSok Dara\n" * 50, encoding="utf-8")
    assert "not an SQLite file" in _refused(path)


def test_a_png_is_refused(tmp_path):
    path = tmp_path / "photo.sqlite"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert "not an SQLite file" in _refused(path)


def test_another_applications_database_is_refused(tmp_path):
    path = tmp_path / "contacts.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contact (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contact VALUES ('Sok Dara', '+855 12 345 678')")
    conn.commit()
    conn.close()
    message = _refused(path)
    assert "not an MRS Desktop database" in message
    assert sqlite3.connect(path).execute("SELECT name FROM contact").fetchall() == [("Sok Dara",)]


def test_a_damaged_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "damaged.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00" * 2000)
    assert "cannot be read as a database" in _refused(path)


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = _current_db(tmp_path / "newer.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    message = _refused(path)
    assert "newer MRS Desktop" in message and "9999" in message and HEAD in message


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "mrs.sqlite"
    folder.mkdir()
    (folder / "inside.txt").write_text("keep me")
    assert "is a folder" in _refused(folder)
    assert [p.name for p in folder.iterdir()] == ["inside.txt"]


def test_an_empty_file_becomes_a_new_database(tmp_path):
    """SQLite counts a 0-byte file as an empty database (e.g. made by `touch` or a file manager)."""
    path = tmp_path / "mrs.sqlite"
    path.write_bytes(b"")
    store = open_store(path)
    try:
        assert schema_revision(store) == HEAD
        assert store.node is None
    finally:
        store.close()
    assert not (tmp_path / "backups").exists()


def test_connections_use_wal_foreign_keys_and_full_sync(bare_store):
    with bare_store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_a_new_database_gets_16_kib_pages_and_an_existing_one_keeps_its_own(tmp_path):
    """Large pages make bulk writes faster; an old 4 KiB file is opened as it is, not rewritten."""
    store = open_store(tmp_path / "new.sqlite")
    store.close()
    with sqlite3.connect(tmp_path / "new.sqlite") as conn:
        assert conn.execute("PRAGMA page_size").fetchone()[0] == store_module.PAGE_SIZE == 16384
    old = tmp_path / "old.sqlite"
    with sqlite3.connect(old) as conn:
        conn.execute("PRAGMA page_size=4096")
        conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    store = open_store(old)
    try:
        with UnitOfWork(store) as uow:  # a write through the engine's own connection
            uow.session.execute(text("INSERT INTO setting (key, value) VALUES ('probe', '1')"))
            uow.commit()
    finally:
        store.close()
    with sqlite3.connect(old) as conn:
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 4096
        assert conn.execute("SELECT value FROM setting WHERE key = 'probe'").fetchone()[0] == "1"
    conn.close()


def test_foreign_keys_are_enforced_at_commit(store):
    """Checked when the transaction commits (deferred), so a flush may write a child first."""
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        with UnitOfWork(store) as uow:
            uow.session.add(Accreditation(assessor_id="no-such-assessor", country="KHM", aqrf_level=2,
                                          accreditation_no="KH-1", accredited_on=date(2024, 1, 1),
                                          valid_until=date(2027, 1, 1), status="active"))
            uow.session.flush()  # not checked yet
            uow.commit()
    with store.session() as session:
        assert session.query(Accreditation).count() == 0


def test_opening_a_current_database_makes_no_backup(tmp_path):
    path = _current_db(tmp_path / "mrs.sqlite")
    store = open_store(path)
    store.close()
    assert not (tmp_path / "backups").exists()


def test_an_older_database_is_backed_up_before_it_is_migrated(store, monkeypatch):
    """Simulated: this version pretends to know a revision after the file's."""
    _add_assessor(store, "Chan", "ចាន់ សុភា")
    path = store.path
    store.close()
    calls = []

    def fake_upgrade(engine, revision="head"):
        backups = list((path.parent / "backups").glob("*.sqlite"))
        calls.append(backups)

    monkeypatch.setattr(store_module, "REVISIONS", (*REVISIONS, "9999"))
    monkeypatch.setattr(store_module, "HEAD", "9999")
    monkeypatch.setattr(migrate, "upgrade", fake_upgrade)
    open_store(path).close()

    assert len(calls) == 1 and len(calls[0]) == 1, "the backup exists before the upgrade runs"
    backup = calls[0][0]
    assert backup.name.startswith("mrs-before-9999-")
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT name_native FROM assessor").fetchall() == [("ចាន់ សុភា",)]
    assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
    assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_backup_file_copies_committed_writes_still_in_the_wal(store, tmp_path):
    _add_assessor(store, "Somchai", "สมชาย ใจดี")  # the store stays open: the row is in the WAL
    assert Path(str(store.path) + "-wal").stat().st_size > 0
    target = tmp_path / "copies" / "mrs-copy.sqlite"

    assert backup_file(store.path, target) == target

    copy = sqlite3.connect(target)
    assert copy.execute("SELECT family_name, name_native FROM assessor").fetchall() == [
        ("Somchai", "สมชาย ใจดี")]
    assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    copy.close()
    assert [p.name for p in target.parent.iterdir()] == ["mrs-copy.sqlite"]  # no .partial left


def test_default_path_is_in_the_user_data_folder(tmp_path):
    expected = Path(platformdirs.user_data_dir("MRS Desktop", "ILO-MRS", roaming=False)) / "mrs.sqlite"
    assert default_db_path() == expected
    if sys.platform.startswith("linux"):  # the fixtures point XDG_DATA_HOME into a temp folder
        assert expected == Path(os.environ["XDG_DATA_HOME"]) / "MRS Desktop" / "mrs.sqlite"
    store = open_store()
    store.close()
    assert expected.is_file()


def test_mrs_db_overrides_the_default_path(tmp_path, monkeypatch):
    monkeypatch.setenv("MRS_DB", str(tmp_path / "elsewhere" / "office.sqlite"))
    assert default_db_path() == tmp_path / "elsewhere" / "office.sqlite"
    store = open_store()
    store.close()
    assert (tmp_path / "elsewhere" / "office.sqlite").is_file()
    assert not Path(platformdirs.user_data_dir("MRS Desktop", "ILO-MRS")).exists()


def test_the_key_file_sits_beside_the_database(bare_store):
    assert bare_store.key_path == bare_store.path.with_name("mrs-node.key")


def _add_assessor(store, family_name: str, native: str) -> None:
    with store.session() as session:
        session.add(Assessor(country="KHM", family_name=family_name, name_native=native,
                             search_text=family_name))
        session.commit()
    with store.engine.connect() as conn:
        assert conn.execute(select(Assessor.family_name)).scalars().all() == [family_name]
        assert conn.execute(text("SELECT count(*) FROM change_log WHERE register='assessor'")).scalar() == 1
