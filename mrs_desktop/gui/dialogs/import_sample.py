"""What the import wizard keeps of a spreadsheet: its first rows, the column mapping remembered
for its layout, and a plain table model to show rows and errors.

A column mapping is remembered per file layout (the kind of register and the file's sorted
column names), so next month's spreadsheet from the same ministry needs no matching at all.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from ...services.spreadsheets import read_table, template_columns
from .. import settings

IGNORE = ""  # the mapping's value for a column that is not imported
MAPPINGS_GROUP = "import_mappings"


# The file's sample ---------------------------------------------------------------------------------

SAMPLE_ROWS = 20


@dataclass
class Sample:
    """What the wizard keeps of the file: its header and first rows (not all of a large file)."""

    path: Path
    kind: str
    header: list[str]
    rows: list[tuple[int, list[str]]]
    total: int
    stamp: tuple[int, int]  # size and modification time: a saved-again file is read again


def file_stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def read_sample(path: Path, kind: str) -> Sample:
    """On the worker: the whole file is read (and refused if unreadable), only a sample kept."""
    table = read_table(path)
    return Sample(path, kind, list(table.header), table.rows[:SAMPLE_ROWS], len(table), file_stamp(path))


# Remembered mappings ---------------------------------------------------------------------------

def layout_key(kind: str, header: Sequence[str]) -> str:
    """The same columns in any order are the same layout."""
    digest = hashlib.sha256(json.dumps(sorted(header), ensure_ascii=False).encode("utf-8")).hexdigest()
    return f"{MAPPINGS_GROUP}/{kind}-{digest[:16]}"


def remembered_mapping(kind: str, header: Sequence[str]) -> dict[str, str] | None:
    """The mapping last used for this layout, limited to columns and fields that still exist."""
    raw = settings.qsettings().value(layout_key(kind, header))
    try:
        saved = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
    if not isinstance(saved, dict):
        return None
    fields = set(template_columns(kind))
    return {c: f for c, f in saved.items() if c in header and (f == IGNORE or f in fields)}


def remember_mapping(kind: str, header: Sequence[str], mapping: dict[str, str]) -> None:
    store = settings.qsettings()
    store.setValue(layout_key(kind, header), json.dumps(mapping, ensure_ascii=False))
    store.sync()


# A read-only table -----------------------------------------------------------------------------

class RowsModel(QAbstractTableModel):
    """Plain rows of text under column titles, with optional row labels (spreadsheet row numbers)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._titles: list[str] = []
        self._rows: list[list[str]] = []
        self._labels: list[str] = []

    def set_rows(self, titles: Sequence[str], rows: Sequence[Sequence[Any]],
                 labels: Sequence[Any] = ()) -> None:
        self.beginResetModel()
        self._titles = list(titles)
        self._rows = [["" if v is None else str(v) for v in row] for row in rows]
        self._labels = [str(label) for label in labels]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        return row[index.column()] if index.column() < len(row) else ""

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._titles[section] if 0 <= section < len(self._titles) else None
        return self._labels[section] if 0 <= section < len(self._labels) else str(section + 1)
