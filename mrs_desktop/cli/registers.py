"""`mrs import`, `export`, `template` and `assessors list|show`: the registers from a terminal."""

from __future__ import annotations

import argparse

from ..db.uow import UnitOfWork
from ..domain.errors import InputRejected
from ..services import search, spreadsheets
from .commands import open_existing
from .output import StderrProgress, print_json, print_table

_IMPORTS = {"assessors": spreadsheets.import_assessors, "trainings": spreadsheets.import_trainings,
            "action-items": spreadsheets.import_action_items}
_EXPORTS = {"assessors": spreadsheets.export_assessors, "trainings": spreadsheets.export_trainings,
            "action-items": spreadsheets.export_action_items}


def import_file(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise InputRejected(f"there is no file {args.file}")
    store = open_existing(args)
    progress = StderrProgress()
    try:
        result = _IMPORTS[args.kind](UnitOfWork(store), args.file, progress=progress,
                                     dry_run=args.dry_run)
    finally:
        progress.finish()
        store.close()
    prefix = "Checked (dry run, nothing written): " if args.dry_run else "Imported: "
    print(prefix + result.summary())
    return 0


def export_file(args: argparse.Namespace) -> int:
    store = open_existing(args)
    progress = StderrProgress()
    try:
        count = _EXPORTS[args.kind](store, args.file, progress=progress)
    finally:
        progress.finish()
        store.close()
    print(f"Exported {count:,} rows to {args.file}")
    return 0


def template(args: argparse.Namespace) -> int:
    spreadsheets.write_template(args.kind, args.file)
    print(f"Template for {args.kind} written to {args.file}")
    return 0


def list_assessors(args: argparse.Namespace) -> int:
    query = search.AssessorQuery(
        text=args.search, country=args.country.upper() if args.country else None, sector=args.sector,
        occupation=args.occupation, level=args.level, status=args.status,
        expiring_within_days=args.expiring_within, limit=args.limit)
    store = open_existing(args)
    try:
        rows = search.search_assessors(store, query)
        total = search.count_assessors(store, query)
    finally:
        store.close()
    if args.json:
        print_json(rows)
        return 0
    print_table(("id", "country", "ref", "family name", "given names", "native script", "levels",
                 "status", "next expiry"),
                [(r.id, r.country, r.assessor_ref, r.family_name, r.given_names, r.name_native,
                  r.levels, r.status, r.next_expiry) for r in rows])
    shown = f"{len(rows):,} of {total:,}" if total > len(rows) else f"{total:,}"
    print(f"({shown} assessors)")
    return 0


def show_assessor(args: argparse.Namespace) -> int:
    store = open_existing(args)
    try:
        detail = search.get_assessor(store, args.id)
    finally:
        store.close()
    if args.json:
        print_json(detail)
        return 0
    for name, value in vars(detail).items() if not hasattr(detail, "__dataclass_fields__") else (
            (f, getattr(detail, f)) for f in detail.__dataclass_fields__):
        if name != "accreditations":
            print(f"{name}: {'' if value is None else value}")
    print("accreditations:")
    for acc in detail.accreditations:
        print(f"  {acc}")
    return 0
