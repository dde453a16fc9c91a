"""What the frozen app carries and leaves out: the rules packaging/mrs-desktop.spec applies.

Kept apart from the spec so that the tests can check them, and so that each rule says why.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePath

# Python packages the app never imports, that a library's optional import would pull in.
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "pydoc_data", "lib2to3", "unittest", "doctest",
    "pytest", "_pytest", "hypothesis", "importlinter", "grimp", "IPython",
    "numpy", "matplotlib", "PyQt5", "PyQt6", "PySide2",
    # Pillow is here for two things: QR matrices (documents/qr.py) and the logo reportlab draws
    # (PNG or JPEG); not its AVIF and WebP codecs (5 MB of libraries), colour management, fonts,
    # or Tk and Qt bridges.
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL.ImageTk",
    "PIL._imagingtk", "PIL.ImageCms", "PIL._imagingcms", "PIL.ImageFont", "PIL._imagingft",
    "PIL.ImageQt", "PIL.ImageShow",
    # zstandard's C backend does the work; its CFFI twin is a second copy of zstd.
    "zstandard.backend_cffi", "zstandard._cffi",
    # The app is offline: no TLS (Python's ssl drags OpenSSL in, 5.7 MB with libssl and
    # libcrypto). hashlib then uses its built-in sha256, blake2 and md5; nothing here needs
    # OpenSSL's extras (hashlib.scrypt, pbkdf2_hmac, or a hashlib.new() name only it knows).
    "ssl", "_ssl", "_hashlib",
    # The app signs and encrypts with PyNaCl; cryptography (11 MB) stays out even if a library
    # would import it when present.
    "cryptography",
    # Pygments (1.7 MB) is Mako's optional highlighter of template errors (Alembic's scripts).
    "pygments", "mako.ext.pygmentplugin",
    # SQLAlchemy dialects of database servers: the app opens SQLite files only. (PostgreSQL's
    # stays: Alembic's ddl package imports it. MySQL's, Oracle's and SQL Server's are only named
    # for type checkers there.) Nor SQLAlchemy's asyncio extension: the app's sessions are plain.
    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.oracle", "sqlalchemy.dialects.mssql",
    "sqlalchemy.ext.asyncio", "sqlalchemy.testing",
    # charset_normalizer guesses the encoding of an XMP file for reportlab, which the
    # certificates do not carry. (The CJK codecs stay, 0.9 MB: on a Windows PC set to Chinese,
    # Japanese or Korean, Python opens its standard streams in that code page as it starts.)
    "charset_normalizer",
    # Standard library parts nothing here runs: decimal's pure-Python twin of _decimal, process
    # pools, XML-RPC and the help browser.
    "_pydecimal", "multiprocessing", "xmlrpc", "pydoc",
    # Qt modules the app does not use (it draws its own charts; QtNetwork stays for the local
    # socket that hands a double-clicked bundle to the running window; QtSvg for the icons;
    # QtPrintSupport, QtPdf and QtPdfWidgets for the certificates' print preview).
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest", "PySide6.QtQuick3D", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick", "PySide6.QtWebChannel",
    "PySide6.QtWebSockets", "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic", "PySide6.Qt3DAnimation", "PySide6.Qt3DExtras", "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets", "PySide6.QtSpatialAudio", "PySide6.QtDesigner",
    "PySide6.QtHelp", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSql",
    "PySide6.QtTest", "PySide6.QtConcurrent", "PySide6.QtUiTools", "PySide6.QtXml",
    "PySide6.QtDBus", "PySide6.QtCharts", "PySide6.QtDataVisualization", "PySide6.QtGraphs",
    "PySide6.QtBluetooth", "PySide6.QtNfc", "PySide6.QtPositioning", "PySide6.QtLocation",
    "PySide6.QtSensors", "PySide6.QtSerialPort", "PySide6.QtSerialBus", "PySide6.QtTextToSpeech",
    "PySide6.QtRemoteObjects", "PySide6.QtScxml", "PySide6.QtStateMachine",
    "PySide6.QtHttpServer", "PySide6.QtNetworkAuth", "PySide6.QtWebView",
]

# Qt libraries of those modules, reached through plugins (e.g. the Qt Quick based ones). Also
# Qt's own Wayland client (2.8 MB with its plugins and the QtOpenGL they alone need): on a
# Wayland desktop Qt falls back to its X11 (xcb) platform, which XWayland serves on every
# mainstream distribution (docs/installers.md).
_UNUSED_QT = re.compile(
    r"libQt6(Qml|Quick|WebEngine|WebChannel|WebSockets|3D|Multimedia|SpatialAudio|Designer|Help"
    r"|Sql|Test|Concurrent|UiTools|Xml|Charts|DataVisualization|Graphs|Bluetooth|Nfc|Positioning"
    r"|Location|Sensors|Serial|TextToSpeech|RemoteObjects|Scxml|StateMachine|HttpServer"
    r"|NetworkAuth|WebView|VirtualKeyboard|ShaderTools|PdfQuick|EglFSDeviceIntegration"
    r"|EglFsKmsSupport|EglFsKmsGbmSupport|WaylandClient|WlShellIntegration|WaylandEgl"
    r"|OpenGL)")

# Qt plugin folders and plugins left out: the gtk3 theme drags GTK, Pango and Cairo in; the
# embedded-display and remote platforms (eglfs, linuxfb, vnc, vkkhrdisplay) have no use on a
# laptop; the app is offline (no TLS, no network-state plugins); image formats it never reads;
# the on-screen keyboard is Qt Quick; Wayland goes through XWayland (above). Kept: xcb,
# offscreen (tests), the xdg portal theme (file dialogs), compose and ibus input (Thai, Khmer,
# Lao and Myanmar keyboards), svg icons, jpeg (the certificates' logo), cups printing.
_UNUSED_PLUGIN = re.compile(
    r"plugins/(platformthemes/libqgtk3|platforms/(libq(eglfs|linuxfb|vnc|minimal|minimalegl"
    r"|vkkhrdisplay|wayland))|wayland-[a-z-]+/|platforminputcontexts/libqtvirtualkeyboard"
    r"|imageformats/(lib)?q(tga|tiff|webp|wbmp|icns|pdf)"
    r"|egldeviceintegrations/|generic/|tls/|networkinformation/|sqldrivers/|multimedia/"
    r"|qmltooling/|position/|sensors/|texttospeech/|virtualkeyboard/|designer/)")

# What may come from the build machine's own /lib and /usr/lib: the libraries Python itself is
# linked with (a desktop may have other versions of them), the xcb-util family that Qt's xcb
# plugin needs and some desktops lack, and Kerberos, which QtNetwork is linked with. The rest
# (X11, OpenGL, glib, fontconfig, freetype, dbus, cups, libstdc++) every desktop has, in the
# versions that match its display server and GPU driver: a copy from here would shadow them
# (FIELD_NOTES; an old libstdc++ breaks a newer system's OpenGL driver).
_SYSTEM_LIBRARY_KEPT = re.compile(
    r"lib(python3|sqlite3|ffi|z|bz2|lzma|expat|uuid|mpdec"
    r"|xcb-(icccm|keysyms|image|render-util|cursor|util)|xkbcommon-x11"
    r"|gssapi_krb5|krb5|krb5support|k5crypto|com_err|keyutils)\.so")

_SYSTEM_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")

# OpenSSL, which PyInstaller's Qt hook adds for QtNetwork's TLS plugin (left out above) and
# Python's ssl and hashlib would load (left out too): nothing in the folder is linked with it.
_OPENSSL = re.compile(r"lib(ssl|crypto)(-\d+(-x64)?)?\.(so|dll)", re.IGNORECASE)


def keep_binary(dest: str, source: str | None) -> bool:
    """Whether a library or plugin found by PyInstaller goes into the folder."""
    dest = dest.replace("\\", "/")
    name = PurePath(dest).name
    if _UNUSED_QT.search(name) or _UNUSED_PLUGIN.search(dest) or _OPENSSL.match(name):
        return False
    source = (source or "").replace("\\", "/")
    return not source.startswith(_SYSTEM_DIRS) or bool(_SYSTEM_LIBRARY_KEPT.match(name))


def keep_data(dest: str) -> bool:
    """Whether a data file found by PyInstaller goes into the folder (not Qt's translations,
    not the unused modules' QML or resources, not build records)."""
    dest = dest.replace("\\", "/")
    # A package's software bill of materials (platformdirs: 0.5 MB) is for its own build; its
    # RECORD (PySide6's: 0.3 MB) lists its files for pip. The About box reads METADATA.
    return not re.search(
        r"PySide6/Qt/(translations|qml|resources/qtwebengine)|\.dist-info/(sboms/|RECORD$)", dest)


def prune(binaries: list[tuple], datas: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Analysis' binaries and datas (dest, source, typecode) without what the rules leave out,
    nor the symbolic links to what they leave out."""
    def wanted(entry: tuple) -> bool:
        dest, source, kind = entry[0], entry[1], entry[2]
        if kind == "SYMLINK":
            return True  # decided below, by its target
        return keep_binary(dest, source) if kind in ("BINARY", "EXTENSION") else keep_data(dest)

    binaries = [e for e in binaries if wanted(e)]
    datas = [e for e in datas if wanted(e)]
    files = {PurePath(e[0]).as_posix() for e in binaries + datas if e[2] != "SYMLINK"}

    def target_kept(entry: tuple) -> bool:
        if entry[2] != "SYMLINK":
            return True
        target = os.path.normpath(PurePath(entry[0]).parent / entry[1])
        return PurePath(target).as_posix() in files and keep_binary(entry[0], None)

    return [e for e in binaries if target_kept(e)], [e for e in datas if target_kept(e)]


def data_files(root: Path) -> list[tuple[str, str]]:
    """(source, folder in the bundle) of every file the app loads at run time. `paths.py` finds
    ui/ and resources/ inside the package, as in a wheel; Alembic reads the migration scripts
    (as source) from beside db/migrate.py."""
    pairs = [(root / "ui", "mrs_desktop/ui")]
    for path in sorted((root / "resources").rglob("*")):
        # Translation sources (.ts) are for translators; the app loads the compiled .qm.
        if path.is_file() and path.suffix != ".ts" and "__pycache__" not in path.parts:
            pairs.append((path, str(PurePath("mrs_desktop", path.relative_to(root).parent))))
    migrations = root / "mrs_desktop" / "db" / "migrations"
    for path in sorted(migrations.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".mako") and "__pycache__" not in path.parts:
            pairs.append((path, str(PurePath("mrs_desktop", path.relative_to(root / "mrs_desktop").parent))))
    return [(str(source), dest) for source, dest in pairs]
