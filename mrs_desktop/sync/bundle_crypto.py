"""Encryption of a bundle's changes for named recipients (docs/bundle-format.md, "Encryption").

One random content key seals changes.bin; each recipient gets that key wrapped for its X25519
box key through a fresh ephemeral key, so only the listed nodes can read the records.
"""

from __future__ import annotations

import os

import nacl.bindings
import nacl.exceptions

from .keys import BoxKey, hkdf_sha256

CIPHER = "chacha20poly1305"
KEY_SIZE = 32
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
    content_key = os.urandom(KEY_SIZE)
    nonce = os.urandom(NONCE_SIZE)
    sealed = _seal(content_key, nonce, compressed, bundle_id.encode())
    entries = [_wrap(content_key, bundle_id, node_id, box_hex) for node_id, box_hex in recipients]
    return nonce + sealed, {"cipher": CIPHER, "recipients": entries}


def decrypt(stored: bytes, encryption: dict, bundle_id: str,
            box_key: BoxKey | None, node_id: str | None) -> bytes:
    """The compressed changes, if this node (`node_id` holding `box_key`) is a recipient."""
    entry = next((e for e in encryption["recipients"] if e["node_id"] == node_id), None)
    if entry is None or box_key is None:
        names = ", ".join(e["node_id"] for e in encryption["recipients"])
        raise CannotDecrypt(f"this bundle is encrypted for {names}, not for this node")
    content_key = _unwrap(entry, bundle_id, box_key)
    if len(stored) < NONCE_SIZE + TAG_SIZE:
        raise CannotDecrypt("changes.bin is too short to hold encrypted data")
    try:
        return _open(content_key, stored[:NONCE_SIZE], stored[NONCE_SIZE:], bundle_id.encode())
    except nacl.exceptions.CryptoError:
        raise CannotDecrypt("changes.bin cannot be decrypted: it was damaged or altered") from None


def _wrap(content_key: bytes, bundle_id: str, node_id: str, box_hex: str) -> dict:
    recipient = bytes.fromhex(box_hex)
    ephemeral = BoxKey.generate()
    kek = _wrapping_key(ephemeral.exchange(recipient), ephemeral.public, recipient)
    wrapped = _seal(kek, _WRAP_NONCE, content_key, _wrap_aad(bundle_id, node_id))
    return {"node_id": node_id, "ephemeral": ephemeral.public_hex, "wrapped_key": wrapped.hex()}


def _unwrap(entry: dict, bundle_id: str, box_key: BoxKey) -> bytes:
    refused = CannotDecrypt(f"this bundle is encrypted for node {entry['node_id']}, but this "
                            "node's key cannot open it (a different or replaced key)")
    ephemeral_raw = bytes.fromhex(entry["ephemeral"])
    try:
        shared = box_key.exchange(ephemeral_raw)
        kek = _wrapping_key(shared, ephemeral_raw, box_key.public)
        return _open(kek, _WRAP_NONCE, bytes.fromhex(entry["wrapped_key"]),
                     _wrap_aad(bundle_id, entry["node_id"]))
    except (nacl.exceptions.CryptoError, ValueError):  # ValueError: a low-order ephemeral key
        raise refused from None


def _wrapping_key(shared: bytes, ephemeral_raw: bytes, recipient_raw: bytes) -> bytes:
    return hkdf_sha256(shared, _WRAP_INFO + ephemeral_raw + recipient_raw)


def _wrap_aad(bundle_id: str, node_id: str) -> bytes:
    return f"{bundle_id} {node_id}".encode()


def _seal(key: bytes, nonce: bytes, plain: bytes, aad: bytes) -> bytes:
    """ChaCha20-Poly1305 (IETF, RFC 8439): the ciphertext, then the 16-byte tag."""
    return nacl.bindings.crypto_aead_chacha20poly1305_ietf_encrypt(plain, aad, nonce, key)


def _open(key: bytes, nonce: bytes, sealed: bytes, aad: bytes) -> bytes:
    """The plaintext of `_seal`'s output; nacl's CryptoError if the tag does not match."""
    return nacl.bindings.crypto_aead_chacha20poly1305_ietf_decrypt(sealed, aad, nonce, key)
