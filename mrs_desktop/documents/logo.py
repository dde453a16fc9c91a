"""The ministry's logo on certificates: checked once when a node sets it (PNG or JPEG, readable,
not too large), then kept as bytes in the database and drawn from memory."""

from __future__ import annotations

import io
from dataclasses import dataclass

from mrs_desktop.domain.errors import InputRejected

MAX_BYTES = 2 * 1024 * 1024       # a logo is printed 2.3 cm wide: 2 MB is plenty at 600 dpi
MAX_SIDE, MIN_SIDE = 4096, 32     # pixels
FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "MPO": "JPEG"}  # MPO: a JPEG from some cameras


@dataclass(frozen=True)
class LogoInfo:
    """What a checked logo is: its format, size in pixels and in bytes."""

    format: str
    width: int
    height: int
    size: int

    def describe(self) -> str:
        return f"{self.format}, {self.width} × {self.height} pixels, {self.size / 1024:,.0f} KB"


def check_logo(data: bytes, source: str = "the logo") -> LogoInfo:
    """The logo's format and size; InputRejected (naming `source`) if it cannot go on a certificate."""
    from PIL import Image, UnidentifiedImageError  # Pillow comes with reportlab

    if not data:
        raise InputRejected(f"{source} is empty")
    if len(data) > MAX_BYTES:
        raise InputRejected(f"{source} is {len(data) / 1024 / 1024:.1f} MB; a logo may be at most "
                            f"{MAX_BYTES // 1024 // 1024} MB (save it smaller, e.g. 600 pixels wide)")
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, (width, height) = image.format, image.size
            _check_kind(kind, width, height, source)
            image.load()  # decodes the whole image: a truncated or damaged file fails here
    except UnidentifiedImageError:
        raise InputRejected(f"{source} is not a PNG or JPEG image (nor any image format known "
                            "here)") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputRejected(f"{source} is damaged or cut short and cannot be read ({exc})") from exc
    return LogoInfo(FORMATS[kind], width, height, len(data))


def _check_kind(kind: str | None, width: int, height: int, source: str) -> None:
    if kind not in FORMATS:
        raise InputRejected(f"{source} is a {kind} image; a logo must be PNG or JPEG")
    if max(width, height) > MAX_SIDE or min(width, height) < MIN_SIDE:
        raise InputRejected(f"{source} is {width} × {height} pixels; a logo must be between "
                            f"{MIN_SIDE} and {MAX_SIDE} pixels on each side")


def logo_image(data: bytes):
    """The logo as reportlab draws it (from memory, no file)."""
    from reportlab.lib.utils import ImageReader

    return ImageReader(io.BytesIO(data))
