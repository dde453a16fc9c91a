"""A paragraph flowable for text in any ASEAN script, wrapped at spaces, each script in its font.

reportlab's own Paragraph shapes every word (the text between two spaces) in the font of the
word's first character: "(กรมพัฒนา)" came out as boxes in the Latin font, and Khmer subscripts
drifted (its text object loses the baseline rise). Here each line is drawn with fonts.Line (per
script runs, HarfBuzz shaping, /ActualText), as on the certificates. A word too wide for the
column is broken between characters, never inside a shaped cluster.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from .fonts import Line, draw_line, fit_size, shape_line

# Characters after which a line may not break: Khmer coeng and Myanmar virama (a subscript
# follows), Thai and Lao vowels written before their consonant.
_JOINS_NEXT = {"\u17D2", "\u1039", *map(chr, range(0x0E40, 0x0E45)), *map(chr, range(0x0EC0, 0x0EC5))}


@lru_cache(maxsize=8192)
def _shaped(text: str, bold: bool) -> Line:
    return shape_line(text, bold)


def breakable(text: str, i: int) -> bool:
    """Whether a line may break between text[i - 1] and text[i] (a word with no space in it)."""
    before, char = text[i - 1], text[i]
    return (before not in _JOINS_NEXT and before not in "\u200D"
            and not unicodedata.category(char).startswith("M") and char not in "\u200C\u200D")


class ShapedParagraph(Flowable):
    """Plain text (newlines kept) in a ParagraphStyle's size, leading, colour, alignment and
    boldness (a bold style's font name ends in "-Bold")."""

    def __init__(self, text: str, style: ParagraphStyle):
        super().__init__()
        self.text, self.style = text, style
        self.bold = style.fontName.endswith("-Bold")
        self.lines: list[str] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.lines = self.layout(avail_width)
        self.height = max(1, len(self.lines)) * self.style.leading
        return avail_width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return self.style.spaceAfter

    def layout(self, width: float) -> list[str]:
        lines: list[str] = []
        for paragraph in self.text.split("\n"):
            lines += self._wrap_words(paragraph.split(), width) or [""]
        return lines

    def _width(self, text: str) -> float:
        return _shaped(text, self.bold).width(self.style.fontSize)

    def _wrap_words(self, words: list[str], width: float) -> list[str]:
        lines: list[str] = []
        current = ""
        space = self._width(" ")
        for word in words:
            for piece in self._pieces(word, width):
                wanted = self._width(current) + space + self._width(piece) if current else 0
                if current and wanted > width:
                    lines.append(current)
                    current = ""
                current = f"{current} {piece}" if current else piece
        if current:
            lines.append(current)
        return lines

    def _pieces(self, word: str, width: float) -> list[str]:
        """The word, or parts of it that each fit the width, cut only where breakable()."""
        if self._width(word) <= width:
            return [word]
        pieces, start = [], 0
        for i in range(1, len(word)):
            if breakable(word, i) and self._width(word[start:i + 1]) > width and i > start:
                pieces.append(word[start:i])
                start = i
        return pieces + [word[start:]]

    def draw(self) -> None:
        style, canvas = self.style, self.canv
        canvas.setFillColor(style.textColor)
        anchor, x = {TA_RIGHT: ("right", self.width), TA_CENTER: ("centre", self.width / 2)}.get(
            style.alignment, ("left", 0))
        y = self.height - style.fontSize
        for text in self.lines:
            if text:
                line = _shaped(text, self.bold)
                draw_line(canvas, x, y, line, fit_size(line, self.width, style.fontSize), anchor)
            y -= style.leading
