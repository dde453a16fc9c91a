"""Files that carry a node's identity: the peer card, the passphrase-protected key backup, and the
key-rotation statement. Pure (no database); the formats are documented in docs/peers-and-keys.md.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
import uuid
from contextlib import suppress
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ..domain.errors import AlreadyExists, InputRejected, MrsError
from ..domain.reference import countries
from . import keys

CARD_FORMAT = "mrs-peer-card"
BACKUP_FORMAT = "mrs-key-backup"
VERSION = 1
MAX_FILE_BYTES = 64 * 1024  # a card or backup is under 2 KB; anything far bigger is not one
MIN_PASSPHRASE = 10

_HEX64 = re.compile(r"[0-9a-f]{64}")
_HEX128 = re.compile(r"[0-9a-f]{128}")


class _Bad(Exception):
    """One problem found in a file's contents; the reader adds the file's name."""


@dataclass(frozen=True)
class Card:
    """A node's public identity, self-signed: what a partner trusts after comparing fingerprints."""

    node_id: str
    country: str
    organisation: str
    focal_point: str | None
    public_key: str  # Ed25519, hex: verifies the node's bundles
    box_key: str  # X25519, hex: bundles encrypted to the node
    created_at: str
    fingerprint: str
    signature: str

    def as_dict(self) -> dict:
        return {"format": CARD_FORMAT, "version": VERSION, **asdict(self)}


@dataclass(frozen=True)
class KeyBackup:
    """A node's identity and private key, as opened from a `.mrskey` file with its passphrase."""

    node_id: str
    country: str
    organisation: str
    focal_point: str | None
    public_key: str
    created_at: str
    key: Ed25519PrivateKey


# --- Field checks: each returns what is wrong with a value, or None -------------------------

def _uuid(v) -> str | None:
    try:
        ok = isinstance(v, str) and str(uuid.UUID(v)) == v
    except ValueError:
        ok = False
    return None if ok else "is not a node id (a lower-case UUID)"


def _country(v) -> str | None:
    return None if isinstance(v, str) and v in countries() else \
        f"is not an ASEAN member state code ({', '.join(countries())})"


def _name(v) -> str | None:
    return None if isinstance(v, str) and v.strip() and len(v) <= 300 else \
        "must be a name of 1 to 300 characters"


def _optional_name(v) -> str | None:
    return None if v is None else _name(v)


def _key(v) -> str | None:
    return None if isinstance(v, str) and _HEX64.fullmatch(v) else "is not a key (64 hex digits)"


def _signature(v) -> str | None:
    return None if isinstance(v, str) and _HEX128.fullmatch(v) else \
        "is not a signature (128 hex digits)"


def _time(v) -> str | None:
    try:
        datetime.fromisoformat(v)
    except (TypeError, ValueError):
        return "is not a date and time (ISO 8601)"
    return None


def _text(v) -> str | None:
    return None if isinstance(v, str) else "is not text"


def _pem(v) -> str | None:
    return None if isinstance(v, str) and v.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----") \
        else "is not a passphrase-encrypted private key (PEM)"


Schema = dict[str, Callable[[object], str | None]]
IDENTITY: Schema = {"node_id": _uuid, "country": _country, "organisation": _name,
                    "focal_point": _optional_name, "public_key": _key, "created_at": _time}
CARD: Schema = {**IDENTITY, "box_key": _key, "fingerprint": _text, "signature": _signature}
BACKUP: Schema = {**IDENTITY, "private_key": _pem}
ROTATION: Schema = {"node_id": _uuid, "old_key": _key, "new_key": _key, "new_box_key": _key,
                    "rotated_at": _time, "signature": _signature}


def _check_fields(doc: dict, schema: Schema, extra: tuple[str, ...] = ()) -> None:
    missing = [f for f in schema if f not in doc]
    unknown = sorted(set(doc) - set(schema) - set(extra))
    if missing:
        raise _Bad(f"missing field(s): {', '.join(missing)}")
    if unknown:
        raise _Bad(f"unexpected field(s): {', '.join(unknown)}")
    for name, check in schema.items():
        problem = check(doc[name])
        if problem:
            raise _Bad(f"{name} {problem}")


