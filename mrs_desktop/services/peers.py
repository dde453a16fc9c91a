"""Peers and this node's key: cards, trust and revocation, key backup and restore, key rotation."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Node, Peer, PeerKey, Setting
from ..db.store import Store, open_store
from ..db.uow import UnitOfWork
from ..domain.errors import AlreadyExists, InputRejected, MrsError, NoNode, NotFound
from ..domain.fields import Checker
from ..domain.reference import countries
from ..sync import cards, keys
from ..sync.cards import Card
from .node import NodeInfo, install_node

ROLES = ("peer", "hub")
ROTATION = "key_rotation"  # Setting holding this node's latest rotation statement (JSON)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass(frozen=True)
class PeerInfo:
    """A trusted (or revoked) partner as the peer list shows it."""

    node_id: str
    country: str
    organisation: str
    role: str
    fingerprint: str
    public_key: str
    trusted_at: str
    revoked_at: str | None
    revoked_reason: str | None
    last_in_at: str | None
    last_out_at: str | None


@dataclass(frozen=True)
class RotatedKey:
    """What a key rotation did: the fingerprints to tell partners, and where the old key went."""

    old_fingerprint: str
    new_fingerprint: str
    retired_key: Path
    statement: dict


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _info(peer: Peer) -> PeerInfo:
    return PeerInfo(peer.node_id, peer.country, peer.organisation, peer.role,
                    keys.fingerprint(peer.public_key), peer.public_key, peer.trusted_at,
                    peer.revoked_at, peer.revoked_reason, peer.last_in_at, peer.last_out_at)


def _node(store: Store) -> Node:
    if store.node is None:
        raise NoNode("this database has no node yet: "
                     "run `mrs init --country ISO3 --organisation NAME`")
    return store.node


def _own_key(store: Store) -> keys.NodeKey:
    """The node's private key, refused if it does not belong to the node (a file swapped by hand)."""
    key = keys.load_private_key(store.key_path)
    if key.public_hex != _node(store).public_key:
        raise MrsError(f"the key file {store.key_path} does not belong to this node; run `mrs check`")
    return key


def _identity(node: Node) -> dict:
    return {"node_id": node.id, "country": node.country, "organisation": node.organisation,
            "focal_point": node.focal_point, "public_key": node.public_key,
            "created_at": node.created_at}


# --- Cards ----------------------------------------------------------------------------------

def my_card(store: Store) -> Card:
    node = _node(store)
    return cards.make_card({**_identity(node), "created_at": None}, _own_key(store))


def export_card(store: Store, path: Path) -> Card:
    node = _node(store)
    return cards.write_card(Path(path), {**_identity(node), "created_at": None}, _own_key(store))


# --- Trust ----------------------------------------------------------------------------------

def trust_card(uow: UnitOfWork, card: Card, *, role: str = "peer") -> PeerInfo:
    """Trust `card`'s node: its bundles are accepted, and bundles can be made for it."""
    if role not in ROLES:
        raise InputRejected(f"a peer's role is one of {', '.join(ROLES)}, not {role!r}")
    own = _node(uow.store)
    if card.node_id == own.id or card.public_key == own.public_key:
        raise InputRejected("this is this node's own card: trust the partner's card instead")
    session = uow.session
    peer = session.get(Peer, card.node_id)
    holder = session.get(PeerKey, card.public_key)
    if holder is not None and holder.node_id != card.node_id:
        raise InputRejected(f"the card's key already belongs to the peer {holder.node_id}")
    if peer is None:
        peer = _new_peer(session, card, role)
    else:
        _trust_again(peer, card, role)
    uow.commit()
    return _info(peer)


def _new_peer(session: Session, card: Card, role: str) -> Peer:
    now = _now()
    peer = Peer(node_id=card.node_id, country=card.country, organisation=card.organisation,
                public_key=card.public_key, box_key=card.box_key, role=role, trusted_at=now,
                acked="{}", sent="{}")
    session.add(peer)
    session.add(PeerKey(public_key=card.public_key, node_id=card.node_id, box_key=card.box_key,
                        added_at=now))
    return peer


