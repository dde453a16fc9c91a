"""Qt's ICU data, cut down by packaging/icu_data.py for the Linux build: the package is read and
written faithfully, and Qt sorts and breaks ASEAN text with the cut data exactly as with the whole
(Chinese, whose collation is cut, sorts in ICU's root order, without an error).

Linux only, like the cut itself (Qt's Windows wheels carry no ICU): the Windows workflow runs
just the frozen-app and installer tests."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("icu_data", ROOT / "packaging" / "icu_data.py")
icu_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icu_data)

# Sorted in each language's order, and broken into words and lines, by Qt through ICU.
QT_TEXT = r'''
import json
from PySide6.QtCore import QCollator, QLocale, QTextBoundaryFinder
words = ["ข้าว", "กา", "ไก่", "ขวด", "ក្រុង", "កា", "ខ្មែរ", "ຫຼວງ", "ກາ", "မြန်မာ", "ကား",
         "Nguyễn", "Ngô", "Đặng", "Zebra", "apple", "Éclair", "Ñandú", "北京", "中国"]
out = {lang: sorted(words, key=QCollator(QLocale(lang)).sortKey)
       for lang in ("th", "km", "lo", "my", "vi", "id", "ms", "en", "zh")}
text = "ภาษาไทยเป็นภาษาที่สวยงาม ພາສາລາວງາມຫຼາຍ ភាសាខ្មែរគឺស្រស់ស្អាត မြန်မာဘာသာစကား"
for kind in ("Word", "Line"):
    finder = QTextBoundaryFinder(getattr(QTextBoundaryFinder.BoundaryType, kind), text)
    out[kind] = [finder.toNextBoundary() for _ in range(60)]
out["case"] = [QLocale(lang).toUpper("istanbul straße ǆ") for lang in ("tr", "en", "vi")]
print(json.dumps(out, ensure_ascii=False))
'''


def qt_library(name: str) -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "lib" / name


def test_the_package_reads_and_writes_back_byte_for_byte():
    package = icu_data.package_in_library(qt_library("libicudata.so.73").read_bytes())
    header, items = icu_data.read_package(package)
    assert len(items) > 1000
    assert icu_data.write_package(header, items) == package


def test_what_is_kept_and_what_goes():
    kept = ["icudt73l/root.res", "icudt73l/th.res", "icudt73l/km_KH.res", "icudt73l/res_index.res",
            "icudt73l/pool.res", "icudt73l/coll/th.res", "icudt73l/coll/root.res",
            "icudt73l/coll/ucadata.icu", "icudt73l/brkitr/thaidict.dict",
            "icudt73l/brkitr/khmerdict.dict", "icudt73l/brkitr/burmesedict.dict",
            "icudt73l/brkitr/laodict.dict", "icudt73l/brkitr/word.brk", "icudt73l/nfc.nrm",
            "icudt73l/uts46.nrm", "icudt73l/supplementalData.res", "icudt73l/zoneinfo64.res",
            "icudt73l/zone/vi.res", "icudt73l/zone/pool.res", "icudt73l/cnvalias.icu",
            "icudt73l/zh_Hant.res", "icudt73l/coll/ta.res"]
    gone = ["icudt73l/de.res", "icudt73l/coll/de.res", "icudt73l/lang/fr.res",
            "icudt73l/ibm-1390_P110-2003.cnv", "icudt73l/translit/root.res",
            "icudt73l/rbnf/th.res", "icudt73l/unames.icu", "icudt73l/brkitr/cjdict.dict",
            "icudt73l/lang/vi.res", "icudt73l/curr/pool.res", "icudt73l/unit/th.res",
            "icudt73l/region/km.res", "icudt73l/coll/zh.res", "icudt73l/coll/zh_Hant.res"]
    assert [name for name in kept if not icu_data.wanted(name)] == []
    assert [name for name in gone if icu_data.wanted(name)] == []


def test_qt_sorts_and_breaks_asean_text_alike_with_the_cut_data(tmp_path):
    cut = tmp_path / "libicudata.so.73"
    shutil.copy(qt_library("libicudata.so.73"), cut)
    before, after = icu_data.trim(cut)
    assert after < before / 3

    def run(preload: str | None) -> dict:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        if preload:
            env["LD_PRELOAD"] = preload  # takes the place of Qt's own libicudata.so.73
        done = subprocess.run([sys.executable, "-c", QT_TEXT], env=env, capture_output=True,
                              text=True, encoding="utf-8", timeout=120, check=True)
        return json.loads(done.stdout)

    whole, trimmed = run(None), run(str(cut))
    assert trimmed.pop("zh") == trimmed["en"]  # root order: Chinese's own is cut
    whole.pop("zh")
    assert trimmed == whole
    assert whole["th"][:4] == ["กา", "ไก่", "ขวด", "ข้าว"]  # Thai order, not code points
    assert len(set(whole["Word"])) > 8  # the dictionaries found the words
