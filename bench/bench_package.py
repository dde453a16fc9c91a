"""Budgets of the frozen app (issue 6): the one-folder Linux build <= 110 MB unpacked and
<= 45 MB as its archive; the frozen app's start to its main window painted <= 1.5x the same
start from the virtual environment, measured in the same run.

Builds dist/mrs-desktop/ (as `make package` does) when it is missing or older than the sources.
Both starts run packaging/mrs_desktop_gui.py, frozen or by this Python, with MRS_START_PROBE=1:
it prints the wall-clock time of the main window's first paint and quits. As in bench_gui, each
start is a fresh process with its own settings folder, left by the user on the assessor register
of the 100,000-assessor demo database, and the venv's start runs from compiled bytecode (a cache
of its own), as an installed app does.

It also prints the folder's largest parts (a Qt library, a package, the program with its Python
modules appended), the list to start from when the unpacked size grows.
`python -m bench.bench_package` prints only that list, for the folder as it is.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.bench_search import demo_database, quick
from bench.common import Result

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
FOLDER = DIST / "mrs-desktop"
SOURCES = ("mrs_desktop", "ui", "resources", "packaging", "pyproject.toml")
MB = 1e6


def newest_source() -> float:
    times = []
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file())
        times += [p.stat().st_mtime for p in files if "__pycache__" not in p.parts]
    return max(times)


def build() -> tuple[Path, str]:
    """The one-folder build and its archive, made again if a source is newer; and a note."""
    program = FOLDER / "mrs-desktop"
    archives = sorted(DIST.glob("mrs-desktop-*.tar.xz"))
    note = "reused dist/"
    if not program.exists() or program.stat().st_mtime < newest_source():
        started = time.monotonic()
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                        "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
                        str(ROOT / "packaging" / "mrs-desktop.spec")], cwd=ROOT, check=True)
        note = f"built in {time.monotonic() - started:.0f} s"
        archives = []
    if not archives or archives[-1].stat().st_mtime < program.stat().st_mtime:
        started = time.monotonic()
        out = subprocess.run([sys.executable, str(ROOT / "packaging" / "archive.py"), str(FOLDER)],
                             check=True, capture_output=True, text=True).stdout.strip()
        archives = [Path(out)]
        note += f"; archived in {time.monotonic() - started:.0f} s"
    return archives[-1], note


def folder_bytes(folder: Path) -> int:
    """Bytes on a laptop once unpacked: files and links, each link counted as itself."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir() or p.is_symlink())


def part_of(relative: tuple[str, ...]) -> str:
    """The part of the folder a file belongs to: each Qt library, PySide6 module and library in
    a wheel's NAME.libs/ on its own; each Qt plugin folder; Python's extension modules together;
    each other package as a whole. `relative` is the file's path in the folder, split."""
    if relative[0] != "_internal":
        return "/".join(relative[:2])  # the program (Python modules appended), linux/...
    inner = relative[1:]
    if inner[0] == "PySide6" and len(inner) > 2 and inner[1] == "Qt":
        return "/".join(inner[:4])  # PySide6/Qt/lib/LIBRARY, PySide6/Qt/plugins/FOLDER
    if inner[0] == "PySide6" or inner[0].endswith(".libs") or inner[0] == "python3.11":
        return "/".join(inner[:2])
    return inner[0] + ("/" if len(inner) > 1 else "")


def largest_parts(folder: Path, top: int = 25) -> list[tuple[str, int]]:
    """The `top` largest parts of the folder (part_of), with their bytes."""
    sizes: Counter[str] = Counter()
    for path in folder.rglob("*"):
        if not path.is_dir() or path.is_symlink():
            sizes[part_of(path.relative_to(folder).parts)] += path.lstat().st_size
    return sizes.most_common(top)


def print_largest_parts(folder: Path) -> None:
    total = folder_bytes(folder)
    print(f"{folder.name}/: {total / MB:.2f} MB unpacked; largest parts (MB):")
    for part, size in largest_parts(folder):
        print(f"  {size / MB:7.2f}  {part}")


def start_seconds(command: list[str], db: Path, bytecode: Path) -> float:
    """Seconds from starting `command --db db` to its main window's first paint."""
    with tempfile.TemporaryDirectory(prefix="mrs-bench-home-") as home:
        ini = Path(home, "ILO-MRS", "MRS Desktop.ini")
        ini.parent.mkdir(parents=True)
        ini.write_text("[window]\nlast_page=assessors\n", encoding="utf-8")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": home,
               "HOME": home, "PYTHONPYCACHEPREFIX": str(bytecode), "MRS_START_PROBE": "1"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        started = time.time()
        done = subprocess.run([*command, "--db", str(db)], cwd=home, env=env,
                              capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{command[-1]} failed: {done.stderr[-2000:]}")
    line = [ln for ln in done.stdout.splitlines() if ln.startswith("{")][-1]
    return json.loads(line)["painted"] - started


def start_medians(db: Path, runs: int, bytecode: Path) -> tuple[float, float]:
    """Median start of the frozen app and of the same script from the venv, after one warm-up
    each; the timed runs alternate, so a burst of load on the machine falls on both alike."""
    frozen_cmd = [str(FOLDER / "mrs-desktop")]
    venv_cmd = [sys.executable, str(ROOT / "packaging" / "mrs_desktop_gui.py")]
    start_seconds(frozen_cmd, db, bytecode)
    start_seconds(venv_cmd, db, bytecode)
    frozen, venv = [], []
    for _ in range(runs):
        frozen.append(start_seconds(frozen_cmd, db, bytecode))
        venv.append(start_seconds(venv_cmd, db, bytecode))
    return statistics.median(frozen), statistics.median(venv)


def run(workdir: Path) -> list[Result]:
    archive, note = build()
    unpacked = folder_bytes(FOLDER) / MB
    print_largest_parts(FOLDER)
    packed = archive.stat().st_size / MB
    db, _ = demo_database(workdir)
    runs = 3 if quick() else 7
    frozen, venv = start_medians(db, runs, workdir / "bytecode")
    return [
        Result("one-folder build, unpacked", unpacked, "MB", "<= 110 MB", unpacked <= 110,
               note=f"{FOLDER.relative_to(ROOT)}; {note}"),
        Result("one-folder build, archive", packed, "MB", "<= 45 MB", packed <= 45,
               note=archive.name),
        Result("frozen start to main window painted (100k)", frozen, "s", "<= 1.5x venv start",
               frozen <= 1.5 * venv, baseline=venv,
               note=f"median of {runs} fresh processes each; baseline: the same start from the venv"),
    ]


if __name__ == "__main__":
    print_largest_parts(FOLDER)
