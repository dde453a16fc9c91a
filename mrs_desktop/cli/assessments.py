"""`mrs import assessments FILE` and `mrs cert issue|list|print|revoke|verify`: result sheets and
certificates from a terminal. Services (reportlab, openpyxl) are imported when a command runs."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.errors import InputRejected

VERIFY_FAILED = 3  # exit code of `mrs cert verify` for anything but a valid certificate


def add_cert_commands(sub) -> None:
    group = sub.add_parser("cert", help="certificates: issue, list, print, revoke, verify")
    csub = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = csub.add_parser("issue", help="issue certificates for assessments")
    p.add_argument("assessment_ids", nargs="*", metavar="ASSESSMENT_ID")
    p.add_argument("--all-eligible", action="store_true",
                   help="every competent or partly competent assessment without a certificate")
    p.set_defaults(run=issue)
    p = csub.add_parser("list", help="list certificates")
    p.add_argument("--json", action="store_true", help="as JSON, with each QR payload text")
    p.set_defaults(run=list_)
    p = csub.add_parser("print", help="print certificates into one PDF")
    p.add_argument("file", type=Path, metavar="FILE.pdf")
    p.add_argument("numbers", nargs="*", metavar="NUMBER",
                   help="certificate numbers (default: every valid certificate issued here)")
    p.set_defaults(run=print_)
    p = csub.add_parser("revoke", help="revoke a certificate (final)")
    p.add_argument("number")
    p.add_argument("--reason", required=True)
    p.set_defaults(run=revoke)
    p = csub.add_parser("verify", help="verify a certificate: its QR text or its number")
    p.add_argument("text")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=verify)


def import_file(args: argparse.Namespace) -> int:
    """`mrs import KIND FILE`: result sheets here, the registers in cli.registers."""
    from . import registers

    if args.kind != "assessments":
        return registers.import_file(args)
    from ..db.uow import UnitOfWork
    from ..services.spreadsheets.results import import_results
    from .commands import open_existing
    from .output import StderrProgress

    if not args.file.is_file():
        raise InputRejected(f"there is no file {args.file}")
    store = open_existing(args)
    progress = StderrProgress()
    try:
        result = import_results(UnitOfWork(store), args.file, progress, dry_run=args.dry_run)
    finally:
        progress.finish()
        store.close()
    prefix = "Checked (dry run, nothing written): " if args.dry_run else "Imported: "
    print(prefix + result.summary())
    return 0


def _open(args):
    from .commands import open_existing

    return open_existing(args)


def issue(args: argparse.Namespace) -> int:
    from ..db.uow import UnitOfWork
    from ..services.certificates import issue_certificates

    if args.all_eligible == bool(args.assessment_ids):
        raise InputRejected("give either --all-eligible or assessment ids, not both or neither")
    store = _open(args)
    try:
        numbers = issue_certificates(UnitOfWork(store), args.assessment_ids,
                                     all_eligible=args.all_eligible)
    finally:
        store.close()
    for number in numbers:
        print(number)
    print(f"({len(numbers)} certificate{'' if len(numbers) == 1 else 's'} issued)")
    return 0


def list_(args: argparse.Namespace) -> int:
    from ..services.certificates import list_certificates
    from .output import print_json, print_table

    store = _open(args)
    try:
        rows = list_certificates(store)
    finally:
        store.close()
    if args.json:
        print_json(rows)
        return 0
    print_table(("number", "status", "kind", "holder", "occupation", "level", "issued on"),
                [(r.number, r.status, r.kind, r.holder, r.occupation_code, r.aqrf_level,
                  r.issued_on.isoformat()) for r in rows])
    print(f"({len(rows)} certificates)")
    return 0


def print_(args: argparse.Namespace) -> int:
    from ..services.certificates import print_certificates
    from .output import StderrProgress

    store = _open(args)
    progress = StderrProgress()
    try:
        pages = print_certificates(store, args.file, args.numbers, progress)
    finally:
        progress.finish()
        store.close()
    print(f"{pages} certificate{'' if pages == 1 else 's'} written to {args.file}")
    return 0


def revoke(args: argparse.Namespace) -> int:
    from ..db.uow import UnitOfWork
    from ..services.certificates import revoke_certificate

    store = _open(args)
    try:
        revoke_certificate(UnitOfWork(store), args.number, args.reason)
    finally:
        store.close()
    print(f"Certificate {args.number.upper()} revoked; partners learn it from the next bundle")
    return 0


def verify(args: argparse.Namespace) -> int:
    from ..services.certificates import verify as verify_text
    from .output import print_json

    store = _open(args)
    try:
        answer = verify_text(store, args.text)
    finally:
        store.close()
    if args.json:
        print_json(answer)
    else:
        print(answer.summary())
    return 0 if answer.valid else VERIFY_FAILED
