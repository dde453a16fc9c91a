"""The QR payload printed on a certificate ("MRS1"): compact, versioned, signed by the issuing
node, so a partner can verify a printed certificate offline. Pure (no database); the format is
documented in docs/qr-payload.md.

Text = "MRS1:" + base45(body + signature). The body is a 12-item CBOR array (a strict, minimal
subset of RFC 8949, written by hand below); the signature is Ed25519 over b"MRS1:" + body.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date
from os.path import commonprefix

from ..domain.errors import InputRejected, MrsError
from ..domain.reference import aqrf_levels, countries
from . import keys

VERSION = 1
PREFIX = f"MRS{VERSION}:"
KEY_ID_BYTES = 8
SIGNATURE_BYTES = 64
MAX_TEXT = 4296  # the most characters any QR code holds (version 40, alphanumeric, level L)
MAX_UNITS = 100
_EPOCH = date(1970, 1, 1)  # dates travel as days since 1970-01-01, as in RFC 8943
_HEADER = re.compile(r"MRS(\d{1,6}):")
_KEY_ID = re.compile(r"[0-9a-f]{16}")


class PayloadRejected(InputRejected):
    """The text is not a usable certificate payload; the message says why."""


class _Bad(Exception):
    """One problem found in a payload; the caller says which payload."""


@dataclass(frozen=True)
class CertificatePayload:
    """What the QR code of one certificate says, in field order (see docs/qr-payload.md)."""

    number: str                   # e.g. "KHM-2026-000123"
    holder_latin: str             # the holder's name in Latin script
    holder_native: str | None     # the name in the holder's own script, if it has one
    occupation_code: str
    occupation_title: str | None  # may be shortened to keep the code small
    aqrf_level: int
    qualification: str | None     # the qualification's code, for a full certificate
    units: tuple[str, ...]        # codes of the units achieved
    issued_on: date
    issuer_country: str
    issuer_key_id: str = ""       # key_id() of the signing key; encode() fills it in


def key_id(public_key_hex: str) -> str:
    """The short name of a node key inside payloads: the first 8 bytes of SHA-256 of its
    32 raw bytes, as 16 hex digits. A verifier finds the trusted key whose key_id matches."""
    return hashlib.sha256(bytes.fromhex(public_key_hex)).digest()[:KEY_ID_BYTES].hex()


def is_payload_text(text: str) -> bool:
    """Whether pasted text claims to be a payload (of any version), not a certificate number."""
    return bool(_HEADER.match(text.strip()))


# --- Encoding and decoding ------------------------------------------------------------------

def encode(fields: CertificatePayload, key: keys.NodeKey) -> str:
    """The QR text of `fields`, signed with `key` (the issuing node's private key)."""
    own_id = key_id(key.public_hex)
    if fields.issuer_key_id not in ("", own_id):
        raise MrsError(f"certificate {fields.number}'s payload names issuer key "
                       f"{fields.issuer_key_id}, but it is being signed with key {own_id}")
    fields = replace(fields, units=tuple(fields.units), issuer_key_id=own_id)
    try:
        _check(fields)
    except _Bad as bad:
        raise InputRejected(f"certificate {fields.number!r} cannot be put in a QR code: "
                            f"{bad}") from None
    body = _cbor(_to_items(fields))
    signature = key.sign(PREFIX.encode("ascii") + body)
    text = PREFIX + b45encode(body + signature)
    if len(text) > MAX_TEXT:
        raise InputRejected(f"certificate {fields.number!r} holds too much for a QR code "
                            f"({len(text)} characters; at most {MAX_TEXT}): list fewer units")
    return text


def decode(text: str) -> tuple[CertificatePayload, bytes, bytes]:
    """The fields of a payload, the exact bytes its signature covers, and the signature.
    Raises PayloadRejected for anything that is not a well-formed version 1 payload; it does
    not check the signature (verify_signature does, against a key the verifier trusts)."""
    try:
        body, signature = _unwrap(text)
        fields = _from_items(_uncbor(body))
        _check(fields)
    except _Bad as bad:
        raise PayloadRejected(f"this is not a usable certificate QR code: {bad}") from None
    return fields, PREFIX.encode("ascii") + body, signature


def verify_signature(payload: str | tuple[CertificatePayload, bytes, bytes],
                     public_key_hex: str) -> bool:
    """Whether the payload (its text, or what decode() returned) was signed by the key
    `public_key_hex`. A malformed text raises PayloadRejected, as in decode()."""
    _, signed, signature = decode(payload) if isinstance(payload, str) else payload
    return keys.signature_valid(public_key_hex, signature.hex(), signed)


def _unwrap(text: object) -> tuple[bytes, bytes]:
    if not isinstance(text, str):
        raise _Bad("it is not text")
    text = text.strip()  # a valid payload never ends in a space: see b45decode
    if len(text) > MAX_TEXT:
        raise _Bad(f"it is {len(text)} characters long, more than any QR code holds")
    header = _HEADER.match(text)
    if not header:
        raise _Bad(f"it is not an MRS certificate payload (those begin with {PREFIX!r})")
    if header.group(1) != str(VERSION):  # "MRS01:" too: one payload has one text
        raise _Bad(f"it is payload version {header.group(1)}, which this MRS Desktop does "
                   f"not know (it reads version {VERSION}); a newer MRS Desktop may")
    raw = b45decode(text[header.end():], offset=header.end())
    if len(raw) <= SIGNATURE_BYTES:
        raise _Bad("it is truncated: it is too short to hold a certificate and its signature")
    return raw[:-SIGNATURE_BYTES], raw[-SIGNATURE_BYTES:]


# --- Fields <-> the body's items ------------------------------------------------------------

def _to_items(f: CertificatePayload) -> list:
    # Unit codes mostly share a prefix ("CON-TIL-01", "CON-TIL-02"): it travels once.
    prefix = commonprefix(list(f.units)) if len(f.units) > 1 else ""
    return [f.number, f.holder_latin, f.holder_native, f.occupation_code, f.occupation_title,
            f.aqrf_level, f.qualification, prefix, [u[len(prefix):] for u in f.units],
            (f.issued_on - _EPOCH).days, f.issuer_country, bytes.fromhex(f.issuer_key_id)]


_ITEM_TYPES = (("certificate number", str), ("holder's Latin name", str),
               ("holder's native name", (str, type(None))), ("occupation code", str),
               ("occupation title", (str, type(None))), ("AQRF level", int),
               ("qualification", (str, type(None))), ("unit code prefix", str), ("units", list),
               ("issue date", int), ("issuer country", str), ("issuer key id", bytes))


def _from_items(items: object) -> CertificatePayload:
    if not isinstance(items, list) or len(items) != len(_ITEM_TYPES):
        raise _Bad(f"its contents are not the {len(_ITEM_TYPES)} fields of a version "
                   f"{VERSION} payload")
    for value, (name, kind) in zip(items, _ITEM_TYPES):
        if not isinstance(value, kind):
            raise _Bad(f"its {name} has the wrong type")
    if not all(isinstance(u, str) for u in items[8]):
        raise _Bad("its units have the wrong type (each must be text)")
    if len(items[11]) != KEY_ID_BYTES:
        raise _Bad(f"its issuer key id is not {KEY_ID_BYTES} bytes")
    try:
        issued = date.fromordinal(_EPOCH.toordinal() + items[9])
    except (ValueError, OverflowError):
        raise _Bad("its issue date is out of range") from None
    return CertificatePayload(*items[:7], tuple(items[7] + u for u in items[8]), issued,
                              items[10], items[11].hex())


def _check(f: CertificatePayload) -> None:
    """Refuse values no certificate has: the same rules when encoding and decoding."""
    for name, value, longest in (("certificate number", f.number, 40),
                                 ("holder's Latin name", f.holder_latin, 200),
                                 ("occupation code", f.occupation_code, 60)):
        _text(name, value, longest)
    for name, value, longest in (("holder's native name", f.holder_native, 200),
                                 ("occupation title", f.occupation_title, 200),
                                 ("qualification", f.qualification, 60)):
        if value is not None:
            _text(name, value, longest)
    if isinstance(f.aqrf_level, bool) or f.aqrf_level not in aqrf_levels():
        raise _Bad(f"AQRF level {f.aqrf_level!r} does not exist")
    _check_units(f.units, f.qualification)
    if type(f.issued_on) is not date or f.issued_on < _EPOCH:
        raise _Bad("its issue date is not a date from 1970 on")
    if f.issuer_country not in countries():
        raise _Bad(f"issuer country {f.issuer_country!r} is not an ASEAN member state code")
    if not _KEY_ID.fullmatch(f.issuer_key_id):
        raise _Bad("its issuer key id is not 16 hex digits")


def _check_units(units: tuple[str, ...], qualification: str | None) -> None:
    if not units and qualification is None:
        raise _Bad("it names neither a qualification nor any unit")
    if len(units) > MAX_UNITS:
        raise _Bad(f"it lists {len(units)} units; at most {MAX_UNITS}")
    for unit in units:
        _text("unit code", unit, 60)
    if len(set(units)) != len(units):
        raise _Bad("it lists a unit twice")


def _text(name: str, value: object, longest: int) -> None:
    if not isinstance(value, str) or not value.strip() or len(value) > longest:
        raise _Bad(f"its {name} must be text of 1 to {longest} characters")


# --- Base45 (RFC 9285): the QR code's alphanumeric characters, 1.5 per byte ------------------

_B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_B45_VALUE = {c: i for i, c in enumerate(_B45)}


def b45encode(data: bytes) -> str:
    out = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        out += (_B45[n % 45], _B45[n // 45 % 45], _B45[n // 2025])
    if len(data) % 2:
        out += (_B45[data[-1] % 45], _B45[data[-1] // 45])
    return "".join(out)


def b45decode(text: str, offset: int = 0) -> bytes:
    """The bytes of base45 `text`. A group's last character (its most significant) is at most
    'W' (value 32), so a valid text never ends in a space. `offset` places errors in the input."""
    try:
        values = [_B45_VALUE[c] for c in text]
    except KeyError as missing:
        where = text.index(missing.args[0]) + offset + 1
        raise _Bad(f"character {missing.args[0]!r} at position {where} is not base45 "
                   "(digits, capital letters, space and $%*+-./: only)") from None
    if len(values) % 3 == 1:
        raise _Bad("it is truncated (its base45 text ends part-way through a group)")
    out = bytearray()
    for i in range(0, len(values), 3):
        group = values[i:i + 3]
        n = group[0] + group[1] * 45 + (group[2] * 2025 if len(group) == 3 else 0)
        if n > (0xFFFF if len(group) == 3 else 0xFF):
            raise _Bad(f"the base45 group at position {i + offset + 1} is not a valid value")
        out += n.to_bytes(len(group) - 1, "big")
    return bytes(out)


# --- CBOR, the subset a payload uses: whole numbers, bytes, text, arrays, null ---------------

_UINT, _BYTES, _TEXT, _ARRAY, _NULL = 0, 2, 3, 4, 0xF6


def _cbor(item: object) -> bytes:
    if item is None:
        return bytes([_NULL])
    if isinstance(item, int) and not isinstance(item, bool) and item >= 0:
        return _head(_UINT, item)
    if isinstance(item, bytes):
        return _head(_BYTES, len(item)) + item
    if isinstance(item, str):
        raw = item.encode("utf-8")
        return _head(_TEXT, len(raw)) + raw
    if isinstance(item, list):
        return _head(_ARRAY, len(item)) + b"".join(_cbor(i) for i in item)
    raise TypeError(f"a payload cannot hold {item!r}")


def _head(major: int, n: int) -> bytes:
    """The shortest head (RFC 8949 §4.2.1): the one form a decoder accepts."""
    if n < 24:
        return bytes([major << 5 | n])
    size = 1 if n < 0x100 else 2 if n < 0x10000 else 4 if n < 0x1_0000_0000 else 8
    return bytes([major << 5 | {1: 24, 2: 25, 4: 26, 8: 27}[size]]) + n.to_bytes(size, "big")


def _uncbor(data: bytes) -> object:
    item, end = _item(data, 0, depth=0)
    if end != len(data):
        raise _Bad("it has extra bytes after its contents")
    return item


def _item(data: bytes, pos: int, depth: int) -> tuple[object, int]:
    major, n, pos = _read_head(data, pos)
    if major == 7:
        return None, pos
    if major == _UINT:
        return n, pos
    if major in (_BYTES, _TEXT):
        if pos + n > len(data):
            raise _Bad("it is truncated (a field runs past its end)")
        raw = data[pos:pos + n]
        return (raw if major == _BYTES else _utf8(raw)), pos + n
    if depth >= 2 or n > len(data) - pos:  # a payload nests two levels; each item takes a byte
        raise _Bad("it is malformed (a list is nested too deep or is too long)")
    items = []
    for _ in range(n):
        item, pos = _item(data, pos, depth + 1)
        items.append(item)
    return items, pos


def _read_head(data: bytes, pos: int) -> tuple[int, int, int]:
    if pos >= len(data):
        raise _Bad("it is truncated (its contents end too early)")
    major, info = data[pos] >> 5, data[pos] & 0x1F
    if data[pos] == _NULL:
        return 7, 0, pos + 1
    if major not in (_UINT, _BYTES, _TEXT, _ARRAY) or info > 27:
        raise _Bad(f"it is malformed (byte {pos + 1} of its contents is of a kind "
                   "payloads do not use)")
    if info < 24:
        return major, info, pos + 1
    size = 1 << (info - 24)
    if pos + 1 + size > len(data):
        raise _Bad("it is truncated (its contents end too early)")
    n = int.from_bytes(data[pos + 1:pos + 1 + size], "big")
    if _head(major, n) != data[pos:pos + 1 + size]:
        raise _Bad(f"it is malformed (byte {pos + 1} of its contents is not in its shortest form)")
    return major, n, pos + 1 + size


def _utf8(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _Bad("it is malformed (a text field is not UTF-8)") from None
