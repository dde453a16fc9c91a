"""The node's keys: HKDF against RFC 5869, the key file's strict PKCS#8 PEM, the X25519 box key's
refusal of low-order keys, and signatures."""

from __future__ import annotations

import base64
import os
import stat

import pytest

from mrs_desktop.domain.errors import AlreadyExists, MrsError
from mrs_desktop.sync import keys
from mrs_desktop.sync.keys import BoxKey, NodeKey, hkdf_sha256

# RFC 5869, appendix A: test case 1 (with salt and info) and test case 3 (neither, as the box key
# and the bundle's key wrap use it).
IKM = bytes([0x0B] * 22)


def test_hkdf_matches_rfc_5869_test_case_1():
    okm = hkdf_sha256(IKM, bytes(range(0xF0, 0xFA)), salt=bytes(range(0x0D)), length=42)
    assert okm.hex() == ("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                         "34007208d5b887185865")


def test_hkdf_matches_rfc_5869_test_case_3_without_salt_or_info():
    assert hkdf_sha256(IKM, b"", length=42).hex() == (
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8")


@pytest.mark.parametrize("length", [0, 255 * 32 + 1])
def test_hkdf_refuses_a_length_it_cannot_give(length):
    with pytest.raises(ValueError, match="HKDF-SHA256 gives 1 to 8160 bytes"):
        hkdf_sha256(IKM, b"", length=length)


# --- The key file ------------------------------------------------------------------------------

def test_a_key_file_is_pkcs8_pem_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "keys" / "node.key"
    public = keys.create_key_file(path)
    text = path.read_text(encoding="ascii")
    lines = text.splitlines()
    assert lines[0] == "-----BEGIN PRIVATE KEY-----" and lines[2] == "-----END PRIVATE KEY-----"
    der = base64.b64decode(lines[1])
    assert der[:16].hex() == "302e020100300506032b657004220420" and len(der) == 48
    assert keys.load_private_key(path).public_hex == public
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(AlreadyExists, match="never overwritten"):
        keys.create_key_file(path)


def test_a_key_file_with_windows_line_ends_still_loads(tmp_path):
    key = NodeKey.generate()
    path = tmp_path / "node.key"
    path.write_bytes(keys.key_file_bytes(key).replace(b"\n", b"\r\n"))
    assert keys.load_private_key(path).seed == key.seed


def _pem(der: bytes, label: str = "PRIVATE KEY") -> bytes:
    body = base64.b64encode(der).decode()
    return f"-----BEGIN {label}-----\n{body}\n-----END {label}-----\n".encode()


SEED = bytes(range(32))
PREFIX = bytes.fromhex("302e020100300506032b657004220420")


@pytest.mark.parametrize("content", [
    _pem(PREFIX + SEED, "ENCRYPTED PRIVATE KEY"),  # a passphrase-protected key
    _pem(bytes.fromhex("302e020100300506032b656e04220420") + SEED),  # an X25519 key, not Ed25519
    _pem(PREFIX + SEED[:31]),  # cut short
    _pem(PREFIX + SEED + b"\0"),  # one byte too many
    _pem(PREFIX + SEED).replace(b"\n-----END", b"!\n-----END"),  # not base64
    _pem(PREFIX + SEED)[:-27],  # no end line
    b"\xff\xfe" + _pem(PREFIX + SEED),  # not ASCII text
    b"",
], ids=["encrypted", "x25519", "short", "long", "not-base64", "no-end", "not-ascii", "empty"])
def test_anything_but_an_unencrypted_ed25519_pem_is_refused_clearly(tmp_path, content):
    path = tmp_path / "node.key"
    path.write_bytes(content)
    with pytest.raises(MrsError, match=f"{path} does not hold an Ed25519 node key"):
        keys.load_private_key(path)


def test_a_missing_key_file_says_to_restore_it(tmp_path):
    with pytest.raises(MrsError, match="is missing; restore it from its backup"):
        keys.load_private_key(tmp_path / "node.key")


# --- Keys and signatures -----------------------------------------------------------------------

def test_a_node_key_signs_what_its_public_key_verifies():
    key = NodeKey(SEED)
    # The public key and signature cryptography (OpenSSL) gave for the seed 00..1f: Ed25519 is
    # deterministic, so libsodium must give the very same bytes.
    assert key.public_hex == "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8"
    signature = key.sign(b"peer card")
    assert signature.hex() == ("deb262a13af15381d03ad8f3c5e5b178f4a7e6be2d1daf0e707643fd0ec039dd"
                               "26aee2f1143b2f8268825f26b73d775810312d297cc963b99bcfbb47c5282b0d")
    assert keys.signature_valid(key.public_hex, signature.hex(), b"peer card")
    assert not keys.signature_valid(key.public_hex, signature.hex(), b"peer cards")
    assert not keys.signature_valid(NodeKey.generate().public_hex, signature.hex(), b"peer card")


@pytest.mark.parametrize(("public", "signature"), [
    ("not hex", "00" * 64), ("00" * 31, "00" * 64), ("00" * 32, "00" * 63), ("00" * 32, "zz"),
])
def test_a_malformed_key_or_signature_is_simply_not_valid(public, signature):
    assert keys.signature_valid(public, signature, b"data") is False


def test_a_node_key_never_shows_its_seed():
    key = NodeKey(SEED)
    assert SEED.hex() not in repr(key) and SEED.hex()[:16] not in repr(key)
    assert SEED.hex() not in repr(keys.box_private_key(key))


def test_the_seed_must_be_32_bytes():
    with pytest.raises(ValueError, match="32 bytes, not 31"):
        NodeKey(SEED[:31])


def test_two_box_keys_agree_on_their_shared_secret():
    mine, theirs = BoxKey.generate(), BoxKey.generate()
    assert mine.exchange(theirs.public) == theirs.exchange(mine.public) != bytes(32)


@pytest.mark.parametrize("low_order", [
    bytes(32),  # 0
    (1).to_bytes(32, "little"),  # 1
    bytes.fromhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),  # order 8
])
def test_a_low_order_public_key_is_refused(low_order):
    with pytest.raises(ValueError, match="low-order"):
        BoxKey.generate().exchange(low_order)


def test_the_box_key_is_derived_from_the_signing_key_alone():
    key = NodeKey(SEED)
    assert keys.box_public_hex(key) == keys.box_public_hex(NodeKey(SEED))
    assert keys.box_public_hex(key) != keys.box_public_hex(NodeKey.generate())
    derived = BoxKey(hkdf_sha256(SEED, b"mrs-desktop box key v1"))
    assert keys.box_private_key(key).public == derived.public
