"""The meeting brief: a PDF of action-plan progress for a regional meeting, from plain values.

A4 portrait: a title block, an overview of items per partner country, then one section per
country with its items (overdue ones highlighted), what changed since the chosen date and the
latest progress updates. Tables repeat their header row on every page they run onto.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from ..domain.action_plans import ITEM_STATUSES
from .fonts import LATIN, font_name, register_fonts
from .shaped_text import ShapedParagraph

SANS, SANS_BOLD = font_name(LATIN), font_name(LATIN, bold=True)
TITLE = "MRS action plans — meeting brief"
MARGIN = 16 * mm
WIDTH = A4[0] - 2 * MARGIN
INK, MUTED, RULE = colors.HexColor("#1F2933"), colors.HexColor("#52606D"), colors.HexColor("#9AA5B1")
HEAD_FILL, ZEBRA = colors.HexColor("#E4E7EB"), colors.HexColor("#F5F7FA")
OVERDUE_FILL, OVERDUE_INK = colors.HexColor("#FDE8E8"), "#B42318"


@dataclass(frozen=True)
class BriefItem:
    ref: str
    description: str
    responsible: str | None
    due: date | None
    status: str  # one of domain.action_plans.ITEM_STATUSES
    percent: int
    overdue: bool


@dataclass(frozen=True)
class BriefChange:
    ref: str
    description: str
    what: str  # "added", "status, percent changed; 1 progress update"


@dataclass(frozen=True)
class BriefUpdate:
    on_date: date
    ref: str
    text: str
    author: str | None


@dataclass(frozen=True)
class CountrySection:
    """One partner country's items; `name` is what the heading says ("Thailand (THA)")."""

    name: str
    items: list[BriefItem] = field(default_factory=list)
    changes: list[BriefChange] = field(default_factory=list)
    updates: list[BriefUpdate] = field(default_factory=list)

    def by_status(self) -> dict[str, int]:
        counts = {s: sum(i.status == s for i in self.items) for s in ITEM_STATUSES}
        return {s: n for s, n in counts.items() if n}

    @property
    def overdue(self) -> int:
        return sum(i.overdue for i in self.items)


@dataclass(frozen=True)
class MeetingBrief:
    country: str  # the node's country, by name
    organisation: str
    since: date
    until: date
    sections: list[CountrySection] = field(default_factory=list)


def status_label(status: str) -> str:
    return status.replace("_", " ")


def summary_line(section: CountrySection) -> str:
    """'4 items: 1 not started, 2 in progress, 1 done; 1 overdue'."""
    n = len(section.items)
    parts = ", ".join(f"{count} {status_label(s)}" for s, count in section.by_status().items())
    line = f"{n} item{'s' if n != 1 else ''}" + (f": {parts}" if parts else "")
    return line + (f"; {section.overdue} overdue" if section.overdue else "")


def render_meeting_brief(brief: MeetingBrief, target: Path | str | BinaryIO) -> int:
    """Write the brief as a PDF to `target`; returns the number of pages."""
    styles = _styles()
    doc = SimpleDocTemplate(target if not isinstance(target, Path) else str(target), pagesize=A4,
                            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN + 6 * mm, title=TITLE,
                            author=f"{brief.country}, {brief.organisation}",
                            subject=f"Action-plan progress, {brief.since} to {brief.until}")
    story = _title_block(brief, styles) + _overview(brief, styles)
    for section in brief.sections:
        story += _section(section, brief.since, styles)
    footer = f"{TITLE} · {brief.country}, {brief.organisation} · {brief.until.isoformat()}"
    pages: list[int] = []
    doc.build(story, canvasmaker=_numbered_canvas(footer, pages))
    return pages[0] if pages else 0


# The story ---------------------------------------------------------------------------------------

def _title_block(brief: MeetingBrief, st: dict) -> list:
    return [_p(TITLE, st["title"]),
            _p(f"{brief.country} — {brief.organisation}", st["subtitle"]),
            _p((f"Changes from {brief.since.isoformat()} to {brief.until.isoformat()}; "
                f"items due before {brief.until.isoformat()} and not done are overdue."), st["muted"]),
            Spacer(1, 5 * mm)]


def _overview(brief: MeetingBrief, st: dict) -> list:
    if not brief.sections:
        return [Paragraph("No action items are recorded yet.", st["body"])]
    head = ["Partner country", "Items", *(status_label(s) for s in ITEM_STATUSES), "Overdue"]
    rows = [[_p(s.name, st["cell"]), len(s.items),
             *(s.by_status().get(x, "") for x in ITEM_STATUSES), s.overdue or ""]
            for s in brief.sections]
    widths = [WIDTH - 7 * 17 * mm] + [17 * mm] * 7
    heads = [Paragraph(h, st["head"] if n == 0 else st["head_centre"]) for n, h in enumerate(head)]
    table = _table([heads, *rows], widths)
    table.setStyle(TableStyle([("ALIGN", (1, 1), (-1, -1), "CENTER")]))
    return [Paragraph("Overview", st["h1"]), table, Spacer(1, 4 * mm)]


