"""Entry point of `mrs-desktop`: picks the database, opens it, runs the first-run wizard if the
database has no node yet, and shows the main window.

The store (SQLAlchemy) and the window are imported inside `start`, while the garbage collector
is paused (`collection_paused`): most of a start is spent creating those modules' objects.
"""

from __future__ import annotations

import argparse
import gc
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..domain.errors import MrsError
from . import look, settings

if TYPE_CHECKING:
    from ..db.store import Store
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
    from ..db.store import default_db_path

    return (db if db is not None else default_db_path()).expanduser().resolve()


def open_window(db: Path | None) -> MainWindow:
    """The main window on the database `db` (None: $MRS_DB or the default file)."""
    from ..db.store import open_store
    from .main_window import MainWindow

    return MainWindow(open_store(db))


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while the app imports its libraries and builds its
    window, then everything alive frozen (ignored by later collections) and the collector back on.

    A start creates some 100,000 objects that live as long as the app (SQLAlchemy's modules and
    mappings, Qt's wrappers, the window); the collector would examine them over and over as they
    appear and find next to nothing: about 60 ms of a 0.6 s start (bench/bench_gui.py). Frozen,
    they also spare every later full collection (~80 ms) a pause while she types. What start-up
    leaves as cyclic garbage (a few hundred objects of import-time temporaries) is kept.
    `start` runs once per process, so nothing else is alive to be frozen with them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def main(argv: list[str] | None = None) -> int:
    """`mrs-desktop`: the window, then Qt's event loop until she closes it; the exit status."""
    window, status = start(argv)
    return status if window is None else QApplication.instance().exec()


def start(argv: list[str] | None = None) -> tuple[MainWindow | None, int]:
    """Everything before the event loop: the database opened (after the first-run wizard, if it
    has no node yet) and the main window shown; or no window and the exit status."""
    args, qt_args = parse_args(sys.argv[1:] if argv is None else list(argv))
    app = QApplication.instance() or QApplication(["mrs-desktop", *qt_args])
    app.setApplicationName("MRS Desktop")
    app.setApplicationVersion(__version__)
    look.apply(app)
    look.install_translator(app, settings.LANGUAGE.get())
    try:
        with collection_paused():
            from ..db.store import open_store

            path = database_path(args.db)
            is_new = not path.exists()
            store = open_store(path)
    except (MrsError, OSError) as exc:
        show_error(QCoreApplication.translate("app", "The database cannot be opened"), str(exc))
        return None, exc.exit_code if isinstance(exc, MrsError) else 1
    choice = None
    if store.node is None:
        choice = first_run(store)
        if choice is None:  # cancelled before the node was made: leave no trace
            store.close()
            if is_new:
                remove_database(path)
            return None, 0
    with collection_paused():
        from .main_window import MainWindow

        window = MainWindow(store)
        window.show()
    if choice == "import":
        QTimer.singleShot(0, lambda: import_assessors(window))
    return window, 0


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
