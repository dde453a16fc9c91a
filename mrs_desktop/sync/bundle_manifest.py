"""The bundle manifest's fields and their types (docs/bundle-format.md, "The manifest").

`check_manifest` is the whole check a reader makes of a manifest before trusting anything in it;
the writer runs it too, so no bundle is written that this version would refuse.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any, Callable

FORMAT = "mrs-bundle"
FORMAT_VERSION = 1
MAX_CHANGES = 200 << 20  # 200 MiB stored
MAX_RAW = 1 << 30  # 1 GiB once decompressed

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_IS_UUID = re.compile(_UUID).fullmatch
_IS_STAMP = re.compile(r"\d{13}\.\d{5}\." + _UUID).fullmatch
_IS_KEY = re.compile(r"[0-9a-f]{64}").fullmatch
_IS_SIGNATURE = re.compile(r"[0-9a-f]{128}").fullmatch
_IS_WRAPPED = re.compile(r"[0-9a-f]{96}").fullmatch  # a 32-byte key and its 16-byte tag
_IS_COUNTRY = re.compile(r"[A-Z]{2,3}").fullmatch
_IS_SCHEMA = re.compile(r"[0-9A-Za-z_]{1,32}").fullmatch
_IS_REGISTER = re.compile(r"[a-z][a-z0-9_]{0,39}").fullmatch


class ManifestInvalid(Exception):
    """One manifest field is missing or of the wrong type; the message names it."""


def check_manifest(m: Any) -> None:
    _fields(m, "", _TOP)
    _exact(m["format"], "format", FORMAT)
    _int(m["format_version"], "format_version", 1, FORMAT_VERSION)
    _text(m["schema"], "schema", _IS_SCHEMA, "a schema revision such as '0002'")
    _text(m["bundle_id"], "bundle_id", _IS_UUID, "a uuid")
    _card(m["sender"], "sender")
    _ids(m["recipients"], "recipients")
    _utc_time(m["created_at"], "created_at")
    _ranges(m["ranges"])
    for origin, stamp in _mapping(m["acked"], "acked", _IS_UUID, "a node id").items():
        _text(stamp, f"acked.{origin}", _IS_STAMP, "a clock stamp")
    for register, n in _mapping(m["counts"], "counts", _IS_REGISTER, "a register name").items():
        _int(n, f"counts.{register}", 0, 1 << 40)
    _parts(m["parts"])
    _nodes(m["nodes"])
    if m["encryption"] is not None:
        _encryption(m["encryption"])
    if m["key_rotation"] is not None:
        _key_rotation(m["key_rotation"])


def _ranges(ranges: Any) -> None:
    for origin, pair in _mapping(ranges, "ranges", _IS_UUID, "a node id").items():
        where = f"ranges.{origin}"
        if not isinstance(pair, list) or len(pair) != 2:
            raise ManifestInvalid(f"field {where} is not a pair [after, upto]")
        after, upto = pair
        if after != "":
            _text(after, f"{where}[0]", _IS_STAMP, "a clock stamp or empty")
        _text(upto, f"{where}[1]", _IS_STAMP, "a clock stamp")
        if not after < upto:
            raise ManifestInvalid(f"field {where} does not end after it starts")


def _parts(parts: Any) -> None:
    _fields(parts, "parts", {"changes.bin": dict})
    part = parts["changes.bin"]
    _fields(part, "parts.changes.bin", {"sha256": str, "size": int, "raw_size": int})
    _text(part["sha256"], "parts.changes.bin.sha256", _IS_KEY, "a SHA-256 in hex")
    _int(part["size"], "parts.changes.bin.size", 0, MAX_CHANGES)
    _int(part["raw_size"], "parts.changes.bin.raw_size", 0, MAX_RAW)


def _nodes(nodes: Any) -> None:
    """Cards of the origins, informative only (a receiver trusts its own peers' keys): one
    missing for a relayed origin the sender does not know is no reason to refuse a bundle."""
    if not isinstance(nodes, list):
        raise ManifestInvalid("field nodes is not a list")
    for i, card in enumerate(nodes):
        _card(card, f"nodes[{i}]")
    ids = [card["node_id"] for card in nodes]
    if len(set(ids)) != len(ids):
        raise ManifestInvalid("field nodes lists a node twice")


def _encryption(enc: Any) -> None:
    _fields(enc, "encryption", {"cipher": str, "recipients": list})
    _exact(enc["cipher"], "encryption.cipher", "chacha20poly1305")
    if not enc["recipients"]:
        raise ManifestInvalid("field encryption.recipients is empty")
    for i, entry in enumerate(enc["recipients"]):
        where = f"encryption.recipients[{i}]"
        _fields(entry, where, {"node_id": str, "ephemeral": str, "wrapped_key": str})
        _text(entry["node_id"], f"{where}.node_id", _IS_UUID, "a uuid")
        _text(entry["ephemeral"], f"{where}.ephemeral", _IS_KEY, "a key in hex")
        _text(entry["wrapped_key"], f"{where}.wrapped_key", _IS_WRAPPED, "a wrapped key in hex")
    _unique([e["node_id"] for e in enc["recipients"]], "encryption.recipients")


def _key_rotation(rot: Any) -> None:
    _fields(rot, "key_rotation", {"node_id": str, "old_key": str, "new_key": str,
                                  "new_box_key": str, "rotated_at": str, "signature": str})
    _text(rot["node_id"], "key_rotation.node_id", _IS_UUID, "a uuid")
    for name in ("old_key", "new_key", "new_box_key"):
        _text(rot[name], f"key_rotation.{name}", _IS_KEY, "a key in hex")
    _utc_time(rot["rotated_at"], "key_rotation.rotated_at")
    _text(rot["signature"], "key_rotation.signature", _IS_SIGNATURE, "a signature in hex")


def _card(card: Any, where: str) -> None:
    _fields(card, where, _CARD)
    _text(card["node_id"], f"{where}.node_id", _IS_UUID, "a uuid")
    _text(card["country"], f"{where}.country", _IS_COUNTRY, "a country code")
    org = card["organisation"]
    if not org.strip() or len(org) > 300:
        raise ManifestInvalid(f"field {where}.organisation is empty or over 300 characters")
    _text(card["public_key"], f"{where}.public_key", _IS_KEY, "a key in hex")


def _ids(ids: Any, where: str) -> None:
    if not isinstance(ids, list):
        raise ManifestInvalid(f"field {where} is not a list")
    for i, value in enumerate(ids):
        _text(value, f"{where}[{i}]", _IS_UUID, "a node id")
    _unique(ids, where)


# --- the primitives ----------------------------------------------------------------------------

def _fields(value: Any, where: str, types: dict[str, type | tuple]) -> None:
    """`value` is an object with exactly these fields, each of its type (None where allowed)."""
    if not isinstance(value, dict):
        raise ManifestInvalid(f"field {where} is not an object" if where else "is not an object")
    prefix = f"{where}." if where else ""
    missing = sorted(types.keys() - value.keys())
    if missing:
        raise ManifestInvalid(f"has no field {prefix}{missing[0]}")
    unknown = sorted(value.keys() - types.keys())
    if unknown:  # a new field means a new format version: this reader cannot know its meaning
        raise ManifestInvalid(f"has an unknown field {prefix}{unknown[0][:80]}")
    for name, kind in types.items():
        if not isinstance(value[name], kind) or (isinstance(value[name], bool) and kind is int):
            raise ManifestInvalid(f"field {prefix}{name} is not {_TYPE_NAMES.get(kind, 'valid')}")


def _mapping(value: Any, where: str, key_ok: Callable, key_says: str) -> dict:
    if not isinstance(value, dict):
        raise ManifestInvalid(f"field {where} is not an object")
    for key in value:
        if not key_ok(key):
            raise ManifestInvalid(f"field {where} has a key {key[:80]!r} that is not {key_says}")
    return value


def _text(value: Any, where: str, ok: Callable, says: str) -> str:
    if not isinstance(value, str) or not ok(value):
        raise ManifestInvalid(f"field {where} is not {says}: {str(value)[:80]!r}")
    return value


def _int(value: Any, where: str, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise ManifestInvalid(f"field {where} is not a whole number from {low} to {high}")
    return value


def _exact(value: Any, where: str, expected: str) -> None:
    if value != expected:
        raise ManifestInvalid(f"field {where} is not {expected!r}")


def _unique(values: list, where: str) -> None:
    if len(set(values)) != len(values):
        raise ManifestInvalid(f"field {where} names a node twice")


def _utc_time(value: Any, where: str) -> None:
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        moment = None
    if moment is None or moment.utcoffset() != timedelta(0):
        raise ManifestInvalid(f"field {where} is not an ISO time in UTC: {str(value)[:80]!r}")


_CARD = {"node_id": str, "country": str, "organisation": str, "public_key": str}
_OBJECT_OR_NULL = (dict, type(None))
_TOP = {"format": str, "format_version": int, "schema": str, "bundle_id": str, "sender": dict,
        "recipients": list, "created_at": str, "ranges": dict, "acked": dict, "counts": dict,
        "parts": dict, "nodes": list, "encryption": _OBJECT_OR_NULL,
        "key_rotation": _OBJECT_OR_NULL}
_TYPE_NAMES = {str: "text", int: "a whole number", dict: "an object", list: "a list",
               _OBJECT_OR_NULL: "an object or null"}
