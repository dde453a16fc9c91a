"""A table model over a list of record ids; rows are fetched in pages as the view shows them.

100,000 ids cost a few MB; only the rows on screen (and a page around them) are built, so a
register of any size opens and scrolls at once (FIELD_NOTES: QStandardItemModel takes seconds
and 500 MB for the same).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Generic, Sequence, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
PAGE = 100
_UNREAD = object()  # not in the cache (a record `fetch` did not return is cached as None)


@dataclass(frozen=True)
class Column(Generic[Row]):
    key: str  # stable name: settings, sorting, export
    title: str  # translated header
    text: Callable[[Row], Any]
    align_right: bool = False


class IdTableModel(QAbstractTableModel, Generic[Row]):
    """Subclasses give the columns and `fetch(ids) -> rows`; ids come from a query.

    Rows that carry an `id` are matched to their ids by it, so a record removed between the
    query and the fetch leaves an empty row instead of shifting the rows after it onto the wrong
    ids; rows without an `id` must come one per id, in the same order.
    """

    def __init__(self, columns: Sequence[Column[Row]], fetch: Callable[[list[str]], list[Row]],
                 parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch = fetch
        self._ids: list[str] = []
        self._cache: dict[str, Row | None] = {}

    # The list of ids --------------------------------------------------------------------------

    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._cache.clear()
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def id_at(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def forget(self, ids: set[str]) -> None:
        """Drop cached rows that changed; the view re-reads them when it repaints."""
        stale = ids & self._cache.keys()
        for record_id in stale:
            del self._cache[record_id]
        if stale:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    def row(self, row: int) -> Row | None:
        """The record shown at `row`; None if it was not found (removed since the ids were read)."""
        record_id = self._ids[row]
        cached = self._cache.get(record_id, _UNREAD)
        if cached is _UNREAD:
            self._load_page(row)
            cached = self._cache.get(record_id)
        return cached

    def _load_page(self, row: int) -> None:
        start = max(0, row - PAGE // 4)
        wanted = [i for i in self._ids[start:start + PAGE] if i not in self._cache]
        found = self._fetch(wanted)
        by_id = {getattr(r, "id", None): r for r in found}
        if len(by_id) == len(found) and None not in by_id:
            # Missing ids are remembered as None: asking again on every paint would not find them.
            self._cache.update((i, by_id.get(i)) for i in wanted)
        else:  # rows without an id: one per id, in order
            self._cache.update(zip(wanted, found))
            self._cache.update((i, None) for i in wanted[len(found):])
        if len(self._cache) > 20 * PAGE:  # keep memory flat while scrolling far
            keep = set(self._ids[start:start + PAGE])
            self._cache = {k: v for k, v in self._cache.items() if k in keep}

    # Qt's model interface ---------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            record = self.row(index.row())
            value = None if record is None else column.text(record)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return section + 1
