"""QR codes on a reportlab canvas: zxing-cpp encodes, the modules become a 1-bit stencil image.

Why this way: reportlab's QrCodeWidget costs ~34 ms a page and segno ~5 ms (FIELD_NOTES); zxing-cpp
encodes in well under a millisecond, and an inline image mask with one bit per module (a few hundred
bytes, written as PDF operators directly) costs almost nothing more. An image mask paints the fill
colour through its bits at the device's resolution with no interpolation, so modules print with
sharp edges. `draw_qr_path` (one filled path of merged runs) is the vector alternative the
benchmark weighs against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import zxingcpp
from PIL import Image

# Medium error correction (15%): survives a fold or a smudge, keeps modules large at 3 cm.
EC_LEVEL = "M"
QUIET_ZONE = 4  # modules of white margin the standard asks for around the symbol
_DARK_RUNS = re.compile(rb"\x00+")


@dataclass(frozen=True)
class QrMatrix:
    """A QR symbol: `size` modules square, rows top to bottom, byte 0 = dark module."""

    size: int
    rows: tuple[bytes, ...]


def qr_matrix(text: str) -> QrMatrix:
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=EC_LEVEL)
    image = memoryview(barcode.to_image(scale=1, add_quiet_zones=False))
    size = image.shape[0]
    data = image.tobytes()
    return QrMatrix(size, tuple(data[r * size:(r + 1) * size] for r in range(size)))


def path_operators(matrix: QrMatrix) -> str:
    """The `re` operators of the dark runs, in module units, origin at the bottom left."""
    parts = []
    top = matrix.size - 1
    for r, row in enumerate(matrix.rows):
        y = top - r
        parts.extend(f"{m.start()} {y} {m.end() - m.start()} 1 re"
                     for m in _DARK_RUNS.finditer(row))
    return "\n".join(parts)


def draw_qr(canvas, text: str, x: float, y: float, width: float) -> QrMatrix:
    """Draw the QR code of `text` as a `width`-wide square, bottom-left corner at (x, y).

    The quiet zone is not drawn: the caller keeps QUIET_ZONE modules clear around it.
    """
    matrix = qr_matrix(text)
    bits = Image.frombytes("L", (matrix.size, matrix.size), b"".join(matrix.rows)).convert("1")
    # Bit 0 (dark) paints the fill colour: the image mask's default decoding.
    canvas._code.append(
        f"q 0 g {width:.3f} 0 0 {width:.3f} {x:.3f} {y:.3f} cm\n"
        f"BI /W {matrix.size} /H {matrix.size} /IM true /BPC 1 /F /AHx ID\n"
        f"{bits.tobytes().hex()}>\nEI Q")
    return matrix


def draw_qr_path(canvas, text: str, x: float, y: float, width: float) -> QrMatrix:
    """Like draw_qr, as one filled vector path: each row's runs of dark modules one rectangle."""
    matrix = qr_matrix(text)
    scale = width / matrix.size
    canvas._code.append(  # raw operators: one path, one fill, no per-rectangle objects
        f"q 0 g {scale:.5f} 0 0 {scale:.5f} {x:.3f} {y:.3f} cm\n{path_operators(matrix)}\nf Q")
    return matrix


def quiet_zone(width: float, size: int) -> float:
    """The white margin, in points, a symbol of `size` modules drawn `width` wide needs."""
    return width / size * QUIET_ZONE
