"""The rules of packaging/freeze_rules.py: what the frozen app carries and what it leaves out."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("freeze_rules", ROOT / "packaging" / "freeze_rules.py")
rules = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rules)

QT = "/venv/site-packages/PySide6/Qt"


def test_every_resource_ui_form_and_migration_is_carried():
    pairs = rules.data_files(ROOT)
    dests = {(Path(src).name, dest.replace("\\", "/")) for src, dest in pairs}
    assert ("ui", "mrs_desktop/ui") in dests
    assert ("NotoSansThai-Bold.ttf", "mrs_desktop/resources/fonts") in dests
    assert ("OFL.txt", "mrs_desktop/resources/fonts") in dests
    assert ("countries.json", "mrs_desktop/resources/reference") in dests
    assert ("mrs_desktop_km.qm", "mrs_desktop/resources/translations") in dests
    assert ("env.py", "mrs_desktop/db/migrations") in dests
    assert ("0001_initial_schema.py", "mrs_desktop/db/migrations/versions") in dests
    shipped = sum(1 for p in (ROOT / "resources").rglob("*") if p.is_file() and p.suffix != ".ts")
    assert sum(1 for _, dest in dests if "resources" in dest) == shipped
    assert not [src for src, _ in pairs if src.endswith((".ts", ".pyc"))]


def test_unused_qt_modules_and_plugins_are_left_out():
    assert not rules.keep_binary("PySide6/Qt/lib/libQt6Qml.so.6", f"{QT}/lib/libQt6Qml.so.6")
    assert not rules.keep_binary("PySide6/Qt/lib/libQt6Quick.so.6", f"{QT}/lib/libQt6Quick.so.6")
    assert not rules.keep_binary("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "x")
    assert not rules.keep_binary("PySide6/Qt/plugins/platforms/libqeglfs.so", "x")
    assert not rules.keep_binary("PySide6/Qt/plugins/imageformats/libqwebp.so", "x")
    assert not rules.keep_binary("PySide6/Qt/plugins/tls/libqopensslbackend.so", "x")
    # Wayland goes through XWayland: Qt's Wayland client, its plugins and the QtOpenGL they need.
    for gone in ("lib/libQt6WaylandClient.so.6", "lib/libQt6WlShellIntegration.so.6",
                 "lib/libQt6OpenGL.so.6", "plugins/platforms/libqwayland.so",
                 "plugins/wayland-shell-integration/libxdg-shell.so",
                 "plugins/wayland-decoration-client/libadwaita.so",
                 "plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so"):
        assert not rules.keep_binary(f"PySide6/Qt/{gone}", f"{QT}/{gone}"), gone
    for kept in ("lib/libQt6Pdf.so.6", "lib/libQt6PdfWidgets.so.6", "lib/libQt6PrintSupport.so.6",
                 "lib/libQt6Svg.so.6", "lib/libQt6Network.so.6", "plugins/platforms/libqxcb.so",
                 "plugins/platforms/libqoffscreen.so", "plugins/imageformats/libqjpeg.so",
                 "plugins/xcbglintegrations/libqxcb-glx-integration.so",
                 "plugins/imageformats/libqsvg.so",
                 "plugins/iconengines/libqsvgicon.so",
                 "plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
                 "plugins/printsupport/libcupsprintersupport.so"):
        assert rules.keep_binary(f"PySide6/Qt/{kept}", f"{QT}/{kept}"), kept
    assert not rules.keep_data("PySide6/Qt/translations/qtbase_th.qm")
    assert not rules.keep_data("platformdirs-4.14.7.dist-info/sboms/platformdirs.cdx.json")
    assert not rules.keep_data("pyside6_essentials-6.11.3.dist-info/RECORD")
    assert rules.keep_data("platformdirs-4.14.7.dist-info/METADATA")  # the About box's versions


def test_what_an_offline_app_does_not_run_is_left_out():
    """OpenSSL (the app is offline: Python's ssl and hashlib's OpenSSL half, Qt's TLS), the
    server databases' dialects, highlighting; not what the app runs. The CJK codecs stay: Python
    needs the code page of a Windows set to Chinese, Japanese or Korean as it starts."""
    excluded = set(rules.EXCLUDED_MODULES)
    for name in ("ssl", "_ssl", "_hashlib", "cryptography", "pygments", "sqlalchemy.dialects.mysql",
                 "sqlalchemy.ext.asyncio", "charset_normalizer"):
        assert name in excluded, name
    for needed in ("hashlib", "_sha256", "_blake2", "sqlalchemy.dialects.sqlite",
                   "sqlalchemy.dialects.postgresql", "unicodedata", "email", "nacl", "asyncio",
                   "_multibytecodec", "_codecs_cn", "_codecs_tw", "_codecs_hk", "_codecs_jp",
                   "_codecs_kr"):
        assert needed not in excluded, needed
    system = "/usr/lib/x86_64-linux-gnu/"
    for name in ("libssl.so.3", "libcrypto.so.3", "libssl-3-x64.dll", "libcrypto-3-x64.dll"):
        assert not rules.keep_binary(name, system + name), name
    assert rules.keep_binary("libk5crypto.so.3", system + "libk5crypto.so.3")  # QtNetwork's


def test_the_desktops_libraries_stay_on_the_desktop():
    system = "/usr/lib/x86_64-linux-gnu/"
    for name in ("libX11.so.6", "libGL.so.1", "libEGL.so.1", "libglib-2.0.so.0", "libgtk-3.so.0",
                 "libfontconfig.so.1", "libfreetype.so.6", "libdbus-1.so.3", "libstdc++.so.6",
                 "libpango-1.0.so.0", "libxcb.so.1", "libxkbcommon.so.0"):
        assert not rules.keep_binary(name, system + name), name
    for name in ("libsqlite3.so.0", "libgssapi_krb5.so.2", "libffi.so.8",
                 "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"):
        assert rules.keep_binary(name, system + name), name
    # A wheel's own copy (auditwheel names it with a hash) is no desktop's library.
    assert rules.keep_binary("pillow.libs/libxcb-9065bb12.so.1.1.0",
                             "/venv/site-packages/pillow.libs/libxcb-9065bb12.so.1.1.0")


def test_links_to_what_is_left_out_go_too():
    binaries = [("PySide6/Qt/lib/libQt6Qml.so.6", f"{QT}/lib/libQt6Qml.so.6", "BINARY"),
                ("PySide6/Qt/lib/libQt6Core.so.6", f"{QT}/lib/libQt6Core.so.6", "BINARY")]
    links = [("libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Qml.so.6", "SYMLINK"),
             ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK")]
    kept_binaries, kept_links = rules.prune(binaries, links)
    assert [e[0] for e in kept_binaries] == ["PySide6/Qt/lib/libQt6Core.so.6"]
    assert [e[0] for e in kept_links] == ["libQt6Core.so.6"]
