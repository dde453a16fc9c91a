"""Screenshots of the app as a person sees it, for docs/screenshots/ (and for reviewing changes).

Run under a virtual display, after installing its system packages once:

    sh scripts/system-deps.sh screenshots
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py

Everything happens in a temporary folder: a database holding a Cambodian node and the demo
data (services.demo, "small"), and the window settings, so no real data or layout is touched.
Shows the first-run wizard, then the main window on the dashboard, as on a 1366×768 laptop.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from mrs_desktop.db.store import Store, open_store
from mrs_desktop.gui import look
from mrs_desktop.gui.dialogs.first_run import FirstRunWizard
from mrs_desktop.gui.main_window import MainWindow
from mrs_desktop.services.demo import load_demo
from mrs_desktop.services.node import init_node

ROOT = Path(__file__).resolve().parents[1]
# A maximised window on a 1366×768 screen, less the title bar and the task bar.
WINDOW_SIZE = (1366, 700)


def wait_until(done: Callable[[], bool], timeout: float = 30.0) -> None:
    """Process events until `done()`. An event loop, not QTest.qWait, which holds the GIL and
    would slow the worker thread down about fifteen times."""
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError("timed out waiting for the app")
        QTimer.singleShot(50, loop.quit)
        loop.exec()


def capture(widget: QWidget, target: Path) -> Path:
    widget.show()
    if not QTest.qWaitForWindowExposed(widget, 5000):
        raise RuntimeError("the window was never shown: is a display (xvfb-run) available?")
    wait_until(lambda: True)
    QTest.qWait(300)  # let fonts load and layouts settle
    target.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(target)):
        raise RuntimeError(f"could not write {target}")
    print(f"saved {target} ({widget.width()}x{widget.height()})")
    return target


def first_run(folder: Path, out: Path) -> None:
    """The wizard's two pages, filled in as a Cambodian focal point would."""
    store = open_store(folder / "first-run.sqlite")
    wizard = FirstRunWizard(store)
    capture(wizard, out / "first-run.png")
    wizard.ui.country.setCurrentIndex(wizard.ui.country.findData("KHM"))
    wizard.ui.organisation.setText("Ministry of Labour and Vocational Training")
    wizard.ui.focal_point.setText("Sok Dara")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    capture(wizard, out / "first-run-start.png")
    wizard.close()
    store.close()


def demo_store(path: Path) -> Store:
    store = open_store(path)
    init_node(store, country="KHM", organisation="Ministry of Labour and Vocational Training",
              focal_point="Sok Dara")
    load_demo(store, "small")
    return store


def dashboard(folder: Path, out: Path) -> None:
    window = MainWindow(demo_store(folder / "demo.sqlite"))
    window.resize(*WINDOW_SIZE)
    window.show_page("dashboard")
    window.show()
    page = window.current_page()
    wait_until(lambda: page.figures is not None and not page.runner.busy)
    capture(window, out / "main-window.png")
    window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Save screenshots of MRS Desktop's windows.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    look.apply(app)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # Window settings of this run only: the user's saved layout is neither used nor changed.
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "config"))
        first_run(folder, args.out)
        dashboard(folder, args.out)
    print(f"platform {app.platformName()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