def _section(section: CountrySection, since: date, st: dict) -> list:
    heading = [_p(section.name, st["h1"]), _p(summary_line(section), st["summary"])]
    story: list = [KeepTogether(heading + [_items_table(section.items, st)])] \
        if len(section.items) <= 6 else heading + [_items_table(section.items, st)]
    story.append(Paragraph(f"Changed since {since.isoformat()}", st["h2"]))
    story.append(_changes_table(section.changes, st) if section.changes else
                 Paragraph(f"No changes since {since.isoformat()}.", st["muted"]))
    story.append(Paragraph("Latest progress updates", st["h2"]))
    story.append(_updates_table(section.updates, st) if section.updates else
                 Paragraph("No progress updates yet.", st["muted"]))
    story.append(Spacer(1, 6 * mm))
    return story


def _items_table(items: list[BriefItem], st: dict) -> LongTable:
    head = ["Ref", "Description", "Responsible", "Due", "Status", "%"]
    widths = [24 * mm, None, 34 * mm, 22 * mm, 22 * mm, 12 * mm]
    rows = [[_p(i.ref, st["cell"]), _p(i.description, st["cell"]), _p(i.responsible or "", st["cell"]),
             _due(i, st), _p(status_label(i.status), st["cell"]), _p(f"{i.percent}", st["num"])]
            for i in items]
    table = _table([[Paragraph(h, st["head"]) for h in head], *rows], _fill(widths))
    marks = [("BACKGROUND", (0, r), (-1, r), OVERDUE_FILL)
             for r, item in enumerate(items, 1) if item.overdue]
    if marks:
        table.setStyle(TableStyle(marks))
    return table


def _changes_table(changes: list[BriefChange], st: dict) -> LongTable:
    rows = [[_p(c.ref, st["cell"]), _p(c.description, st["cell"]), _p(c.what, st["cell"])]
            for c in changes]
    head = [Paragraph(h, st["head"]) for h in ("Ref", "Item", "What changed")]
    return _table([head, *rows], _fill([24 * mm, None, 72 * mm]))


def _updates_table(updates: list[BriefUpdate], st: dict) -> LongTable:
    rows = [[_p(u.on_date.isoformat(), st["cell"]), _p(u.ref, st["cell"]), _p(u.text, st["cell"]),
             _p(u.author or "", st["cell"])] for u in updates]
    head = [Paragraph(h, st["head"]) for h in ("Date", "Ref", "Update", "Author")]
    return _table([head, *rows], _fill([22 * mm, 24 * mm, None, 34 * mm]))


def _due(item: BriefItem, st: dict) -> Paragraph:
    due = item.due.isoformat() if item.due else ""
    if item.overdue:  # said in words too, so a black-and-white print still shows it
        return Paragraph(f'<font name="{SANS_BOLD}" color="{OVERDUE_INK}">{due}<br/>overdue</font>', st["cell"])
    return Paragraph(due, st["cell"])


def _table(rows: list, widths: list[float]) -> LongTable:
    table = LongTable(rows, colWidths=widths, repeatRows=1, splitByRow=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), SANS, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _fill(widths: list[float | None]) -> list[float]:
    """The one None column takes the width the others leave."""
    rest = WIDTH - sum(w for w in widths if w)
    return [rest if w is None else w for w in widths]


def _p(text: str, style: ParagraphStyle) -> ShapedParagraph:
    """Text from the records (any script; plan texts are normally English)."""
    return ShapedParagraph(text, style)


# Styles and page numbers -------------------------------------------------------------------------

def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=SANS, fontSize=9.5, leading=12.5, textColor=INK, shaping=1)

    def style(name: str, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "title": style("title", fontName=SANS_BOLD, fontSize=18, leading=23, spaceAfter=3),
        "subtitle": style("subtitle", fontSize=12, leading=16, spaceAfter=2),
        "muted": style("muted", textColor=MUTED, fontSize=9),
        "h1": style("h1", fontName=SANS_BOLD, fontSize=13, leading=17, spaceBefore=6, spaceAfter=2),
        "h2": style("h2", fontName=SANS_BOLD, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=3),
        "summary": style("summary", spaceAfter=4),
        "head": style("head", fontName=SANS_BOLD, fontSize=8.5, leading=10.5),
        "head_centre": style("head_centre", fontName=SANS_BOLD, fontSize=8.5, leading=10.5,
                             alignment=TA_CENTER),
        "cell": style("cell", fontSize=8.5, leading=10.5),
        "num": style("num", fontSize=8.5, leading=10.5, alignment=TA_RIGHT),
    }


def _numbered_canvas(footer: str, pages: list[int]) -> type[Canvas]:
    """A canvas that holds each page back until the end, to print "page N of M" on every one."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages.append(len(self._held))
            for state in self._held:
                self.__dict__.update(state)
                self._footer(len(self._held))
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            self.saveState()
            self.setFont(SANS, 7.5)
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            self.line(MARGIN, MARGIN, A4[0] - MARGIN, MARGIN)
            self.drawString(MARGIN, MARGIN - 4 * mm, footer)
            self.drawRightString(A4[0] - MARGIN, MARGIN - 4 * mm,
                                 f"Page {self._pageNumber} of {total}")
            self.restoreState()

    return NumberedCanvas
