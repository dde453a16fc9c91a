"""`mrs bundle …`, `mrs conflicts …`, `mrs sync status`: a Cambodian and a Thai node exchanging
bundles through the command line, with the exit codes of docs/cli.md."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from mrs_desktop.cli.main import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def nodes(capsys, tmp_path) -> dict[str, Path]:
    """Two nodes that trust each other's cards; Cambodia has demo data."""
    dbs = {}
    for country in ("KHM", "THA"):
        db = tmp_path / country / "mrs.sqlite"
        db.parent.mkdir()
        assert run(capsys, "--db", str(db), "init", "--country", country, "--organisation", f"Ministry {country}")[0] == 0
        assert run(capsys, "--db", str(db), "peer", "card", str(tmp_path / f"{country}.mrscard"))[0] == 0
        dbs[country] = db
    for me, other in (("KHM", "THA"), ("THA", "KHM")):
        code, _, err = run(capsys, "--db", str(dbs[me]), "peer", "trust", str(tmp_path / f"{other}.mrscard"), "--yes")
        assert code == 0, err
    assert run(capsys, "--db", str(dbs["KHM"]), "demo")[0] == 0
    return dbs


def db_digest(db: Path) -> str:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return hashlib.sha256(db.read_bytes()).hexdigest()


def count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_export_inspect_import_list_and_undo(capsys, nodes, tmp_path):
    kh, th = nodes["KHM"], nodes["THA"]
    bundle = tmp_path / "for-thailand.mrsbundle"
    code, out, err = run(capsys, "--db", str(kh), "bundle", "export", str(bundle), "--to", "THA", "--json")
    assert code == 0, err
    exported = json.loads(out)
    assert exported["counts"]["assessor"] == count(kh, "SELECT count(*) FROM assessor WHERE origin = "
                                                       "(SELECT id FROM node)")

    code, out, _ = run(capsys, "--db", str(th), "bundle", "inspect", str(bundle), "--json")
    assert code == 0 and json.loads(out)["signature"] == "valid"

    before = db_digest(th)
    code, out, _ = run(capsys, "--db", str(th), "bundle", "import", str(bundle), "--dry-run", "--json")
    preview = json.loads(out)
    assert code == 0 and preview["applied"] is False and preview["totals"]["new"] > 0
    assert db_digest(th) == before, "a dry run changes nothing"

    code, out, _ = run(capsys, "--db", str(th), "bundle", "import", str(bundle))
    assert code == 0 and "Imported for-thailand.mrsbundle from Ministry KHM" in out
    code, out, _ = run(capsys, "--db", str(th), "assessors", "list", "--country", "KHM", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed["assessors"] if isinstance(listed, dict) else listed) > 0

    code, out, _ = run(capsys, "--db", str(th), "bundle", "import", str(bundle), "--json")
    assert code == 0 and json.loads(out)["totals"]["new"] == 0, "the same bundle twice changes nothing"

    code, out, _ = run(capsys, "--db", str(th), "bundle", "undo")
    assert code == 0 and "Undone" in out
    assert count(th, "SELECT count(*) FROM assessor") == 0
    code, _, err = run(capsys, "--db", str(th), "bundle", "undo")
    assert code == 3 and "undone" in err


def test_a_tampered_bundle_exits_3_and_changes_nothing(capsys, nodes, tmp_path):
    bundle = tmp_path / "b.mrsbundle"
    assert run(capsys, "--db", str(nodes["KHM"]), "bundle", "export", str(bundle), "--to", "THA")[0] == 0
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    bundle.write_bytes(bytes(data))
    before = db_digest(nodes["THA"])
    code, _, err = run(capsys, "--db", str(nodes["THA"]), "bundle", "import", str(bundle))
    assert code == 3 and "b.mrsbundle" in err
    assert db_digest(nodes["THA"]) == before


def test_an_untrusted_sender_is_refused(capsys, nodes, tmp_path):
    stranger = tmp_path / "LAO" / "mrs.sqlite"
    stranger.parent.mkdir()
    run(capsys, "--db", str(stranger), "init", "--country", "LAO", "--organisation", "MoLSW")
    bundle = tmp_path / "lao.mrsbundle"
    assert run(capsys, "--db", str(stranger), "bundle", "export", str(bundle), "--full")[0] == 0
    code, _, err = run(capsys, "--db", str(nodes["THA"]), "bundle", "import", str(bundle))
    assert code == 3 and "not among your trusted peers" in err


def test_concurrent_edits_reach_the_conflict_queue_and_resolve(capsys, nodes, tmp_path):
    kh, th = nodes["KHM"], nodes["THA"]
    first = tmp_path / "first.mrsbundle"
    run(capsys, "--db", str(kh), "bundle", "export", str(first), "--to", "THA")
    run(capsys, "--db", str(th), "bundle", "import", str(first))
    # One item of a plan both share, changed on both sides before either hears of the other.
    conn = sqlite3.connect(th)
    item = conn.execute("SELECT i.id FROM action_item i JOIN action_plan p ON p.id = i.plan_id "
                        "WHERE p.owner_country = 'KHM' AND p.partner_countries LIKE '%THA%' LIMIT 1").fetchone()[0]
    conn.close()
    from mrs_desktop.db.store import open_store
    from mrs_desktop.db.uow import UnitOfWork
    from mrs_desktop.services import action_plans

    for db, values in ((th, {"description": "Thai wording"}), (kh, {"description": "Khmer wording"})):
        store = open_store(db)
        action_plans.update_item(UnitOfWork(store), item, values)
        store.close()
    back = tmp_path / "back.mrsbundle"
    run(capsys, "--db", str(th), "bundle", "export", str(back), "--to", "KHM")
    code, out, _ = run(capsys, "--db", str(kh), "bundle", "import", str(back), "--json")
    assert code == 0 and json.loads(out)["totals"]["conflicts"] == 1

    code, out, _ = run(capsys, "--db", str(kh), "conflicts", "list", "--json")
    (conflict,) = json.loads(out)
    assert {conflict["kept_value"], conflict["lost_value"]} == {"Thai wording", "Khmer wording"}
    assert code == 0 and conflict["field"] == "description"

    code, out, _ = run(capsys, "--db", str(kh), "conflicts", "resolve", str(conflict["id"]), "edit",
                       "--value", "Agreed wording")
    assert code == 0
    assert count(kh, f"SELECT count(*) FROM action_item WHERE id = '{item}' AND description = 'Agreed wording'") == 1
    code, out, _ = run(capsys, "--db", str(kh), "conflicts", "list")
    assert "No open conflicts" in out
    code, _, err = run(capsys, "--db", str(kh), "conflicts", "resolve", str(conflict["id"]), "keep")
    assert code == 3 and "already resolved" in err


def test_status_names_the_peer_that_has_not_acknowledged(capsys, nodes, tmp_path):
    code, out, _ = run(capsys, "--db", str(nodes["KHM"]), "sync", "status", "--json")
    status = json.loads(out)
    tha = next(p for p in status["peers"] if p["country"] == "THA")
    assert code == 0 and tha["unacknowledged"] > 0 and status["unsent"] == tha["unsent"] > 0
    bundle = tmp_path / "b.mrsbundle"
    run(capsys, "--db", str(nodes["KHM"]), "bundle", "export", str(bundle), "--to", "THA")
    code, out, _ = run(capsys, "--db", str(nodes["KHM"]), "sync", "status")
    assert code == 0 and "THA (Ministry THA) has not acknowledged" in out and "Unsent changes: 0" in out
