"""Screenshots of the app as a person sees it, for docs/screenshots/ (and for reviewing changes).

Run under a virtual display, after installing its system packages once:

    sh scripts/system-deps.sh screenshots
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py

The window is shown on a temporary database holding a node and the records of the migration
fixture (tests/fixtures/make_fixture_db.py), so no real data is needed or touched.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from mrs_desktop.db.store import Store, open_store
from mrs_desktop.gui.main_window import MainWindow
from mrs_desktop.services.node import init_node

ROOT = Path(__file__).resolve().parents[1]


def fill(store: Store) -> None:
    init_node(store, country="KHM", organisation="Ministry of Labour and Vocational Training",
              focal_point="Sok Dara")
    spec = importlib.util.spec_from_file_location("make_fixture_db", ROOT / "tests/fixtures/make_fixture_db.py")
    records = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(records)
    records.write_records(store)


def capture(widget: QWidget, target: Path) -> Path:
    widget.show()
    if not QTest.qWaitForWindowExposed(widget, 5000):
        raise RuntimeError("the window was never shown: is a display (xvfb-run) available?")
    QTest.qWait(300)  # let fonts load and the table finish laying out
    target.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(target)):
        raise RuntimeError(f"could not write {target}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Save screenshots of MRS Desktop's windows.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        for name, with_node in (("main-window-no-node.png", False), ("main-window.png", True)):
            store = open_store(Path(tmp) / name.replace(".png", ".sqlite"))
            if with_node:
                fill(store)
            window = MainWindow(store)
            saved = capture(window, args.out / name)
            window.close()
            app.processEvents()
            print(f"saved {saved} ({window.width()}x{window.height()}, platform {app.platformName()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
