"""Smoke test of the frozen app (issue 6 part 2): the one-folder build made by
packaging/mrs-desktop.spec starts its window on a database, and its command line initialises,
imports, exports a bundle and prints certificates: no data file or hidden import is missing.

The build (35 s on a quiet 2-core machine, 4 minutes on a loaded one) is made once for this
module, with this environment's PyInstaller. MRS_FROZEN_APP=path/to/mrs-desktop tests a folder
built beforehand instead (a CI workflow that builds first, then runs this module against it).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from mrs_desktop.db.schema import HEAD

ROOT = Path(__file__).resolve().parents[2]
EXE = ".exe" if os.name == "nt" else ""
FIXTURES = ROOT / "tests" / "fixtures" / "spreadsheets"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    """The one-folder build: dist/mrs-desktop/ with `mrs-desktop` and `mrs` at its top."""
    given = os.environ.get("MRS_FROZEN_APP")
    if given:
        return Path(given).resolve()
    out = tmp_path_factory.mktemp("frozen")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"),
         str(ROOT / "packaging" / "mrs-desktop.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr[-4000:]
    print(f"frozen build: {time.monotonic() - started:.0f} s")
    return out / "dist" / "mrs-desktop"


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path


def frozen_env(home: Path, **extra: str) -> dict[str, str]:
    """The user's folders in `home`, offscreen Qt, and nothing of this test environment's Python."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "MRS_DB", "VIRTUAL_ENV")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), APPDATA=str(home / "appdata"),
               LOCALAPPDATA=str(home / "localappdata"), **extra)
    return env


def mrs(app: Path, home: Path, *args: str, db: str = "mrs.sqlite") -> str:
    done = subprocess.run([str(app / f"mrs{EXE}"), "--db", str(home / db), *args],
                          env=frozen_env(home), cwd=home, capture_output=True, text=True,
                          encoding="utf-8", timeout=300, check=False)
    assert done.returncode == 0, f"mrs {' '.join(args)}\n{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr
    return done.stdout


def test_both_programs_sit_at_the_top_of_one_folder(app):
    assert (app / f"mrs-desktop{EXE}").is_file()
    assert (app / f"mrs{EXE}").is_file()
    internal = app / "_internal"
    assert (internal / "mrs_desktop" / "resources" / "fonts" / "NotoSansKhmer-Regular.ttf").is_file()
    assert (internal / "mrs_desktop" / "ui" / "assessor_editor.ui").is_file()
    assert (internal / "mrs_desktop" / "db" / "migrations" / "env.py").is_file()
    assert list((internal / "mrs_desktop" / "resources" / "translations").glob("*.qm"))
    assert not list((internal / "mrs_desktop" / "resources" / "translations").glob("*.ts"))
    if sys.platform.startswith("linux"):  # the desktop integration travels in the folder
        assert (app / "linux" / "install.sh").is_file()


def test_unused_qt_and_the_desktops_own_libraries_are_not_copied(app):
    names = {p.name for p in app.rglob("*") if not p.is_dir()}
    if os.name == "nt":
        left_out = ("Qt6Qml.dll", "Qt6Quick.dll", "Qt6WebEngineCore.dll", "Qt6Multimedia.dll")
        assert "Qt6Pdf.dll" in names and "Qt6PrintSupport.dll" in names
    else:
        left_out = ("libX11.", "libGL.", "libEGL.", "libgtk-3", "libglib-2.0", "libfontconfig",
                    "libdbus-1", "libstdc++", "libQt6Qml.", "libQt6Quick.", "libqgtk3",
                    # trimmed for the size budget (packaging/freeze_rules.py says why)
                    "libssl.", "libcrypto.", "_ssl.", "_hashlib.", "libQt6WaylandClient.",
                    "libqwayland", "libQt6OpenGL.", "_rust.")
        assert "libQt6Pdf.so.6" in names and "libQt6PrintSupport.so.6" in names
    copied = sorted(n for n in names if n.startswith(left_out))
    assert not copied, copied


