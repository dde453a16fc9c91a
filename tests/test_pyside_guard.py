"""Guards against PySide6 6.12.0 on CPython 3.11, which aborts the interpreter (FIELD_NOTES).

Each Qt call returning nothing drops one reference to `None` there, so a long-running app dies;
a short GUI test would still pass, hence the two million calls.
"""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]

CALLS = """
from PySide6.QtCore import QObject
o = QObject()
for _ in range(2_000_000):
    o.setObjectName("a")
print("survived")
"""


def _qt_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = [Requirement(r) for r in project["dependencies"]]
    return [r for r in reqs if r.name.lower().startswith("pyside6")]


def test_two_million_qt_calls_do_not_abort_the_interpreter():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", CALLS], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-2000:]}"
    assert result.stdout.strip() == "survived"


def test_installed_pyside6_satisfies_the_pin_for_this_python():
    installed = Version(importlib.metadata.version("PySide6-Essentials"))
    applicable = [r for r in _qt_requirements() if r.marker is None or r.marker.evaluate()]
    assert applicable, "pyproject.toml declares no PySide6 requirement for this Python"
    for req in applicable:
        assert req.specifier.contains(installed, prereleases=True), f"{installed} breaks {req}"
    if sys.version_info < (3, 12):
        assert installed < Version("6.12")


def test_the_pin_keeps_python_3_11_below_6_12():
    """Whatever Python runs the tests, the declared pin must keep 3.11 away from 6.12."""
    on_311 = [r for r in _qt_requirements()
              if r.marker is None or r.marker.evaluate({"python_version": "3.11",
                                                         "python_full_version": "3.11.7"})]
    assert on_311
    for req in on_311:
        assert not req.specifier.contains("6.12.0")
        assert req.specifier.contains("6.11.3")
