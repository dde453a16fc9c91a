"""Creating and describing this installation's node: country, organisation, keys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from ..db.models import Node
from ..db.store import Store, Writer
from ..db.uow import UnitOfWork
from ..domain.clock import HybridClock
from ..domain.errors import AlreadyExists
from ..domain.fields import Checker
from ..domain.ids import uuid7
from ..sync import keys
from .catalogue import seed_sectors


@dataclass(frozen=True)
class NodeInfo:
    id: str
    country: str
    organisation: str
    focal_point: str | None
    public_key: str
    fingerprint: str
    key_path: str


def init_node(store: Store, *, country: str, organisation: str, focal_point: str | None = None) -> NodeInfo:
    chk = Checker()
    clean_country = chk.country("country", country)
    clean_org = chk.text("organisation", organisation, required=True, max_len=300)
    clean_fp = chk.text("focal_point", focal_point, max_len=300)
    chk.raise_if_any()
    if store.node is not None:
        raise AlreadyExists(
            f"this database already has a node ({store.node.country}, {store.node.organisation}, "
            f"created {store.node.created_at[:10]}); a node is created once"
        )
    return install_node(store, node_id=uuid7(), country=clean_country, organisation=clean_org,
                        focal_point=clean_fp,
                        created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                        write_key=keys.create_key_file)


def install_node(store: Store, *, node_id: str, country: str, organisation: str,
                 focal_point: str | None, created_at: str,
                 write_key: Callable[[Path], str]) -> NodeInfo:
    """Write the key file (`write_key` returns its public key) and the node row with the starter
    sectors: a new node, or one restored from its key backup. Neither survives without the other."""
    public = write_key(store.key_path)
    store.writer = Writer(node_id, HybridClock(node_id))  # the node stamps its own first rows
    try:
        with UnitOfWork(store) as uow:
            uow.session.add(Node(id=node_id, country=country, organisation=organisation,
                                 focal_point=focal_point, public_key=public, created_at=created_at))
            seed_sectors(uow.session)
            uow.commit()
    except BaseException:
        store.writer = None
        store.key_path.unlink(missing_ok=True)  # no key without its node
        raise
    store.load_node()
    return node_info(store)


def node_info(store: Store) -> NodeInfo | None:
    with store.session() as session:
        node = session.scalars(select(Node)).first()
    if node is None:
        return None
    return NodeInfo(node.id, node.country, node.organisation, node.focal_point, node.public_key,
                    keys.fingerprint(node.public_key), str(store.key_path))
