"""Peers and keys on real databases: trust, revoke and re-trust; key backup restored on a
replacement laptop; a key rotation followed by a partner, a forged one refused."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from mrs_desktop.db.models import Node, Peer, PeerKey, Sector
from mrs_desktop.db.store import Store, open_store
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import AlreadyExists, InputRejected, NotFound, ValidationError
from mrs_desktop.services import peers
from mrs_desktop.services.node import init_node, node_info
from mrs_desktop.sync import cards, keys
from mrs_desktop.sync.keys import NodeKey

PASSPHRASE = "angkor wat sunrise 2026"


def _node(folder: Path, country: str, organisation: str) -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(folder / "mrs.sqlite")
    init_node(store, country=country, organisation=organisation)
    return store


@pytest.fixture
def thailand(tmp_path) -> Store:
    store = _node(tmp_path / "bangkok", "THA", "Department of Skill Development")
    yield store
    store.close()


def _card(store: Store, folder: Path) -> cards.Card:
    path = folder / f"{store.node.country}.mrscard"
    peers.export_card(store, path)
    return cards.read_card(path)


def _trust(store: Store, card: cards.Card, role: str = "peer") -> peers.PeerInfo:
    with UnitOfWork(store) as uow:
        return peers.trust_card(uow, card, role=role)


def _revoke(store: Store, peer: str, reason: str = "laptop stolen") -> peers.PeerInfo:
    with UnitOfWork(store) as uow:
        return peers.revoke_peer(uow, peer, reason)


# --- Cards and trust ------------------------------------------------------------------------

def test_my_card_is_this_node_signed_by_its_key(store, tmp_path):
    card, mine = _card(store, tmp_path), peers.my_card(store)
    assert (card.node_id, card.country, card.organisation, card.public_key) == (
        store.node.id, "KHM", store.node.organisation, store.node.public_key)
    assert card.box_key == mine.box_key == keys.box_public_hex(keys.load_private_key(store.key_path))
    assert card.fingerprint == mine.fingerprint == node_info(store).fingerprint


def test_trust_list_revoke_and_trust_again(store, thailand, tmp_path):
    info = _trust(thailand, _card(store, tmp_path))
    assert (info.node_id, info.country, info.role, info.revoked_at) == (
        store.node.id, "KHM", "peer", None)
    assert peers.list_peers(thailand) == [info]
    with thailand.session() as session:
        assert peers.trusted_peer(session, store.node.id) is not None
        assert session.scalars(select(PeerKey.node_id)).all() == [store.node.id]

    revoked = _revoke(thailand, "khm")
    assert revoked.revoked_at is not None and revoked.revoked_reason == "laptop stolen"
    with thailand.session() as session:
        assert peers.trusted_peer(session, store.node.id) is None
        assert peers.find_peer(session, "KHM").node_id == store.node.id  # revoked, still named
    with pytest.raises(InputRejected, match="already revoked"):
        _revoke(thailand, store.node.id)

    again = _trust(thailand, _card(store, tmp_path), role="hub")
    assert again.revoked_at is None and again.revoked_reason is None and again.role == "hub"
    assert again.trusted_at >= info.trusted_at
    with thailand.session() as session:
        assert len(session.scalars(select(PeerKey)).all()) == 1  # the same key, one row


def test_trusting_the_same_card_twice_changes_nothing_but_the_name(store, thailand, tmp_path):
    first = _trust(thailand, _card(store, tmp_path))
    with UnitOfWork(store) as uow:
        uow.session.get(Node, store.node.id).organisation = "Ministry of Labour (renamed)"
        uow.commit()
    store.load_node()
    second = _trust(thailand, _card(store, tmp_path))
    assert second.organisation == "Ministry of Labour (renamed)"
    assert (second.trusted_at, second.public_key) == (first.trusted_at, first.public_key)


def test_our_own_card_is_refused(store, tmp_path):
    with pytest.raises(InputRejected, match="this node's own card"):
        _trust(store, _card(store, tmp_path))
    assert peers.list_peers(store) == []


def test_a_known_node_with_another_key_is_refused(store, thailand, tmp_path):
    real = _card(store, tmp_path)
    _trust(thailand, real)
    impostor_key = NodeKey.generate()
    impostor = cards.make_card({"node_id": real.node_id, "country": "KHM",
                                "organisation": "Ministry of Labour", "focal_point": None},
                               impostor_key)
    with pytest.raises(InputRejected) as caught:
        _trust(thailand, impostor)
    assert "already trusted with another key" in str(caught.value)
    assert "the rotation reaches you in its bundles" in str(caught.value)
    assert peers.list_peers(thailand)[0].public_key == real.public_key


def test_revoke_by_country_with_several_peers_lists_them(store, thailand, tmp_path):
    second = _node(tmp_path / "siem-reap", "KHM", "Provincial Training Centre")
    try:
        _trust(thailand, _card(store, tmp_path))
        _trust(thailand, _card(second, tmp_path / "siem-reap"))
        with pytest.raises(InputRejected) as caught:
            _revoke(thailand, "KHM")
        for node_id in (store.node.id, second.node.id):
            assert node_id in str(caught.value)
        assert "name one by its node id" in str(caught.value)
        assert _revoke(thailand, second.node.id).node_id == second.node.id
        # With one of the two revoked, the country names the other.
        assert _revoke(thailand, "KHM").node_id == store.node.id
    finally:
        second.close()


def test_unknown_peers_and_blank_reasons_are_refused(store, thailand, tmp_path):
    with pytest.raises(NotFound, match="no peer of VNM"):
        _revoke(thailand, "VNM")
    with pytest.raises(NotFound, match="no peer has node id"):
        _revoke(thailand, "01900000-0000-7000-8000-000000000000")
    with pytest.raises(InputRejected, match="neither a node id nor a country code"):
        _revoke(thailand, "Cambodia")
    _trust(thailand, _card(store, tmp_path))
    with pytest.raises(ValidationError, match="reason: is required"):
        _revoke(thailand, "KHM", "  ")
    assert peers.list_peers(thailand)[0].revoked_at is None


# --- Key backup and restore -----------------------------------------------------------------

def test_a_key_backup_restores_the_node_on_a_new_laptop(store, thailand, tmp_path):
    backup = tmp_path / "usb" / "khm.mrskey"
    peers.backup_key(store, backup, PASSPHRASE)
    _trust(thailand, _card(store, tmp_path))

    new_db = tmp_path / "new-laptop" / "mrs.sqlite"
    info = peers.restore_key(new_db, backup, PASSPHRASE)

    assert (info.id, info.country, info.organisation, info.public_key) == (
        store.node.id, "KHM", store.node.organisation, store.node.public_key)
    restored = open_store(new_db)
    try:
        assert restored.node.created_at == store.node.created_at
        assert restored.writer.node_id == store.node.id
        if os.name == "posix":
            assert stat.S_IMODE(restored.key_path.stat().st_mode) == 0o600
        with restored.session() as session:
            assert session.query(Sector).count() > 0  # seeded as by `mrs init`
        # The restored key signs: the partner accepts its card as the peer it already trusts.
        again = _trust(thailand, _card(restored, tmp_path / "new-laptop"))
        assert again.public_key == store.node.public_key
    finally:
        restored.close()


def test_a_wrong_passphrase_restores_nothing(store, tmp_path):
    backup = tmp_path / "khm.mrskey"
    peers.backup_key(store, backup, PASSPHRASE)
    new_db = tmp_path / "new-laptop" / "mrs.sqlite"
    with pytest.raises(InputRejected, match="the passphrase does not open this key backup"):
        peers.restore_key(new_db, backup, "angkor wat sunset 2026")
    assert not new_db.exists() and not (new_db.parent / "mrs-node.key").exists()


def test_a_key_is_never_restored_over_a_node(store, thailand, tmp_path):
    backup = tmp_path / "khm.mrskey"
    peers.backup_key(store, backup, PASSPHRASE)
    thai_key = thailand.key_path.read_bytes()
    with pytest.raises(AlreadyExists, match="already has a node"):
        peers.restore_key(thailand, backup, PASSPHRASE)
    assert thailand.key_path.read_bytes() == thai_key


# --- Key rotation ---------------------------------------------------------------------------

def test_a_rotation_replaces_the_key_and_keeps_the_old_one(store, tmp_path):
    old_public, old_pem = store.node.public_key, store.key_path.read_bytes()
    rotated = peers.rotate_key(store)

    new_key = keys.load_private_key(store.key_path)
    assert store.node.public_key == new_key.public_hex != old_public
    assert rotated.retired_key.read_bytes() == old_pem
    assert rotated.retired_key.name.startswith("mrs-node.key.retired-")
    assert not store.key_path.with_name("mrs-node.key.new").exists()
    with store.session() as session:
        assert peers.current_rotation(session) == rotated.statement
    assert rotated.statement["old_key"] == old_public
    assert rotated.new_fingerprint == node_info(store).fingerprint
    cards.check_rotation(rotated.statement, old_public)  # signed by the old key
    assert _card(store, tmp_path).public_key == store.node.public_key


def test_a_rotation_whose_commit_fails_keeps_the_old_key(store, monkeypatch):
    old_public, old_pem = store.node.public_key, store.key_path.read_bytes()

    def refuse(self):
        raise OSError("disk full")

    monkeypatch.setattr(UnitOfWork, "commit", refuse)
    with pytest.raises(OSError, match="disk full"):
        peers.rotate_key(store)
    monkeypatch.undo()
    assert store.key_path.read_bytes() == old_pem
    with store.session() as session:
        assert session.get(Node, store.node.id).public_key == old_public
        assert peers.current_rotation(session) is None
    assert sorted(p.name for p in store.key_path.parent.glob("mrs-node.key*")) == ["mrs-node.key"]


def test_a_partner_follows_a_rotation_once(store, thailand, tmp_path):
    old_card = _card(store, tmp_path)
    _trust(thailand, old_card)
    old_public = store.node.public_key
    statement = peers.rotate_key(store).statement

    with UnitOfWork(thailand) as uow:
        peer = uow.session.get(Peer, store.node.id)
        peers.accept_rotation(uow.session, peer, statement)
        peers.accept_rotation(uow.session, peer, statement)  # the next bundle repeats it
        uow.commit()
    with thailand.session() as session:
        peer = session.get(Peer, store.node.id)
        assert (peer.public_key, peer.box_key) == (statement["new_key"], statement["new_box_key"])
        rows = {k.public_key: k for k in session.scalars(select(PeerKey))}
        assert rows[old_public].retired_at is not None
        assert rows[statement["new_key"]].retired_at is None
    # The node's new card is now the trusted one; its old card is refused.
    assert _trust(thailand, _card(store, tmp_path)).public_key == statement["new_key"]
    with pytest.raises(InputRejected, match="already trusted with another key"):
        _trust(thailand, old_card)


def test_a_forged_rotation_is_refused_and_changes_nothing(store, thailand, tmp_path):
    _trust(thailand, _card(store, tmp_path))
    thief = NodeKey.generate()
    forged = cards.make_rotation(store.node.id, thief, NodeKey.generate())
    forged["old_key"] = store.node.public_key
    with UnitOfWork(thailand) as uow:
        peer = uow.session.get(Peer, store.node.id)
        with pytest.raises(InputRejected, match="forged or altered"):
            peers.accept_rotation(uow.session, peer, forged)
        other = json.loads(json.dumps(peers.rotate_key(store).statement))
        other["node_id"] = thailand.node.id
        with pytest.raises(InputRejected, match="not for the peer"):
            peers.accept_rotation(uow.session, peer, other)
    with thailand.session() as session:
        # Still the old key, not the one the genuine rotation (not yet received) moved to.
        assert session.get(Peer, store.node.id).public_key != store.node.public_key
        assert len(session.scalars(select(PeerKey)).all()) == 1


def test_a_rotated_nodes_new_card_is_refused_until_the_rotation_arrives(store, thailand, tmp_path):
    _trust(thailand, _card(store, tmp_path))
    peers.rotate_key(store)
    with pytest.raises(InputRejected, match="already trusted with another key"):
        _trust(thailand, _card(store, tmp_path))
