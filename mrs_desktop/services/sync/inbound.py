"""Importing a bundle: who signed it first, then every record checked, then a preview, then one
transaction after an automatic restore point; and undoing the last import.

The order matters: nothing in a bundle is read past its manifest until the signature has been
checked against the sender's trusted key, and nothing is written until every record passed.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...db.models import BundleLog, ChangeLog, HeldRecord, Peer
from ...db.schema import BUNDLE_SCHEMA
from ...db.store import Store, backup_file, copy_database
from ...db.uow import UnitOfWork
from ...domain.clock import MAX_DRIFT_MS, describe
from ...domain.errors import InputRejected, NoNode
from ...domain.task import Progress
from ...sync import bundle, keys
from ...sync.bundle import BundleRejected
from ...sync.changes import Block, ChangesRejected, collector_paused, decode
from .. import peers as peer_service
from . import state
from .apply import apply_plan
from .plan import make_plan, reorder
from .plan_lines import ConflictLine, Context, Line, Plan
from .schema import schemas

RESTORE_POINTS_KEPT = 5


@dataclass
class Preview:
    """What an import will do (or did): the sender, and every record's outcome."""

    file: str
    bundle_id: str
    sender_id: str
    sender_country: str
    sender_organisation: str
    fingerprint: str
    created_at: str
    encrypted: bool
    counts: dict[str, dict[str, int]]
    totals: dict[str, int]
    lines: Sequence[Line]  # plan.Lines: each made when read
    conflicts: list[ConflictLine]
    warnings: list[str] = field(default_factory=list)
    applied: bool = False
    restore_point: str | None = None

    def summary(self) -> str:
        t = self.totals
        return (f"{t['new']} new, {t['updated']} updated, {t['unchanged']} unchanged, "
                f"{t['conflicts']} conflicts, {t['rejected']} rejected, {t['held']} held")


@dataclass(frozen=True)
class Undone:
    bundle_id: str
    file: str
    sender_country: str


def preview_import(store: Store, path: Path | str, progress: Progress | None = None) -> Preview:
    """Check and plan the import of a bundle; write nothing."""
    return _run(store, Path(path), progress or Progress(), apply=False)


def import_bundle(store: Store, path: Path | str, progress: Progress | None = None) -> Preview:
    """Import a bundle all or nothing; a rejected bundle raises and changes nothing."""
    return _run(store, Path(path), progress or Progress(), apply=True)


def _run(store: Store, path: Path, progress: Progress, *, apply: bool) -> Preview:
    with collector_paused():  # 100,000 records held at once: see sync.changes.collector_paused
        return _run_paused(store, path, progress, apply=apply)


