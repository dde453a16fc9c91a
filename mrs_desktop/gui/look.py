"""The app's look: bundled Noto fonts, a calm Fusion palette, our SVG icons, and translations.

`apply(app)` runs once at start-up, before the main window is built; `install_translator(app,
language)` loads resources/translations/mrs_desktop_<lang>.qm (English needs none).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QLocale, QSize, QTranslator
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QApplication

from ..paths import resource

# Regular and Bold of each: Latin and Vietnamese first, then the scripts Noto Sans lacks.
FONT_FILES = tuple(f"{family}-{weight}.ttf"
                   for family in ("NotoSans", "NotoSansKhmer", "NotoSansLao", "NotoSansMyanmar",
                                  "NotoSansThai")
                   for weight in ("Regular", "Bold"))
UI_FAMILIES = ["Noto Sans", "Noto Sans Khmer", "Noto Sans Lao", "Noto Sans Myanmar", "Noto Sans Thai"]
MIN_POINT_SIZE = 9  # below this, Khmer and Myanmar subscripts become unreadable

ICONS = ("app", "dashboard", "assessors", "trainings", "action-plans", "equivalences", "new",
         "import", "export", "undo", "redo", "refresh", "preferences", "backup", "sync",
         "certificates", "assessments")
# The sidebar's icon for each page name (pages without one show none).
PAGE_ICONS = {"dashboard": "dashboard", "assessors": "assessors", "trainings": "trainings",
              "assessments": "assessments",
              "certificates": "certificates",
              "action_plans": "action-plans", "equivalences": "equivalences", "sync": "sync"}
SIDEBAR_ICON_PIXELS = (20, 30, 40)  # the sidebar's 20-pixel icons at 100, 150 and 200 % scale

# Language codes we ship translations for, with each language's own name (never translated:
# a user who cannot read the current language still finds hers).
LANGUAGES = (("en", "English"), ("km", "ភាសាខ្មែរ"), ("lo", "ລາວ"), ("my", "မြန်မာ"),
             ("th", "ไทย"), ("vi", "Tiếng Việt"), ("id", "Bahasa Indonesia"))

_translators: list[QTranslator] = []  # kept alive: Qt does not own installed translators


def apply(app: QApplication) -> None:
    """Fonts, style, palette and window icon for the whole application."""
    register_fonts()
    app.setStyle("Fusion")  # the same widgets on Windows and Linux; the palette below calms it
    app.setPalette(calm_palette())
    app.setFont(ui_font(app.font()))
    app.setWindowIcon(icon("app"))


def register_fonts() -> list[str]:
    """Adds the bundled fonts to Qt's font database; returns the families they provide."""
    families: list[str] = []
    for name in FONT_FILES:
        font_id = _add_font(str(resource("fonts", name)))
        if font_id >= 0:
            families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    return families


@cache
def _add_font(path: str) -> int:
    # Adding the same file twice would register it twice; once per process is enough.
    return QFontDatabase.addApplicationFont(path)


def ui_font(base: QFont) -> QFont:
    """The platform's size, Noto Sans first and the ASEAN scripts' Noto fonts as fallbacks."""
    font = QFont(base)
    font.setFamilies(UI_FAMILIES)
    if font.pointSizeF() > 0 and font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
    return font


def calm_palette() -> QPalette:
    """Light greys, white fields, one quiet blue for selection and links."""
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#f4f5f7", role.WindowText: "#1f2933", role.Base: "#ffffff",
        role.AlternateBase: "#f2f5f9", role.ToolTipBase: "#fffbe6", role.ToolTipText: "#1f2933",
        role.PlaceholderText: "#7b8794", role.Text: "#1f2933", role.Button: "#eef0f3",
        role.ButtonText: "#1f2933", role.BrightText: "#ffffff", role.Light: "#ffffff",
        role.Midlight: "#e4e7eb", role.Mid: "#c5ccd4", role.Dark: "#9aa5b1", role.Shadow: "#52606d",
        role.Highlight: "#2f6fb3", role.HighlightedText: "#ffffff", role.Link: "#2160a0",
        role.LinkVisited: "#5a4a9c",
    }
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, colour_role, QColor("#9aa5b1"))
    palette.setColor(group.Disabled, role.Highlight, QColor("#c5ccd4"))
    return palette


@cache
def icon(name: str) -> QIcon:
    """One of our SVG icons by name (see ICONS); a wrong name is a programming error."""
    path = resource("icons", f"{name}.svg")
    if name not in ICONS or not path.is_file():
        raise ValueError(f"no icon named '{name}' (one of: {', '.join(ICONS)})")
    return QIcon(str(path))


def page_icon(page_name: str) -> QIcon:
    """The sidebar icon of a page, or an empty icon for a page that has none.

    On the selected row it is drawn in the selection's text colour: our dark grey would be
    hard to see on the selection's blue.
    """
    name = PAGE_ICONS.get(page_name)
    if not name:
        return QIcon()
    result = QIcon(icon(name))
    colour = QApplication.palette().color(QPalette.ColorRole.HighlightedText)
    for size in SIDEBAR_ICON_PIXELS:
        tinted = icon(name).pixmap(QSize(size, size), 1.0)
        painter = QPainter(tinted)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(tinted.rect(), colour)
        painter.end()
        result.addPixmap(tinted, QIcon.Mode.Selected)
    return result


def install_translator(app: QApplication, language: str) -> str | None:
    """Translate the app into `language` ("" = the system's); returns the language loaded, if any.

    Replaces a translator installed before. English, and any language we have no file for,
    shows the source strings.
    """
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    locale = QLocale(language) if language else QLocale.system()
    if locale.language() == QLocale.Language.English:
        return None
    translator = QTranslator(app)
    if not translator.load(locale, "mrs_desktop", "_", str(resource("translations"))):
        return None
    app.installTranslator(translator)
    _translators.append(translator)
    return translator.language() or locale.name()
