"""Entry point of `mrs`: parses the command, opens the database, maps errors to exit codes.

Exit codes (DESIGN.md section 5): 0 success, 2 usage error, 3 input rejected (nothing was
changed), 1 anything else.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from .. import __version__
from ..db.schema import HEAD
from ..domain.errors import MrsError, ValidationError
from . import assessments, commands, peers, reports, sync
from .output import err

KINDS = ("assessors", "trainings", "action-items")


def _registers(name: str):
    """Register commands load their modules (openpyxl, search) only when they run."""

    def run(args: argparse.Namespace) -> int:
        from . import registers

        return getattr(registers, name)(args)

    return run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mrs", description="MRS Desktop command line: registers, imports, exports, checks.",
        epilog="The database is --db, else $MRS_DB, else the desktop app's own file.")
    parser.add_argument("--db", type=Path, metavar="PATH", help="the database file to use")
    parser.add_argument("--version", action="version", version=f"mrs {__version__} (schema {HEAD})")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("init", help="create this installation's node (once)")
    p.add_argument("--country", required=True, help="ISO 3166 alpha-3 code of an ASEAN member state")
    p.add_argument("--organisation", required=True, help="the focal point's ministry or agency")
    p.add_argument("--focal-point", help="the focal point's name")
    p.set_defaults(run=commands.init)

    p = sub.add_parser("node", help="show this node: id, country, key fingerprint")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=commands.node)
    peers.add_node_actions(p)

    p = sub.add_parser("demo", help="fill an empty database with realistic demo data")
    p.add_argument("--size", choices=("small", "large"), default="small",
                   help="small: a few hundred records; large: 100,000 assessors (benchmarks)")
    p.set_defaults(run=commands.demo)

    p = sub.add_parser("import", help="import a register from a CSV or XLSX file (all or nothing)")
    p.add_argument("kind", choices=(*KINDS, "assessments"))
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="check the file and report, change nothing")
    p.set_defaults(run=assessments.import_file)

    p = sub.add_parser("export", help="export a register to CSV or XLSX (from the file's extension)")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("file", type=Path)
    p.set_defaults(run=_registers("export_file"))

    p = sub.add_parser("template", help="write an empty spreadsheet template for a register")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("file", type=Path)
    p.set_defaults(run=_registers("template"))

    _assessor_commands(sub)
    peers.add_peer_commands(sub)
    sync.add_sync_commands(sub)
    reports.add_report_commands(sub)
    assessments.add_cert_commands(sub)

    p = sub.add_parser("check", help="check the database's integrity, schema, index and node key")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=commands.check)

    p = sub.add_parser("backup", help="write a consistent copy of the database to FILE")
    p.add_argument("file", type=Path)
    p.set_defaults(run=commands.backup)
    return parser


def _assessor_commands(sub) -> None:
    group = sub.add_parser("assessors", help="the register of certified assessors")
    asub = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = asub.add_parser("list", help="list assessors, filtered")
    p.add_argument("--search", default="", metavar="TEXT", help="part of a name, in any script")
    p.add_argument("--country")
    p.add_argument("--sector", help="sector code or id")
    p.add_argument("--occupation", help="occupation code or id")
    p.add_argument("--level", type=int, help="AQRF level")
    p.add_argument("--status", choices=("active", "suspended", "revoked", "expired"))
    p.add_argument("--expiring-within", type=int, metavar="DAYS",
                   help="an active accreditation ends within DAYS days")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_registers("list_assessors"))
    p = asub.add_parser("show", help="one assessor with their accreditations")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_registers("show_assessor"))


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 with a message on a usage error
    try:
        return args.run(args) or 0
    except ValidationError as exc:
        err(f"rejected, nothing was changed: {len(exc.errors)} problem(s)")
        for problem in exc.errors:
            print(f"  {problem}", file=sys.stderr)
        return exc.exit_code
    except MrsError as exc:
        err(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        err("interrupted; nothing was changed")
        return 1
    except Exception as exc:  # a bug, not the user's mistake: say so briefly
        if os.environ.get("MRS_DEBUG"):
            traceback.print_exc()
        err(f"unexpected error ({type(exc).__name__}: {exc}); set MRS_DEBUG=1 for details")
        return 1


if __name__ == "__main__":
    sys.exit(main())