def _trust_again(peer: Peer, card: Card, role: str) -> None:
    """The same card again: a newer organisation name, another role, or trust after revocation."""
    if peer.public_key != card.public_key:
        raise InputRejected(
            f"the node {card.node_id} ({peer.country}, {peer.organisation}) is already trusted with "
            f"another key (fingerprint {keys.fingerprint(peer.public_key)}); if the partner rotated "
            "its key, the rotation reaches you in its bundles")
    if peer.country != card.country:
        raise InputRejected(f"the card says country {card.country}, but this node was trusted as "
                            f"{peer.country}; a node's country never changes")
    peer.organisation, peer.role = card.organisation, role
    if peer.revoked_at is not None:
        peer.revoked_at = peer.revoked_reason = None
        peer.trusted_at = _now()


def list_peers(store: Store) -> list[PeerInfo]:
    with store.session() as session:
        peers = session.scalars(select(Peer).order_by(Peer.country, Peer.organisation, Peer.node_id))
        return [_info(p) for p in peers]


def find_peer(session: Session, text: str) -> Peer:
    """A peer named by node id or by country code; for a country, its one unrevoked peer (or, if
    all are revoked, its one revoked peer)."""
    wanted = text.strip()
    if _UUID.fullmatch(wanted.lower()):
        peer = session.get(Peer, wanted.lower())
        if peer is None:
            raise NotFound(f"no peer has node id {wanted}: `mrs peer list` shows the peers")
        return peer
    code = wanted.upper()
    if code not in countries():
        raise InputRejected(f"{text!r} is neither a node id nor a country code "
                            f"({', '.join(countries())})")
    peers = list(session.scalars(select(Peer).where(Peer.country == code).order_by(Peer.node_id)))
    live = [p for p in peers if p.revoked_at is None]
    chosen = live or peers
    if not chosen:
        raise NotFound(f"no peer of {code} is trusted: `mrs peer list` shows the peers")
    if len(chosen) > 1:
        names = "; ".join(f"{p.node_id} ({p.organisation})" for p in chosen)
        raise InputRejected(f"{code} has {len(chosen)} peers: {names}; name one by its node id")
    return chosen[0]


def trusted_peer(session: Session, node_id: str) -> Peer | None:
    peer = session.get(Peer, node_id)
    return peer if peer is not None and peer.revoked_at is None else None


def revoke_peer(uow: UnitOfWork, peer: str, reason: str) -> PeerInfo:
    """Stop trusting a peer: its bundles are refused and none are made for it. Its records stay."""
    chk = Checker()
    clean_reason = chk.text("reason", reason, required=True, max_len=500)
    chk.raise_if_any()
    found = find_peer(uow.session, peer)
    if found.revoked_at is not None:
        raise InputRejected(f"the peer {found.country} ({found.node_id}) was already revoked on "
                            f"{found.revoked_at[:10]}: {found.revoked_reason}")
    found.revoked_at, found.revoked_reason = _now(), clean_reason
    uow.commit()
    return _info(found)


# --- Key backup and restore -----------------------------------------------------------------

def backup_key(store: Store, path: Path, passphrase: str) -> Path:
    """Write the node's identity and private key, encrypted with `passphrase`, to a new file."""
    node = _node(store)
    cards.write_key_backup(Path(path), _identity(node), _own_key(store), passphrase)
    return Path(path)


