"""The Linux desktop files (packaging/linux/), checked by the distributions' own validators, and
installed by install.sh into a temporary ~/.local/share where a desktop would read them."""

from __future__ import annotations

import configparser
import io
import os
import re
import shutil
import stat
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import orjson
import pytest
from PIL import Image, ImageChops, ImageStat

import mrs_desktop
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.sync.bundle import write_bundle
from mrs_desktop.sync.keys import NodeKey

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.ilo.MrsDesktop"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"
MIME_TYPE = "application/x-mrsbundle"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# shared-mime-info ships its schema as the DTD inside its own database file.
FREEDESKTOP_MIME = Path("/usr/share/mime/packages/freedesktop.org.xml")


def run(*command: str | Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in command], check=False, capture_output=True, text=True,
                          timeout=120, env=env)


def icon_png(share: Path, size: int) -> Path:
    return share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


# --- the desktop entry ----------------------------------------------------------------------

def test_desktop_file_validate_accepts_the_entry():
    result = run("desktop-file-validate", DESKTOP)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_the_entry_opens_bundles_with_the_app_and_names_its_icon():
    entry = desktop_entry(DESKTOP)
    assert entry["Exec"] == "mrs-desktop %f"  # one file: `mrs-desktop FILE.mrsbundle`
    assert entry["MimeType"].split(";")[:-1] == [MIME_TYPE]
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"


# --- AppStream ------------------------------------------------------------------------------

def test_appstreamcli_validates_the_metainfo_pedantically():
    result = run("appstreamcli", "validate", "--no-net", "--pedantic", METAINFO)
    assert result.returncode == 0, result.stdout + result.stderr
    # The one remark allowed: the id's capital letters, as in every org.example.AppName.
    remarks = [line for line in result.stdout.splitlines() if re.match(r"^[EWIP]: ", line)]
    assert [r.split()[2] for r in remarks] == ["cid-contains-uppercase-letter"], result.stdout


def test_the_metainfo_agrees_with_the_app_and_the_desktop_entry():
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("project_license") == "Apache-2.0"
    assert component.find("content_rating").get("type") == "oars-1.1"
    assert component.find("releases/release").get("version") == mrs_desktop.__version__
    assert [m.text for m in component.findall("provides/mediatype")] == [MIME_TYPE]
    assert {b.text for b in component.findall("provides/binary")} == {"mrs-desktop", "mrs"}


def test_each_screenshot_is_a_picture_in_docs_with_its_real_size():
    images = ET.parse(METAINFO).getroot().findall("screenshots/screenshot/image")
    assert len(images) >= 3
    for image in images:
        name = image.text.rsplit("/", 1)[1]
        assert image.text.endswith(f"/docs/screenshots/{name}")
        with Image.open(ROOT / "docs" / "screenshots" / name) as png:
            assert png.size == (int(image.get("width")), int(image.get("height"))), name


# --- the MIME type --------------------------------------------------------------------------

@pytest.fixture
def mime_dtd(tmp_path) -> Path:
    text = FREEDESKTOP_MIME.read_text(encoding="utf-8")
    subset = re.search(r"<!DOCTYPE mime-info \[(.*?)\n\]>", text, re.DOTALL).group(1)
    path = tmp_path / "shared-mime-info.dtd"
    path.write_text(subset, encoding="utf-8")
    return path


def test_the_mime_xml_is_valid_against_shared_mime_infos_dtd(mime_dtd):
    result = run("xmllint", "--noout", "--dtdvalid", mime_dtd, MIME)
    assert result.returncode == 0, result.stderr


