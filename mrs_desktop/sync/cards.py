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

import nacl.bindings
import nacl.exceptions

from ..domain.errors import AlreadyExists, InputRejected, MrsError
from ..domain.reference import countries
from . import keys

CARD_FORMAT = "mrs-peer-card"
BACKUP_FORMAT = "mrs-key-backup"
VERSION = 1  # of the peer card
BACKUP_VERSION = 2  # 1 held cryptography's PKCS#8 PEM; it never shipped in a release
MAX_FILE_BYTES = 64 * 1024  # a card or backup is under 2 KB; anything far bigger is not one
MIN_PASSPHRASE = 10

# The key backup's encryption (docs/peers-and-keys.md): scrypt takes 128 MiB and 0.3 to 1 s, as
# a backup is opened rarely and a stolen USB stick should cost a guesser that much per passphrase.
# A reader takes 2^14 (16 MiB, libsodium's "interactive") to 2^18 (256 MiB, room for a later
# version to raise the cost): a hostile file cannot ask an old laptop for a gigabyte.
KDF, CIPHER = "scrypt", "xchacha20poly1305"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 1 << 17, 8, 1
MIN_SCRYPT_N, MAX_SCRYPT_N = 1 << 14, 1 << 18
SALT_SIZE, NONCE_SIZE, TAG_SIZE = 32, 24, 16
_SEALED_FIELDS = ("kdf", "n", "r", "p", "salt", "cipher", "nonce", "sealed")

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
    key: keys.NodeKey


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


def _sealed_key(v) -> str | None:
    if not isinstance(v, dict) or set(v) != set(_SEALED_FIELDS):
        return f"is not a passphrase-encrypted key (an object of {', '.join(_SEALED_FIELDS)})"
    if (v["kdf"], v["cipher"]) != (KDF, CIPHER):
        return f"is encrypted with {v['kdf']!r} and {v['cipher']!r}, not {KDF} and {CIPHER}"
    if not _scrypt_settings_ok(v["n"], v["r"], v["p"]):
        return (f"has scrypt settings this version does not use (n a power of two from "
                f"{MIN_SCRYPT_N} to {MAX_SCRYPT_N}, r {SCRYPT_R}, p {SCRYPT_P})")
    for name, size in (("salt", SALT_SIZE), ("nonce", NONCE_SIZE),
                       ("sealed", keys.SEED_SIZE + TAG_SIZE)):
        if not isinstance(v[name], str) or not re.fullmatch(f"[0-9a-f]{{{2 * size}}}", v[name]):
            return f"is damaged: its {name} is not {size} bytes in hex"
    return None


def _scrypt_settings_ok(n, r, p) -> bool:
    whole = all(type(x) is int for x in (n, r, p))
    return whole and MIN_SCRYPT_N <= n <= MAX_SCRYPT_N and n & (n - 1) == 0 \
        and (r, p) == (SCRYPT_R, SCRYPT_P)


Schema = dict[str, Callable[[object], str | None]]
IDENTITY: Schema = {"node_id": _uuid, "country": _country, "organisation": _name,
                    "focal_point": _optional_name, "public_key": _key, "created_at": _time}
CARD: Schema = {**IDENTITY, "box_key": _key, "fingerprint": _text, "signature": _signature}
BACKUP: Schema = {**IDENTITY, "private_key": _sealed_key}
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


def _check_format(doc: dict, fmt: str, what: str, current: int = VERSION) -> None:
    if doc.get("format") != fmt:
        raise _Bad(f"it is not a {what} (format is not {fmt!r})")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _Bad("its version is missing or not a positive whole number")
    if version > current:
        raise _Bad(f"it was made by a newer MRS Desktop ({what} version {version}); "
                   f"this version reads version {current}")
    if version < current:
        raise _Bad(f"it was made by a test version of MRS Desktop before the first release "
                   f"({what} version {version}), which this version no longer reads; "
                   "make a new one from the node")


# --- Signing --------------------------------------------------------------------------------

def canonical(doc: dict) -> bytes:
    """The bytes a signature covers: JSON with sorted keys, no spaces, UTF-8."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _unsigned(doc: dict) -> bytes:
    return canonical({k: v for k, v in doc.items() if k != "signature"})


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- Peer card ------------------------------------------------------------------------------

def make_card(node: dict, key: keys.NodeKey) -> Card:
    """The card of the node described by `node` (node_id, country, organisation, focal_point,
    optionally created_at), self-signed with `key`, the node's private key."""
    public = key.public_hex
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


def write_card(path: Path, card: dict, key: keys.NodeKey) -> Card:
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