def restore_key(db: Path | str | Store, path: Path, passphrase: str) -> NodeInfo:
    """On a replacement laptop: the node of a key backup, with the same id, country and key, in a
    database that has no node yet. Its records come back with the partners' next bundles."""
    if isinstance(db, Store):
        _refuse_node(db)
    backup = cards.read_key_backup(Path(path), passphrase)  # before a new database file appears
    store = db if isinstance(db, Store) else open_store(Path(db))
    try:
        _refuse_node(store)
        return install_node(store, node_id=backup.node_id, country=backup.country,
                            organisation=backup.organisation, focal_point=backup.focal_point,
                            created_at=backup.created_at,
                            write_key=lambda key_path: keys.write_key_file(key_path, backup.key))
    finally:
        if store is not db:
            store.close()


def _refuse_node(store: Store) -> None:
    if store.node is not None:
        raise AlreadyExists(f"this database already has a node ({store.node.country}, "
                            f"{store.node.organisation}); restore the key into a new database")


# --- Key rotation ---------------------------------------------------------------------------

def rotate_key(store: Store) -> RotatedKey:
    """Replace the node's key: the new key signs from now on; a statement signed by the old key
    tells partners (it travels in every bundle). The old key file is kept, renamed."""
    node = _node(store)
    old_key, new_key = _own_key(store), keys.NodeKey.generate()
    statement = cards.make_rotation(node.id, old_key, new_key)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    retired = store.key_path.with_name(f"{store.key_path.name}.retired-{stamp}")
    pending = store.key_path.with_name(f"{store.key_path.name}.new")
    pending.unlink(missing_ok=True)  # left by a rotation that failed before its commit
    keys.write_key_file(pending, new_key)
    try:
        with UnitOfWork(store) as uow:
            uow.session.get(Node, node.id).public_key = statement["new_key"]
            _set(uow.session, ROTATION, json.dumps(statement))
            uow.session.flush()
            _swap_key_files(store.key_path, old_key, pending, retired, uow)
    finally:
        pending.unlink(missing_ok=True)
    store.load_node()
    return RotatedKey(keys.fingerprint(statement["old_key"]), keys.fingerprint(statement["new_key"]),
                      retired, statement)


def _swap_key_files(key_path: Path, old_key: keys.NodeKey, pending: Path, retired: Path,
                    uow: UnitOfWork) -> None:
    """Old key → retired name, new key → key name, then commit; a failed commit puts the old key
    back, so the file and the database never disagree after an error."""
    keys.write_key_file(retired, old_key)
    os.replace(pending, key_path)
    try:
        uow.commit()
    except BaseException:
        os.replace(retired, key_path)
        raise


def _set(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def current_rotation(session: Session) -> dict | None:
    """This node's latest rotation statement, for the bundle manifest; None if never rotated."""
    row = session.get(Setting, ROTATION)
    return json.loads(row.value) if row is not None else None


def accept_rotation(session: Session, peer: Peer, statement: dict) -> None:
    """Move `peer` to the new key its rotation statement names, after checking that its trusted
    key signed it. A statement already followed changes nothing. The caller commits."""
    if isinstance(statement, dict) and statement.get("node_id") != peer.node_id:
        raise InputRejected(f"refused a key rotation: it is for node {statement.get('node_id')}, "
                            f"not for the peer {peer.node_id}")
    if isinstance(statement, dict) and _known_key(session, peer, statement.get("new_key")):
        return  # every bundle repeats the latest statement
    cards.check_rotation(statement, peer.public_key)
    holder = session.get(PeerKey, statement["new_key"])
    if holder is not None:
        raise InputRejected("refused a key rotation: its new key belongs to the peer "
                            f"{holder.node_id}")
    now = _now()
    old = session.get(PeerKey, peer.public_key)
    if old is not None:
        old.retired_at = now
    session.add(PeerKey(public_key=statement["new_key"], node_id=peer.node_id,
                        box_key=statement["new_box_key"], added_at=now))
    peer.public_key, peer.box_key = statement["new_key"], statement["new_box_key"]
    session.flush()


def _known_key(session: Session, peer: Peer, public_key: object) -> bool:
    row = session.get(PeerKey, public_key) if isinstance(public_key, str) else None
    return row is not None and row.node_id == peer.node_id
