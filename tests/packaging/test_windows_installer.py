"""The Windows installer script (packaging/windows/mrs-desktop.nsi) compiled by NSIS's makensis
against a stand-in for the one-folder build (the real one is only built on Windows), and its
promises read from the script: per-user, HKCU only, the user's data never removed."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import platformdirs.windows
import pytest

import mrs_desktop
from mrs_desktop.db import store

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "windows" / "mrs-desktop.nsi"
WORKFLOW = ROOT / ".github" / "workflows" / "windows-installer.yml"
STAND_IN = {  # the one-folder build's layout (packaging/mrs-desktop.spec): two programs, _internal
    "mrs-desktop.exe": b"MZ" + bytes(4000),
    "mrs.exe": b"MZ" + bytes(3000),
    "_internal/python311.dll": bytes(2000),
    "_internal/PySide6/Qt6Core.dll": bytes(2000),
    "_internal/mrs_desktop/resources/icons/app.svg": b"<svg/>",
}


def makensis(*defines: str) -> subprocess.CompletedProcess:
    return subprocess.run(["makensis", "-V4", "-WX", *defines, str(SCRIPT)],
                          check=False, capture_output=True, text=True, timeout=300)


@pytest.fixture
def app_dir(tmp_path) -> Path:
    folder = tmp_path / "dist" / "mrs-desktop"
    for name, data in STAND_IN.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def test_makensis_builds_the_installer_from_the_one_folder_app(app_dir, tmp_path):
    out = tmp_path / f"mrs-desktop-{mrs_desktop.__version__}-setup.exe"
    result = makensis(f"-DVERSION={mrs_desktop.__version__}", f"-DAPP_DIR={app_dir}",
                      f"-DOUT_FILE={out}")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr  # -WX: no warnings
    data = out.read_bytes()
    assert data[:2] == b"MZ" and b"Nullsoft" in data  # a Windows program: NSIS's installer
    assert re.search(rb"PE\0\0\x64\x86", data[:1024])  # x86-64, like the app
    for name in STAND_IN:  # every file of the build went in
        assert f'File: "{Path(name).name}"' in result.stdout, name
    assert f"{mrs_desktop.__version__}" in data.decode("utf-16-le", "ignore")  # version resource


def test_makensis_refuses_to_build_without_the_version(app_dir, tmp_path):
    result = makensis(f"-DAPP_DIR={app_dir}", f"-DOUT_FILE={tmp_path / 'x-setup.exe'}")
    assert result.returncode != 0
    assert "-DVERSION=" in result.stdout + result.stderr
    assert not (tmp_path / "x-setup.exe").exists()


def script_lines() -> list[str]:
    """The script's statements, without comments."""
    text = SCRIPT.read_text(encoding="utf-8")
    lines = [line.split(";", 1)[0].strip() for line in text.splitlines()]
    return [line for line in lines if line]


def test_it_installs_for_the_current_user_without_administrator_rights():
    lines = script_lines()
    assert "RequestExecutionLevel user" in lines
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_NAME}"' in lines
    registry = [line for line in lines if re.match(r"(Write|Delete|Read)Reg", line)]
    assert len(registry) > 10
    assert all(re.search(r"\bHKCU\b", line) for line in registry), registry
    text = SCRIPT.read_text(encoding="utf-8")
    assert not any(word in text for word in ("HKLM", "$PROGRAMFILES", "SetShellVarContext all"))


def test_double_click_on_a_bundle_runs_the_app_on_that_file():
    lines = script_lines()
    assert 'WriteRegStr HKCU "Software\\Classes\\${BUNDLE_EXT}" "" "${PROG_ID}"' in lines
    assert ("WriteRegStr HKCU \"Software\\Classes\\${PROG_ID}\\shell\\open\\command\" \"\" "
            "'\"$INSTDIR\\${EXE}\" \"%1\"'") in lines
    assert '!define BUNDLE_EXT ".mrsbundle"' in lines
    assert any(line.startswith('CreateShortcut "$SMPROGRAMS\\') for line in lines)


def test_the_data_folder_it_keeps_is_the_one_the_app_uses(monkeypatch):
    """The app's folder is platformdirs' (db/store.py); the uninstaller must never touch it."""
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda csidl: "<" + csidl + ">")
    windows = platformdirs.windows.Windows(store.APP_NAME, store.APP_AUTHOR, roaming=False)
    folder = windows.user_data_dir
    expected = folder.replace("<CSIDL_LOCAL_APPDATA>", "$LOCALAPPDATA").replace("/", "\\")
    assert f'!define DATA_DIR "{expected}"' in script_lines()
    uninstall = SCRIPT.read_text(encoding="utf-8").split('Section "Uninstall"', 1)[1]
    removals = [line.strip() for line in uninstall.splitlines()
                if re.match(r"\s*(Delete|RMDir)\b", line)]
    assert removals and all("$INSTDIR" in r or "$SMPROGRAMS" in r for r in removals), removals
    assert "DATA_DIR" not in "\n".join(removals) and "ILO-MRS" not in uninstall


def test_the_ci_workflow_builds_with_the_files_that_exist_here():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in text and 'python-version: "3.11"' in text
    for path in re.findall(r"(packaging\\[\w\\.-]+\.(?:spec|nsi))", text):
        assert (ROOT / path.replace("\\", "/")).is_file(), path
    assert "packaging\\mrs-desktop.spec" in text and "packaging\\windows\\mrs-desktop.nsi" in text
