"""What the frozen `mrs-desktop` runs: the desktop app's own entry point (`mrs_desktop.gui.app`),
or the command line's when started as `mrs` (on Linux a link to this program).

With MRS_START_PROBE=1 in the environment it also prints, as one JSON line on stdout, the
wall-clock time of the main window's first paint, and quits there (exit status 0). The
frozen-app smoke test and bench/bench_package.py use it to prove, and time, a start of the
built app; the same script run by the virtual environment's Python is the baseline.
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


if __name__ == "__main__":
    if os.path.basename(sys.argv[0]) in ("mrs", "mrs.exe"):
        # On Linux `mrs` is a link to this program (one copy of the Python modules, not two).
        from mrs_desktop.cli.main import main as cli_main

        sys.exit(cli_main())
    if os.environ.get("MRS_START_PROBE") == "1":
        _install_start_probe()
    from mrs_desktop.gui.app import main

    sys.exit(main())
