"""packaging/archive.py: the archive an IT officer copies keeps the programs runnable."""

from __future__ import annotations

import importlib.util
import os
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("archive", ROOT / "packaging" / "archive.py")
archive = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(archive)


def test_the_archive_keeps_programs_links_and_no_owner(tmp_path):
    folder = tmp_path / "mrs-desktop"
    (folder / "_internal").mkdir(parents=True)
    program = folder / "mrs-desktop"
    program.write_bytes(b"\x7fELF" + os.urandom(4096))
    program.chmod(0o755)
    (folder / "_internal" / "data.txt").write_text("resources", encoding="utf-8")
    if os.name != "nt":
        (folder / "mrs").symlink_to("mrs-desktop")
    packed = archive.pack(folder)
    assert packed.parent == tmp_path
    assert packed.name.startswith(f"mrs-desktop-{archive.version()}-")
    if sys.platform == "win32":
        with zipfile.ZipFile(packed) as z:
            assert "mrs-desktop/mrs-desktop" in z.namelist()
        return
    assert packed.name.endswith(".tar.xz")
    with tarfile.open(packed) as t:
        members = {m.name: m for m in t.getmembers()}
    assert members["mrs-desktop/mrs-desktop"].mode & 0o111
    assert members["mrs-desktop/mrs"].issym() and members["mrs-desktop/mrs"].linkname == "mrs-desktop"
    assert {(m.uid, m.uname) for m in members.values()} == {(0, "")}
    assert "mrs-desktop/_internal/data.txt" in members


def test_only_a_one_folder_build_is_packed(tmp_path):
    with pytest.raises(SystemExit, match="_internal"):
        archive.pack(tmp_path)