def _check_format(doc: dict, fmt: str, what: str) -> None:
    if doc.get("format") != fmt:
        raise _Bad(f"it is not a {what} (format is not {fmt!r})")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _Bad("its version is missing or not a positive whole number")
    if version > VERSION:
        raise _Bad(f"it was made by a newer MRS Desktop ({what} version {version}); "
                   f"this version reads version {VERSION}")


# --- Signing --------------------------------------------------------------------------------

def canonical(doc: dict) -> bytes:
    """The bytes a signature covers: JSON with sorted keys, no spaces, UTF-8."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _unsigned(doc: dict) -> bytes:
    return canonical({k: v for k, v in doc.items() if k != "signature"})


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- Peer card ------------------------------------------------------------------------------

def make_card(node: dict, key: Ed25519PrivateKey) -> Card:
    """The card of the node described by `node` (node_id, country, organisation, focal_point,
    optionally created_at), self-signed with `key`, the node's private key."""
    public = keys.public_hex(key.public_key())
    if node.get("public_key", public) != public:
        raise MrsError("the node's public key does not belong to its key file; run `mrs check`")
    doc = {"format": CARD_FORMAT, "version": VERSION, "node_id": node["node_id"],
           "country": node["country"], "organisation": node["organisation"],
           "focal_point": node.get("focal_point"), "public_key": public,
           "box_key": keys.box_public_hex(key), "created_at": node.get("created_at") or _now(),
           "fingerprint": keys.fingerprint(public)}
    doc["signature"] = keys.sign_hex(key, _unsigned(doc))
    return parse_card(doc, "the new card")


def parse_card(doc: object, where: str | Path) -> Card:
    """A card from its decoded JSON, every field checked and the self-signature verified."""
    try:
        if not isinstance(doc, dict):
            raise _Bad("it is not a JSON object")
        _check_format(doc, CARD_FORMAT, "peer card")
        _check_fields(doc, CARD, extra=("format", "version"))
        if doc["fingerprint"] != keys.fingerprint(doc["public_key"]):
            raise _Bad("its fingerprint does not match its public key")
        if not keys.signature_valid(doc["public_key"], doc["signature"], _unsigned(doc)):
            raise _Bad("its signature does not match its contents: it was altered after it was made")
    except _Bad as bad:
        raise InputRejected(f"{where} is not a usable peer card: {bad}") from None
    return Card(**{f.name: doc[f.name] for f in fields(Card)})


def write_card(path: Path, card: dict, key: Ed25519PrivateKey) -> Card:
    """Make the card of `card`'s node (see make_card) and write it to `path`, atomically."""
    made = make_card(card, key)
    _write_atomic(Path(path), _pretty(made.as_dict()), private=False, overwrite=True)
    return made


def read_card(path: Path) -> Card:
    path = Path(path)
    return parse_card(_read_json(path, "peer card"), path)


# --- Key backup -----------------------------------------------------------------------------

def passphrase_bytes(passphrase: str) -> bytes:
    """NFC first, so the same words typed on another keyboard or system open the backup."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def write_key_backup(path: Path, node: dict, key: Ed25519PrivateKey, passphrase: str) -> None:
    """Write `node`'s identity and `key`, encrypted with `passphrase`, to a new file `path`."""
    if len(unicodedata.normalize("NFC", passphrase)) < MIN_PASSPHRASE:
        raise InputRejected(f"the passphrase is too short: use at least {MIN_PASSPHRASE} characters "
                            "(a few words are easier to remember than symbols)")
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.BestAvailableEncryption(passphrase_bytes(passphrase)))
    doc = {"format": BACKUP_FORMAT, "version": VERSION,
           **{f: node.get(f) for f in IDENTITY}, "private_key": pem.decode("ascii")}
    doc["public_key"] = keys.public_hex(key.public_key())
    try:
        _check_fields(doc, BACKUP, extra=("format", "version"))
    except _Bad as bad:
        raise MrsError(f"this node cannot be backed up: {bad}") from None
    _write_atomic(Path(path), _pretty(doc), private=True, overwrite=False)


