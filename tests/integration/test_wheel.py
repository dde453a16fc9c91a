"""The built wheel, installed in a fresh virtual environment, runs and finds its ui/ and resources/.

The fresh environment gets the wheel only; its dependencies are borrowed from this test
environment through a .pth line (no network). A .pth listed that way is not itself processed, so
the editable install of this checkout stays invisible there and the wheel's own copy is imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = "Scripts" if os.name == "nt" else "bin"

pytestmark = pytest.mark.slow


def run(*cmd, env=None, cwd=None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, encoding="utf-8",
                            timeout=180, env=env, cwd=cwd)
    assert result.returncode == 0, f"{cmd}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out, ROOT, cwd=ROOT)
    (built,) = out.glob("mrs_desktop-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("fresh")
    target = home / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", target)
    python = target / SCRIPTS / ("python.exe" if os.name == "nt" else "python")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
        "--disable-pip-version-check", "--quiet", wheel)
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    (site / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return target


def fresh_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MRS_DB")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp), XDG_DATA_HOME=str(tmp / "data"))
    return env


def test_the_wheel_carries_ui_resources_forms_and_migrations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "mrs_desktop/resources/reference/countries.json",
        "mrs_desktop/resources/reference/aqrf_levels.json",
        "mrs_desktop/resources/reference/sectors.json",
        "mrs_desktop/db/migrations/env.py",
        "mrs_desktop/db/migrations/script.py.mako",
        "mrs_desktop/gui/forms/ui_assessor_editor.py",
        "mrs_desktop/resources/fonts/OFL.txt",
        "mrs_desktop/resources/translations/mrs_desktop_km.qm",
    }
    expected |= {f"mrs_desktop/ui/{p.name}" for p in (ROOT / "ui").glob("*.ui")}
    expected |= {f"mrs_desktop/db/migrations/versions/{p.name}"
                 for p in (ROOT / "mrs_desktop/db/migrations/versions").glob("*.py")}
    assert "mrs_desktop/ui/assessor_editor.ui" in expected
    assert expected <= names, expected - names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc") or n.startswith("tests/")]
    entry_points = zipfile.ZipFile(wheel).read("mrs_desktop-" + wheel.name.split("-")[1]
                                               + ".dist-info/entry_points.txt").decode()
    assert "mrs = mrs_desktop.cli.main:main" in entry_points
    assert "mrs-desktop = mrs_desktop.gui.app:main" in entry_points


CHECK = """
import json, sys
from pathlib import Path
import mrs_desktop
from mrs_desktop import paths
from mrs_desktop.db import migrate
from mrs_desktop.db.store import open_store
from mrs_desktop.domain.reference import countries
from mrs_desktop.services.node import init_node
from mrs_desktop.services.overview import register_counts

store = open_store(Path(sys.argv[1]))
info = init_node(store, country="LAO", organisation="Ministry of Labour and Social Welfare")
print(json.dumps({
    "package": mrs_desktop.__file__,
    "countries_file": str(paths.resource("reference", "countries.json")),
    "ui_dir": str(paths.ui_dir()),
    "migrations": str(migrate.MIGRATIONS),
    "country_name": countries()[info.country].name,
    "counts": len(register_counts(store)),
}))
"""


def test_the_installed_package_finds_its_files_and_opens_a_store(venv, tmp_path):
    python = venv / SCRIPTS / "python"
    out = run(python, "-c", CHECK, tmp_path / "office.sqlite", env=fresh_env(tmp_path), cwd=tmp_path)
    found = json.loads(out.stdout)
    for key in ("package", "countries_file", "ui_dir", "migrations"):
        assert Path(found[key]).resolve().is_relative_to(venv.resolve()), (key, found[key])
    assert Path(found["ui_dir"], "assessor_editor.ui").is_file()
    assert found["country_name"] == "Lao PDR" and found["counts"] == 7
    assert (tmp_path / "office-node.key").is_file()


def test_the_console_scripts_run_from_the_wheel(venv, tmp_path):
    bin_dir = venv / SCRIPTS
    assert (bin_dir / "mrs").exists() or (bin_dir / "mrs.exe").exists()
    assert (bin_dir / "mrs-desktop").exists() or (bin_dir / "mrs-desktop.exe").exists()
    env = fresh_env(tmp_path)

    version = run(bin_dir / "mrs", "--version", env=env, cwd=tmp_path).stdout
    assert version.startswith("mrs 0.1") and "schema" in version
    db = tmp_path / "mrs.sqlite"
    run(bin_dir / "mrs", "--db", db, "init", "--country", "MMR", "--organisation",
        "Department of Labour", env=env, cwd=tmp_path)
    node = json.loads(run(bin_dir / "mrs", "--db", db, "node", "--json", env=env, cwd=tmp_path).stdout)
    assert node["country"] == "MMR"
    assert run(bin_dir / "mrs-desktop", "--version", env=env, cwd=tmp_path).stdout.startswith("mrs-desktop 0.1")


WINDOW = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from mrs_desktop.gui.app import open_window
app = QApplication([])
window = open_window(Path(sys.argv[1]))
window.show_page("assessors").create()  # the assessor editor, built from the wheel's form
print(window.windowTitle())
print(sys.modules["mrs_desktop.gui.forms.ui_assessor_editor"].__file__)
window.close()
"""


def test_the_main_window_builds_from_the_wheel(venv, tmp_path):
    env = fresh_env(tmp_path)
    db = tmp_path / "mrs.sqlite"
    run(venv / SCRIPTS / "mrs", "--db", db, "init", "--country", "VNM", "--organisation",
        "Directorate of Vocational Education and Training", env=env, cwd=tmp_path)
    title, form = run(venv / SCRIPTS / "python", "-c", WINDOW, db, env=env, cwd=tmp_path).stdout.splitlines()
    assert title.startswith("MRS Desktop — Viet Nam, Directorate of Vocational Education and Training")
    assert Path(form).resolve().is_relative_to(venv.resolve())
