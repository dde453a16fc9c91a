"""What the main window expects of a page: a title, refresh on changes, and optional actions."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...domain.changes import Changes
from ..context import AppContext


class Page(QWidget):
    """A sidebar page. The window routes Ctrl+N, Ctrl+F, Ctrl+E and F5 to the current page."""

    name = "page"  # stable key for settings ("last page")
    registers: frozenset[str] = frozenset()  # the registers whose changes this page shows

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        ctx.changes_applied.connect(self._on_changes)

    def title(self) -> str:
        """The sidebar's label: each page sets its translated window title."""
        return self.windowTitle()

    def _on_changes(self, changes: Changes) -> None:
        if changes.registers & self.registers:
            self.on_changes(changes)

    def on_changes(self, changes: Changes) -> None:
        """Default: re-read everything. Register pages do better (keep selection, drop stale rows)."""
        self.refresh()

    def refresh(self) -> None:
        """Re-read the page's data (F5)."""

    # Optional actions; the window disables its menu item when a page returns False.
    def can_create(self) -> bool:
        return False

    def create(self) -> None:
        """Ctrl+N: open an editor for a new record."""

    def can_search(self) -> bool:
        return False

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the page's search box."""

    def can_export(self) -> bool:
        return False

    def export_view(self) -> None:
        """Ctrl+E: export what the page shows (filters applied)."""

    def apply_filter(self, filters: dict) -> None:
        """Show the records matching `filters` (a dashboard figure was clicked); keys per page."""

    def save_state(self) -> dict:
        """Column widths and such, stored by the window in QSettings."""
        return {}

    def restore_state(self, state: dict) -> None:
        """Counterpart of save_state."""