def write_key_backup(path: Path, node: dict, key: keys.NodeKey, passphrase: str) -> None:
    """Write `node`'s identity and `key`, encrypted with `passphrase`, to a new file `path`."""
    if len(unicodedata.normalize("NFC", passphrase)) < MIN_PASSPHRASE:
        raise InputRejected(f"the passphrase is too short: use at least {MIN_PASSPHRASE} characters "
                            "(a few words are easier to remember than symbols)")
    identity = {**{f: node.get(f) for f in IDENTITY}, "public_key": key.public_hex}
    try:
        _check_fields(identity, IDENTITY)  # before scrypt's second of work
    except _Bad as bad:
        raise MrsError(f"this node cannot be backed up: {bad}") from None
    doc = {"format": BACKUP_FORMAT, "version": BACKUP_VERSION, **identity}
    doc["private_key"] = _seal_seed(key, passphrase, _sealed_with(doc))
    _write_atomic(Path(path), _pretty(doc), private=True, overwrite=False)


def read_key_backup(path: Path, passphrase: str) -> KeyBackup:
    path = Path(path)
    doc = _read_json(path, "key backup")
    try:
        if not isinstance(doc, dict):
            raise _Bad("it is not a JSON object")
        _check_format(doc, BACKUP_FORMAT, "key backup", current=BACKUP_VERSION)
        _check_fields(doc, BACKUP, extra=("format", "version"))
    except _Bad as bad:
        raise InputRejected(f"{path} is not a usable key backup: {bad}") from None
    key = _open_seed(doc["private_key"], passphrase, _sealed_with(doc), path)
    if key.public_hex != doc["public_key"]:
        raise InputRejected(f"{path} is not a usable key backup: "
                            "its key does not match its public key")
    return KeyBackup(**{f: doc[f] for f in IDENTITY}, key=key)


# --- Key backup encryption (docs/peers-and-keys.md, "Key backup") ---------------------------


def _sealed_with(doc: dict) -> bytes:
    """The associated data the seed is sealed with: the backup's format, version and identity
    (canonical JSON). Restoring installs that identity (the country decides what the node owns),
    so a change to any of it without the passphrase makes the backup refuse to open."""
    return canonical({f: doc[f] for f in ("format", "version", *IDENTITY)})


def _passphrase_key(passphrase: str, salt: bytes, n: int, r: int, p: int,
                    path: Path | None = None) -> bytes:
    # libsodium's scrypt, not hashlib's: the frozen app need not carry OpenSSL.
    try:
        return nacl.bindings.crypto_pwhash_scryptsalsa208sha256_ll(
            passphrase_bytes(passphrase), salt, n, r, p, dklen=32, maxmem=256 * n * r * p)
    except nacl.exceptions.RuntimeError:  # libsodium could not have the memory scrypt needs
        where = f" ({path})" if path else ""
        raise MrsError(f"not enough free memory to open this key backup{where}: it needs "
                       f"{128 * n * r * p // (1024 * 1024)} MiB; close other programs and try "
                       "again") from None


def _seal_seed(key: keys.NodeKey, passphrase: str, associated: bytes) -> dict:
    """The private_key object: the key's seed sealed with a key derived from the passphrase,
    bound to the backup's identity (`associated`, from _sealed_with), so it cannot be moved into
    another node's backup nor its country or organisation changed."""
    salt, nonce = os.urandom(SALT_SIZE), os.urandom(NONCE_SIZE)
    wrapping = _passphrase_key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    sealed = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(
        key.seed, associated, nonce, wrapping)
    return {"kdf": KDF, "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": salt.hex(),
            "cipher": CIPHER, "nonce": nonce.hex(), "sealed": sealed.hex()}


def _open_seed(sealed: dict, passphrase: str, associated: bytes, path: Path) -> keys.NodeKey:
    refused = InputRejected(f"the passphrase does not open this key backup ({path})")
    try:
        passphrase_bytes(passphrase)
    except UnicodeEncodeError:  # a command line's bytes that are not UTF-8
        raise refused from None
    # Outside the tag check below: running out of memory is not a wrong passphrase.
    wrapping = _passphrase_key(passphrase, bytes.fromhex(sealed["salt"]), sealed["n"],
                               sealed["r"], sealed["p"], path)
    try:
        seed = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
            bytes.fromhex(sealed["sealed"]), associated, bytes.fromhex(sealed["nonce"]), wrapping)
    except nacl.exceptions.CryptoError:
        # The tag says only "not this key": a wrong passphrase, or a damaged or altered file.
        raise refused from None
    return keys.NodeKey(seed)


# --- Key rotation ---------------------------------------------------------------------------

def make_rotation(node_id: str, old_key: keys.NodeKey, new_key: keys.NodeKey) -> dict:
    """The statement, signed by the old key, that the node now signs with the new one."""
    statement = {"node_id": node_id, "old_key": old_key.public_hex,
                 "new_key": new_key.public_hex,
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
