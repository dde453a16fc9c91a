"""Refreshes resources/translations/*.ts from the GUI's source and compiles them to .qm.

Run after adding or changing user-visible strings:  .venv/bin/python scripts/update_translations.py
pyside6-lupdate collects every tr()/translate() string of mrs_desktop/gui (the generated forms
included) into one .ts file per language, keeping the translations already made; translators
edit the .ts files with Qt Linguist (pyside6-linguist); pyside6-lrelease compiles them into the
.qm files the app loads. Both are committed. An untranslated string shows in English.

resources/translations/glossary.json holds a few terms (page names, menus) per language; any
unfinished message whose source is one of them gets that translation, so a new page titled
"Assessors" is translated as soon as this script runs.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape, unescape

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "mrs_desktop" / "gui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("km", "th", "lo", "my", "vi", "id")  # as in mrs_desktop/gui/look.py, minus English
GLOSSARY = TRANSLATIONS / "glossary.json"
XML_QUOTES = {"&quot;": '"', "&apos;": "'"}
UNFINISHED = re.compile(r'(<source>(.*?)</source>\s*(?:<comment>.*?</comment>\s*)?)'
                        r'<translation type="unfinished"></translation>', re.S)

# The venv's Qt tools, called through their entry points so this works the same on Windows.
TOOL = "import sys; from PySide6.scripts.pyside_tool import {name}; sys.argv[0] = 'pyside6-{name}'; {name}()"


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"mrs_desktop_{language}.ts"


def run_tool(name: str, *args: str) -> None:
    result = subprocess.run([sys.executable, "-c", TOOL.format(name=name), *args], cwd=ROOT,
                            capture_output=True, text=True, encoding="utf-8", check=False)
    if result.returncode != 0:
        raise RuntimeError(f"pyside6-{name} failed: {result.stderr.strip() or result.stdout.strip()}")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def fill_from_glossary(ts: Path, language: str) -> int:
    """Translates the unfinished messages the glossary knows; returns how many it filled."""
    terms = json.loads(GLOSSARY.read_text(encoding="utf-8")).get(language, {})
    filled = 0

    def translate(match: re.Match) -> str:
        nonlocal filled
        known = terms.get(unescape(match.group(2), XML_QUOTES))
        if known is None:
            return match.group(0)
        filled += 1
        return f"{match.group(1)}<translation>{escape(known)}</translation>"

    text = UNFINISHED.sub(translate, ts.read_text(encoding="utf-8"))
    ts.write_text(text, encoding="utf-8", newline="\n")
    return filled


def update(languages: tuple[str, ...] = LANGUAGES) -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in languages:
        ts = ts_path(language)
        # Relative paths keep the <location> lines in the .ts the same on every machine.
        run_tool("lupdate", "-locations", "relative", "-target-language", language, *sources(),
                 "-ts", str(ts.relative_to(ROOT)))
        fill_from_glossary(ts, language)
        run_tool("lrelease", "-silent", str(ts), "-qm", str(ts.with_suffix(".qm")))
        print(f"updated {ts.relative_to(ROOT)} and its .qm")


if __name__ == "__main__":
    update(tuple(sys.argv[1:]) or LANGUAGES)
