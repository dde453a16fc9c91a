"""The certificates page: every certificate this node holds (its own and those partners' bundles
brought), narrowed as she types and by status, the selected one in full below; revoke, verify,
and print preview (then Print… or Save as PDF) of the selected certificates or all shown."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...services.certificate_queries import CertificateRow
from ...services.certificates import list_certificates
from ..context import AppContext
from ..models.certificates import CertificateTableModel, ShownCertificate, status_names
from ..widgets import choices
from .base import Page
from .certificates_details import CertificateDetails
from .register_view import (
    add_row_actions,
    column_widths,
    fit_columns,
    register_table,
    select_id,
    selected_id,
    set_column_widths,
)


class CertificatesPage(Page):
    name = "certificates"
    registers = frozenset({"certificate", "assessment", "candidate"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Certificates"))
        self.home = ctx.store.node.country if ctx.store.node else None
        self.all: list[ShownCertificate] = []
        self.loading = False  # True while the worker reads the certificates
        self.revoke_dialog = self.verify_dialog = self.preview = None  # kept for tests, screenshots
        self._build_bar()
        self.model = CertificateTableModel(self.home, self)
        self.table = register_table(self.model, self, name="certificates")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        fit_columns(self.table, {"number": 15, "holder": 20, "holder_native": 16, "occupation": 28,
                                 "level": 9, "kind": 15, "issued_on": 10, "status": 7})
        self.details = CertificateDetails(self)
        self._layout()
        self._connect()
        self.refresh()

    def _build_bar(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search number, holder, occupation…"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setObjectName("status_filter")
        choices.fill(self.status, ((name, code) for code, name in status_names().items()),
                     blank=self.tr("Any status"))
        self.count = QLabel()
        self.count.setObjectName("count")
        self.verify_button = QPushButton(self.tr("&Verify certificate…"))
        self.verify_button.setToolTip(
            self.tr("Check a certificate number or QR text (Ctrl+Shift+V)"))
        self.print_button = QPushButton(self.tr("&Print preview…"))
        self.print_button.setToolTip(self.tr(
            "Preview, print or save as PDF the selected certificates, or all shown (Ctrl+P)"))
        self.revoke_button = QPushButton(self.tr("&Revoke…"))

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.count)
        bar.addStretch(1)
        for button in (self.verify_button, self.print_button, self.revoke_button):
            bar.addWidget(button)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("certificates_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _text: self.apply_search())
        self.status.currentIndexChanged.connect(lambda _i: self.apply_search())
        self.verify_button.clicked.connect(self.verify)
        self.print_button.clicked.connect(self.print_preview)
        self.revoke_button.clicked.connect(self.revoke)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        add_row_actions(self.table, ((self.tr("Print preview…"), QKeySequence.StandardKey.Print,
                                      self.print_preview),
                                     (self.tr("Revoke…"), QKeySequence.StandardKey.Delete,
                                      self.revoke)))
        printing = QAction(self)  # Ctrl+P anywhere on the page, not only in the table
        printing.setShortcut(QKeySequence.StandardKey.Print)
        printing.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        printing.triggered.connect(self.print_preview)
        self.addAction(printing)

    # Reading --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read every certificate on the worker (a few thousand at most, one query: 50–200 ms
        for the large demo's 1,300); the search and the status filter then work on them here."""
        store = self.ctx.store
        self.loading = True
        def job(_progress) -> list[ShownCertificate]:
            return [ShownCertificate.of(row) for row in list_certificates(store)]

        self.ctx.runner.run(job, on_done=self._loaded, on_error=self._not_loaded)

    def _loaded(self, shown: list[ShownCertificate]) -> None:
        self.all, self.loading = shown, False
        self.apply_search()

    def _not_loaded(self, exc: BaseException) -> None:
        self.loading = False
        self.ctx.explain(exc, self)

    def apply_search(self) -> None:
        """Narrow to the search words and status; the selected certificate stays selected."""
        chosen = selected_id(self.table)
        text, status = self.search.text(), choices.current(self.status)
        rows = [shown for shown in self.all if shown.matches(text, status)]
        self.model.set_rows(rows)
        self.count.setText(self.tr("1 certificate") if len(rows) == 1
                           else self.tr("{n} certificates").format(n=len(rows)))
        if not select_id(self.table, chosen, scroll=False):
            self._show_selected()

    def selected_rows(self) -> list[CertificateRow]:
        indexes = sorted(self.table.selectionModel().selectedRows(), key=lambda index: index.row())
        found = (self.model.row_by_id(self.model.id_at(index.row())) for index in indexes)
        return [shown.row for shown in found if shown is not None]

    def current(self) -> CertificateRow | None:
        chosen = selected_id(self.table)
        shown = self.model.row_by_id(chosen) if chosen else None
        return shown.row if shown else None

    def shown_rows(self) -> list[CertificateRow]:
        return [self.model.row_by_id(i).row for i in self.model.ids()]

    def _show_selected(self) -> None:
        rows = self.selected_rows()
        self.details.show_certificate(rows[0] if len(rows) == 1 else None)
        self.revoke_button.setEnabled(len(rows) == 1 and self._revocable(rows[0]))
        self.print_button.setEnabled(any(self._printable(r) for r in (rows or self.shown_rows())))

    def _revocable(self, row: CertificateRow) -> bool:
        return row.country == self.home and row.status == "valid"

    def _printable(self, row: CertificateRow) -> bool:
        """Only the issuer prints, and never a revoked certificate."""
        return row.country == self.home and row.status == "valid"

    # Actions --------------------------------------------------------------------------------------

    def revoke(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1 or not self._revocable(rows[0]):
            return
        from ..dialogs.certificate_revoke import RevokeDialog

        dialog = self.revoke_dialog = RevokeDialog(self.ctx, rows[0], self.window())
        dialog.open()

    def verify(self) -> None:
        from ..dialogs.certificate_verify import VerifyDialog

        if self.verify_dialog is None:
            self.verify_dialog = VerifyDialog(self.ctx, self.window())
        self.verify_dialog.show()
        self.verify_dialog.raise_()
        self.verify_dialog.activateWindow()
        self.verify_dialog.text.setFocus()

    def print_preview(self) -> None:
        """The selected certificates, or all shown; those this node may not print are left out."""
        chosen = self.selected_rows() or self.shown_rows()
        numbers = [row.number for row in chosen if self._printable(row)]
        left_out = len(chosen) - len(numbers)
        if not numbers:
            QMessageBox.information(self, self.tr("Print preview"), self.tr(
                "There is nothing to print: only valid certificates issued here can be printed."))
            return
        note = "" if not left_out else (
            self.tr("1 revoked or partner's certificate left out") if left_out == 1
            else self.tr("{n} revoked or partners' certificates left out").format(n=left_out))
        from ..print_preview import preview_certificates  # QtPdf and reportlab: on first use

        preview_certificates(self.ctx, self.window(), numbers, note=note, on_shown=self._previewing)

    def _previewing(self, preview) -> None:
        self.preview = preview

    # Search, filters, layout ----------------------------------------------------------------------

    def can_search(self) -> bool:
        return True

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def apply_filter(self, filters: dict) -> None:
        """Keys: text, status (valid|revoked), number (to select)."""
        for widget in (self.search, self.status):
            widget.blockSignals(True)
        self.search.setText(str(filters.get("text") or ""))
        choices.select(self.status, filters.get("status"))
        for widget in (self.search, self.status):
            widget.blockSignals(False)
        self.apply_search()
        if filters.get("number"):
            select_id(self.table, filters["number"])

    def save_state(self) -> dict:
        return {"columns": column_widths(self.table), "splitter": self.splitter.sizes(),
                "status": choices.current(self.status) or ""}

    def restore_state(self, state: dict) -> None:
        set_column_widths(self.table, state.get("columns"))
        sizes = state.get("splitter")
        if isinstance(sizes, (list, tuple)) and len(sizes) == 2:
            with suppress(TypeError, ValueError):  # a hand-edited settings file: keep the default
                self.splitter.setSizes([int(s) for s in sizes])
        self.apply_filter({"status": state.get("status") or None})
