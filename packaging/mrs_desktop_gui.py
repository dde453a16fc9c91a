"""What the frozen `mrs-desktop` runs: the desktop app's own entry point (`mrs_desktop.gui.app`),
or the command line's when started as `mrs` (on Linux a link to this program).

With MRS_START_PROBE=1 in the environment it also prints, as one JSON line on stdout, the
wall-clock time of the main window's first paint, and quits there (exit status 0). The
frozen-app smoke test and bench/bench_package.py use it to prove, and time, a start of the
built app; the same script run by the virtual environment's Python is the baseline.

With MRS_SELF_CHECK=1 it imports every module of the app (pages are otherwise imported only
when opened), sorts and breaks Thai and Khmer text through Qt (its cut ICU data) and looks up
the codecs of Windows' Asian code pages, prints
what it found as one JSON line and quits: the smoke test's proof that nothing the freeze left
out is needed.
"""

import os
import sys

_probe = None


def _install_start_probe() -> None:
    """Quit at the first paint of any widget in the main window, after printing its time."""
    import json
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QImageReader
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, obj, event):
            if (not self.seen and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget)
                    and isinstance(obj.window(), QMainWindow)):
                self.seen = True
                painted = time.time()
                window = obj.window()
                # What the smoke test checks the folder carried: Qt's image plugins (the
                # icons are SVG) and the app's own title.
                formats = sorted(bytes(f).decode() for f in QImageReader.supportedImageFormats())
                print(json.dumps({"painted": painted, "title": window.windowTitle(),
                                  "image_formats": formats}), flush=True)
                QTimer.singleShot(0, QApplication.quit)
            return False

    # The app's `start` takes this instance as its own (Qt's options come from the environment).
    app = QApplication(["mrs-desktop"])
    global _probe  # kept alive for the life of the app
    _probe = FirstPaint(app)
    app.installEventFilter(_probe)


def _self_check() -> dict:
    """Modules of the app that fail to import (name: error), and Qt's Thai and Khmer text."""
    import pkgutil

    import mrs_desktop

    failed = {}

    def unreadable(name: str) -> None:  # Alembic's scripts travel as files, not modules
        if ".migrations" not in name:
            failed[name] = "package not importable"

    names = [m.name for m in pkgutil.walk_packages(mrs_desktop.__path__, "mrs_desktop.", unreadable)
             if ".migrations" not in m.name]
    for name in names:
        try:
            __import__(name)
        except Exception as exc:  # noqa: BLE001 (each failure is reported, not raised)
            failed[name] = f"{type(exc).__name__}: {exc}"
    from PySide6.QtCore import QCollator, QLocale, QTextBoundaryFinder
    from PySide6.QtWidgets import QApplication

    QApplication(["mrs-desktop"])
    text = "ภาษาไทยเป็นภาษาที่สวยงาม ភាសាខ្មែរគឺស្រស់ស្អាត"
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Word, text)
    words = sum(1 for _ in iter(finder.toNextBoundary, -1))
    thai = sorted(["ข้าว", "กา", "ไก่", "ขวด"], key=QCollator(QLocale("th")).sortKey)
    return {"modules": len(names), "failed": failed, "words": words, "thai_sorted": thai,
            "code_pages": _code_pages()}


def _code_pages() -> dict:
    """Python opens its standard streams in Windows' code page for programs that are not Unicode:
    on a PC set to Chinese, Japanese or Korean a missing codec stops the app before it starts."""
    import codecs

    found = {}
    for name in ("cp936", "cp950", "cp932", "cp949", "cp874", "cp1258"):
        try:
            found[name] = codecs.lookup(name).name
        except LookupError:
            found[name] = None
    return found


if __name__ == "__main__":
    if os.environ.get("MRS_SELF_CHECK") == "1":
        import json

        print(json.dumps(_self_check(), ensure_ascii=False), flush=True)
        sys.exit(0)
    if os.path.basename(sys.argv[0]) in ("mrs", "mrs.exe"):
        # On Linux `mrs` is a link to this program (one copy of the Python modules, not two).
        from mrs_desktop.cli.main import main as cli_main

        sys.exit(cli_main())
    if os.environ.get("MRS_START_PROBE") == "1":
        _install_start_probe()
    from mrs_desktop.gui.app import main

    sys.exit(main())