def test_the_dtd_check_does_catch_a_mistake(mime_dtd, tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text(MIME.read_text(encoding="utf-8").replace("<glob ", "<globe "),
                      encoding="utf-8")
    result = run("xmllint", "--noout", "--dtdvalid", mime_dtd, broken)
    assert result.returncode != 0 and "globe" in result.stderr


# --- icons ----------------------------------------------------------------------------------

def test_the_hicolor_icons_have_their_sizes_and_the_ico_holds_windows_sizes():
    hicolor = LINUX / "icons" / "hicolor"
    for size in ICON_SIZES:
        with Image.open(icon_png(LINUX, size)) as png:
            assert png.size == (size, size) and png.mode == "RGBA"
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (ROOT / "resources" / "icons" / "app.svg").read_bytes()
    with Image.open(ROOT / "resources" / "icons" / "app.ico") as ico:
        assert {16, 32, 48, 256} <= {w for w, _ in ico.info["sizes"]}


def test_the_pngs_are_drawn_from_the_current_app_svg(qapp):
    """After an edit of app.svg, make_icons.py must be run again (the PNGs are committed)."""
    sys.path.insert(0, str(LINUX))
    try:
        import make_icons
    finally:
        sys.path.remove(str(LINUX))
    for size in (16, 48, 256):
        fresh = Image.open(io.BytesIO(make_icons.render(size))).convert("RGBA")
        with Image.open(icon_png(LINUX, size)) as png:
            stored = png.convert("RGBA")
        difference = ImageStat.Stat(ImageChops.difference(fresh, stored)).mean  # per channel
        assert max(difference) < 2.0, f"the {size} px icon differs from app.svg: {difference}"


# --- install.sh into a temporary ~/.local/share -----------------------------------------------

@pytest.fixture
def app_folder(tmp_path) -> Path:
    """A stand-in for the unpacked one-folder build, in a folder with a space in its name."""
    folder = tmp_path / "MRS Desktop app"
    folder.mkdir()
    program = folder / "mrs-desktop"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return folder


@pytest.fixture
def data_home(tmp_path) -> Path:
    return tmp_path / "share"


def install(data_home: Path, *args: str | Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return run("sh", LINUX / "install.sh", *args, env=env)


def test_install_puts_every_file_where_desktops_look(data_home, app_folder):
    result = install(data_home, app_folder)
    assert result.returncode == 0, result.stderr
    entry_path = data_home / "applications" / DESKTOP.name
    entry = desktop_entry(entry_path)
    assert entry["Exec"] == f'"{app_folder}/mrs-desktop" %f'  # the archive is not on PATH
    assert entry["TryExec"] == f"{app_folder}/mrs-desktop"
    assert run("desktop-file-validate", entry_path).returncode == 0
    cache = (data_home / "applications" / "mimeinfo.cache").read_text()
    assert f"{MIME_TYPE}={DESKTOP.name};" in cache  # update-desktop-database ran
    assert (data_home / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    assert (data_home / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert f"{MIME_TYPE}:*.mrsbundle" in (data_home / "mime" / "globs2").read_text()
    for size in ICON_SIZES:
        assert icon_png(data_home, size).is_file()


def test_install_refuses_a_folder_without_the_program(data_home, tmp_path):
    result = install(data_home, tmp_path)
    assert result.returncode == 1 and "No mrs-desktop program found" in result.stderr
    assert not (data_home / "applications").exists()


def test_uninstall_takes_away_what_install_put(data_home, app_folder):
    assert install(data_home, app_folder).returncode == 0
    result = install(data_home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert list(data_home.rglob(f"*{APP_ID}*")) == []
    assert MIME_TYPE not in (data_home / "mime" / "globs2").read_text()
    assert (app_folder / "mrs-desktop").is_file()


def make_bundle(path: Path) -> Path:
    key = NodeKey.generate()
    node = uuid7()
    card = {"node_id": node, "country": "KHM", "organisation": "Ministry of Labour",
            "public_key": key.public_hex}
    manifest = {"schema": "0003", "bundle_id": uuid7(), "sender": card, "recipients": [],
                "created_at": "2025-06-15T15:06:40+00:00",
                "ranges": {node: ["", f"1750000000000.00001.{node}"]}, "acked": {},
                "counts": {"assessor": 1}, "nodes": [card], "key_rotation": None}
    write_bundle(path, manifest=manifest, changes=orjson.dumps([{"register": "assessor"}]),
                 signing_key=key)
    return path


def test_a_desktop_recognises_installed_bundles_by_name_and_by_content(data_home, app_folder,
                                                                        tmp_path):
    """Qt reads the same shared-mime-info database as GNOME and KDE file managers."""
    assert install(data_home, app_folder).returncode == 0
    bundle = make_bundle(tmp_path / "from-thailand.mrsbundle")
    renamed = tmp_path / "attachment"  # a mail client that dropped the extension
    shutil.copyfile(bundle, renamed)
    other_zip = tmp_path / "other"
    with zipfile.ZipFile(other_zip, "w") as zf:  # a ZIP with a manifest.json, not a bundle
        zf.writestr("manifest.json", '{"format":"something-else"}')
    script = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QCoreApplication, QMimeDatabase
        app = QCoreApplication([])
        db = QMimeDatabase()
        for path in sys.argv[1:]:
            print(db.mimeTypeForFile(path).name())
    """)
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "XDG_DATA_DIRS": "/usr/share"}
    result = run(sys.executable, "-c", script, bundle, renamed, other_zip, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [MIME_TYPE, MIME_TYPE, "application/zip"]
