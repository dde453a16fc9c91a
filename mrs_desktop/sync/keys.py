"""The node's Ed25519 key pair: the private key in a 0600 file, never in the database."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..domain.errors import AlreadyExists, MrsError


def create_key_file(path: Path) -> str:
    """Write a new private key to `path` (which must not exist); return the public key as hex."""
    return write_key_file(path, Ed25519PrivateKey.generate())


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        raise MrsError(f"the node's private key {path} is missing; restore it from its backup") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise MrsError(f"{path} does not hold an Ed25519 node key")
    return key


def public_hex(key: Ed25519PublicKey) -> str:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def fingerprint(public_key_hex: str) -> str:
    """What two officials read to each other by phone: 8 groups of 4 characters."""
    digest = hashlib.sha256(bytes.fromhex(public_key_hex)).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def box_private_key(key: Ed25519PrivateKey) -> X25519PrivateKey:
    """The node's X25519 key, for bundles encrypted to it: derived from the signing key, so the
    one key file (and its passphrase-protected backup) holds both."""
    seed = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=b"mrs-desktop box key v1").derive(seed)
    return X25519PrivateKey.from_private_bytes(derived)


def box_public_hex(key: Ed25519PrivateKey) -> str:
    return box_private_key(key).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def write_key_file(path: Path, key: Ed25519PrivateKey) -> str:
    """Write a given private key (restored from a backup, or a rotation's new key) to `path`,
    which must not exist, readable by its owner only; return the public key as hex."""
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise AlreadyExists(f"a node key already exists at {path}; it is never overwritten") from None
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
        fh.flush()
        os.fsync(fh.fileno())
    return public_hex(key.public_key())


def sign_hex(key: Ed25519PrivateKey, data: bytes) -> str:
    return key.sign(data).hex()


def signature_valid(public_key_hex: str, signature_hex: str, data: bytes) -> bool:
    """Whether `signature_hex` is the holder of `public_key_hex` signing exactly `data`."""
    try:
        public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
        public.verify(bytes.fromhex(signature_hex), data)
    except (ValueError, InvalidSignature):
        return False
    return True
