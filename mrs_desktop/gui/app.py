"""Entry point of `mrs-desktop`: picks the database, opens it, and shows the main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..db.store import open_store
from ..domain.errors import MrsError
from .main_window import MainWindow


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest for Qt (e.g. `-platform offscreen`, `-style fusion`)."""
    parser = argparse.ArgumentParser(
        prog="mrs-desktop", description="MRS Desktop: the register and sync tool of a skills focal point.",
        epilog="The database is --db, else $MRS_DB, else mrs.sqlite in the user data folder.")
    parser.add_argument("--db", type=Path, metavar="PATH", help="the database file to use")
    parser.add_argument("--version", action="version", version=f"mrs-desktop {__version__}")
    return parser.parse_known_args(argv)


def open_window(db: Path | None) -> MainWindow:
    """The main window on the database `db` (None: $MRS_DB or the default file)."""
    return MainWindow(open_store(db))


def main(argv: list[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else list(argv))
    app = QApplication.instance() or QApplication(["mrs-desktop", *qt_args])
    app.setApplicationName("MRS Desktop")
    app.setApplicationVersion(__version__)
    try:
        window = open_window(args.db)
    except (MrsError, OSError) as exc:
        show_error(QCoreApplication.translate("app", "The database cannot be opened"), str(exc))
        return exc.exit_code if isinstance(exc, MrsError) else 1
    window.show()
    return app.exec()


def show_error(title: str, message: str) -> None:
    QMessageBox.critical(None, QCoreApplication.translate("app", "MRS Desktop"), f"{title}\n\n{message}")


if __name__ == "__main__":
    sys.exit(main())