def _run_paused(store: Store, path: Path, progress: Progress, *, apply: bool) -> Preview:
    if store.writer is None or store.node is None:
        raise NoNode("this database has no node yet: run `mrs init` first")
    me = store.node.id
    progress.report(0, 4, "Checking the signature")
    opened = bundle.open_bundle(path)
    with UnitOfWork(store) as uow:
        session = uow.session
        peer = _trusted_sender(session, opened, me)
        progress.report(1, 4, "Checking the records")
        progress.check()
        box = keys.box_private_key(keys.load_private_key(store.key_path))
        raw = bundle.read_changes(opened, box, node_id=me)  # checked whole, even when known
        previous = _applied_before(session, opened)
        if previous is not None:
            preview = _already_applied(opened, peer, previous)
            preview.applied = apply
            return preview
        blocks = decode(raw, schemas(), now_ms=time.time_ns() // 1_000_000)
        _check_ranges(opened, blocks)
        progress.report(2, 4, "Comparing with this database")
        progress.check()
        conn = session.connection()
        ctx = Context(me, state.countries(session), {me, *(p.node_id for p in state.trusted_peers(session))})
        plan = make_plan(conn, blocks, _held_blocks(session), ctx)
        preview = _preview(opened, peer, plan, session)
        if not apply:
            return preview
        progress.report(3, 4, "Applying")
        progress.check()
        bundle_id = opened.manifest["bundle_id"]
        if plan.writes_anything:
            session.commit()  # the restore point must hold the state before, not a half transaction
            preview.restore_point = str(_restore_point(store, bundle_id))
            peer = session.get(Peer, peer.node_id)
        try:
            if plan.writes_anything:
                apply_plan(session.connection(), plan, bundle_id)
            latest = _latest_applied(plan)
            _bookkeeping(session, opened, peer, plan, preview, store, latest)
            uow.commit()
        except (sqlite3.IntegrityError, IntegrityError) as exc:
            # A record the plan could not foresee clashing, e.g. another record here under the
            # same assessor reference: the transaction is rolled back, nothing was changed.
            if preview.restore_point:
                Path(preview.restore_point).unlink(missing_ok=True)
            detail = str(getattr(exc, "orig", exc))
            raise ChangesRejected(f"{path.name}: its records clash with records in this database "
                                  f"({detail}); nothing was changed") from None
        if latest:  # a change made here next must follow what this node now holds
            store.writer.clock.observe(latest, check_drift=False)
    preview.applied = True
    progress.report(4, 4, "Done")
    return preview


def _trusted_sender(session: Session, opened: bundle.Opened, me: str) -> Peer:
    m = opened.manifest
    sender = m["sender"]
    who = f"{sender['organisation']} ({sender['country']}, node {sender['node_id']})"
    if sender["node_id"] == me:
        raise BundleRejected(opened.path, "this bundle was made by this node; it has nothing new for it")
    peer = session.get(Peer, sender["node_id"])
    if peer is None:
        raise BundleRejected(opened.path, f"it comes from {who}, which is not among your trusted peers: "
                                          "compare its fingerprint with the sender and trust its card first")
    if peer.revoked_at is not None:
        raise BundleRejected(opened.path, f"it comes from {who}, whose trust was revoked on "
                                          f"{peer.revoked_at[:10]} ({peer.revoked_reason or 'no reason given'})")
    if m["recipients"] and me not in m["recipients"]:
        raise BundleRejected(opened.path, "it was made for other nodes, not this one: ask the sender "
                                          "for a bundle addressed to you")
    if m["schema"] > BUNDLE_SCHEMA:
        raise BundleRejected(opened.path, f"it was made by a newer MRS Desktop (schema {m['schema']}); "
                                          f"this version knows schema {BUNDLE_SCHEMA}. Install the newer version.")
    try:
        bundle.verify(opened, peer.public_key)
    except BundleRejected:
        rotation = m.get("key_rotation")
        if not (rotation and rotation.get("old_key") == peer.public_key
                and rotation.get("new_key") == sender["public_key"]):
            raise
        peer_service.accept_rotation(session, peer, rotation)  # checked against the trusted key
        bundle.verify(opened, peer.public_key)
    return peer


def _applied_before(session: Session, opened: bundle.Opened) -> BundleLog | None:
    """The history entry of this very bundle (same id, from the same trusted signer) if it was
    applied before with every record accounted for: merging the same states again is a no-op
    (docs/sync.md), so there is nothing to compare. Not when it was undone, or when some of its
    records were rejected (their origin may be trusted now)."""
    log = session.get(BundleLog, opened.manifest["bundle_id"])
    if (log is None or log.direction != "in" or log.status not in ("applied", "nothing new")
            or log.peer_ids != opened.manifest["sender"]["node_id"]):
        return None
    counts = json.loads(log.counts or "{}")
    return None if counts.get("rejected") else log


def _already_applied(opened: bundle.Opened, peer: Peer, log: BundleLog) -> Preview:
    m = opened.manifest
    counts = {register: {"new": 0, "updated": 0, "unchanged": n, "rejected": 0, "held": 0}
              for register, n in m["counts"].items()}
    totals = {"new": 0, "updated": 0, "unchanged": sum(m["counts"].values()), "rejected": 0, "held": 0,
              "conflicts": 0}
    warning = (f"this bundle was imported before (on {log.processed_at[:16].replace('T', ' ')}); "
               "importing it again changes nothing")
    return Preview(opened.path.name, m["bundle_id"], peer.node_id, peer.country, peer.organisation,
                   keys.fingerprint(peer.public_key), m["created_at"], m["encryption"] is not None,
                   counts, totals, [], [], [warning])


def _check_ranges(opened: bundle.Opened, blocks: list[Block]) -> None:
    """Each record's stamp lies in the range the manifest declares for its origin."""
    ranges = opened.manifest["ranges"]
    horizon = f"{time.time_ns() // 1_000_000 + MAX_DRIFT_MS:013d}"
    for origin, (_after, upto) in ranges.items():
        if upto[:13] > horizon:
            raise BundleRejected(opened.path, f"its manifest declares changes by {origin} stamped "
                                              f"{describe(int(upto[:13]))}, more than a day ahead of this "
                                              "computer's clock; check the sender's date settings")
    for b in blocks:
        if b.clock_fields:
            continue  # a shared record travels whole when one of its fields changed in range
        # A column at a time (compress runs in C): a bundle's records have few origins.
        origins, stamps = b.column(1), b.column(2)
        distinct = set(origins)
        for origin in distinct:
            theirs = stamps if len(distinct) == 1 else list(compress(stamps, map(origin.__eq__, origins)))
            r = ranges.get(origin)
            if r is None or not (min(theirs) > r[0] and max(theirs) <= r[1]):
                raise BundleRejected(opened.path, f"{b.register} records of {origin} lie outside the "
                                                  "clock range its manifest declares")


def _held_blocks(session: Session) -> list[Block]:
    blocks: dict[str, Block] = {}
    for held in session.scalars(select(HeldRecord)):
        payload = json.loads(held.payload)
        b = blocks.setdefault(held.register, Block(held.register, payload["columns"], [],
                                                   payload["clock_fields"], []))
        b.rows.append(reorder(payload["row"], payload["columns"], b.columns))
        if b.clock_fields:
            b.clocks.append(payload["clocks"])
    return list(blocks.values())


def _preview(opened: bundle.Opened, peer: Peer, plan: Plan, session: Session) -> Preview:
    m = opened.manifest
    warnings = []
    log = session.get(BundleLog, m["bundle_id"])
    if log is not None and log.status != "undone":
        warnings.append("this bundle was imported before; importing it again changes nothing new")
    for origin in sorted(plan.untrusted_origins):
        warnings.append(f"records made by node {origin} were not applied: it is not among your trusted peers")
    return Preview(opened.path.name, m["bundle_id"], peer.node_id, peer.country, peer.organisation,
                   keys.fingerprint(peer.public_key), m["created_at"], m["encryption"] is not None,
                   plan.counts, plan.totals, plan.lines, plan.conflicts, warnings)


def _bookkeeping(session: Session, opened: bundle.Opened, peer: Peer, plan: Plan, preview: Preview,
                 store: Store, latest: str | None) -> None:
    m = opened.manifest
    for origin, (after, upto) in m["ranges"].items():
        if origin not in plan.untrusted_origins and origin != store.node.id:
            state.note_received(session, origin, after, upto)
    peer.acked = json.dumps(m["acked"], sort_keys=True)
    peer.last_in_at = state.now_iso()
    if latest:
        state.note_clock_seen(session, latest)
    session.flush()
    seq = session.scalar(select(func.max(ChangeLog.seq))) or 0
    log = session.get(BundleLog, m["bundle_id"])
    if log is None:
        session.add(BundleLog(
            bundle_id=m["bundle_id"], direction="in", peer_ids=peer.node_id, file_name=opened.path.name,
            created_at=m["created_at"], processed_at=state.now_iso(),
            counts=json.dumps({**preview.totals}), status="applied" if plan.writes_anything else "nothing new",
            restore_point=preview.restore_point, change_seq=seq))
    elif plan.writes_anything:
        log.status, log.restore_point, log.change_seq = "applied", preview.restore_point, seq
        log.processed_at = state.now_iso()


def _latest_applied(plan: Plan) -> str | None:
    """The latest stamp among the records this import writes (the clock moves past it)."""
    third = itemgetter(2)  # a row's stamp, and a field update's new one (taken in C: 100,000 rows)
    latest = [max(stamps, default=None) for r in plan.registers.values()
              for stamps in (map(third, map(itemgetter(0), r.inserts)), map(third, r.updates),
                             map(third, r.field_updates))]
    return max(filter(None, latest), default=None)


def restore_points_dir(store: Store) -> Path:
    return store.path.parent / "restore-points"


def _restore_point(store: Store, bundle_id: str) -> Path:
    folder = restore_points_dir(store)
    target = folder / f"{store.path.stem}-before-{bundle_id}.sqlite"
    backup_file(store.path, target)
    kept = sorted(folder.glob(f"{store.path.stem}-before-*.sqlite"), key=lambda p: p.stat().st_mtime)
    for old in kept[:-RESTORE_POINTS_KEPT]:
        old.unlink(missing_ok=True)
    return target


def undo_last_import(store: Store) -> Undone:
    """Return the database to its state before the last import, if nothing was written since."""
    with store.session() as session:
        last = session.scalars(select(BundleLog).where(BundleLog.direction == "in")
                               .order_by(BundleLog.processed_at.desc(), BundleLog.bundle_id.desc())).first()
        if last is None or last.status != "applied":
            raise InputRejected("there is no import to undo" if last is None or last.status != "undone"
                                else "the last import was already undone")
        seq = session.scalar(select(func.max(ChangeLog.seq))) or 0
        if seq != (last.change_seq or 0):
            raise InputRejected(f"cannot undo the import of {last.file_name}: {seq - (last.change_seq or 0)} "
                                "change(s) were made on this computer since, and undoing would lose them")
        point = Path(last.restore_point or "")
        if not last.restore_point or not point.is_file():
            raise InputRejected(f"cannot undo the import of {last.file_name}: its restore point is missing")
        sender = session.get(Peer, last.peer_ids)
        undone = Undone(last.bundle_id, last.file_name, sender.country if sender else "?")
        record = {c.key: getattr(last, c.key) for c in BundleLog.__table__.columns}
    _restore(store, point)
    with UnitOfWork(store) as uow:
        record.update(status="undone", processed_at=state.now_iso(), restore_point=None)
        existing = uow.session.get(BundleLog, record["bundle_id"])
        if existing is None:
            uow.session.add(BundleLog(**record))
        else:
            existing.status, existing.processed_at, existing.restore_point = "undone", record["processed_at"], None
        uow.commit()
    point.unlink(missing_ok=True)
    store.load_node()
    return undone


def _restore(store: Store, point: Path) -> None:
    """Copy the restore point over the live database (SQLite's backup, in one step)."""
    store.engine.dispose()
    copy_database(point, store.path)
    os.utime(store.path)


@dataclass(frozen=True)
class Inspection:
    """A bundle's manifest, and whether its signature holds against the sender's trusted key."""

    file: str
    bundle_id: str
    format_version: int
    schema: str
    sender_id: str
    sender_country: str
    sender_organisation: str
    created_at: str
    recipients: list[str]
    counts: dict[str, int]
    ranges: dict[str, list[str]]
    encrypted: bool
    size: int
    signature: str  # "valid" | "invalid" | "sender not trusted" | "sender revoked"


def inspect_bundle(store: Store, path: Path | str) -> Inspection:
    """Read a bundle's manifest and check who signed it; read no record, change nothing."""
    opened = bundle.open_bundle(Path(path))
    m = opened.manifest
    sender = m["sender"]
    with store.session() as session:
        peer = session.get(Peer, sender["node_id"])
        if peer is None:
            verdict = "sender not trusted"
        elif peer.revoked_at is not None:
            verdict = "sender revoked"
        else:
            try:
                bundle.verify(opened, peer.public_key)
                verdict = "valid"
            except BundleRejected:
                verdict = "invalid"
    return Inspection(opened.path.name, m["bundle_id"], m["format_version"], m["schema"], sender["node_id"],
                      sender["country"], sender["organisation"], m["created_at"], list(m["recipients"]),
                      dict(m["counts"]), dict(m["ranges"]), m["encryption"] is not None,
                      opened.path.stat().st_size, verdict)