def read_key_backup(path: Path, passphrase: str) -> KeyBackup:
    path = Path(path)
    doc = _read_json(path, "key backup")
    try:
        if not isinstance(doc, dict):
            raise _Bad("it is not a JSON object")
        _check_format(doc, BACKUP_FORMAT, "key backup")
        _check_fields(doc, BACKUP, extra=("format", "version"))
    except _Bad as bad:
        raise InputRejected(f"{path} is not a usable key backup: {bad}") from None
    key = _open_key(doc["private_key"], passphrase, path)
    if keys.public_hex(key.public_key()) != doc["public_key"]:
        raise InputRejected(f"{path} is not a usable key backup: "
                            "its key does not match its public key")
    return KeyBackup(**{f: doc[f] for f in IDENTITY}, key=key)


def _open_key(pem: str, passphrase: str, path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem.encode("ascii"), passphrase_bytes(passphrase))
    except (ValueError, TypeError, UnicodeEncodeError):
        # cryptography says ValueError both for a wrong passphrase and for a damaged key.
        raise InputRejected(f"the passphrase does not open this key backup ({path})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise InputRejected(f"{path} is not a usable key backup: it holds no Ed25519 node key")
    return key


# --- Key rotation ---------------------------------------------------------------------------

def make_rotation(node_id: str, old_key: Ed25519PrivateKey, new_key: Ed25519PrivateKey) -> dict:
    """The statement, signed by the old key, that the node now signs with the new one."""
    statement = {"node_id": node_id, "old_key": keys.public_hex(old_key.public_key()),
                 "new_key": keys.public_hex(new_key.public_key()),
                 "new_box_key": keys.box_public_hex(new_key), "rotated_at": _now()}
    statement["signature"] = keys.sign_hex(old_key, canonical(statement))
    return statement


def check_rotation(statement: object, trusted_key: str) -> None:
    """Refuse a statement that is malformed, not from `trusted_key`, or not signed by it."""
    try:
        if not isinstance(statement, dict):
            raise _Bad("it is not a JSON object")
        _check_fields(statement, ROTATION)
        if statement["old_key"] != trusted_key:
            raise _Bad(f"it replaces key {keys.fingerprint(statement['old_key'])}, but the key "
                       f"trusted for this node is {keys.fingerprint(trusted_key)}; "
                       "exchange cards again")
        if statement["new_key"] == statement["old_key"]:
            raise _Bad("its new key is its old key")
        if not keys.signature_valid(trusted_key, statement["signature"], _unsigned(statement)):
            raise _Bad("its signature is not the trusted key's: it was forged or altered")
    except _Bad as bad:
        raise InputRejected(f"refused a key rotation: {bad}") from None


# --- Files ----------------------------------------------------------------------------------

def _pretty(doc: dict) -> bytes:
    return (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _read_json(path: Path, what: str) -> object:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputRejected(f"there is no {what} at {path}") from None
    except IsADirectoryError:
        raise InputRejected(f"{path} is a folder, not a {what}") from None
    except OSError as exc:
        raise InputRejected(f"{path} cannot be read: {exc.strerror}") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputRejected(f"{path} is not a usable {what}: it is far too big to be one")
    try:
        return json.loads(data.decode("utf-8-sig"))  # a BOM, if an editor added one, is harmless
    except UnicodeDecodeError:
        raise InputRejected(f"{path} is not a usable {what}: it is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputRejected(f"{path} is not a usable {what}: it is not valid JSON "
                            f"(line {exc.lineno}, column {exc.colno}: {exc.msg})") from None


def _write_atomic(path: Path, data: bytes, *, private: bool, overwrite: bool) -> None:
    """Write to a temporary file beside `path`, then move it into place: a crash never leaves a
    half-written file under the final name."""
    if not overwrite and path.exists():
        raise AlreadyExists(f"{path} already exists; it is never overwritten: choose another name")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if not private:
            os.chmod(tmp, 0o644)  # a card is public; mkstemp makes files private
        # A rename, not a hard link, even when not overwriting: USB sticks (FAT, exFAT), where
        # backups often go, have no hard links. The check above leaves a moment's race only.
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
