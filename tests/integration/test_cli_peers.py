"""`mrs peer ...` and `mrs node backup-key|restore-key|rotate-key`: output, prompts, exit codes."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest

from mrs_desktop.cli.main import main

PASSPHRASE = "mekong delta monsoon"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


class Terminal:
    """Stands in for stdin when a person is at the keyboard."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def two_nodes(capsys, monkeypatch, tmp_path) -> tuple[Path, Path]:
    monkeypatch.delenv("MRS_KEY_PASSPHRASE", raising=False)  # each test says where it comes from
    hanoi, jakarta = tmp_path / "hanoi" / "mrs.sqlite", tmp_path / "jakarta" / "mrs.sqlite"
    for db, country in ((hanoi, "VNM"), (jakarta, "IDN")):
        db.parent.mkdir()
        code, _, err = run(capsys, "--db", str(db), "init", "--country", country,
                           "--organisation", f"Ministry of Labour {country}")
        assert code == 0, err
    return hanoi, jakarta


def _node(capsys, db: Path) -> dict:
    code, out, err = run(capsys, "--db", str(db), "node", "--json")
    assert code == 0, err
    return json.loads(out)


def _card(capsys, db: Path) -> Path:
    card = db.parent / "card.mrscard"
    code, out, err = run(capsys, "--db", str(db), "peer", "card", str(card))
    assert code == 0, err
    assert _node(capsys, db)["fingerprint"] in out
    return card


def _peers(capsys, db: Path) -> list[dict]:
    code, out, err = run(capsys, "--db", str(db), "peer", "list", "--json")
    assert code == 0, err
    return json.loads(out)


def test_card_trust_list_and_revoke(capsys, two_nodes):
    hanoi, jakarta = two_nodes
    card = _card(capsys, hanoi)
    vietnam = _node(capsys, hanoi)

    code, out, err = run(capsys, "--db", str(jakarta), "peer", "trust", str(card), "--hub", "--yes")
    assert code == 0, err
    assert vietnam["fingerprint"] in out and "Trusted VNM" in out
    [peer] = _peers(capsys, jakarta)
    assert (peer["node_id"], peer["country"], peer["role"], peer["revoked_at"]) == (
        vietnam["id"], "VNM", "hub", None)

    code, out, _ = run(capsys, "--db", str(jakarta), "peer", "list")
    assert code == 0 and vietnam["id"] in out and vietnam["fingerprint"] in out

    code, out, err = run(capsys, "--db", str(jakarta), "peer", "revoke", "VNM", "--reason", "replaced")
    assert code == 0, err
    assert _peers(capsys, jakarta)[0]["revoked_reason"] == "replaced"
    code, _, err = run(capsys, "--db", str(jakarta), "peer", "revoke", "VNM", "--reason", "again")
    assert code == 3 and "already revoked" in err


def test_trust_without_a_terminal_needs_yes(capsys, two_nodes):
    hanoi, jakarta = two_nodes
    code, out, err = run(capsys, "--db", str(jakarta), "peer", "trust", str(_card(capsys, hanoi)))
    assert code == 3
    assert "compare the fingerprint" in err and "--yes" in err
    assert _node(capsys, hanoi)["fingerprint"] in out  # shown, to be compared
    assert _peers(capsys, jakarta) == []


@pytest.mark.parametrize("answer, trusted", [("y", True), ("yes", True), ("", False), ("n", False)])
def test_trust_on_a_terminal_asks(capsys, monkeypatch, two_nodes, answer, trusted):
    hanoi, jakarta = two_nodes
    card = _card(capsys, hanoi)
    questions = []
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: questions.append(prompt) or answer)
    code, _, err = run(capsys, "--db", str(jakarta), "peer", "trust", str(card))
    assert questions == ["Trust this card? [y/N] "]
    assert (code == 0) is trusted and len(_peers(capsys, jakarta)) == int(trusted)
    if not trusted:
        assert code == 3 and "not trusted" in err


def test_a_tampered_card_is_refused_with_its_name(capsys, two_nodes):
    hanoi, jakarta = two_nodes
    card = _card(capsys, hanoi)
    doc = json.loads(card.read_text())
    doc["organisation"] = "Someone else"
    card.write_text(json.dumps(doc))
    code, _, err = run(capsys, "--db", str(jakarta), "peer", "trust", str(card), "--yes")
    assert code == 3 and str(card) in err and "signature does not match" in err
    assert "Traceback" not in err and _peers(capsys, jakarta) == []