def test_every_module_of_the_app_imports_and_qt_handles_thai_and_khmer(app, home):
    """Pages are imported when first opened: each module is imported here, in the folder, so a
    module the freeze left out shows now, not on a user's laptop. Qt sorts Thai in Thai order
    and finds the words of Thai and Khmer text (dictionaries of the cut ICU data)."""
    done = subprocess.run([str(app / f"mrs-desktop{EXE}")],
                          env=frozen_env(home, MRS_SELF_CHECK="1"), cwd=home,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    found = json.loads([ln for ln in done.stdout.splitlines() if ln.startswith("{")][-1])
    assert found["failed"] == {}
    assert found["modules"] > 150
    assert found["thai_sorted"] == ["กา", "ไก่", "ขวด", "ข้าว"]
    assert found["words"] > 12  # not 3 runs of letters: the Thai and Khmer words were found
    # Windows set to Chinese, Japanese, Korean, Thai or Vietnamese: Python's standard streams
    # take that code page at start, so its codec must be in the folder.
    assert all(found["code_pages"].values()), found["code_pages"]


def test_the_window_starts_offscreen_on_a_database(app, home):
    mrs(app, home, "init", "--country", "KHM", "--organisation", "Ministry of Labour")
    done = subprocess.run([str(app / f"mrs-desktop{EXE}"), "--db", str(home / "mrs.sqlite")],
                          env=frozen_env(home, MRS_START_PROBE="1"), cwd=home,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    probe = json.loads([ln for ln in done.stdout.splitlines() if ln.startswith("{")][-1])
    assert probe["title"].startswith("MRS Desktop — Cambodia, Ministry of Labour")
    assert "svg" in probe["image_formats"]  # the sidebar's icons
    assert "jpeg" in probe["image_formats"]  # the certificates' logo
    assert "Traceback" not in done.stderr


def test_without_qts_wayland_client_the_window_falls_back_to_the_next_platform(app, home):
    """Qt's Wayland client is left out: on a Wayland desktop Qt asks for "wayland;xcb" and
    takes xcb (through XWayland). Here the next platform is offscreen."""
    mrs(app, home, "init", "--country", "THA", "--organisation", "Ministry of Labour")
    env = frozen_env(home, MRS_START_PROBE="1", WAYLAND_DISPLAY="wayland-0")
    env["QT_QPA_PLATFORM"] = "wayland;offscreen"
    done = subprocess.run([str(app / f"mrs-desktop{EXE}"), "--db", str(home / "mrs.sqlite")],
                          env=env, cwd=home, capture_output=True, text=True, encoding="utf-8",
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    probe = json.loads([ln for ln in done.stdout.splitlines() if ln.startswith("{")][-1])
    assert probe["title"].startswith("MRS Desktop — Thailand")


def test_the_command_line_imports_exports_and_prints(app, home):
    assert mrs(app, home, "--version").startswith("mrs ")
    mrs(app, home, "init", "--country", "KHM", "--organisation", "Ministry of Labour")
    assert "Imported" in mrs(app, home, "import", "assessors", str(FIXTURES / "assessors.csv"))
    mrs(app, home, "export", "assessors", str(home / "assessors.xlsx"))  # openpyxl
    mrs(app, home, "import", "--dry-run", "assessors", str(home / "assessors.xlsx"))
    assert "no problems" in mrs(app, home, "check")
    # Demo data (assessments, certificates, action plans) goes into a database of its own.
    demo = {"db": "demo.sqlite"}
    mrs(app, home, "init", "--country", "KHM", "--organisation", "Ministry of Labour", **demo)
    mrs(app, home, "demo", **demo)
    mrs(app, home, "bundle", "export", "--full", str(home / "out.mrsbundle"), **demo)
    assert (home / "out.mrsbundle").stat().st_size > 10_000
    # A signature checked (PyNaCl, and hashlib's own sha256 without OpenSSL's)...
    number = next(ln.split()[0] for ln in mrs(app, home, "cert", "list", **demo).splitlines()
                  if ln.startswith("KHM-"))
    assert mrs(app, home, "cert", "verify", number, **demo).startswith("Valid: genuine")
    # ...and a name found by a part of it in Thai script (unicodedata, the app's own order).
    thai = json.loads(mrs(app, home, "assessors", "list", "--country", "THA", "--json", **demo))
    person = next(p for p in thai if p["name_native"])
    found = json.loads(mrs(app, home, "assessors", "list", "--search",
                           person["name_native"].split()[-1], "--json", **demo))
    assert person["id"] in [p["id"] for p in found]
    mrs(app, home, "cert", "print", str(home / "certificates.pdf"), **demo)
    mrs(app, home, "report", "action-plan", str(home / "brief.pdf"), **demo)
    for pdf in ("certificates.pdf", "brief.pdf"):
        assert (home / pdf).read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):  # the fonts and shaping travelled: Khmer text is extractable
        text = subprocess.run(["pdftotext", str(home / "certificates.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "CERTIFICATE" in text
        assert any("\u1780" <= ch <= "\u17ff" for ch in text)


def test_an_old_database_is_backed_up_then_migrated(app, home):
    """The migration scripts travel as files that Alembic reads: the oldest released fixture
    goes through every one of them."""
    for suffix in ("", "-wal", "-shm"):
        source = ROOT / "tests" / "fixtures" / "db" / f"0001.sqlite{suffix}"
        if source.exists():
            shutil.copy(source, home / f"old.sqlite{suffix}")
    assert "Sok Dara" in mrs(app, home, "node", db="old.sqlite")  # its focal point
    (backup,) = (home / "backups").glob("old-before-*.sqlite")
    query = "SELECT version_num FROM alembic_version"
    for path, revision in ((backup, "0001"), (home / "old.sqlite", HEAD)):
        with closing(sqlite3.connect(path)) as db:
            assert db.execute(query).fetchone() == (revision,)
