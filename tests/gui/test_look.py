"""The look: bundled fonts registered for every ASEAN script, our icons, the style, translations."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from mrs_desktop.gui import look
from mrs_desktop.paths import resource

# A name in each script the fonts are bundled for, with the family that must draw it.
NAMES = {"Noto Sans Khmer": "សុខ ស្រីមុំ", "Noto Sans Lao": "ບຸນມີ ພົມມະຈັນ",
         "Noto Sans Myanmar": "အောင် ကျော်", "Noto Sans Thai": "สมชาย ใจดี", "Noto Sans": "Nguyễn Thị Hoa"}


@pytest.fixture
def app(qapp):
    """The application, with its look restored afterwards for the other tests."""
    style, palette, font = qapp.style().name(), QPalette(qapp.palette()), QFont(qapp.font())
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)
    look.install_translator(qapp, "en")


def test_the_bundled_fonts_register_a_family_for_each_script(app):
    families = look.register_fonts()
    assert set(NAMES) <= set(families)
    assert set(NAMES) <= set(QFontDatabase.families())
    for family, name in NAMES.items():
        metrics = QFontMetrics(QFont(family, 12))
        assert all(metrics.inFontUcs4(ord(ch)) for ch in name if not ch.isspace()), family
    assert QFontDatabase.WritingSystem.Khmer in QFontDatabase.writingSystems("Noto Sans Khmer")
    assert "Bold" in QFontDatabase.styles("Noto Sans Myanmar")


def test_every_font_file_is_shipped_with_its_licence():
    for name in look.FONT_FILES:
        assert resource("fonts", name).stat().st_size > 10_000, name
    licence = resource("fonts", "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "THE FONT SOFTWARE IS PROVIDED" in licence


def test_apply_sets_a_calm_fusion_look_with_the_noto_fonts_first(app):
    app.setFont(QFont("Sans Serif", 7))
    look.apply(app)
    assert app.style().name().casefold() == "fusion"
    assert app.font().families()[:5] == look.UI_FAMILIES
    assert app.font().pointSizeF() >= look.MIN_POINT_SIZE  # a tiny system font is raised
    assert app.palette().color(QPalette.ColorRole.Highlight).name() == "#2f6fb3"
    assert not app.windowIcon().isNull()


def test_every_icon_loads_and_draws(app):
    for name in look.ICONS:
        icon = look.icon(name)
        assert not icon.isNull(), name
        image = icon.pixmap(24, 24).toImage()
        assert not image.isNull() and any(image.pixelColor(x, y).alpha() for x in range(24) for y in range(24)), name
    assert resource("icons", "LICENSE.md").is_file()


def test_a_wrong_icon_name_is_an_error_and_pages_without_an_icon_get_none(app):
    with pytest.raises(ValueError):
        look.icon("no-such-icon")
    assert not look.page_icon("assessors").isNull()
    assert look.page_icon("some_future_page").isNull()


def test_a_selected_page_icon_is_drawn_in_the_selections_text_colour(app):
    """Our dark grey icon would hardly show on the selected sidebar row's blue."""
    icon = look.page_icon("assessors")
    white = app.palette().color(QPalette.ColorRole.HighlightedText)
    assert white.lightness() > 240
    for mode, dark in ((QIcon.Mode.Normal, True), (QIcon.Mode.Selected, False)):
        image = icon.pixmap(QSize(20, 20), 1.0, mode).toImage()
        drawn = [image.pixelColor(x, y) for x in range(20) for y in range(20) if image.pixelColor(x, y).alpha() > 200]
        assert drawn and all((c.lightness() < 110) if dark else (c.lightness() > 240) for c in drawn), mode


def test_the_khmer_translation_changes_known_strings(app):
    assert look.install_translator(app, "km") == "km"
    assert QCoreApplication.translate("MainWindow", "&File") == "ឯកសារ(&F)"
    assert QCoreApplication.translate("DashboardPage", "Dashboard") == "ផ្ទាំងគ្រប់គ្រង"
    untranslated = "A sentence no translator has seen."
    assert QCoreApplication.translate("MainWindow", untranslated) == untranslated  # English fallback
    assert look.install_translator(app, "th") == "th"  # the Khmer translator is replaced
    assert QCoreApplication.translate("MainWindow", "&File") == "ไฟล์(&F)"
    assert look.install_translator(app, "en") is None
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_every_offered_language_but_english_has_its_translation_files(app):
    for code, _name in look.LANGUAGES:
        if code != "en":
            assert resource("translations", f"mrs_desktop_{code}.ts").is_file(), code
            assert resource("translations", f"mrs_desktop_{code}.qm").stat().st_size > 100, code
    assert look.install_translator(app, "fr") is None  # no file: English
