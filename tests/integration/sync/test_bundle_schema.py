"""Bundles name the schema of what they carry (db.schema.BUNDLE_SCHEMA), not the sender's newest
revision: an upgrade that changed only indexes (0004) must not make partners still on the
release before (0003) refuse our bundles, and that release refuses any bundle whose manifest
names a schema newer than its own.
"""

from __future__ import annotations

from sqlalchemy import create_engine

from mrs_desktop.db import migrate
from mrs_desktop.db.models import REGISTERS
from mrs_desktop.db.schema import BUNDLE_SCHEMA, HEAD
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.services import assessors
from mrs_desktop.services.search import AssessorQuery, search_assessors
from mrs_desktop.services.sync import export, inbound
from mrs_desktop.sync import bundle

PREVIOUS_RELEASE = "0003"  # the release before revision 0004 (index-only)


def test_a_bundle_after_the_index_only_upgrade_is_taken_by_a_peer_on_the_previous_release(
        bare_nodes, tmp_path, monkeypatch):
    khm, tha = bare_nodes["KHM"], bare_nodes["THA"]
    assessors.add_assessor(UnitOfWork(khm), {"family_name": "Sok", "given_names": "Dara",
                                             "assessor_ref": "KH-1"})
    sent = export.export_bundle(khm, tmp_path / "khm.mrsbundle", to=["THA"]).path
    manifest = bundle.open_bundle(sent).manifest
    # The receiver runs the previous release: the same import code, knowing schemas up to 0003.
    monkeypatch.setattr(inbound, "BUNDLE_SCHEMA", PREVIOUS_RELEASE)
    inbound.import_bundle(tha, sent)
    found = search_assessors(tha, AssessorQuery(text="sok"))
    assert [r.family_name for r in found] == ["Sok"], manifest["schema"]
    assert manifest["schema"] == BUNDLE_SCHEMA == PREVIOUS_RELEASE


def _synced_tables(path) -> dict[str, list[tuple]]:
    """Every synced register's table as SQLite describes it: columns, types, null, default, key."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            return {m.__table__.name: conn.exec_driver_sql(
                        f"PRAGMA table_info({m.__table__.name})").fetchall()
                    for m in REGISTERS.values()}
    finally:
        engine.dispose()


def test_the_synced_tables_at_the_bundle_schema_are_those_of_the_head(tmp_path):
    """If a revision changes a synced table, BUNDLE_SCHEMA must move to it (and this fails)."""
    at_bundle, at_head = tmp_path / "bundle.sqlite", tmp_path / "head.sqlite"
    for path, revision in ((at_bundle, BUNDLE_SCHEMA), (at_head, HEAD)):
        engine = create_engine(f"sqlite:///{path}")
        migrate.upgrade(engine, revision)
        engine.dispose()
    assert _synced_tables(at_bundle) == _synced_tables(at_head)
