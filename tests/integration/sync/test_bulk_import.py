"""A large import (the bulk path: indexes made after the records, name index text derived in
SQLite) leaves the receiver's database exactly as the sender's records, its indexes and name
search intact; the same records again in a new bundle change nothing."""

from __future__ import annotations

import sqlite3

from mrs_desktop.db import bulk
from mrs_desktop.db.models import Assessor
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.assessors import search_text
from mrs_desktop.services import assessors
from mrs_desktop.services.sync import export, inbound

COUNT = 1_200  # above apply.REBUILD_FROM: the receiver's indexes are set aside and made again

SQL_COLUMNS = "id, origin, hlc, country, assessor_ref, family_name, given_names, name_native, search_text"


def rows(store, order: str = "id") -> list[tuple]:
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute(f"SELECT {SQL_COLUMNS} FROM assessor ORDER BY {order}").fetchall()
    finally:
        conn.close()


def schema(store) -> list[tuple]:
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'assessor' "
                            "ORDER BY name").fetchall()
    finally:
        conn.close()


def add_many(store) -> None:
    """COUNT assessors of the node's country: some without given names, a native name with đ, or
    a reference."""
    country = store.node.country
    people = []
    for n in range(COUNT):
        family, given = ("Nguyễn", "Sok", "Đặng", "Lee")[n % 4], None if n % 5 == 0 else f"Given {n}"
        native, ref = "đức" if n % 7 == 0 else None, None if n % 11 == 0 else f"{country}-{n:05d}"
        people.append({"country": country, "family_name": family, "given_names": given, "name_native": native,
                       "assessor_ref": ref, "search_text": search_text(family, given, native, ref)})
    with UnitOfWork(store) as uow:
        bulk.insert_rows(uow.session, uow.writer, Assessor, people)
        uow.commit()


def test_a_large_import_gives_the_senders_records_with_indexes_and_search(bare_nodes, tmp_path):
    khm, tha = bare_nodes["KHM"], bare_nodes["THA"]
    add_many(khm)
    path = export.export_bundle(khm, tmp_path / "all.mrsbundle", to=[tha.node.id], full=True).path
    before = schema(tha)
    preview = inbound.import_bundle(tha, path)
    assert preview.totals["new"] == COUNT and preview.totals["rejected"] == 0
    assert rows(tha) == rows(khm)  # search_text too: derived in SQLite as the app derives it
    assert schema(tha) == before  # the name index made again, as the migration made it
    conn = sqlite3.connect(tha.path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        found = conn.execute("SELECT count(*) FROM assessor_fts WHERE assessor_fts MATCH 'duc'").fetchone()[0]
        assert found == sum(1 for n in range(COUNT) if n % 7 == 0)
        plan = " ".join(r[-1] for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM assessor WHERE family_name = 'Sok' COLLATE NOCASE"))
        assert "ix_assessor_name" in plan
    finally:
        conn.close()

    # The same records in a new bundle: all compared, none changed.
    again = export.export_bundle(khm, tmp_path / "again.mrsbundle", to=[tha.node.id], full=True).path
    once = rows(tha)
    second = inbound.import_bundle(tha, again)
    assert second.totals["unchanged"] >= COUNT and second.totals["new"] == second.totals["updated"] == 0
    assert second.restore_point is None and rows(tha) == once

    # An owner's edit travels as an update; the name index text follows it.
    first_id = once[0][0]
    assessors.update_assessor(UnitOfWork(khm), first_id, {"given_names": "Đông"})
    update = export.export_bundle(khm, tmp_path / "update.mrsbundle", to=[tha.node.id]).path
    third = inbound.import_bundle(tha, update)
    assert third.totals["updated"] == 1
    assert rows(tha) == rows(khm)
    assert [line.row_id for line in third.lines if line.outcome == "updated"] == [first_id]