def test_own_card_and_unknown_peers_exit_3(capsys, two_nodes):
    hanoi, _ = two_nodes
    code, _, err = run(capsys, "--db", str(hanoi), "peer", "trust", str(_card(capsys, hanoi)), "--yes")
    assert code == 3 and "own card" in err
    code, _, err = run(capsys, "--db", str(hanoi), "peer", "revoke", "THA", "--reason", "x")
    assert code == 3 and "no peer of THA" in err
    code, _, err = run(capsys, "--db", str(hanoi), "peer", "revoke", "THA")
    assert code == 2 and "--reason" in err


def test_backup_and_restore_on_a_new_laptop(capsys, monkeypatch, two_nodes, tmp_path):
    hanoi, _ = two_nodes
    before = _node(capsys, hanoi)
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n")
    backup = tmp_path / "usb" / "vnm.mrskey"
    code, out, err = run(capsys, "--db", str(hanoi), "node", "backup-key", str(backup),
                         "--passphrase-file", str(secret))
    assert code == 0, err
    assert backup.exists() and "Key backup written" in out

    new_db = tmp_path / "new-laptop" / "mrs.sqlite"
    monkeypatch.setenv("MRS_KEY_PASSPHRASE", "mekong delta drought")
    code, _, err = run(capsys, "--db", str(new_db), "node", "restore-key", str(backup))
    assert code == 3 and "the passphrase does not open this key backup" in err
    assert not new_db.exists()

    monkeypatch.setenv("MRS_KEY_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "--db", str(new_db), "node", "restore-key", str(backup))
    assert code == 0, err
    after = _node(capsys, new_db)
    assert (after["id"], after["public_key"], after["fingerprint"]) == (
        before["id"], before["public_key"], before["fingerprint"])
    assert before["fingerprint"] in out
    assert run(capsys, "--db", str(new_db), "check")[0] == 0

    code, _, err = run(capsys, "--db", str(new_db), "node", "restore-key", str(backup))
    assert code == 3 and "already has a node" in err


def test_a_passphrase_is_needed_from_somewhere(capsys, monkeypatch, two_nodes, tmp_path):
    hanoi, _ = two_nodes
    backup = tmp_path / "vnm.mrskey"
    code, _, err = run(capsys, "--db", str(hanoi), "node", "backup-key", str(backup))
    assert code == 3 and "--passphrase-file" in err and "MRS_KEY_PASSPHRASE" in err

    monkeypatch.setenv("MRS_KEY_PASSPHRASE", "too short")
    code, _, err = run(capsys, "--db", str(hanoi), "node", "backup-key", str(backup))
    assert code == 3 and "at least 10 characters" in err
    assert not backup.exists()


def test_the_passphrase_is_asked_twice_on_a_terminal(capsys, monkeypatch, two_nodes, tmp_path):
    hanoi, _ = two_nodes
    monkeypatch.setattr("sys.stdin", Terminal())
    answers = iter([PASSPHRASE, PASSPHRASE + "!", PASSPHRASE, PASSPHRASE])
    monkeypatch.setattr(getpass, "getpass", lambda prompt: next(answers))
    backup = tmp_path / "vnm.mrskey"
    code, _, err = run(capsys, "--db", str(hanoi), "node", "backup-key", str(backup))
    assert code == 3 and "differ" in err and not backup.exists()
    code, _, err = run(capsys, "--db", str(hanoi), "node", "backup-key", str(backup))
    assert code == 0, err
    assert backup.exists()


def test_rotate_key_changes_the_fingerprint_and_check_passes(capsys, two_nodes):
    hanoi, _ = two_nodes
    before = _node(capsys, hanoi)
    code, out, err = run(capsys, "--db", str(hanoi), "node", "rotate-key")
    assert code == 0, err
    after = _node(capsys, hanoi)
    assert after["id"] == before["id"] and after["fingerprint"] != before["fingerprint"]
    assert before["fingerprint"] in out and after["fingerprint"] in out
    assert "backup-key" in out  # the old backup no longer holds the key
    assert len(list(hanoi.parent.glob("mrs-node.key.retired-*"))) == 1
    assert run(capsys, "--db", str(hanoi), "check")[0] == 0
