"""Node identity: created once, with an Ed25519 key whose private half never enters the database."""

from __future__ import annotations

import base64
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from mrs_desktop.db.models import Node, Sector
from mrs_desktop.domain.errors import AlreadyExists, ValidationError
from mrs_desktop.services import node as node_service
from mrs_desktop.services.node import init_node, node_info
from mrs_desktop.sync import keys


def _files(path: Path) -> bytes:
    """The database as stored on disk: the main file and its write-ahead log."""
    wal = Path(str(path) + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _rows(path: Path) -> dict[str, list]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("node", "sector", "change_log")}
    finally:
        conn.close()


def test_init_creates_the_node_and_a_private_key_file(bare_store):
    info = init_node(bare_store, country="tha", organisation="  Department of Skill Development ",
                     focal_point="Somchai Jaidee")

    assert (info.country, info.organisation, info.focal_point) == (
        "THA", "Department of Skill Development", "Somchai Jaidee")
    assert bare_store.node is not None and bare_store.node.id == info.id
    assert bare_store.writer is not None and bare_store.writer.node_id == info.id
    assert Path(info.key_path) == bare_store.key_path and bare_store.key_path.is_file()
    assert node_info(bare_store) == info
    with bare_store.session() as session:
        assert session.query(Sector).count() > 0  # the starter sectors come with the node


def test_the_key_file_is_readable_by_its_owner_only(store):
    assert store.key_path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    if os.name == "posix":  # Windows has no such mode bits; its user folder is private instead
        assert stat.S_IMODE(os.stat(store.key_path).st_mode) == 0o600


def test_the_public_key_in_the_database_belongs_to_the_private_key(store):
    private = keys.load_private_key(store.key_path)
    assert store.node.public_key == private.public_hex
    signature = private.sign(b"peer card")
    assert keys.signature_valid(store.node.public_key, signature.hex(), b"peer card")
    assert len(node_info(store).fingerprint.replace(" ", "")) == 32


def test_the_private_key_never_enters_the_database(store):
    private = keys.load_private_key(store.key_path)
    raw = private.seed
    pem = store.key_path.read_bytes()
    body = b"".join(pem.splitlines()[1:-1])  # the base64 lines of the PEM
    stored = _files(store.path)
    store.close()
    stored += store.path.read_bytes()  # and once checkpointed into the main file
    for secret in (raw, raw.hex().encode(), base64.b64encode(raw), body, b"PRIVATE KEY"):
        assert secret not in stored


def test_a_second_init_is_refused_and_changes_nothing(store):
    before_files, before_rows = _files(store.path), _rows(store.path)
    key_before = store.key_path.read_bytes()
    node_before = store.node.id

    with pytest.raises(AlreadyExists) as caught:
        init_node(store, country="THA", organisation="Department of Skill Development")

    assert "already has a node" in str(caught.value) and "KHM" in str(caught.value)
    assert _files(store.path) == before_files and _rows(store.path) == before_rows
    assert store.key_path.read_bytes() == key_before
    assert store.node.id == node_before


def test_invalid_country_and_organisation_are_both_reported(bare_store):
    with pytest.raises(ValidationError) as caught:
        init_node(bare_store, country="FRA", organisation="   ")

    fields = {e.field: e.message for e in caught.value.errors}
    assert set(fields) == {"country", "organisation"}
    assert "FRA" in fields["country"] and "KHM" in fields["country"]
    assert "required" in fields["organisation"]
    assert not bare_store.key_path.exists() and bare_store.node is None


def test_a_failed_init_leaves_no_key_and_no_node(bare_store, monkeypatch):
    def broken_seed(session):
        raise OSError("disk full")

    monkeypatch.setattr(node_service, "seed_sectors", broken_seed)
    with pytest.raises(OSError):
        init_node(bare_store, country="KHM", organisation="Ministry of Labour")

    assert not bare_store.key_path.exists()
    assert bare_store.node is None and bare_store.writer is None
    assert _rows(bare_store.path) == {"node": [], "sector": [], "change_log": []}
    monkeypatch.undo()
    init_node(bare_store, country="KHM", organisation="Ministry of Labour")  # a retry works
    assert bare_store.node.country == "KHM"


def test_an_existing_key_file_is_never_overwritten(bare_store):
    bare_store.key_path.write_bytes(b"somebody's key")
    with pytest.raises(AlreadyExists):
        init_node(bare_store, country="KHM", organisation="Ministry of Labour")
    assert bare_store.key_path.read_bytes() == b"somebody's key"
    with bare_store.session() as session:
        assert session.query(Node).count() == 0


def test_the_node_survives_reopening(store):
    from mrs_desktop.db.store import open_store

    node_id, path = store.node.id, store.path
    store.close()
    again = open_store(path)
    try:
        assert again.node.id == node_id and again.writer.node_id == node_id
    finally:
        again.close()
