"""The main window: a sidebar of pages, menus, toolbar, shortcuts, status bar, saved layout."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QVBoxLayout,
    QWidget,
)

from ..db.store import Store
from ..domain.changes import Changes
from ..services.node_summary import node_summary
from . import look, settings
from .context import AppContext
from .pages.base import Page
from .pages.registry import page_specs


class MainWindow(QMainWindow):
    """Owns the store and the context; pages never call each other, the window routes actions."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.ctx = AppContext(store, self)
        self.setMinimumSize(QSize(960, 600))
        self._specs = page_specs()
        self._built: dict[int, Page] = {}
        self._build_body()
        self._build_actions()
        self._build_menus_and_toolbar()
        self._build_status_bar()
        self.setAcceptDrops(True)  # a .mrsbundle dropped anywhere opens the import preview
        self.ctx.undo_changed.connect(self._update_undo_actions)
        self.ctx.changes_applied.connect(self._on_changes)
        self.ctx.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.ctx.navigate.connect(self._navigate)
        self._show_node()
        self._restore_layout()
        self._update_undo_actions()

    # Layout ------------------------------------------------------------------------------------

    def _build_body(self) -> None:
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(190)
        self.stack = QStackedWidget()
        self.sidebar.setIconSize(QSize(20, 20))
        for spec in self._specs:
            QListWidgetItem(look.page_icon(spec.name), spec.title(), self.sidebar)
            slot = QWidget()  # holds the page once it is first shown
            QVBoxLayout(slot).setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(slot)
        self.sidebar.currentRowChanged.connect(self._show_page)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

    def _action(self, text: str, shortcut: QKeySequence | str | None, slot, *, tip: str = "",
                icon: str | None = None) -> QAction:
        action = QAction(text, self)
        if icon:
            action.setIcon(look.icon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip or text.replace("&", "").replace("…", ""))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.act_new = self._action(self.tr("&New…"), key.New, lambda: self.current_page().create(),
                                    icon="new")
        self.act_find = self._action(self.tr("&Find"), key.Find, lambda: self.current_page().focus_search())
        self.act_import = self._action(self.tr("&Import spreadsheet…"), "Ctrl+I", self.import_spreadsheet,
                                       icon="import")
        self.act_export = self._action(self.tr("&Export current view…"), "Ctrl+E",
                                       lambda: self.current_page().export_view(), icon="export")
        self.act_import_bundle = self._action(self.tr("Import &bundle…"), "Ctrl+Shift+I",
                                              lambda: self.import_bundle(),
                                              icon="import")
        self.act_export_bundle = self._action(self.tr("Export b&undle…"), "Ctrl+Shift+E",
                                              lambda: self.export_bundle(),
                                              icon="export")
        self.act_meeting_brief = self._action(self.tr("&Meeting brief…"), None, self.make_meeting_brief,
                                              tip=self.tr("Write the action-plan progress report (PDF)"))
        self.act_verify_certificate = self._action(
            self.tr("&Verify certificate…"), "Ctrl+Shift+V", self.verify_certificate,
            tip=self.tr("Check a certificate number or the text of its QR code"))
        self.act_certificate_identity = self._action(
            self.tr("Certificate &identity…"), None, self.edit_certificate_identity,
            tip=self.tr("The ministry's national-language name and logo on this node's certificates"))
        self.act_backup = self._action(self.tr("&Back up database…"), None, self.back_up_now, icon="backup")
        self.act_preferences = self._action(self.tr("&Preferences…"), "Ctrl+,", self.show_preferences,
                                            icon="preferences")
        self.act_refresh = self._action(self.tr("&Refresh"), key.Refresh, lambda: self.current_page().refresh(),
                                        icon="refresh")
        self.act_undo = self._action(self.tr("&Undo"), key.Undo, lambda: self.ctx.undo_last(self), icon="undo")
        self.act_redo = self._action(self.tr("&Redo"), "Ctrl+Shift+Z", lambda: self.ctx.redo_last(self),
                                     icon="redo")
        self.act_quit = self._action(self.tr("&Quit"), key.Quit, self.close)
        self.act_about = self._action(self.tr("&About MRS Desktop"), None, self.show_about)
        self.page_actions = []
        for number, spec in enumerate(self._specs, start=1):
            action = self._action(spec.title(), f"Ctrl+{number}" if number < 10 else None,
                                  lambda _=False, n=number - 1: self.sidebar.setCurrentRow(n))
            self.page_actions.append(action)

    def _build_menus_and_toolbar(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.file_menu = file_menu
        for action in (self.act_import, self.act_export, None, self.act_import_bundle, self.act_export_bundle,
                       None, self.act_meeting_brief, self.act_verify_certificate,
                       self.act_certificate_identity, None, self.act_backup,
                       self.act_preferences,
                       None, self.act_quit):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit = menu.addMenu(self.tr("&Edit"))
        for action in (self.act_undo, self.act_redo, None, self.act_new, self.act_find):
            edit.addSeparator() if action is None else edit.addAction(action)
        view = menu.addMenu(self.tr("&View"))
        for action in self.page_actions:
            view.addAction(action)
        view.addSeparator()
        view.addAction(self.act_refresh)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(18, 18))
        for action in (self.act_new, self.act_import, self.act_export, None, self.act_undo, self.act_redo,
                       None, self.act_refresh):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        self.busy_label = QLabel()
        self.statusBar().addPermanentWidget(self.busy_label)
        self.ctx.runner.busy_changed.connect(
            lambda busy: self.busy_label.setText(self.tr("Working…") if busy else ""))

    # Pages -------------------------------------------------------------------------------------

    @property
    def pages(self) -> list[Page]:
        """Every page, building those not shown yet."""
        return [self._page(row) for row in range(len(self._specs))]

    def _page(self, row: int) -> Page:
        page = self._built.get(row)
        if page is None:
            page = self._specs[row].build(self.ctx)
            saved = settings.qsettings().value(f"pages/{page.name}")
            if isinstance(saved, dict):
                page.restore_state(saved)
            self.stack.widget(row).layout().addWidget(page)
            self._built[row] = page
        return page

    def current_page(self) -> Page:
        return self._page(max(0, self.stack.currentIndex()))

    def show_page(self, name: str) -> Page | None:
        for row, spec in enumerate(self._specs):
            if spec.name == name:
                self.sidebar.setCurrentRow(row)
                return self._page(row)
        return None

    def _navigate(self, name: str, filters: dict) -> None:
        page = self.show_page(name)
        if page is not None:
            page.apply_filter(filters)

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        page = self._page(row)
        self.stack.setCurrentIndex(row)
        self.act_new.setEnabled(page.can_create())
        self.act_find.setEnabled(page.can_search())
        self.act_export.setEnabled(page.can_export())
        self.setWindowTitle(self._title_base + " — " + page.title())

    def _on_changes(self, changes: Changes) -> None:
        if changes:
            self.statusBar().showMessage(self.tr("Saved."), 4000)

    def _update_undo_actions(self) -> None:
        undo, redo = self.ctx.undo.undo_label, self.ctx.undo.redo_label
        self.act_undo.setEnabled(undo is not None)
        self.act_undo.setText(self.tr("&Undo {action}").format(action=undo) if undo else self.tr("&Undo"))
        self.act_redo.setEnabled(redo is not None)
        self.act_redo.setText(self.tr("&Redo {action}").format(action=redo) if redo else self.tr("&Redo"))

    def _show_node(self) -> None:
        node = node_summary(self.store)
        if node is None:
            self._title_base = self.tr("MRS Desktop")
        else:
            self._title_base = self.tr("MRS Desktop — {country}, {organisation}").format(
                country=node.country_name, organisation=node.organisation)
        self.setWindowTitle(self._title_base)
        self.statusBar().showMessage(self.tr("Database: {path}").format(path=self.store.path))

    # Import wizard picks the register of the page on show; the others default to assessors.
    IMPORT_KINDS = {"assessors": "assessors", "trainings": "trainings", "action_plans": "action-items",
                    "assessments": "assessments"}

    def import_spreadsheet(self) -> None:
        from .dialogs.import_wizard import run_import_wizard

        run_import_wizard(self.ctx, self, self.IMPORT_KINDS.get(self.current_page().name, "assessors"))

    def import_bundle(self, path=None):
        """File ▸ Import bundle… (or a .mrsbundle dropped on the window): preview, then import."""
        from .dialogs.sync_flow import BundleImport

        flow = self.bundle_import = BundleImport(self.ctx, self)
        flow.start(path) if path is not None else flow.choose()
        return flow

    def export_bundle(self):
        from .dialogs.sync_flow import BundleExport

        flow = self.bundle_export = BundleExport(self.ctx, self)
        flow.ask()
        return flow

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and _bundle_url(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _bundle_url(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.import_bundle(path)

    def make_meeting_brief(self) -> None:
        from .meeting_brief import make_meeting_brief  # reportlab loads on first use only

        make_meeting_brief(self.ctx, self)

    def verify_certificate(self):
        """File ▸ Verify certificate… (Ctrl+Shift+V): one non-modal dialog, raised if already open."""
        from .dialogs.certificate_verify import VerifyDialog

        if getattr(self, "verify_dialog", None) is None:
            self.verify_dialog = VerifyDialog(self.ctx, self)
        self.verify_dialog.show()
        self.verify_dialog.raise_()
        self.verify_dialog.activateWindow()
        return self.verify_dialog

    def back_up_now(self) -> None:
        from . import backups

        backups.back_up_now(self.ctx, self)

    def edit_certificate_identity(self) -> None:
        from .dialogs.certificate_identity import CertificateIdentityDialog

        CertificateIdentityDialog(self.store, self).exec()

    def show_preferences(self) -> None:
        from ..services import maintenance
        from .dialogs.preferences import PreferencesDialog

        PreferencesDialog(self, backups_folder=maintenance.backups_folder(self.store)).exec()

    def show_about(self) -> None:
        from .dialogs.about import AboutDialog

        AboutDialog(self).exec()

    # Saved layout ------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        store = settings.qsettings()
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        state = store.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.show_page(settings.LAST_PAGE.get(store)) or self.sidebar.setCurrentRow(0)

    def save_layout(self) -> None:
        store = settings.qsettings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        settings.LAST_PAGE.set(self.current_page().name, store)
        for page in self._built.values():
            store.setValue(f"pages/{page.name}", page.save_state())
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx.runner.busy:  # let the job finish: a write is never cut short
            self.statusBar().showMessage(self.tr("Finishing the current job…"))
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.ctx.runner.wait(-1)
            finally:
                QApplication.restoreOverrideCursor()
        self.save_layout()
        from . import backups  # (imported here: closing is the only time it is needed)

        backups.backup_on_exit(self.store)  # only if the user asked for it; never blocks closing
        self.store.close()
        super().closeEvent(event)


def _bundle_url(mime):
    from .dialogs.sync_flow import dropped_bundle  # (imported on a drop: not needed at start)

    return dropped_bundle(mime)
