"""Packs the one-folder build (dist/mrs-desktop/) into the archive an IT officer copies to a USB
stick: dist/mrs-desktop-VERSION-PLATFORM.tar.xz on Linux and macOS (keeps the executable bits
and Qt's library links), .zip on Windows (opens without extra tools there).

Usage: python packaging/archive.py [dist/mrs-desktop]   (prints the archive's path)
"""

from __future__ import annotations

import lzma
import platform
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def version() -> str:
    for line in (ROOT / "mrs_desktop" / "__init__.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise SystemExit("no __version__ in mrs_desktop/__init__.py")


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower().replace('amd64', 'x86_64')}"


def pack(folder: Path) -> Path:
    """The archive of `folder` (its name the top folder inside), written beside it."""
    if not (folder / "_internal").is_dir():
        raise SystemExit(f"{folder} is not a PyInstaller one-folder build (no _internal/)")
    stem = folder.parent / f"mrs-desktop-{version()}-{platform_tag()}"
    if sys.platform == "win32":
        target = stem.with_suffix(".zip")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(folder.rglob("*")):
                archive.write(path, path.relative_to(folder.parent))
        return target
    target = Path(f"{stem}.tar.xz")
    with lzma.open(target, "wb", format=lzma.FORMAT_XZ, filters=_xz_filters()) as packed, \
            tarfile.open(fileobj=packed, mode="w") as archive:
        archive.add(folder, arcname=folder.name, filter=_normalised)
    return target


def _xz_filters() -> list[dict]:
    """xz's preset 9 (its 64 MB window finds what Qt's libraries share), after the x86 branch
    filter on x86 machines: machine code turned more alike compresses 6-7% smaller (44 -> 42
    MB here). Every xz and `tar -xJf` reads both."""
    lzma2 = {"id": lzma.FILTER_LZMA2, "preset": 9}
    x86 = platform.machine().lower() in ("x86_64", "amd64", "i386", "i686")
    return [{"id": lzma.FILTER_X86}, lzma2] if x86 else [lzma2]


def _normalised(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # The same owner on every build machine: root's uid must not follow the files to a laptop.
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


if __name__ == "__main__":
    print(pack(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "mrs-desktop")))
