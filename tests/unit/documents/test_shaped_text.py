"""Text in the meeting brief: each script in its own font even when glued to Latin punctuation,
lines wrapped at spaces (or, for a word with none, between clusters), the text kept copyable."""

from __future__ import annotations

import base64
import re
import subprocess
import unicodedata
import zlib
from datetime import date

from reportlab.lib.styles import ParagraphStyle

from mrs_desktop.documents.fonts import font_name
from mrs_desktop.documents.meeting_brief import (BriefItem, BriefUpdate, CountrySection, MeetingBrief,
                                                 render_meeting_brief)
from mrs_desktop.documents.shaped_text import ShapedParagraph, breakable

THAI = "กรมพัฒนาฝีมือแรงงาน"
KHMER = "ក្រុមប្រឹក្សាជាតិបណ្តុះបណ្តាល"
SCRIPTS = {"NotoSansThai": (0x0E00, 0x0E7F), "NotoSansKhmer": (0x1780, 0x17FF),
           "NotoSansLao": (0x0E80, 0x0EFF), "NotoSansMyanmar": (0x1000, 0x109F)}


def spans(pdf) -> list[tuple[str, str]]:
    """(text, font) of every marked span drawn on the pages: its /ActualText and its font."""
    data = pdf.read_bytes()
    fonts = {name.decode(): base.decode() for base, name in
             re.findall(rb"/BaseFont /(\S+)[^>]*?/Name /(\S+)", data)}
    found = []
    for raw in re.findall(rb"/ASCII85Decode /FlateDecode \][^\n]*\n>>\nstream\r?\n(.*?)endstream", data, re.S):
        page = zlib.decompress(base64.a85decode(b"<~" + raw.strip(), adobe=True))
        for hex_text, font in re.findall(rb"/ActualText <FEFF([0-9A-F]*)>>> BDC /(\S+) [\d.]+ Tf", page):
            found.append((bytes.fromhex(hex_text.decode()).decode("utf-16-be"), fonts[font.decode()]))
    return found


def test_each_script_is_drawn_in_its_font_even_inside_brackets(tmp_path):
    items = [BriefItem("KHM-AP-01 / 1", f"Meet DSD ({THAI}) in Bangkok", f"{THAI} DSD",
                       date(2026, 9, 1), "in_progress", 40, False),
             BriefItem("KHM-AP-01 / 2", f"Pilot with NTB {KHMER}, for 20 workers", "MoLVT",
                       date(2026, 4, 1), "blocked", 10, True)]
    section = CountrySection("Thailand (THA)", items, updates=[
        BriefUpdate(date(2026, 5, 20), "KHM-AP-01 / 1", "Met คุณสมชาย at DSD (ພາສາລາວ, မြန်မာ).", "Sok")])
    pdf = tmp_path / "brief.pdf"
    render_meeting_brief(MeetingBrief("Cambodia", "MoLVT", date(2026, 5, 1), date(2026, 6, 1), [section]), pdf)
    drawn = spans(pdf)
    for text, font in drawn:
        for family, (low, high) in SCRIPTS.items():
            if any(low <= ord(c) <= high for c in text):
                assert family in font, (text, font)
        if any(c.isascii() and c.isalpha() for c in text):
            assert "NotoSans-" in font, (text, font)  # Latin letters only in the Latin font
    assert any(THAI in text for text, _ in drawn) and any(KHMER in text for text, _ in drawn)
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert f"Meet DSD ({THAI}) in" in out and f"NTB {KHMER}, for" in out
    assert "Met คุณสมชาย at DSD (ພາສາລາວ, မြန်မာ)." in out


def test_lines_break_at_spaces_and_long_words_between_clusters():
    style = ParagraphStyle("cell", fontName=font_name("latin"), fontSize=8.5, leading=10.5)
    para = ShapedParagraph("Translate the units into Lao and Burmese\nsecond line", style)
    para.wrap(90, 1000)
    assert len(para.lines) > 2 and para.lines[-1] == "second line"
    assert " ".join(para.lines[:-1]) == "Translate the units into Lao and Burmese"
    long_thai = ShapedParagraph(THAI * 3 + " " + KHMER * 2, style)
    long_thai.wrap(60, 1000)
    assert "".join(long_thai.lines).replace(" ", "") == THAI * 3 + KHMER * 2
    for line in long_thai.lines:
        assert not unicodedata.category(line[0]).startswith("M")  # never a mark cut from its letter
        assert line[-1] not in "\u17D2\u0E40\u0E41\u0E42\u0E43\u0E44"


def test_where_a_word_may_break():
    assert breakable("กรม", 1) and not breakable("เกม", 1)  # not after a leading vowel
    assert not breakable("ណ្ត", 2) and not breakable("ណ្ត", 1)  # coeng and its subscript stay
    assert not breakable("พั", 1)  # a mark stays with its letter
