"""Entry point of `mrs-desktop`: picks the database, opens it, runs the first-run wizard if the
database has no node yet, and shows the main window.

A start paints the window before SQLAlchemy is imported: `open_store` checks the file and reads
a current database with the standard library's sqlite3 (a database that needs migrating is
backed up and upgraded there, before any window), and the store loads its ORM just after the
first paint (`after_first_paint`). The window is built, and the ORM loaded, with the
garbage collector paused (`collection_paused`): most of that time is spent creating objects.

`mrs-desktop FILE.mrsbundle` opens the window on that bundle's import preview; if a window on
the same database is already running, the file is handed over to it instead (gui.handover).
"""

from __future__ import annotations

import argparse
import gc
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import __version__
from ..domain.collector import freeze_start_up
from ..domain.errors import MrsError
from . import handover, look, settings

if TYPE_CHECKING:
    from ..db.store import Store
    from .main_window import MainWindow


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest for Qt (e.g. `-platform offscreen`, `-style fusion`)."""
    parser = argparse.ArgumentParser(
        prog="mrs-desktop", usage="%(prog)s [-h] [--version] [--db PATH] [FILE.mrsbundle ...]",
        description="MRS Desktop: the register and sync tool of a skills focal point.",
        epilog="The database is --db, else $MRS_DB, else mrs.sqlite in the user data folder. A bundle "
               "file opens its import preview, in the window already running on that database if any.")
    parser.add_argument("--db", type=Path, metavar="PATH", help="the database file to use")
    parser.add_argument("--version", action="version", version=f"mrs-desktop {__version__}")
    args, rest = parser.parse_known_args(argv)
    qt_args, files = split_files(rest)
    args.files = [Path(f) for f in files]
    return args, qt_args


# Qt's own options that take a value (`-platform offscreen`): the value is not a file to open.
QT_VALUE_OPTIONS = frozenset({
    "platform", "platformpluginpath", "platformtheme", "plugin", "qmljsdebugger", "qwindowgeometry",
    "qwindowicon", "qwindowtitle", "style", "stylesheet", "display", "geometry", "title", "session",
    "name", "font", "fn", "background", "bg", "foreground", "fg", "button", "btn", "visual", "ncols",
    "cmap", "im", "inputstyle", "screen",
})


def split_files(rest: list[str]) -> tuple[list[str], list[str]]:
    """What argparse left, as (Qt's options with their values, files to open):
    `-platform offscreen x.mrsbundle` gives (["-platform", "offscreen"], ["x.mrsbundle"])."""
    qt: list[str] = []
    files: list[str] = []
    taking_value = False
    for arg in rest:
        if taking_value:
            qt.append(arg)
            taking_value = False
        elif arg.startswith("-") and arg != "-":
            qt.append(arg)
            taking_value = "=" not in arg and arg.lstrip("-") in QT_VALUE_OPTIONS
        else:
            files.append(arg)
    return qt, files


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
    It is used twice per process, for the window (`start`) and for the store's ORM just after the
    first paint (`load_store`): what else is alive then lives as long as the app anyway.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        freeze_start_up()
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
    path = database_path(args.db)
    channel = handover.channel_name(path)
    if handover.hand_over(channel, args.files):  # a window on this database runs: it opens them
        return None, 0
    app.setApplicationName("MRS Desktop")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.ilo.MrsDesktop")  # Wayland matches the window to its menu entry
    look.apply(app)
    look.install_translator(app, settings.LANGUAGE.get())
    try:
        from ..db.store import open_store

        is_new = not path.exists()
        store = open_store(path)  # checked (and, if older, backed up and migrated) here
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
    after_first_paint(window, lambda: (load_store(store), listen_for_launches(window, channel),
                                       open_files(window, args.files)))
    if choice == "import":
        QTimer.singleShot(0, lambda: import_assessors(window))
    return window, 0


class _FirstPaint(QObject):
    """Calls `then` once, from the event loop, just after the first paint of `widget`, or after
    `latest_ms` if it is not painted by then (a window started minimized)."""

    def __init__(self, widget: QWidget, then: Callable[[], object], latest_ms: int) -> None:
        super().__init__(widget)
        self._then: Callable[[], object] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after this paint, and its children's, is shown
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def after_first_paint(window: QWidget, then: Callable[[], object], latest_ms: int = 1000) -> None:
    _FirstPaint(window, then, latest_ms)


def load_store(store: Store) -> None:
    """The store's SQLAlchemy loaded now (once the window is on screen), not at its first write.

    On the GUI thread, with the collector paused: a worker importing SQLAlchemy while a page
    imports it too could deadlock in the import system. Until then the pages read with sqlite3.
    """
    if not store.loaded:
        with collection_paused():
            store.load()


def open_files(window: MainWindow, files: list[Path]) -> None:
    """Each file's import preview (a file that is not a bundle is refused there, with the reason)."""
    if files:
        load_store(window.store)  # before the preview's worker reads with the ORM
    for path in files:
        window.import_bundle(Path(path))


def listen_for_launches(window: MainWindow, channel: str) -> None:
    """Take the files of later launches on this database, and come to the front for them."""
    server = window.handover = handover.HandoverServer(channel, window)
    server.files_arrived.connect(lambda files: (raise_window(window), open_files(window, files)))
    server.listen()
    QApplication.instance().aboutToQuit.connect(server.close)  # (on Unix: removes the socket file)


def raise_window(window: QWidget) -> None:
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


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
