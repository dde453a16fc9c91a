"""Text in every ASEAN script on a reportlab canvas: the bundled Noto fonts, per-script runs, shaping.

reportlab has no font fallback and the Noto Khmer/Lao/Myanmar/Thai fonts lack Latin letters, so a
line is split into runs by script, each run shaped by HarfBuzz (through reportlab's `shapeStr`) in
the font that has it, and each run drawn inside a marked-content span whose /ActualText is the
original text: shaped glyphs alone would not come back out of `pdftotext` (FIELD_NOTES).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont, shapeStr
from reportlab.pdfgen.textobject import PDFTextObject

from mrs_desktop.paths import resource

LATIN = "latin"
# Unicode blocks of the scripts whose letters the Latin Noto Sans lacks.
SCRIPT_BLOCKS = (
    ("thai", 0x0E00, 0x0E7F),
    ("lao", 0x0E80, 0x0EFF),
    ("myanmar", 0x1000, 0x109F),
    ("khmer", 0x1780, 0x17FF),
    ("khmer", 0x19E0, 0x19FF),
    ("myanmar", 0xA9E0, 0xA9FF),
    ("myanmar", 0xAA60, 0xAA7F),
)
FILES = {LATIN: "NotoSans", "thai": "NotoSansThai", "lao": "NotoSansLao",
         "myanmar": "NotoSansMyanmar", "khmer": "NotoSansKhmer"}
# Shaping at any size gives the same advances in thousandths of an em; one size is enough.
SHAPE_SIZE = 10


def font_name(script: str, bold: bool = False) -> str:
    return f"Mrs{script.title()}{'-Bold' if bold else ''}"


@cache
def register_fonts() -> None:
    """Register the bundled fonts with reportlab once per process."""
    for script, stem in FILES.items():
        for bold in (False, True):
            path = resource("fonts", f"{stem}-{'Bold' if bold else 'Regular'}.ttf")
            pdfmetrics.registerFont(TTFont(font_name(script, bold), str(path)))


def script_of(char: str) -> str | None:
    """The script whose font `char` needs, or None for a character any font may carry."""
    code = ord(char)
    for script, first, last in SCRIPT_BLOCKS:
        if first <= code <= last:
            return script
    if code < 0x80 and not char.isalpha():
        return None  # spaces, digits, punctuation: stay in the run they sit in if its font has them
    if unicodedata.category(char) in ("Mn", "Cf", "Zs"):
        return None  # combining marks and joiners belong to the letter before them
    return LATIN


def _has(script: str, char: str) -> bool:
    return ord(char) in pdfmetrics.getFont(font_name(script)).face.charToGlyph


def script_runs(text: str) -> list[tuple[str, str]]:
    """Split `text` into (script, substring) runs; every character lands in a font that has it."""
    runs: list[list] = []
    for char in text:
        script = script_of(char)
        if script is None:
            current = runs[-1][0] if runs else LATIN
            script = current if _has(current, char) else LATIN
        if runs and runs[-1][0] == script:
            runs[-1][1].append(char)
        else:
            runs.append([script, [char]])
    return [(script, "".join(chars)) for script, chars in runs]


@dataclass(frozen=True)
class Run:
    font: str      # registered reportlab font name
    glyphs: str    # a ShapedStr (glyph positions from HarfBuzz) or plain text
    em: float      # advance width in ems (width at size s = em * s)
    text: str      # the original characters, for /ActualText


@dataclass(frozen=True)
class Line:
    """One line of text, shaped once and drawable at any size."""

    runs: tuple[Run, ...]

    def width(self, size: float) -> float:
        return sum(r.em for r in self.runs) * size


def shape_run(script: str, text: str, bold: bool) -> Run:
    font = font_name(script, bold)
    glyphs = shapeStr(text, font, SHAPE_SIZE)
    if isinstance(glyphs, ShapedStr):
        em = sum(d.x_advance for d in glyphs.__shapeData__) / 1000
    else:  # HarfBuzz changed nothing: reportlab's own widths are exact
        em = pdfmetrics.stringWidth(glyphs, font, 1)
    return Run(font, glyphs, em, text)


def shape_line(text: str, bold: bool = False) -> Line:
    register_fonts()
    return Line(tuple(shape_run(s, t, bold) for s, t in script_runs(text)))


def _actual_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class _Text(PDFTextObject):
    """reportlab's text object with its baseline rise kept right across shaped glyphs.

    reportlab 5.1's setRise merges two rises in a row into one operator but forgets the new rise,
    so after a Khmer subscript or a Thai tone mark (glyphs HarfBuzz moves up or down) the rest of
    the line stayed raised or lowered. Here the merge records the rise it wrote.
    """

    def setRise(self, rise):
        operator = f"{fp_str(rise)} Ts"
        if self._code and self._code[-1].endswith(" Ts"):
            self._y += self._rise  # the previous rise never took effect: undo its bookkeeping
            self._code[-1] = operator
        else:
            self._code.append(operator)
        self._rise = rise
        self._y -= rise


def line_operators(canvas, line: Line, size: float) -> str:
    """The PDF text operators of `line` at `size`, without a position: each run a marked span."""
    text = _Text(canvas)
    code = text._code  # reportlab has no API for marked content; the operators are standard PDF
    del code[:]        # drop the BT that opens a text object; place() writes its own
    for run in line.runs:
        code.append(f"/Span <</ActualText {_actual_text(run.text)}>> BDC")
        text.setFont(run.font, size)
        text.textOut(run.glyphs)
        code.append("EMC")
    return " ".join(code)


def place(canvas, x: float, y: float, operators: str) -> None:
    """Write text operators from line_operators with the baseline's start at (x, y)."""
    canvas._code.append(f"BT 1 0 0 1 {x:.2f} {y:.2f} Tm {operators} ET")


def anchored_x(x: float, width: float, anchor: str) -> float:
    return x if anchor == "left" else x - width * (0.5 if anchor == "centre" else 1.0)


def draw_line(canvas, x: float, y: float, line: Line, size: float, anchor: str = "left") -> None:
    """Draw `line` with its baseline at y; anchor 'left', 'centre' or 'right' at x."""
    place(canvas, anchored_x(x, line.width(size), anchor), y, line_operators(canvas, line, size))


def fit_size(line: Line, max_width: float, size: float) -> float:
    """The largest size up to `size` at which `line` fits on one line of `max_width`."""
    width = line.width(size)
    return size if width <= max_width else size * max_width / width
