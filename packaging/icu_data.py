"""Qt's ICU data (libicudata.so.73, 31 MB of the Linux build) cut down to what the app can reach.

QtCore is linked with ICU, which carries its data in that library. Qt asks ICU for collation
(sorting names in a language's order), text boundaries and case mapping; its own locale data
(dates, numbers, language names) is built into QtCore and codecs other than UTF come from ICU
only when asked for by name. So the items kept are: every structural table, the break rules and
dictionaries but the Chinese-Japanese one, collation, and the locale bundles, for the languages
of ASEAN and English; time-zone names in those languages (QTimeZone::displayName asks ICU); not
ICU's character-set converters, transliterators, spelled-out number rules, character names, nor
the display names of currencies, languages, regions and units, which Qt never asks ICU for. Nor
the Chinese collation (0.7 MB: pinyin, stroke and zhuyin orders of Han characters): the app has
no Chinese translation, and a laptop set to Chinese sorts Han in ICU's root order in Qt's own
lists (a file dialog), while the app sorts its registers itself.

The data is an ICU "common data" package (ucmndata.h): a header, a table of contents sorted by
name, then the items, each 16-byte aligned. The trimmed package is linked into a new library
exporting the same symbol (`icudt73_dat`) with the system's C compiler.
Usage: python packaging/icu_data.py LIBRARY   (rewrites it in place; prints the sizes)
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

# ASEAN's languages (Thai, Lao, Khmer, Burmese, Vietnamese, Indonesian, Malay, Filipino, the
# Chinese and Tamil of Singapore) and English, with every regional variant of each. A laptop set
# to another language (German, say) sorts in ICU's root order: the order of most Latin scripts.
LANGUAGES = {"root", "en", "th", "lo", "km", "my", "vi", "id", "ms", "fil", "zh", "ta"}
_DROPPED_TREES = ("translit/", "rbnf/", "curr/", "lang/", "region/", "unit/")
_DROPPED_ITEMS = {"unames.icu", "brkitr/cjdict.dict"}
_NAME_TREES = ("zone/", "coll/", "brkitr/")
_LOCALE = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]+)*\.res$")
_STRUCTURAL = {"res_index.res", "pool.res", "root.res"}


def wanted(item: str) -> bool:
    """Whether an item ('icudt73l/coll/th.res') is kept."""
    name = item.split("/", 1)[1]
    if name.endswith(".cnv") or name in _DROPPED_ITEMS or name.startswith(_DROPPED_TREES):
        return False
    if name.startswith("coll/zh"):  # zh, zh_Hant, zh_HK...: all the Chinese tailorings
        return False
    leaf = name.rsplit("/", 1)[-1]
    if leaf in _STRUCTURAL:
        return True
    locale = _LOCALE.match(leaf)
    if locale and (name.startswith(_NAME_TREES) or "/" not in name):
        return locale.group(1) in LANGUAGES
    return True


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The package's header and its items (name, bytes), in table order."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = data[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        name = toc[name_at:toc.index(b"\0", name_at)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        items.append((name, toc[data_at:end]))
    return data[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A package of `items` (kept in the given order: ICU searches the table by bisection)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    names_at = 4 + 8 * len(items)
    first_data = _aligned(len(header) + names_at + len(names)) - len(header)
    toc, blobs, name_at, data_at = [struct.pack("<I", len(items))], [], names_at, first_data
    for name, blob in items:
        toc.append(struct.pack("<II", name_at, data_at))
        name_at += len(name) + 1
        padded = blob + b"\xaa" * (_aligned(len(blob)) - len(blob))  # ICU's padding byte
        blobs.append(padded)
        data_at += len(padded)
    head = header + b"".join(toc) + names
    return head + b"\xaa" * (len(header) + first_data - len(head)) + b"".join(blobs)


def _aligned(n: int) -> int:
    return (n + 15) // 16 * 16


def package_in_library(library: bytes) -> bytes:
    """The data package inside libicudata: its .rodata section (an ELF64 little-endian file)."""
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF library")
    (sections_at,) = struct.unpack_from("<Q", library, 0x28)
    entry_size, count, names_index = struct.unpack_from("<HHH", library, 0x3A)

    def section(i: int) -> tuple[int, int, int]:  # (name offset, file offset, size)
        fields = struct.unpack_from("<IIQQQQ", library, sections_at + i * entry_size)
        return fields[0], fields[4], fields[5]

    names_at = section(names_index)[1]
    for i in range(count):
        name_at, offset, size = section(i)
        name = library[names_at + name_at:library.index(b"\0", names_at + name_at)]
        if name == b".rodata":
            return library[offset:offset + size]
    raise ValueError("no .rodata section in this library")


def symbol_name(library: Path) -> str:
    match = re.search(rb"icudt\d+_dat", library.read_bytes())
    if not match:
        raise ValueError(f"{library} exports no icudtNN_dat")
    return match.group().decode()


def build_library(package: bytes, symbol: str, soname: str, out: Path) -> None:
    """A shared library exporting `symbol`: the package, read-only, 16-byte aligned."""
    compiler = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if compiler is None:
        raise RuntimeError("no C compiler (cc) to link the trimmed ICU data")
    with tempfile.TemporaryDirectory() as tmp:
        blob = Path(tmp, "icu.dat")
        blob.write_bytes(package)
        source = Path(tmp, "icudata.c")
        source.write_text(
            f'__asm__(".section .rodata\\n.globl {symbol}\\n.type {symbol},@object\\n'
            f'.balign 16\\n{symbol}:\\n.incbin \\"{blob}\\"\\n.size {symbol}, .-{symbol}\\n'
            f'.section .note.GNU-stack,\\"\\",@progbits\\n");\n')
        subprocess.run([compiler, "-shared", "-nostdlib", "-o", str(out), str(source),
                        f"-Wl,-soname,{soname}"], check=True)


def trim(library: Path) -> tuple[int, int]:
    """Rewrites `library` with only the wanted items; (bytes before, bytes after)."""
    before = library.stat().st_size
    header, items = read_package(package_in_library(library.read_bytes()))
    if write_package(header, items)[:len(header)] != header:
        raise ValueError("unexpected ICU package layout")
    kept = [(name, blob) for name, blob in items if wanted(name)]
    trimmed = library.with_name(library.name + ".trimmed")
    build_library(write_package(header, kept), symbol_name(library), library.name, trimmed)
    trimmed.replace(library)
    return before, library.stat().st_size


if __name__ == "__main__":
    old, new = trim(Path(sys.argv[1]))
    print(f"ICU data: {old / 1e6:.1f} MB -> {new / 1e6:.1f} MB")
