"""Encryption of a bundle's changes for named recipients (docs/bundle-format.md, "Encryption").

One random content key seals changes.bin; each recipient gets that key wrapped for its X25519
box key through a fresh ephemeral key, so only the listed nodes can read the records.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

CIPHER = "chacha20poly1305"
NONCE_SIZE = 12
TAG_SIZE = 16
# Each wrapping key is derived from a fresh ephemeral key and used once, so a fixed nonce is safe.
_WRAP_NONCE = bytes(NONCE_SIZE)
_WRAP_INFO = b"mrs-bundle 1 key wrap"


class CannotDecrypt(Exception):
    """The changes cannot be decrypted here; the message says why, without the file name."""


def encrypt(compressed: bytes, bundle_id: str,
            recipients: list[tuple[str, str]]) -> tuple[bytes, dict]:
    """Seal `compressed` for `recipients` [(node id, box key hex)]: the stored bytes (nonce then
    ciphertext and tag) and the manifest's `encryption` object."""
    content_key = ChaCha20Poly1305.generate_key()
    nonce = os.urandom(NONCE_SIZE)
    sealed = ChaCha20Poly1305(content_key).encrypt(nonce, compressed, bundle_id.encode())
    entries = [_wrap(content_key, bundle_id, node_id, box_hex) for node_id, box_hex in recipients]
    return nonce + sealed, {"cipher": CIPHER, "recipients": entries}


def decrypt(stored: bytes, encryption: dict, bundle_id: str,
            box_key: X25519PrivateKey | None, node_id: str | None) -> bytes:
    """The compressed changes, if this node (`node_id` holding `box_key`) is a recipient."""
    entry = next((e for e in encryption["recipients"] if e["node_id"] == node_id), None)
    if entry is None or box_key is None:
        names = ", ".join(e["node_id"] for e in encryption["recipients"])
        raise CannotDecrypt(f"this bundle is encrypted for {names}, not for this node")
    content_key = _unwrap(entry, bundle_id, box_key)
    if len(stored) < NONCE_SIZE + TAG_SIZE:
        raise CannotDecrypt("changes.bin is too short to hold encrypted data")
    try:
        return ChaCha20Poly1305(content_key).decrypt(stored[:NONCE_SIZE], stored[NONCE_SIZE:],
                                                     bundle_id.encode())
    except InvalidTag:
        raise CannotDecrypt("changes.bin cannot be decrypted: it was damaged or altered") from None


def _wrap(content_key: bytes, bundle_id: str, node_id: str, box_hex: str) -> dict:
    recipient = X25519PublicKey.from_public_bytes(bytes.fromhex(box_hex))
    ephemeral = X25519PrivateKey.generate()
    ephemeral_raw = _raw(ephemeral.public_key())
    kek = _wrapping_key(ephemeral.exchange(recipient), ephemeral_raw, _raw(recipient))
    wrapped = ChaCha20Poly1305(kek).encrypt(_WRAP_NONCE, content_key, _wrap_aad(bundle_id, node_id))
    return {"node_id": node_id, "ephemeral": ephemeral_raw.hex(), "wrapped_key": wrapped.hex()}


def _unwrap(entry: dict, bundle_id: str, box_key: X25519PrivateKey) -> bytes:
    refused = CannotDecrypt(f"this bundle is encrypted for node {entry['node_id']}, but this "
                            "node's key cannot open it (a different or replaced key)")
    ephemeral_raw = bytes.fromhex(entry["ephemeral"])
    try:
        shared = box_key.exchange(X25519PublicKey.from_public_bytes(ephemeral_raw))
        kek = _wrapping_key(shared, ephemeral_raw, _raw(box_key.public_key()))
        return ChaCha20Poly1305(kek).decrypt(_WRAP_NONCE, bytes.fromhex(entry["wrapped_key"]),
                                             _wrap_aad(bundle_id, entry["node_id"]))
    except (InvalidTag, ValueError):  # ValueError: a low-order ephemeral key (all-zero secret)
        raise refused from None


def _wrapping_key(shared: bytes, ephemeral_raw: bytes, recipient_raw: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=_WRAP_INFO + ephemeral_raw + recipient_raw).derive(shared)


def _wrap_aad(bundle_id: str, node_id: str) -> bytes:
    return f"{bundle_id} {node_id}".encode()


def _raw(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
