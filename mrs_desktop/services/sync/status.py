"""Where sync stands: unsent changes, peers that have not acknowledged ours, bundles missing in a
sequence, open conflicts, held records, and the history of bundles in and out."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select

from ...db.models import BundleLog, ChangeLog, Conflict, HeldRecord, Peer, Received
from ...db.store import Store
from ...sync import keys
from . import state


@dataclass(frozen=True)
class PeerStatus:
    node_id: str
    country: str
    organisation: str
    role: str
    fingerprint: str
    revoked: bool
    last_in_at: str | None
    last_out_at: str | None
    unacknowledged: int  # our changes this peer has not confirmed receiving
    unsent: int  # our changes not in any bundle made for this peer


@dataclass(frozen=True)
class Gap:
    origin: str
    country: str
    have_upto: str  # '' when nothing yet
    next_from: str  # the stamp after which the next range we hold starts


@dataclass(frozen=True)
class HistoryLine:
    bundle_id: str
    direction: str  # in | out
    peers: str  # countries
    file_name: str
    created_at: str
    processed_at: str
    status: str
    summary: str
    undoable: bool


@dataclass(frozen=True)
class SyncStatus:
    unsent: int  # our changes not yet sent to every trusted peer (the largest per peer)
    peers: list[PeerStatus]
    gaps: list[Gap]
    open_conflicts: int
    held: int
    history: list[HistoryLine]

    @property
    def not_acknowledged_by(self) -> list[PeerStatus]:
        return [p for p in self.peers if not p.revoked and p.unacknowledged]


def _count_after(session, me: str, stamp: str) -> int:
    return session.scalar(select(func.count()).select_from(ChangeLog)
                          .where(ChangeLog.origin == me, ChangeLog.hlc > stamp)) or 0


def sync_status(store: Store, *, history_limit: int = 200) -> SyncStatus:
    me = store.node.id if store.node else ""
    with store.session() as session:
        countries = state.countries(session)
        peers = []
        for p in session.scalars(select(Peer).order_by(Peer.country, Peer.node_id)):
            acked = json.loads(p.acked or "{}").get(me, "")
            sent = max(acked, json.loads(p.sent or "{}").get(me, ""))
            peers.append(PeerStatus(
                p.node_id, p.country, p.organisation, p.role, keys.fingerprint(p.public_key),
                p.revoked_at is not None, p.last_in_at, p.last_out_at,
                _count_after(session, me, acked), _count_after(session, me, sent)))
        gaps = []
        for r in session.scalars(select(Received)):
            pending = json.loads(r.pending or "[]")
            if pending:
                gaps.append(Gap(r.origin, countries.get(r.origin, "?"), r.upto, min(p[0] for p in pending)))
        open_conflicts = session.scalar(select(func.count()).select_from(Conflict)
                                        .where(Conflict.resolved_at.is_(None))) or 0
        held = session.scalar(select(func.count()).select_from(HeldRecord)) or 0
        history = _history(session, countries, history_limit)
    live = [p for p in peers if not p.revoked]
    return SyncStatus(max((p.unsent for p in live), default=0), peers, gaps, open_conflicts, held, history)


def _history(session, countries: dict[str, str], limit: int) -> list[HistoryLine]:
    rows = session.scalars(select(BundleLog).order_by(BundleLog.processed_at.desc(),
                                                      BundleLog.bundle_id.desc()).limit(limit)).all()
    last_in = next((r for r in rows if r.direction == "in"), None)
    seq = session.scalar(select(func.max(ChangeLog.seq))) or 0
    out = []
    for r in rows:
        counts = json.loads(r.counts or "{}")
        if r.direction == "in":
            summary = ", ".join(f"{counts.get(k, 0)} {k}" for k in ("new", "updated", "conflicts", "rejected", "held")
                                if counts.get(k))
        else:
            summary = f"{sum(counts.values())} records"
        undoable = (r is last_in and r.status == "applied" and bool(r.restore_point)
                    and (r.change_seq or 0) == seq)
        names = ", ".join(countries.get(p, p[:8]) for p in r.peer_ids.split(",") if p) or "any trusted peer"
        out.append(HistoryLine(r.bundle_id, r.direction, names, r.file_name, r.created_at, r.processed_at,
                               r.status, summary or "nothing new", undoable))
    return out
