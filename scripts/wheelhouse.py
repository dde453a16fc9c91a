"""The offline wheelhouse (issue 6 part 6): every wheel needed to install MRS Desktop with
`pip install --no-index --find-links WHEELHOUSE mrs-desktop` on Windows x64 and Linux x86-64,
Python 3.11, in one folder for a USB stick (docs/install.md).

    python scripts/wheelhouse.py [--out dist/wheelhouse]          collect (needs the internet)
    python scripts/wheelhouse.py --check [--out dist/wheelhouse]  install offline here, and resolve
                                                                  the Windows set offline

Run it with Python 3.11: pip evaluates the dependencies' environment markers (the PySide6 pin
below 6.12 on Python 3.11, FIELD_NOTES) with the interpreter that runs it, not the target's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON_VERSION = "3.11"
# pip's platform tags for each target, newest first: a wheel built for any of them installs there.
PLATFORMS = {
    "windows-x64": ["win_amd64"],
    # glibc 2.34 or newer (Ubuntu 22.04, Debian 12, Fedora 35 and later): PySide6 6.10 and later
    # ship no older Linux wheel, and an older one would be another Qt than the one tested.
    "linux-x86_64": ["manylinux_2_34_x86_64", "manylinux_2_28_x86_64", "manylinux_2_17_x86_64",
                     "manylinux2014_x86_64"],
}


def pip(*args: str) -> None:
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True)


def build_own_wheel(out: Path) -> Path:
    """MRS Desktop's own wheel, built from this checkout into `out`."""
    for old in out.glob("mrs_desktop-*.whl"):
        old.unlink()
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out),
                    str(ROOT)], check=True, cwd=ROOT)
    (wheel,) = out.glob("mrs_desktop-*.whl")
    return wheel


def collect(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    wheel = build_own_wheel(out)
    for tags in PLATFORMS.values():
        platform_args = [arg for tag in tags for arg in ("--platform", tag)]
        pip("download", "--dest", str(out), "--only-binary=:all:", "--python-version",
            PYTHON_VERSION, "--implementation", "cp", *platform_args, str(wheel))
    size = sum(p.stat().st_size for p in out.glob("*.whl")) / 1e6
    print(f"{len(list(out.glob('*.whl')))} wheels, {size:.0f} MB in {out}")


def check(out: Path) -> None:
    """Installs from the wheelhouse alone into a fresh virtual environment and runs `mrs`;
    then asks pip, offline, whether the Windows set resolves (it cannot be installed here)."""
    with tempfile.TemporaryDirectory(prefix="mrs-wheelhouse-") as tmp:
        venv = Path(tmp, "venv")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
        python = bin_dir / ("python.exe" if os.name == "nt" else "python")
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-index",
                        "--find-links", str(out), "mrs-desktop"], check=True)
        version = subprocess.run([str(bin_dir / "mrs"), "--version"], check=True,
                                 capture_output=True, text=True).stdout.strip()
        print(f"installed offline: {version}")
        assert shutil.which("mrs-desktop", path=str(bin_dir)), "mrs-desktop was not installed"
        pip("install", "--dry-run", "--quiet", "--no-index", "--find-links", str(out),
            "--only-binary=:all:", "--python-version", PYTHON_VERSION, "--implementation", "cp",
            "--platform", "win_amd64", "--target", str(Path(tmp, "windows")), "mrs-desktop")
        print("the Windows x64 set resolves offline")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "wheelhouse")
    parser.add_argument("--check", action="store_true", help="test the wheelhouse instead")
    args = parser.parse_args()
    if f"{sys.version_info.major}.{sys.version_info.minor}" != PYTHON_VERSION:
        sys.exit(f"run this with Python {PYTHON_VERSION}: pip evaluates the dependencies' "
                 "markers with the Python that runs it")
    (check if args.check else collect)(args.out.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
