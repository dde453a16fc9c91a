"""About MRS Desktop: version, schema, and the licences of what it ships with."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ... import __version__
from ...db.schema import HEAD
from ...paths import resource

# The libraries the app runs on, with their licences as their authors state them.
LIBRARIES = (
    ("PySide6 (Qt for Python)", "PySide6-Essentials", "LGPL-3.0"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("Alembic", "alembic", "MIT"),
    ("PyNaCl", "PyNaCl", "Apache-2.0"),
    ("libsodium (inside PyNaCl)", None, "ISC"),
    ("openpyxl", "openpyxl", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
)


def _version(distribution: str | None) -> str:
    if distribution is None:  # shipped inside another library's package, which has the version
        return ""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


def licences_html() -> str:
    rows = "".join(f"<tr><td>{name}</td><td>{_version(dist)}</td><td>{licence}</td></tr>"
                   for name, dist, licence in LIBRARIES)
    fonts = resource("fonts")
    font_files = sorted(p.name for p in fonts.glob("*.ttf")) if fonts.is_dir() else []
    if font_files:
        rows += f"<tr><td>Noto fonts ({len(font_files)} files)</td><td></td><td>SIL OFL 1.1</td></tr>"
    return f"<table cellspacing='6'>{rows}</table>"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About MRS Desktop"))
        text = QLabel(self.tr(
            "<h2>MRS Desktop {version}</h2>"
            "<p>The register, assessment and sync tool of an ASEAN national skills focal point, "
            "for the ILO's Mutual Recognition of Skills programme.</p>"
            "<p>Database schema revision {schema}.</p>"
            "<h3>Built with</h3>{licences}").format(version=__version__, schema=HEAD,
                                                   licences=licences_html()))
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
