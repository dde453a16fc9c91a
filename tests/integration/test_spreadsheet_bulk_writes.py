"""db.bulk, the executemany writes under every import: stamping, change log, name index."""

from __future__ import annotations

import sqlite3
from datetime import date

from mrs_desktop.db import bulk
from mrs_desktop.db.models import Accreditation, Assessor
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.ids import uuid7


def person(ref: str, **kw) -> dict:
    row = {"country": "KHM", "assessor_ref": ref, "family_name": "Sok", "given_names": "Dara",
           "name_native": "សុខ ដារា", "sex": None, "date_of_birth": None, "email": None, "phone": None,
           "organisation": None, "search_text": f"Sok Dara សុខ ដារា {ref}"}
    row.update(kw)
    return row


def sql(store, query: str, *params) -> list[tuple]:
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def test_insert_rows_stamps_logs_and_indexes(store):
    given = uuid7()
    rows = [person("A1", id=given, date_of_birth=date(1980, 5, 14)),
            person("A2", date_of_birth=None), person("A3", date_of_birth=date(1990, 1, 2))]
    with UnitOfWork(store) as uow:
        ids = bulk.insert_rows(uow.session, uow.writer, Assessor, rows)
        changes = uow.commit()
    assert ids[0] == given and len(set(ids)) == 3
    assert changes.counts == {"assessor": 3} and changes.ids == set(ids)
    stored = sql(store, "SELECT id, origin, deleted, date_of_birth, hlc FROM assessor ORDER BY assessor_ref")
    assert [(r[0], r[1], r[2], r[3]) for r in stored] == [
        (ids[0], store.writer.node_id, 0, "1980-05-14"), (ids[1], store.writer.node_id, 0, None),
        (ids[2], store.writer.node_id, 0, "1990-01-02")]
    stamps = [r[4] for r in stored]
    assert stamps == sorted(stamps) and len(set(stamps)) == 3
    log = sql(store, "SELECT register, row_id, origin, hlc, op FROM change_log WHERE register = 'assessor'")
    assert log == [("assessor", i, store.writer.node_id, s, "insert") for i, s in zip(ids, stamps)]
    found = sql(store, "SELECT count(*) FROM assessor_fts WHERE assessor_fts MATCH 'ដារា'")
    assert found == [(3,)]


def test_insert_rows_keeps_a_given_origin(store):
    partner = uuid7()
    with UnitOfWork(store) as uow:
        (row_id,) = bulk.insert_rows(uow.session, uow.writer, Assessor,
                                     [person("T1", origin=partner, country="THA")])
        uow.commit()
    assert sql(store, "SELECT origin FROM assessor WHERE id = ?", row_id) == [(partner,)]
    # The log names who wrote the row (this node), not who owns it.
    assert sql(store, "SELECT origin FROM change_log WHERE row_id = ?", row_id) == [(store.writer.node_id,)]


def test_update_rows_logs_changed_fields_with_the_writer(store):
    partner = uuid7()
    with UnitOfWork(store) as uow:
        ids = bulk.insert_rows(uow.session, uow.writer, Assessor,
                               [person("A1"), person("T1", origin=partner, country="THA"), person("A2")])
        uow.commit()
    with UnitOfWork(store) as uow:
        count = bulk.update_rows(uow.session, uow.writer, Assessor, [
            (ids[0], {"email": "sok@example.org", "date_of_birth": date(1980, 5, 14)}),
            (ids[1], {"phone": "+66 2 000"}), (ids[2], {}), (ids[2], {"deleted": True})])
        changes = uow.commit()
    assert count == 3 and changes.counts == {"assessor": 3}
    log = sql(store, "SELECT row_id, origin, op, fields FROM change_log WHERE op != 'insert' ORDER BY seq")
    assert log == [(ids[0], store.writer.node_id, "update", "date_of_birth,email"),
                   (ids[1], store.writer.node_id, "update", "phone"), (ids[2], store.writer.node_id, "delete", "deleted")]
    assert sql(store, "SELECT email, date_of_birth FROM assessor WHERE id = ?", ids[0]) == [
        ("sok@example.org", "1980-05-14")]


def test_nothing_to_write_writes_nothing(store):
    with UnitOfWork(store) as uow:
        assert bulk.insert_rows(uow.session, uow.writer, Assessor, []) == []
        assert bulk.update_rows(uow.session, uow.writer, Assessor, [("x", {})]) == 0
        assert not uow.commit()


def test_each_batch_logs_its_own_rows_in_the_order_given(store):
    """The log copies each batch from its table: earlier rows must not be logged twice."""
    with UnitOfWork(store) as uow:
        first = bulk.insert_rows(uow.session, uow.writer, Assessor, [person("A1"), person("A2")])
        uow.commit()
    with UnitOfWork(store) as uow:
        second = bulk.insert_rows(uow.session, uow.writer, Assessor,
                                  [person("A4"), person("A3"), person("A5")])
        numbers = bulk.insert_rows(uow.session, uow.writer, Accreditation, [
            {"assessor_id": a, "country": "KHM", "aqrf_level": 2, "accreditation_no": f"N{k}",
             "accredited_on": "2024-01-01", "valid_until": "2027-01-01", "status": "active"}
            for k, a in enumerate((second[2], first[0]))])
        uow.commit()
    log = sql(store, "SELECT register, row_id, op, fields, hlc FROM change_log "
                     "WHERE register IN ('assessor', 'accreditation') ORDER BY seq")
    assert [(r[0], r[1], r[2], r[3]) for r in log] == (
        [("assessor", i, "insert", None) for i in first + second]
        + [("accreditation", i, "insert", None) for i in numbers])
    stamps = dict(sql(store, "SELECT id, hlc FROM assessor UNION ALL SELECT id, hlc FROM accreditation"))
    assert [r[4] for r in log] == [stamps[r[1]] for r in log]
    assert [r[4] for r in log] == sorted(r[4] for r in log)


