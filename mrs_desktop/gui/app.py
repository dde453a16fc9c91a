"""Entry point of `mrs-desktop`: picks the database, opens it, runs the first-run wizard if the
database has no node yet, and shows the main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..db.store import Store, default_db_path, open_store
from ..domain.errors import MrsError
from . import look, settings
from .main_window import MainWindow


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest for Qt (e.g. `-platform offscreen`, `-style fusion`)."""
    parser = argparse.ArgumentParser(
        prog="mrs-desktop", description="MRS Desktop: the register and sync tool of a skills focal point.",
        epilog="The database is --db, else $MRS_DB, else mrs.sqlite in the user data folder.")
    parser.add_argument("--db", type=Path, metavar="PATH", help="the database file to use")
    parser.add_argument("--version", action="version", version=f"mrs-desktop {__version__}")
    return parser.parse_known_args(argv)


def database_path(db: Path | None) -> Path:
    """The file `open_store` will use: --db, else $MRS_DB, else the user data folder's."""
    return (db if db is not None else default_db_path()).expanduser().resolve()


def open_window(db: Path | None) -> MainWindow:
    """The main window on the database `db` (None: $MRS_DB or the default file)."""
    return MainWindow(open_store(db))


def main(argv: list[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else list(argv))
    app = QApplication.instance() or QApplication(["mrs-desktop", *qt_args])
    app.setApplicationName("MRS Desktop")
    app.setApplicationVersion(__version__)
    look.apply(app)
    look.install_translator(app, settings.LANGUAGE.get())
    path = database_path(args.db)
    is_new = not path.exists()
    try:
        store = open_store(path)
    except (MrsError, OSError) as exc:
        show_error(QCoreApplication.translate("app", "The database cannot be opened"), str(exc))
        return exc.exit_code if isinstance(exc, MrsError) else 1
    start = None
    if store.node is None:
        start = first_run(store)
        if start is None:  # cancelled before the node was made: leave no trace
            store.close()
            if is_new:
                remove_database(path)
            return 0
    window = MainWindow(store)
    window.show()
    if start == "import":
        QTimer.singleShot(0, lambda: import_assessors(window))
    return app.exec()


def first_run(store: Store) -> str | None:
    from .dialogs.first_run import run_first_run  # only on a first run

    return run_first_run(store)


def import_assessors(window: MainWindow) -> None:
    from .dialogs.import_wizard import run_import_wizard

    run_import_wizard(window.ctx, window, kind="assessors")


def remove_database(path: Path) -> None:
    """The file a cancelled first run created (never one that existed before), with its journals."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def show_error(title: str, message: str) -> None:
    QMessageBox.critical(None, QCoreApplication.translate("app", "MRS Desktop"), f"{title}\n\n{message}")


if __name__ == "__main__":
    sys.exit(main())
