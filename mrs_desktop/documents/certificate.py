"""Certificates of competency as one multi-page A4 landscape PDF, names shaped in any ASEAN script.

The parts every certificate of one issuer shares (border, logo, ministry, title, fixed labels) are
drawn once per batch as a PDF form and placed on each page; what differs (names, occupation,
units, dates, number, QR code) is drawn per page. The layout is described in docs/certificates.md.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from mrs_desktop.domain.errors import InputRejected, StoreProblem
from mrs_desktop.domain.task import Progress

from .fonts import Line, anchored_x, draw_line, fit_size, line_operators, place, shape_line
from .labels import national_labels
from .logo import logo_image
from .qr import draw_qr

WIDTH, HEIGHT = landscape(A4)
MARGIN = 60                       # left/right edge of the text inside the border
TEXT_WIDTH = WIDTH - 2 * MARGIN
CENTRE = WIDTH / 2
QR_WIDTH = 3.2 / 2.54 * 72        # 3.2 cm printed: scans from a phone at arm's length
QR_X, QR_Y = WIDTH - MARGIN - QR_WIDTH, 64
NAVY, GOLD, GREY = (0.11, 0.20, 0.38), (0.70, 0.56, 0.24), (0.33, 0.33, 0.36)
NAME_SIZE, NATIVE_NAME_SIZE = 30, 22
UNITS_TOP, UNITS_BOTTOM = HEIGHT - 366, 138
UNITS_WIDTH = QR_X - 24 - MARGIN  # units never reach into the QR code's column
BOTTOM_COLUMNS = (MARGIN, MARGIN + 200, MARGIN + 400)
REPORT_EVERY = 25


@dataclass(frozen=True)
class CertificateView:
    """Everything printed on one certificate, as plain values (dates, text, the logo's bytes)."""

    number: str
    holder_name_latin: str
    holder_name_native: str | None
    occupation_title: str
    aqrf_level: int
    kind: str                                   # "full" | "units"
    qualification_title: str | None
    units: Sequence[tuple[str, str]]            # (code, title) achieved
    assessed_on: date
    issued_on: date
    assessor_name: str
    issuer_country: str                         # ISO 3166-1 alpha-3
    issuer_organisation: str
    issuer_organisation_native: str | None
    logo: bytes | None                          # PNG or JPEG (documents.logo.check_logo)
    qr_text: str
    labels: Mapping[str, str] = field(default_factory=dict)  # English -> national; empty: by country

    def national(self) -> Mapping[str, str]:
        return self.labels or national_labels(self.issuer_country)


def render_certificates(views: Iterable[CertificateView], path: Path | str,
                        progress: Progress | Callable[[int], None] | None = None) -> int:
    """Write every certificate as one page of one PDF at `path`; returns the number of pages.

    The file appears whole or not at all: pages go to a temporary file renamed at the end.
    """
    path = Path(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        pages = _write(views, temp, progress)
        os.replace(temp, path)
    except OSError as exc:
        raise StoreProblem(f"could not write the certificates to {path}: {exc.strerror}") from exc
    finally:
        temp.unlink(missing_ok=True)
    return pages


def _write(views: Iterable[CertificateView], temp: Path, progress) -> int:
    # Plain binary streams: reportlab's ASCII85 step runs in pure Python without its C
    # accelerator, costing more than the drawing (about 4 ms a page) for nothing a printer needs.
    saved, rl_config.useA85 = rl_config.useA85, 0
    try:
        return _draw_all(views, temp, progress)
    finally:
        rl_config.useA85 = saved


def _draw_all(views: Iterable[CertificateView], temp: Path, progress) -> int:
    canvas = Canvas(str(temp), pagesize=(WIDTH, HEIGHT), pageCompression=1)
    canvas.setTitle("Certificates of competency")
    page = Page(canvas)
    count = 0
    for count, view in enumerate(views, start=1):
        page.draw(view)
        if count % REPORT_EVERY == 0:
            _report(progress, count)
    if not count:
        raise InputRejected("no certificates to print: the list is empty")
    _report(progress, count)
    canvas.save()
    return count


def _report(progress, done: int) -> None:
    if isinstance(progress, Progress):
        progress.check()
        progress.report(done, None, f"{done} certificates drawn")
    elif progress is not None:
        progress(done)


class Page:
    """Draws certificates onto one canvas, one page each, reusing the issuer's shared parts."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.forms: dict[tuple, str] = {}
        self.lines: dict[tuple[str, bool], Line] = {}
        self.operators: dict[tuple[int, float], str] = {}

    def text(self, value: str, bold: bool = False) -> Line:
        """Shaped wording that repeats across a batch (labels, units); never holders' names."""
        key = (value, bold)
        if key not in self.lines:
            self.lines[key] = shape_line(value, bold)
        return self.lines[key]

    def draw(self, view: CertificateView) -> None:
        self.canvas.doForm(self.issuer_form(view))
        self.draw_holder(view)
        self.draw_occupation(view)
        self.draw_units(view)
        self.draw_particulars(view)
        draw_qr(self.canvas, view.qr_text, QR_X, QR_Y, QR_WIDTH)
        self.put(self.text(view.number, True), QR_X + QR_WIDTH / 2, QR_Y - 13, 8.5, "centre", NAVY)
        self.canvas.showPage()

    def put(self, line: Line, x: float, y: float, size: float, anchor: str = "left",
            colour=(0, 0, 0), max_width: float = TEXT_WIDTH, reuse: bool = True) -> None:
        """Draw `line` shrunk to fit `max_width`; wording from text() reuses its PDF operators."""
        self.canvas.setFillColorRGB(*colour)
        size = fit_size(line, max_width, size)
        if not reuse:
            draw_line(self.canvas, x, y, line, size, anchor)
            return
        key = (id(line), size)
        if key not in self.operators:
            self.operators[key] = line_operators(self.canvas, line, size)
        place(self.canvas, anchored_x(x, line.width(size), anchor), y, self.operators[key])

    def label(self, english: str, view: CertificateView, upper: bool = False) -> Line:
        native = view.national().get(english)
        english = english.upper() if upper else english
        return self.text(f"{english}  ·  {native}" if native else english)

    def issuer_form(self, view: CertificateView) -> str:
        key = (view.issuer_country, view.issuer_organisation, view.issuer_organisation_native,
               view.logo, tuple(sorted(view.national().items())))
        if key not in self.forms:
            name = self.forms[key] = f"issuer{len(self.forms)}"
            self.canvas.beginForm(name)
            self.draw_issuer(view)
            self.canvas.endForm()
        return self.forms[key]

    def draw_issuer(self, view: CertificateView) -> None:
        c = self.canvas
        c.setStrokeColorRGB(*NAVY)
        c.setLineWidth(3)
        c.rect(18, 18, WIDTH - 36, HEIGHT - 36)
        c.setStrokeColorRGB(*GOLD)
        c.setLineWidth(0.8)
        c.rect(25, 25, WIDTH - 50, HEIGHT - 50)
        if view.logo:
            c.drawImage(logo_image(view.logo), MARGIN - 12, HEIGHT - 112, 64, 64,
                        preserveAspectRatio=True, anchor="c", mask="auto")
        self.put(self.text(view.issuer_organisation, True), CENTRE, HEIGHT - 66, 13, "centre", NAVY,
                 TEXT_WIDTH - 160)
        if view.issuer_organisation_native:
            self.put(self.text(view.issuer_organisation_native), CENTRE, HEIGHT - 86, 11.5, "centre",
                     NAVY, TEXT_WIDTH - 160)
        c.setStrokeColorRGB(*GOLD)
        c.setLineWidth(1)
        c.line(CENTRE - 150, HEIGHT - 104, CENTRE + 150, HEIGHT - 104)
        self.put(self.text("CERTIFICATE OF COMPETENCY", True), CENTRE, HEIGHT - 142, 26, "centre", NAVY)
        native_title = view.national().get("Certificate of Competency")
        if native_title:
            self.put(self.text(native_title, True), CENTRE, HEIGHT - 168, 16, "centre", NAVY)
        self.put(self.label("This certifies that", view), CENTRE, HEIGHT - 198, 10.5, "centre", GREY)
        self.put(self.label("has been assessed competent in", view), CENTRE, HEIGHT - 294, 10.5,
                 "centre", GREY)
        for x, english in zip(BOTTOM_COLUMNS, ("Assessor", "Issued on", "Certificate number")):
            self.put(self.label(english, view), x, 112, 8, "left", GREY, 190)
        c.setStrokeColorRGB(*GOLD)
        c.setLineWidth(0.6)
        c.line(MARGIN, 126, QR_X - 30, 126)

    def draw_holder(self, view: CertificateView) -> None:
        # Names are shaped afresh for every certificate: no two holders share one.
        self.put(shape_line(view.holder_name_latin, True), CENTRE, HEIGHT - 236, NAME_SIZE, "centre",
                 NAVY, reuse=False)
        if view.holder_name_native:
            self.put(shape_line(view.holder_name_native), CENTRE, HEIGHT - 268, NATIVE_NAME_SIZE,
                     "centre", NAVY, reuse=False)

    def draw_occupation(self, view: CertificateView) -> None:
        self.put(self.text(view.occupation_title, True), CENTRE, HEIGHT - 320, 18, "centre")
        level = f"AQRF level {view.aqrf_level}"
        native = view.national().get("AQRF level")
        if native:
            level += f"  ·  {native} {view.aqrf_level}"
        if view.kind == "full" and view.qualification_title:
            level = f"{view.qualification_title}  ·  {level}"
        self.put(self.text(level), CENTRE, HEIGHT - 340, 11.5, "centre", GREY)

    def draw_units(self, view: CertificateView) -> None:
        if not view.units:
            return
        heading = "Units of competency achieved" if view.kind == "units" else "Units of competency"
        native = view.national().get("Units of competency")
        self.put(self.text(f"{heading}  ·  {native}" if native else heading, True),
                 MARGIN, UNITS_TOP, 9.5, "left", NAVY)
        codes = [self.text(code) for code, _ in view.units]
        titles = [self.text(title) for _, title in view.units]
        code_em = max(c.width(1) for c in codes) + 1  # titles line up after the widest code
        layout = unit_layout(len(titles))
        shown = len(layout) - 1 if len(layout) < len(titles) else len(layout)
        for x, y, size, width, i in layout:
            if i < shown:
                self.put(codes[i], x, y, size, "left", GREY, width)
                self.put(titles[i], x + code_em * size, y, size, "left", (0, 0, 0),
                         width - code_em * size)
            else:
                self.put(self.text(f"… and {len(titles) - i} more units"), x, y, size, "left", GREY)

    def draw_particulars(self, view: CertificateView) -> None:
        values = (view.assessor_name, long_date(view.issued_on), view.number)
        for x, value, bold in zip(BOTTOM_COLUMNS, values, (False, False, True)):
            self.put(self.text(value, bold), x, 96, 11, "left", (0, 0, 0), 190)
        self.put(self.text(f"assessed on {long_date(view.assessed_on)}"), BOTTOM_COLUMNS[0], 82, 8,
                 "left", GREY, 190)


def unit_layout(count: int) -> list[tuple[float, float, float, float, int]]:
    """(x, baseline, size, column width, unit index) for `count` units: one column while they fit,
    then two or three, smaller. Fewer slots than units: the last one says how many more there are.
    """
    top = UNITS_TOP - 15
    for columns, size in ((1, 9.5), (2, 9.5), (2, 8), (2, 7), (3, 6.5)):
        capacity = int((top - UNITS_BOTTOM) // (size * 1.35)) + 1
        if count <= capacity * columns:
            break
    slots = min(count, capacity * columns)
    rows = -(-slots // columns)  # balanced columns
    gap = 18
    width = (UNITS_WIDTH - gap * (columns - 1)) / columns
    return [(MARGIN + (i // rows) * (width + gap), top - (i % rows) * size * 1.35, size, width, i)
            for i in range(slots)]


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def long_date(day: date) -> str:
    """'12 May 2026': no locale, no ambiguity between day-first and month-first readers."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
