"""`mrs init`, `node`, `demo`, `check`, `backup`: the node and the database file."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..db.store import Store, default_db_path, open_store
from ..domain.errors import InputRejected, NoNode
from ..domain.reference import countries
from ..services import maintenance
from ..services.node import init_node, node_info
from .output import StderrProgress, print_json, print_table


def db_path(args: argparse.Namespace) -> Path:
    return args.db if args.db is not None else default_db_path()


def open_existing(args: argparse.Namespace) -> Store:
    """Commands other than init and demo never create a database by accident."""
    path = db_path(args)
    if not path.exists():
        raise InputRejected(f"there is no database at {path}; create one with `mrs init`")
    return open_store(path)


def init(args: argparse.Namespace) -> int:
    store = open_store(db_path(args))
    try:
        info = init_node(store, country=args.country, organisation=args.organisation,
                         focal_point=args.focal_point)
    finally:
        store.close()
    print(f"Node created for {countries()[info.country].name}, {info.organisation}")
    print(f"  node id:     {info.id}")
    print(f"  database:    {store.path}")
    print(f"  private key: {info.key_path} (keep it safe; it is not in the database)")
    print(f"  fingerprint: {info.fingerprint}")
    return 0


def node(args: argparse.Namespace) -> int:
    store = open_existing(args)
    try:
        info = node_info(store)
    finally:
        store.close()
    if info is None:
        raise NoNode("this database has no node yet: run `mrs init --country ISO3 --organisation NAME`")
    if args.json:
        print_json(info)
    else:
        print_table(("field", "value"), [("node id", info.id), ("country", info.country),
                                         ("organisation", info.organisation),
                                         ("focal point", info.focal_point or ""),
                                         ("fingerprint", info.fingerprint)])
    return 0


def demo(args: argparse.Namespace) -> int:
    from ..services.demo import load_demo

    store = open_existing(args)
    progress = StderrProgress()
    try:
        changes = load_demo(store, args.size, progress=progress)
    finally:
        progress.finish()
        store.close()
    print("Demo data loaded: " + ", ".join(f"{n:,} {r}" for r, n in sorted(changes.counts.items())))
    return 0


def check(args: argparse.Namespace) -> int:
    store = open_existing(args)
    try:
        report = maintenance.check_store(store)
    finally:
        store.close()
    if args.json:
        print_json({"ok": report.ok, "problems": report.problems, "facts": report.facts})
    else:
        for name, value in report.facts.items():
            print(f"{name}: {value}")
        print("OK: no problems found" if report.ok else f"{len(report.problems)} problem(s):")
        for problem in report.problems:
            print(f"  {problem}")
    return 0 if report.ok else 1


def backup(args: argparse.Namespace) -> int:
    store = open_existing(args)
    try:
        target = maintenance.backup(store, args.file)
    finally:
        store.close()
    print(f"Backup written to {target}")
    return 0
