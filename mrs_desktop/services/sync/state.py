"""What this node knows of sync: trusted peers, how much of each origin's changes it holds
(received ranges), and its own latest change. Shared by export, import and the status page."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.models import ChangeLog, Node, Peer, Received, Setting
from ...domain.errors import InputRejected

CLOCK_SEEN = "clock_seen"  # the latest stamp received in a bundle (the clock starts past it)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def trusted_peers(session: Session) -> list[Peer]:
    return list(session.scalars(select(Peer).where(Peer.revoked_at.is_(None)).order_by(Peer.country)))


def resolve_peers(session: Session, specs: list[str]) -> list[Peer]:
    """Peers named by node id or country code (`--to`); each must be trusted and not revoked."""
    from ..peers import find_peer

    found: dict[str, Peer] = {}
    for spec in specs:
        peer = find_peer(session, spec)
        if peer.revoked_at is not None:
            raise InputRejected(f"the peer {peer.country} ({peer.node_id}) was revoked on "
                                f"{peer.revoked_at[:10]}; bundles are no longer made for it")
        found[peer.node_id] = peer
    return list(found.values())


def countries(session: Session) -> dict[str, str]:
    """node id → country, for this node and every peer (revoked ones too: their old records stay)."""
    out = {p.node_id: p.country for p in session.scalars(select(Peer))}
    node = session.scalars(select(Node)).first()
    if node is not None:
        out[node.id] = node.country
    return out


def received(session: Session) -> dict[str, Received]:
    return {r.origin: r for r in session.scalars(select(Received))}


def own_upto(session: Session, node_id: str) -> str:
    """The stamp of this node's latest committed change ('' if none)."""
    return session.scalar(select(ChangeLog.hlc).where(ChangeLog.origin == node_id)
                          .order_by(ChangeLog.hlc.desc()).limit(1)) or ""


def ack_vector(session: Session, node_id: str) -> dict[str, str]:
    """What this node holds of each origin, without gaps: sent to peers as our acknowledgement."""
    vector = {r.origin: r.upto for r in session.scalars(select(Received)) if r.upto}
    mine = own_upto(session, node_id)
    if mine:
        vector[node_id] = mine
    return vector


def loads(text: str | None):
    return json.loads(text) if text else {}


def note_received(session: Session, origin: str, after: str, upto: str) -> None:
    """Record that a bundle held every change of `origin` in (after, upto]; a range beyond a gap
    is kept aside until the missing bundle arrives and closes it."""
    row = session.get(Received, origin)
    if row is None:
        row = Received(origin=origin, upto="", pending="[]")
        session.add(row)
    ranges = [tuple(r) for r in json.loads(row.pending or "[]")]
    ranges.append((after, upto))
    ranges.sort()
    still = []
    for a, u in ranges:
        if a <= row.upto:
            row.upto = max(row.upto, u)
        else:
            still.append([a, u])
    # A range pending earlier may now join too.
    changed = True
    while changed and still:
        changed = False
        for r in list(still):
            if r[0] <= row.upto:
                row.upto = max(row.upto, r[1])
                still.remove(r)
                changed = True
    row.pending = json.dumps(still)


def note_clock_seen(session: Session, stamp: str) -> None:
    row = session.get(Setting, CLOCK_SEEN)
    if row is None:
        session.add(Setting(key=CLOCK_SEEN, value=stamp))
    elif stamp > row.value:
        row.value = stamp
