"""A current database opens without SQLAlchemy: its node and the register are read with sqlite3,
and the engine and sessions are built when first asked for (a write, or `load()`)."""

from __future__ import annotations

import ast
import sqlite3
import subprocess
import sys
from pathlib import Path

from mrs_desktop.db.store import NodeRecord, open_store, schema_revision
from mrs_desktop.db.schema import HEAD
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.services import assessors
from mrs_desktop.services.assessor_list import RegisterView, view_page
from mrs_desktop.services.search import AssessorQuery, search_assessors, sector_choices

ROOT = Path(__file__).resolve().parents[2]


def _reopened(store):
    path = store.path
    store.close()
    return open_store(path)


def test_a_current_database_is_opened_without_its_engine_and_read_as_before(store):
    assessors.add_assessor(UnitOfWork(store), {"family_name": "Sok", "given_names": "Dara",
                                               "name_native": "សុខ ដារា"})
    store = _reopened(store)
    try:
        assert not store.loaded
        assert store.node == NodeRecord(store.node.id, "KHM", "Ministry of Labour and Vocational Training",
                                        "Sok Dara", store.node.public_key, store.node.created_at)
        with store.reading() as db:
            last_stamp = db.execute("SELECT max(hlc) FROM change_log").fetchone()[0]
        assert store.writer.clock.now() > last_stamp  # the clock resumes after what was written
        assert [r.family_name for r in search_assessors(store, AssessorQuery(text="សុខ"))] == ["Sok"]
        assert [r.family_name for r in view_page(store, RegisterView(), limit=40)] == ["Sok"]
        assert sector_choices(store)  # the starter sectors a new node gets
        assert schema_revision(store) == HEAD
        assert not store.loaded
    finally:
        store.close()


def test_the_first_write_builds_the_engine_and_then_reads_share_it(store):
    store = _reopened(store)
    try:
        assessors.add_assessor(UnitOfWork(store), {"family_name": "Chan"})
        assert store.loaded
        assert [r.family_name for r in search_assessors(store, AssessorQuery())] == ["Chan"]
        store.load_node()  # re-read with the engine's own connection
        assert store.node.country == "KHM"
    finally:
        store.close()


def test_sector_choices_match_the_catalogue(store):
    from mrs_desktop.services import catalogue

    with store.session() as session:
        expected = [(s.id, s.code, s.name) for s in catalogue.sectors(session)]
    assert sector_choices(store) == expected


READS_ONLY = """
import sys
from mrs_desktop.db.store import open_store
from mrs_desktop.services.assessor_list import RegisterView, view_page
from mrs_desktop.services.node_summary import node_summary
from mrs_desktop.services.search import sector_choices
store = open_store(sys.argv[1])
rows = view_page(store, RegisterView(), limit=40)
print((len(rows), node_summary(store).country_name, len(sector_choices(store)) > 0,
       "sqlalchemy" in sys.modules))
"""


def test_reading_the_first_screen_imports_no_sqlalchemy(store):
    assessors.add_assessor(UnitOfWork(store), {"family_name": "Keo"})
    store.close()
    done = subprocess.run([sys.executable, "-c", READS_ONLY, str(store.path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert ast.literal_eval(done.stdout.strip()) == (1, "Cambodia", True, False)


def test_a_new_database_is_created_and_migrated_at_once(db_path):
    store = open_store(db_path)
    try:
        assert store.loaded and store.node is None and schema_revision(store) == HEAD
    finally:
        store.close()


def test_reads_before_the_engine_refuse_writes_and_leave_no_journal_files(store):
    path = store.path
    store = _reopened(store)
    try:
        with store.reading() as db:
            try:
                db.execute("DELETE FROM node")
            except sqlite3.OperationalError as exc:
                refused = str(exc)
        assert "readonly" in refused.replace(" ", "").replace("-", "")
        assert store.node is not None and not store.loaded
    finally:
        store.close()
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
