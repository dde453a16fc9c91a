"""Print preview of certificates inside the app, then Print… or Save as PDF….

The certificates are rendered once, on the worker, into a temporary PDF (the same file
`mrs cert print` writes). QtPdf shows its pages here and renders each one again as an image for
the printer chosen in the platform's print dialog; "Save as PDF" copies the file itself.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRect, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import MrsError, StoreProblem
from ..services import certificates
from .context import AppContext
from .export import export_folder

MAX_PRINT_DPI = 300  # sharp text and QR modules; a 600 dpi A4 page would be a 140 MB image


def tr(text: str) -> str:
    return QCoreApplication.translate("PrintPreview", text)


class PrintPreview(QDialog):
    """The rendered certificates, page after page; owns the temporary PDF, removed on close."""

    def __init__(self, pdf: Path, *, suggested_name: str, note: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.setWindowTitle(tr("Print preview — certificates"))
        self.resize(1000, 720)
        self.document = QPdfDocument(self)
        error = self.document.load(str(pdf))
        if error != QPdfDocument.Error.None_:
            raise StoreProblem(f"could not open the rendered certificates {pdf}: {error.name}")
        self.view = QPdfView(self)
        self.view.setObjectName("preview_pages")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setPageSpacing(12)
        self._build(note)
        self.finished.connect(lambda _result: self._remove_file())

    def _build(self, note: str) -> None:
        pages = self.document.pageCount()
        self.summary = QLabel(tr("1 certificate") if pages == 1
                              else tr("{n} certificates").format(n=pages))
        self.summary.setObjectName("preview_summary")
        if note:
            self.summary.setText(self.summary.text() + " · " + note)
        self.where = QLabel()
        self.where.setObjectName("preview_page")
        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._show_where)
        self._show_where(navigator.currentPage())
        self.fit_page = QPushButton(tr("Whole &page"))
        self.fit_width = QPushButton(tr("Page &width"))
        self.fit_page.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.fit_width.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.print_button = QPushButton(tr("&Print…"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip(tr("Print (Ctrl+P)"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button = QPushButton(tr("&Save as PDF…"))
        self.save_button.clicked.connect(self.save_with_dialog)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.summary)
        bar.addSpacing(16)
        bar.addWidget(self.where)
        bar.addStretch(1)
        for button in (self.fit_page, self.fit_width, self.save_button, self.print_button, close):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)

    def _show_where(self, page: int) -> None:
        self.where.setText(tr("page {page} of {pages}").format(page=page + 1,
                                                              pages=self.page_count()))

    # Printing -------------------------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount()

    def new_printer(self) -> QPrinter:
        """A4 landscape, the certificates' own page, with the printer's own margins (at least)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name.removesuffix(".pdf"))
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                          QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0)))
        printer.setFromTo(1, self.page_count())
        return printer

    def print_with_dialog(self) -> None:
        printer = self.new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintSelection, False)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, False)
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            sent = self.print_to(printer)
        except MrsError as exc:
            QMessageBox.warning(self, tr("Nothing was printed"), str(exc))
            return
        self.where.setText(tr("{n} pages sent to {printer}").format(
            n=sent, printer=printer.printerName() or printer.outputFileName()))

    def print_to(self, printer: QPrinter) -> int:
        """Paint every page (or the range chosen) on `printer`; returns the pages sent."""
        first, last = 1, self.page_count()
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage(), min(printer.toPage() or last, last)
        pages = list(range(first - 1, last))
        progress = QProgressDialog(tr("Sending the certificates to the printer…"), tr("Cancel"),
                                   0, len(pages), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        painter = QPainter()
        if not painter.begin(printer):
            progress.close()
            raise StoreProblem(tr("could not start printing on {printer}").format(
                printer=printer.printerName() or printer.outputFileName()))
        sent = 0
        try:
            for done, page in enumerate(pages):
                progress.setValue(done)
                if progress.wasCanceled():
                    printer.abort()
                    break
                if done:
                    printer.newPage()
                self._paint_page(painter, printer, page)
                sent += 1
        finally:
            painter.end()
            progress.close()
        return sent

    def _paint_page(self, painter: QPainter, printer: QPrinter, page: int) -> None:
        """The page as an image at the printer's resolution (300 dpi at most), fitted into the
        printable area with its proportions kept and centred."""
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        size = QSize(area.width(), area.height())
        points = self.document.pagePointSize(page)
        fitted = points.toSize().scaled(size, Qt.AspectRatioMode.KeepAspectRatio)
        scale = min(1.0, MAX_PRINT_DPI / max(1, printer.resolution()))
        image = self.document.render(page, QSize(round(fitted.width() * scale),
                                                 round(fitted.height() * scale)))
        if image.isNull():
            raise StoreProblem(f"could not render page {page + 1} of {self.pdf}")
        if image.hasAlphaChannel():  # transparent paper prints as black on some drivers
            image = image.convertToFormat(QImage.Format.Format_RGB32)  # (render fills white)
        target = QRect((size.width() - fitted.width()) // 2, (size.height() - fitted.height()) // 2,
                       fitted.width(), fitted.height())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, image)

    # Saving ---------------------------------------------------------------------------------------

    def save_with_dialog(self) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("Save the certificates as PDF"), str(export_folder() / self.suggested_name),
            tr("PDF document (*.pdf)"))
        if not name:
            return None
        path = Path(name)
        if path.suffix.casefold() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            return self.save_to(path)
        except MrsError as exc:
            QMessageBox.warning(self, tr("Nothing was saved"), str(exc))
            return None

    def save_to(self, path: Path) -> Path:
        try:
            shutil.copyfile(self.pdf, path)
        except OSError as exc:
            raise StoreProblem(f"could not save the certificates to {path}: {exc.strerror}") \
                from exc
        return path

    def _remove_file(self) -> None:
        self.document.close()  # Windows keeps an open file from being removed
        shutil.rmtree(self.pdf.parent, ignore_errors=True)


def suggested_name(numbers: Sequence[str], today: date | None = None) -> str:
    if len(numbers) == 1:
        return f"certificate-{numbers[0]}.pdf"
    return f"certificates-{(today or date.today()).isoformat()}.pdf"


def preview_certificates(ctx: AppContext, parent: QWidget | None, numbers: Sequence[str], *,
                         note: str = "", on_shown=None) -> None:
    """Render the certificates on the worker (progress and Cancel for many), then the preview."""
    store = ctx.store  # captured now: the job never touches widgets
    numbers = list(numbers)
    folder = Path(tempfile.mkdtemp(prefix="mrs-print-"))
    pdf = folder / suggested_name(numbers)

    def job(progress) -> int:
        return certificates.print_certificates(store, pdf, numbers, progress)

    def done(_pages: int) -> None:
        try:
            preview = PrintPreview(pdf, suggested_name=pdf.name, note=note, parent=parent)
        except StoreProblem as exc:
            shutil.rmtree(folder, ignore_errors=True)
            ctx.explain(exc, parent)
            return
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.show()
        if on_shown is not None:
            on_shown(preview)

    def failed(exc: BaseException) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        ctx.explain(exc, parent)

    label = (tr("Preparing the certificate…") if len(numbers) == 1
             else tr("Preparing {n} certificates…").format(n=len(numbers)))
    ctx.runner.run(job, on_done=done, on_error=failed, label=label, parent=parent)
