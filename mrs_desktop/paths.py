"""Where MRS Desktop finds its shipped files (ui/, resources/) in a checkout and in a wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _root(name: str) -> Path:
    # An installed wheel carries the folders inside the package; a checkout has them beside it.
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"MRS Desktop is incomplete: its '{name}' folder is missing")


def resources_dir() -> Path:
    return _root("resources")


def ui_dir() -> Path:
    return _root("ui")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
