"""`mrs report action-plan FILE [--since DATE]`: the meeting brief of action-plan progress, as a PDF.

reportlab is imported when the command runs, not when `mrs` starts.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_report_commands(sub) -> None:
    group = sub.add_parser("report", help="reports for meetings, as PDF")
    rsub = group.add_subparsers(dest="action", metavar="REPORT", required=True)
    p = rsub.add_parser("action-plan",
                        help="the meeting brief: action-plan progress per partner country (PDF)")
    p.add_argument("file", type=Path, help="the PDF to write")
    p.add_argument("--since", metavar="DATE",
                   help="list what changed from DATE (YYYY-MM-DD); default: the last 30 days")
    p.set_defaults(run=action_plan)


def action_plan(args: argparse.Namespace) -> int:
    from ..services.reports import parse_since, write_meeting_brief
    from .commands import open_existing
    from .output import StderrProgress

    since = parse_since(args.since)  # a bad date is refused before the database is opened
    store = open_existing(args)
    progress = StderrProgress()
    try:
        written = write_meeting_brief(store, args.file, since=since, progress=progress)
    finally:
        progress.finish()
        store.close()
    print(f"Meeting brief written to {written.path}: {written.pages} page(s), "
          f"{written.items} items in {written.sections} sections, changes since {since}")
    return 0
