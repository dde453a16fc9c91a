"""The node's keys: its Ed25519 signing key (in a 0600 file, never in the database) and the X25519
box key derived from it. The one module that holds key objects; others use NodeKey and BoxKey."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from pathlib import Path

import nacl.bindings
import nacl.exceptions
import nacl.signing

from ..domain.errors import AlreadyExists, MrsError

SEED_SIZE = 32
# PKCS#8 (RFC 8410) of an unencrypted Ed25519 key is always this DER prefix, then the 32-byte seed.
_PKCS8_PREFIX = bytes.fromhex("302e020100300506032b657004220420")
_PEM_BEGIN, _PEM_END = "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----"
_BOX_INFO = b"mrs-desktop box key v1"


class NodeKey:
    """A node's Ed25519 private key: signs its bundles, cards and certificates."""

    __slots__ = ("_signing",)

    def __init__(self, seed: bytes):
        if len(seed) != SEED_SIZE:
            raise ValueError(f"an Ed25519 seed is {SEED_SIZE} bytes, not {len(seed)}")
        self._signing = nacl.signing.SigningKey(bytes(seed))

    @classmethod
    def generate(cls) -> NodeKey:
        return cls(os.urandom(SEED_SIZE))

    @property
    def seed(self) -> bytes:
        """The 32 secret bytes the whole key is made from: what the key file and backup hold."""
        return bytes(self._signing)

    @property
    def public_hex(self) -> str:
        return bytes(self._signing.verify_key).hex()

    def sign(self, data: bytes) -> bytes:
        """The 64-byte Ed25519 signature of `data`."""
        return self._signing.sign(data).signature

    def __repr__(self) -> str:  # never the seed, even in a traceback or a log
        return f"NodeKey(public {self.public_hex[:16]}…)"


class BoxKey:
    """An X25519 private key: a node's box key, or a bundle's one-time ephemeral key."""

    __slots__ = ("_secret", "public")

    def __init__(self, secret: bytes):
        if len(secret) != 32:
            raise ValueError(f"an X25519 key is 32 bytes, not {len(secret)}")
        self._secret = bytes(secret)
        self.public: bytes = nacl.bindings.crypto_scalarmult_base(self._secret)

    @classmethod
    def generate(cls) -> BoxKey:
        return cls(os.urandom(32))

    @property
    def public_hex(self) -> str:
        return self.public.hex()

    def exchange(self, peer_public: bytes) -> bytes:
        """The X25519 shared secret with `peer_public`; ValueError for a malformed key or a
        low-order one (an all-zero secret, which would seal to a key anyone can compute)."""
        if len(peer_public) != 32:
            raise ValueError(f"an X25519 public key is 32 bytes, not {len(peer_public)}")
        try:
            shared = nacl.bindings.crypto_scalarmult(self._secret, bytes(peer_public))
        except nacl.exceptions.RuntimeError:  # libsodium refuses an all-zero result itself
            shared = bytes(32)
        if not any(shared):
            raise ValueError("a low-order X25519 public key (all-zero shared secret)")
        return shared

    def __repr__(self) -> str:
        return f"BoxKey(public {self.public_hex[:16]}…)"


def hkdf_sha256(secret: bytes, info: bytes, *, salt: bytes = b"", length: int = 32) -> bytes:
    """HKDF (RFC 5869) with SHA-256: extract with `salt` (none means 32 zero bytes), then expand."""
    if not 0 < length <= 255 * 32:
        raise ValueError(f"HKDF-SHA256 gives 1 to {255 * 32} bytes, not {length}")
    prk = hmac.new(salt or bytes(32), secret, hashlib.sha256).digest()
    out, block = b"", b""
    for counter in range(1, -(-length // 32) + 1):
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
    return out[:length]


def create_key_file(path: Path) -> str:
    """Write a new private key to `path` (which must not exist); return the public key as hex."""
    return write_key_file(path, NodeKey.generate())


def load_private_key(path: Path) -> NodeKey:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise MrsError(f"the node's private key {path} is missing; restore it from its backup") from None
    seed = _seed_from_pem(data)
    if seed is None:
        raise MrsError(f"{path} does not hold an Ed25519 node key (an unencrypted PKCS#8 PEM "
                       "file, as MRS Desktop writes it)")
    return NodeKey(seed)


def key_file_bytes(key: NodeKey) -> bytes:
    """The key file's contents: PKCS#8 PEM, unencrypted, as OpenSSL writes an Ed25519 key."""
    body = base64.b64encode(_PKCS8_PREFIX + key.seed).decode("ascii")
    return f"{_PEM_BEGIN}\n{body}\n{_PEM_END}\n".encode("ascii")


def _seed_from_pem(data: bytes) -> bytes | None:
    """The seed of an Ed25519 PKCS#8 PEM key, or None for anything else (another key type, an
    encrypted key, damaged text). Line ends and surrounding blank lines may vary, nothing else."""
    try:
        lines = data.decode("ascii").strip().splitlines()
    except UnicodeDecodeError:
        return None
    if len(lines) < 3 or lines[0].strip() != _PEM_BEGIN or lines[-1].strip() != _PEM_END:
        return None
    try:
        der = base64.b64decode("".join(line.strip() for line in lines[1:-1]), validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(der) != len(_PKCS8_PREFIX) + SEED_SIZE or not der.startswith(_PKCS8_PREFIX):
        return None
    return der[len(_PKCS8_PREFIX):]


def fingerprint(public_key_hex: str) -> str:
    """What two officials read to each other by phone: 8 groups of 4 characters."""
    digest = hashlib.sha256(bytes.fromhex(public_key_hex)).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def box_private_key(key: NodeKey) -> BoxKey:
    """The node's X25519 key, for bundles encrypted to it: derived from the signing key's seed
    (HKDF-SHA256, no salt), so the one key file (and its passphrase-protected backup) holds both."""
    return BoxKey(hkdf_sha256(key.seed, _BOX_INFO))


def box_public_hex(key: NodeKey) -> str:
    return box_private_key(key).public_hex


def write_key_file(path: Path, key: NodeKey) -> str:
    """Write a given private key (restored from a backup, or a rotation's new key) to `path`,
    which must not exist, readable by its owner only; return the public key as hex."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise AlreadyExists(f"a node key already exists at {path}; it is never overwritten") from None
    with os.fdopen(fd, "wb") as fh:
        fh.write(key_file_bytes(key))
        fh.flush()
        os.fsync(fh.fileno())
    return key.public_hex


def sign_hex(key: NodeKey, data: bytes) -> str:
    return key.sign(data).hex()


def signature_valid(public_key_hex: str, signature_hex: str, data: bytes) -> bool:
    """Whether `signature_hex` is the holder of `public_key_hex` signing exactly `data`."""
    try:
        public = nacl.signing.VerifyKey(bytes.fromhex(public_key_hex))
        public.verify(data, bytes.fromhex(signature_hex))
    except (ValueError, TypeError, nacl.exceptions.BadSignatureError):
        return False
    return True
