"""`mrs bundle …`, `mrs conflicts …` and `mrs sync status`: exchanging bundles with peers."""

from __future__ import annotations

import argparse
from pathlib import Path

from .commands import open_existing
from .output import StderrProgress, print_json, print_table


def add_sync_commands(sub) -> None:
    group = sub.add_parser("bundle", help="export, inspect, import and undo sync bundles")
    bsub = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = bsub.add_parser("export", help="write a bundle of the changes a peer has not acknowledged")
    p.add_argument("file", type=Path)
    p.add_argument("--to", action="append", default=[], metavar="PEER",
                   help="a peer's node id or country code (repeat for several); default: every trusted peer")
    p.add_argument("--full", action="store_true", help="everything this node holds, acknowledged or not")
    p.add_argument("--encrypt", action="store_true", help="only the named peers can read the records")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=export)
    p = bsub.add_parser("inspect", help="show a bundle's sender, contents and signature; change nothing")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=inspect)
    p = bsub.add_parser("import", help="check, preview and apply a bundle, all or nothing")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=import_)
    p = bsub.add_parser("undo", help="undo the last import (if nothing was changed here since)")
    p.set_defaults(run=undo)

    group = sub.add_parser("conflicts", help="concurrent changes to shared records, for you to decide")
    csub = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = csub.add_parser("list", help="the open conflicts")
    p.add_argument("--all", action="store_true", help="resolved ones too")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=conflicts_list)
    p = csub.add_parser("resolve", help="keep the applied value, restore the overwritten one, or edit")
    p.add_argument("id", type=int)
    p.add_argument("choice", choices=("keep", "restore", "edit"))
    p.add_argument("--value", help="the value to write (edit)")
    p.set_defaults(run=conflicts_resolve)

    group = sub.add_parser("sync", help="where sync stands with each peer")
    ssub = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = ssub.add_parser("status", help="unsent changes, unacknowledged peers, missing bundles")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=status)


def export(args: argparse.Namespace) -> int:
    from ..services.sync.export import export_bundle

    store = open_existing(args)
    try:
        progress = StderrProgress()
        done = export_bundle(store, args.file, to=args.to, full=args.full, encrypt=args.encrypt,
                             progress=progress)
        progress.finish()
    finally:
        store.close()
    if args.json:
        print_json(done)
        return 0
    to = ", ".join(done.recipients) or "any trusted peer"
    print(f"Wrote {done.path} for {to}: {done.total:,} records, {done.size:,} bytes"
          + (", encrypted" if done.encrypted else ""))
    for register, n in done.counts.items():
        print(f"  {register}: {n:,}")
    return 0


def inspect(args: argparse.Namespace) -> int:
    from ..services.sync.inbound import inspect_bundle

    store = open_existing(args)
    try:
        info = inspect_bundle(store, args.file)
    finally:
        store.close()
    if args.json:
        print_json(info)
        return 0
    print(f"Bundle {info.bundle_id} (format {info.format_version}, schema {info.schema})")
    print(f"  from:      {info.sender_organisation}, {info.sender_country} (node {info.sender_id})")
    print(f"  made:      {info.created_at}")
    print(f"  for:       {', '.join(info.recipients) or 'any trusted peer'}")
    print(f"  signature: {info.signature}")
    print(f"  encrypted: {'yes' if info.encrypted else 'no'}; {info.size:,} bytes")
    for register, n in info.counts.items():
        print(f"  {register}: {n:,}")
    return 0 if info.signature == "valid" else 3


def import_(args: argparse.Namespace) -> int:
    from ..services.sync import inbound

    store = open_existing(args)
    try:
        progress = StderrProgress()
        run = inbound.preview_import if args.dry_run else inbound.import_bundle
        preview = run(store, args.file, progress=progress)
        progress.finish()
    finally:
        store.close()
    if args.json:
        print_json(preview)
        return 0
    verb = "Would import" if args.dry_run else "Imported"
    print(f"{verb} {preview.file} from {preview.sender_organisation}, {preview.sender_country}: "
          f"{preview.summary()}")
    for warning in preview.warnings:
        print(f"  note: {warning}")
    lines = [l for l in preview.lines if l.outcome != "unchanged"]
    if lines:
        print_table(("OUTCOME", "REGISTER", "COUNTRY", "RECORD", "REASON"),
                    [(l.outcome, l.register, l.country, l.label, l.reason or "") for l in lines[:200]])
        if len(lines) > 200:
            print(f"  … and {len(lines) - 200:,} more (--json lists them all)")
    for c in preview.conflicts:
        print(f"  conflict: {c.register} {c.label}: {c.field} = {c.kept.value!r} kept, {c.lost.value!r} overwritten")
    if preview.applied and preview.restore_point:
        print("Undo with `mrs bundle undo` (nothing changed here since the import).")
    return 0


def undo(args: argparse.Namespace) -> int:
    from ..services.sync.inbound import undo_last_import

    store = open_existing(args)
    try:
        undone = undo_last_import(store)
    finally:
        store.close()
    print(f"Undone: the import of {undone.file} from {undone.sender_country}; "
          "the database is as it was before it")
    return 0


def conflicts_list(args: argparse.Namespace) -> int:
    from ..services.sync.conflicts import list_conflicts

    store = open_existing(args)
    try:
        found = list_conflicts(store, include_resolved=args.all)
    finally:
        store.close()
    if args.json:
        print_json(found)
        return 0
    if not found:
        print("No open conflicts.")
        return 0
    print_table(("ID", "RECORD", "FIELD", "APPLIED", "BY", "OVERWRITTEN", "BY", "STATE"),
                [(c.id, c.label, c.field, c.kept_value, f"{c.kept_by} {c.kept_at}", c.lost_value,
                  f"{c.lost_by} {c.lost_at}", c.resolution or "open") for c in found])
    return 0


def conflicts_resolve(args: argparse.Namespace) -> int:
    from ..db.uow import UnitOfWork
    from ..domain.errors import InputRejected
    from ..services.sync.conflicts import resolve_conflict

    if args.choice == "edit" and args.value is None:
        raise InputRejected("`edit` needs the value to write: --value TEXT")
    store = open_existing(args)
    try:
        resolve_conflict(UnitOfWork(store), args.id, args.choice, args.value)
    finally:
        store.close()
    print(f"Conflict {args.id} resolved ({args.choice}).")
    return 0


def status(args: argparse.Namespace) -> int:
    from ..services.sync.status import sync_status

    store = open_existing(args)
    try:
        st = sync_status(store)
    finally:
        store.close()
    if args.json:
        print_json(st)
        return 0
    print(f"Unsent changes: {st.unsent:,}; open conflicts: {st.open_conflicts}; held records: {st.held}")
    for p in st.not_acknowledged_by:
        print(f"  {p.country} ({p.organisation}) has not acknowledged {p.unacknowledged:,} of your changes")
    for g in st.gaps:
        print(f"  a bundle with changes from {g.country} ({g.origin}) is missing: "
              f"you hold them up to {g.have_upto or 'the start'}, then from {g.next_from}")
    return 0