def test_insert_columns_writes_as_insert_rows_does(store):
    rows = [person("A1", date_of_birth=date(1980, 5, 14)), person("A2"),
            person("A3", given_names=None)]
    given = uuid7()
    columns = {name: [row[name] for row in rows] for name in rows[0]}
    columns["id"] = [given, uuid7(), uuid7()]
    with UnitOfWork(store) as uow:
        ids = bulk.insert_columns(uow.session, uow.writer, Assessor, columns)
        changes = uow.commit()
    assert ids == columns["id"] and changes.counts == {"assessor": 3} and changes.ids == set(ids)
    stored = sql(store, "SELECT id, origin, deleted, date_of_birth, given_names, hlc FROM assessor "
                        "ORDER BY rowid")
    assert [r[:5] for r in stored] == [(ids[0], store.writer.node_id, 0, "1980-05-14", "Dara"),
                                       (ids[1], store.writer.node_id, 0, None, "Dara"),
                                       (ids[2], store.writer.node_id, 0, None, None)]
    log = sql(store, "SELECT row_id, origin, hlc, op FROM change_log WHERE register = 'assessor' "
                     "ORDER BY seq")
    assert log == [(r[0], store.writer.node_id, r[5], "insert") for r in stored]
    assert sql(store, "SELECT count(*) FROM assessor_fts WHERE assessor_fts MATCH 'ដារា'") == [(3,)]
    with UnitOfWork(store) as uow:
        assert bulk.insert_columns(uow.session, uow.writer, Assessor, {"id": []}) == []


def test_insert_columns_writes_shared_values_into_every_row(store):
    columns = {"assessor_ref": ["A1", "A2"], "family_name": ["Sok", "Chan"],
               "search_text": ["Sok", "Chan"]}
    shared = {"country": "KHM", "organisation": "O'Reilly Institute", "email": None,
              "date_of_birth": date(1980, 5, 14)}
    with UnitOfWork(store) as uow:
        ids = bulk.insert_columns(uow.session, uow.writer, Assessor, columns, shared)
        uow.commit()
    assert sql(store, "SELECT id, country, organisation, email, date_of_birth, origin, deleted "
                      "FROM assessor ORDER BY rowid") == [
        (i, "KHM", "O'Reilly Institute", None, "1980-05-14", store.writer.node_id, 0) for i in ids]


def test_prepared_inserts_write_what_insert_columns_writes(store, monkeypatch):
    """prepare_columns + write_prepared (statements of many rows each, overlap.py) write the
    same rows, log and name index entries as insert_columns; statements split where SQLite's
    parameter limit says (made small here: 3 rows a statement, the last one shorter)."""
    monkeypatch.setattr(bulk, "MAX_PARAMETERS", 3 * 12)
    rows = [person(f"A{i}", date_of_birth=date(1980, 5, i + 1) if i % 2 else None) for i in range(8)]
    columns = {name: [row[name] for row in rows] for name in rows[0] if name != "country"}
    columns["id"] = [uuid7() for _ in rows]
    with UnitOfWork(store) as uow:
        prepared = bulk.prepare_columns(uow.writer, Assessor, columns, {"country": "KHM"})
        assert [len(params) for _, params in prepared.statements] == [36, 36, 24]
        ids = bulk.write_prepared(uow.session, uow.writer, prepared)
        changes = uow.commit()
    assert ids == columns["id"] and changes.counts == {"assessor": 8} and changes.ids == set(ids)
    stored = sql(store, "SELECT id, country, assessor_ref, date_of_birth, origin, deleted, hlc "
                        "FROM assessor ORDER BY rowid")
    assert [r[:6] for r in stored] == [
        (ids[i], "KHM", f"A{i}", f"1980-05-{i + 1:02d}" if i % 2 else None, store.writer.node_id, 0)
        for i in range(8)]
    assert [r[6] for r in stored] == prepared.stamps == sorted(prepared.stamps)
    log = sql(store, "SELECT row_id, hlc, op FROM change_log WHERE register = 'assessor' ORDER BY seq")
    assert log == [(r[0], r[6], "insert") for r in stored]
    assert sql(store, "SELECT count(*) FROM assessor_fts WHERE assessor_fts MATCH 'ដារា'") == [(8,)]
    with UnitOfWork(store) as uow:
        empty = bulk.prepare_columns(uow.writer, Assessor, {"id": []})
        assert bulk.write_prepared(uow.session, uow.writer, empty) == []


def test_prepared_inserts_keep_to_the_connections_parameter_limit(store):
    """An older SQLite (a system Python's) binds at most 999 parameters a statement: the
    connection's limit, read by parameter_limit, splits the statements."""
    rows = [person(f"A{i}") for i in range(10)]
    columns = {name: [row[name] for row in rows] for name in rows[0] if name != "country"}
    with UnitOfWork(store) as uow:
        conn = uow.session.connection()
        driver = conn.connection.driver_connection
        driver.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 30)
        try:
            assert bulk.parameter_limit(conn) == 30
            prepared = bulk.prepare_columns(uow.writer, Assessor, columns, {"country": "KHM"},
                                            max_parameters=bulk.parameter_limit(conn))
            assert all(len(params) <= 30 for _, params in prepared.statements)
            bulk.write_prepared(uow.session, uow.writer, prepared)  # SQLite takes each one
            uow.commit()
        finally:
            driver.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, bulk.MAX_PARAMETERS)
    assert sql(store, "SELECT count(*) FROM assessor") == [(10,)]
