"""Renders the app icon (resources/icons/app.svg) into the files desktops ask for: the hicolor
PNG sizes and scalable SVG for Linux, and the multi-size .ico for Windows.

Run it again after changing app.svg: `.venv/bin/python packaging/linux/make_icons.py`.
The outputs are committed, so building an installer needs neither Qt nor Pillow at build time.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "resources" / "icons" / "app.svg"
APP_ID = "org.ilo.MrsDesktop"
HICOLOR = ROOT / "packaging" / "linux" / "icons" / "hicolor"
ICO = ROOT / "resources" / "icons" / "app.ico"  # the spec gives it to the .exe files
# The sizes the freedesktop icon theme spec's hicolor theme lists for apps, plus 512 for
# software centres (AppStream wants at least 64, prefers 128 and larger).
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# Explorer picks from these: 16 (lists), 24/32 (menus, taskbar), 48 (icons view), 256 (large).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> bytes:
    """The SVG drawn at `size` x `size` pixels, as PNG bytes (transparent background)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def write_linux(pngs: dict[int, bytes]) -> None:
    for size, data in pngs.items():
        folder = HICOLOR / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{APP_ID}.png").write_bytes(data)
    scalable = HICOLOR / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable / f"{APP_ID}.svg")


def write_ico(pngs: dict[int, bytes]) -> None:
    """Each size drawn from the SVG itself, not scaled down from the largest (sharper at 16)."""
    from PIL import Image

    frames = [Image.open(io.BytesIO(pngs[size])).convert("RGBA") for size in ICO_SIZES]
    largest = frames[-1]
    largest.save(ICO, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=frames[:-1])


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    # Painting needs an application object, kept alive until the icons are written.
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    pngs = {size: render(size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    write_linux({size: pngs[size] for size in PNG_SIZES})
    write_ico(pngs)
    print(f"wrote {len(PNG_SIZES)} PNG sizes and scalable/ under {HICOLOR.relative_to(ROOT)}, "
          f"and {ICO.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
