"""Compiles every ui/*.ui (Qt Designer) into mrs_desktop/gui/forms/ui_*.py with pyside6-uic.

Run after editing a form:  .venv/bin/python scripts/compile_ui.py
The generated files are committed; tests/gui/test_forms_fresh.py fails when one is stale.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "mrs_desktop" / "gui" / "forms"
HEADER = "# Generated from ui/{name} by pyside6-uic — do not edit; run scripts/compile_ui.py\n"
# The one line of uic's output that names its own version; ignored when checking freshness.
VERSION_LINE = "## Created by: Qt User Interface Compiler version"

# The venv's pyside6-uic, called through its entry point so it works the same on Windows.
UIC = "import sys; from PySide6.scripts.pyside_tool import uic; sys.argv[0] = 'pyside6-uic'; uic()"


def form_path(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path) -> str:
    """The Python source pyside6-uic makes of one .ui file, with our header on top."""
    result = subprocess.run([sys.executable, "-c", UIC, str(ui_file)], capture_output=True,
                            text=True, encoding="utf-8", check=False)
    if result.returncode != 0:
        raise RuntimeError(f"pyside6-uic failed on {ui_file.name}: {result.stderr.strip()}")
    return HEADER.format(name=ui_file.name) + result.stdout


def comparable(source: str) -> list[str]:
    return [line for line in source.splitlines() if not line.startswith(VERSION_LINE)]


def ui_files() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def main() -> int:
    for ui_file in ui_files():
        target = form_path(ui_file)
        source = compile_form(ui_file)
        old = target.read_text(encoding="utf-8") if target.exists() else None
        if old is None or comparable(old) != comparable(source):
            target.write_text(source, encoding="utf-8", newline="\n")
            print(f"compiled {ui_file.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
