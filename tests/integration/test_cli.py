"""The `mrs` command: exit codes, messages on stderr, and the node/database commands."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mrs_desktop.cli.main import main
from mrs_desktop.db.schema import HEAD


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's usage errors and --version
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def init(capsys, db: Path, country: str = "KHM") -> None:
    code, out, err = run(capsys, "--db", str(db), "init", "--country", country,
                         "--organisation", "Ministry of Labour", "--focal-point", "Sok Dara")
    assert code == 0, err


def test_version_names_the_schema(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("mrs ") and f"schema {HEAD}" in out


def test_usage_error_exits_2(capsys, db_path):
    code, _, err = run(capsys, "--db", str(db_path), "init", "--country", "KHM")
    assert code == 2 and "--organisation" in err


def test_init_creates_node_and_key(capsys, db_path):
    init(capsys, db_path)
    code, out, _ = run(capsys, "--db", str(db_path), "node", "--json")
    info = json.loads(out)
    assert code == 0 and info["country"] == "KHM" and info["organisation"] == "Ministry of Labour"
    assert len(info["fingerprint"].split()) == 8
    assert (db_path.parent / "mrs-node.key").exists()


def test_init_twice_is_rejected_and_changes_nothing(capsys, db_path):
    init(capsys, db_path)
    before = db_path.read_bytes()
    code, _, err = run(capsys, "--db", str(db_path), "init", "--country", "THA", "--organisation", "DSD")
    assert code == 3 and "already has a node" in err
    assert db_path.read_bytes() == before


def test_init_with_unknown_country_names_the_field(capsys, db_path):
    code, _, err = run(capsys, "--db", str(db_path), "init", "--country", "FRA", "--organisation", "X")
    assert code == 3
    assert "country: 'FRA' is not an ASEAN member state code" in err
    assert not (db_path.parent / "mrs-node.key").exists()


def test_a_file_that_is_not_a_database_is_refused(capsys, tmp_path):
    notes = tmp_path / "notes.sqlite"
    notes.write_text("minutes of the regional meeting\n" * 10)
    code, _, err = run(capsys, "--db", str(notes), "init", "--country", "KHM", "--organisation", "X")
    assert code == 3 and "not an SQLite file" in err
    assert notes.read_text().startswith("minutes")


def test_commands_on_a_missing_database_say_so(capsys, tmp_path):
    code, _, err = run(capsys, "--db", str(tmp_path / "none.sqlite"), "check")
    assert code == 3 and "no database" in err and "mrs init" in err
    assert not (tmp_path / "none.sqlite").exists()


def test_check_reports_ok_and_counts(capsys, db_path):
    init(capsys, db_path)
    code, out, _ = run(capsys, "--db", str(db_path), "check", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] is True
    assert report["facts"]["sector"] >= 10 and report["facts"]["schema"] == HEAD


def test_check_finds_a_node_key_that_does_not_match(capsys, db_path, tmp_path):
    init(capsys, db_path)
    other = tmp_path / "other" / "mrs.sqlite"
    init(capsys, other)
    (db_path.parent / "mrs-node.key").write_bytes((other.parent / "mrs-node.key").read_bytes())
    code, out, _ = run(capsys, "--db", str(db_path), "check")
    assert code == 1 and "does not belong to this node" in out


def test_backup_is_a_consistent_copy_and_never_overwrites(capsys, db_path, tmp_path):
    init(capsys, db_path)
    target = tmp_path / "copy.sqlite"
    code, out, _ = run(capsys, "--db", str(db_path), "backup", str(target))
    assert code == 0 and target.exists()
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT country FROM node").fetchone() == ("KHM",)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    code, _, err = run(capsys, "--db", str(db_path), "backup", str(target))
    assert code == 3 and "already exists" in err


def test_real_process_exit_codes_and_no_traceback(tmp_path):
    """As a user runs it: a separate process, no standard input, errors on stderr only."""
    env = {**os.environ, "MRS_DB": str(tmp_path / "mrs.sqlite")}
    env.pop("MRS_DEBUG", None)
    cmd = [sys.executable, "-m", "mrs_desktop.cli.main"]
    ok = subprocess.run([*cmd, "init", "--country", "LAO", "--organisation", "MoLSW"],
                        env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert ok.returncode == 0 and "Lao PDR" in ok.stdout
    again = subprocess.run([*cmd, "init", "--country", "LAO", "--organisation", "MoLSW"],
                           env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert again.returncode == 3
    assert "Traceback" not in again.stderr and again.stderr.startswith("mrs: ")
    assert again.stdout == ""
