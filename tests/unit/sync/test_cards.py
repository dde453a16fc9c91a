"""Peer cards, key backups and rotation statements: what is written reads back, and every kind of
damage or forgery is refused with a message naming the file and the problem."""

from __future__ import annotations

import json
import os
import stat
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mrs_desktop.domain.errors import AlreadyExists, InputRejected, MrsError
from mrs_desktop.sync import cards, keys
from mrs_desktop.sync.keys import NodeKey

NODE = {"node_id": "01900000-0000-7000-8000-00000000abcd", "country": "LAO",
        "organisation": "Ministry of Labour and Social Welfare", "focal_point": "ສົມພອນ ແກ້ວມະນີ",
        "created_at": "2026-03-01T08:00:00+00:00"}


@pytest.fixture(scope="module")
def key() -> NodeKey:
    return NodeKey.generate()


@pytest.fixture
def card_file(tmp_path, key) -> Path:
    path = tmp_path / "lao.mrscard"
    cards.write_card(path, NODE, key)
    return path


def _edit(path: Path, **changes) -> Path:
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc.update(changes)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _rejected(path: Path) -> str:
    with pytest.raises(InputRejected) as caught:
        cards.read_card(path)
    assert str(path) in str(caught.value)
    return str(caught.value)


# --- Cards ----------------------------------------------------------------------------------

def test_a_card_reads_back_as_written(card_file, key):
    card = cards.read_card(card_file)
    public = key.public_hex
    assert (card.node_id, card.country, card.organisation, card.focal_point) == (
        NODE["node_id"], "LAO", NODE["organisation"], NODE["focal_point"])
    assert card.public_key == public and card.box_key == keys.box_public_hex(key)
    assert card.fingerprint == keys.fingerprint(public) and card.created_at == NODE["created_at"]
    doc = json.loads(card_file.read_text(encoding="utf-8"))
    assert doc["format"] == "mrs-peer-card" and doc["version"] == 1
    assert doc == card.as_dict()


def test_the_signature_covers_the_canonical_json_of_every_other_field(card_file):
    doc = json.loads(card_file.read_text(encoding="utf-8"))
    signature = doc.pop("signature")
    signed = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    assert keys.signature_valid(doc["public_key"], signature, signed)


def test_a_card_leaves_no_temporary_file_and_is_readable_by_others(card_file):
    assert [p.name for p in card_file.parent.iterdir()] == [card_file.name]
    if os.name == "posix":
        assert stat.S_IMODE(card_file.stat().st_mode) == 0o644


def test_a_changed_organisation_breaks_the_signature(card_file):
    message = _rejected(_edit(card_file, organisation="Someone Else"))
    assert "signature does not match" in message


def test_a_fingerprint_that_is_not_the_keys_is_refused(card_file):
    message = _rejected(_edit(card_file, fingerprint="0000 1111 2222 3333 4444 5555 6666 7777"))
    assert "fingerprint does not match its public key" in message


def test_another_nodes_key_with_its_fingerprint_is_still_refused(card_file):
    other = NodeKey.generate().public_hex
    message = _rejected(_edit(card_file, public_key=other, fingerprint=keys.fingerprint(other)))
    assert "signature does not match" in message


@pytest.mark.parametrize("content, problem", [
    (b"{\"format\": \"mrs-peer-card\",", "not valid JSON (line 1"),
    (b"\xff\xfe{}", "not UTF-8 text"),
    (b"[1, 2, 3]", "not a JSON object"),
    (b"{\"format\": \"mrs-bundle\", \"version\": 1}", "it is not a peer card"),
    (b"", "not valid JSON"),
])
def test_files_that_are_not_cards_are_refused(tmp_path, content, problem):
    path = tmp_path / "odd.mrscard"
    path.write_bytes(content)
    assert problem in _rejected(path)


def test_a_card_from_a_newer_version_says_so(card_file):
    assert "newer MRS Desktop (peer card version 2)" in _rejected(_edit(card_file, version=2))


@pytest.mark.parametrize("field, value, problem", [
    ("node_id", "not-a-uuid", "node_id is not a node id"),
    ("node_id", "01900000-0000-7000-8000-00000000ABCD", "node_id is not a node id"),
    ("country", "FRA", "country is not an ASEAN member state code"),
    ("country", "lao", "country is not an ASEAN member state code"),
    ("organisation", "", "organisation must be a name"),
    ("organisation", 42, "organisation must be a name"),
    ("public_key", "ab" * 31, "public_key is not a key"),
    ("box_key", "AB" * 32, "box_key is not a key"),
    ("created_at", "yesterday", "created_at is not a date and time"),
    ("signature", "00", "signature is not a signature"),
    ("version", True, "version is missing or not a positive whole number"),
])
def test_fields_of_the_wrong_kind_are_named(card_file, field, value, problem):
    assert problem in _rejected(_edit(card_file, **{field: value}))


def test_missing_and_unexpected_fields_are_named(card_file):
    doc = json.loads(card_file.read_text(encoding="utf-8"))
    del doc["box_key"]
    card_file.write_text(json.dumps(doc))
    assert "missing field(s): box_key" in _rejected(card_file)
    extra = _edit(card_file, box_key="00" * 32, trusted=True)
    assert "unexpected field(s): trusted" in _rejected(extra)


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.mrscard"
    path.write_bytes(b" " * (cards.MAX_FILE_BYTES + 1))
    assert "far too big" in _rejected(path)


def test_a_missing_file_is_named(tmp_path):
    assert "there is no peer card at" in _rejected(tmp_path / "none.mrscard")


def test_a_card_saved_again_by_an_editor_with_a_bom_still_reads(card_file):
    card_file.write_bytes(b"\xef\xbb\xbf" + card_file.read_bytes())
    assert cards.read_card(card_file).country == "LAO"


def test_a_card_for_an_invalid_node_is_never_written(tmp_path, key):
    with pytest.raises(InputRejected, match="country is not an ASEAN"):
        cards.write_card(tmp_path / "x.mrscard", {**NODE, "country": "FRA"}, key)
    assert list(tmp_path.iterdir()) == []


@settings(max_examples=60, deadline=None)
@given(position=st.integers(min_value=0), bit=st.integers(min_value=0, max_value=7))
def test_any_flipped_bit_is_refused_or_harmless(tmp_path_factory, key, position, bit):
    """A bit flipped anywhere either makes the file unreadable or leaves the same signed card
    (whitespace, say): never a different card that passes."""
    path = tmp_path_factory.mktemp("flip") / "c.mrscard"
    original = cards.write_card(path, NODE, key)
    data = bytearray(path.read_bytes())
    data[position % len(data)] ^= 1 << bit
    path.write_bytes(bytes(data))
    try:
        assert cards.read_card(path) == original
    except InputRejected as exc:
        assert str(path) in str(exc)


# --- Key backups ----------------------------------------------------------------------------

PASSPHRASE = "mekong river at dawn"


def test_a_key_backup_opens_with_its_passphrase(tmp_path, key):
    path = tmp_path / "lao.mrskey"
    cards.write_key_backup(path, {**NODE, "public_key": key.public_hex}, key,
                           PASSPHRASE)
    backup = cards.read_key_backup(path, PASSPHRASE)
    assert (backup.node_id, backup.country, backup.focal_point) == (
        NODE["node_id"], "LAO", NODE["focal_point"])
    public = key.public_hex
    assert backup.key.public_hex == backup.public_key == public
    doc = json.loads(path.read_text())
    assert doc["format"] == "mrs-key-backup" and doc["version"] == 2
    sealed = doc["private_key"]
    assert {k: sealed[k] for k in ("kdf", "n", "r", "p", "cipher")} == {
        "kdf": "scrypt", "n": 2 ** 17, "r": 8, "p": 1, "cipher": "xchacha20poly1305"}
    assert (len(sealed["salt"]), len(sealed["nonce"]), len(sealed["sealed"])) == (64, 48, 96)
    assert key.seed.hex() not in path.read_text()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_passphrase_is_compared_after_unicode_normalisation(tmp_path, key):
    path = tmp_path / "vnm.mrskey"
    composed = "Hà Nội mùa thu"  # typed with precomposed letters
    cards.write_key_backup(path, NODE, key, composed)
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert cards.read_key_backup(path, decomposed).node_id == NODE["node_id"]


def test_a_wrong_passphrase_is_refused(tmp_path, key):
    path = tmp_path / "lao.mrskey"
    cards.write_key_backup(path, NODE, key, PASSPHRASE)
    with pytest.raises(InputRejected, match="the passphrase does not open this key backup"):
        cards.read_key_backup(path, "mekong river at dusk")


def test_a_short_passphrase_is_refused_and_nothing_written(tmp_path, key):
    path = tmp_path / "lao.mrskey"
    with pytest.raises(InputRejected, match="at least 10 characters"):
        cards.write_key_backup(path, NODE, key, "123456789")
    assert not path.exists()


def test_a_key_backup_never_overwrites_a_file(tmp_path, key):
    path = tmp_path / "lao.mrskey"
    path.write_text("an older backup")
    with pytest.raises(AlreadyExists):
        cards.write_key_backup(path, NODE, key, PASSPHRASE)
    assert path.read_text() == "an older backup"


@pytest.fixture(scope="module")
def backup_doc(tmp_path_factory, key) -> dict:
    """One backup's contents, made once: scrypt takes a noticeable moment on purpose."""
    path = tmp_path_factory.mktemp("backup") / "lao.mrskey"
    cards.write_key_backup(path, NODE, key, PASSPHRASE)
    return json.loads(path.read_text(encoding="utf-8"))


def _backup_with(tmp_path: Path, doc: dict, **changes) -> Path:
    path = tmp_path / "lao.mrskey"
    path.write_text(json.dumps({**doc, **changes}, ensure_ascii=False), encoding="utf-8")
    return path


def _sealed_with(doc: dict, **changes) -> dict:
    return {**doc["private_key"], **changes}


def test_a_damaged_backup_gives_the_passphrase_message(tmp_path, backup_doc):
    sealed = backup_doc["private_key"]["sealed"]
    flipped = f"{int(sealed[:2], 16) ^ 1:02x}" + sealed[2:]
    path = _backup_with(tmp_path, backup_doc, private_key=_sealed_with(backup_doc, sealed=flipped))
    with pytest.raises(InputRejected, match="the passphrase does not open this key backup"):
        cards.read_key_backup(path, PASSPHRASE)


@pytest.mark.parametrize("change", [
    {"node_id": "01900000-0000-7000-8000-00000000ffff"},  # the sealed key moved to another node
    {"country": "THA"}, {"organisation": "Another ministry"}, {"focal_point": "Someone else"},
    {"created_at": "2020-01-01T00:00:00Z"}, {"public_key": "ab" * 32},
])
def test_a_backup_whose_identity_was_edited_does_not_open(tmp_path, backup_doc, change):
    """Restoring installs the backup's identity (its country decides what the node owns): all of
    it is the sealed key's associated data, so an edit without the passphrase is refused."""
    path = _backup_with(tmp_path, backup_doc, **change)
    with pytest.raises(InputRejected, match="the passphrase does not open this key backup"):
        cards.read_key_backup(path, PASSPHRASE)


def test_running_out_of_memory_is_not_called_a_wrong_passphrase(tmp_path, backup_doc, monkeypatch):
    import nacl.bindings
    import nacl.exceptions

    def no_memory(*args, **kwargs):
        raise nacl.exceptions.RuntimeError("Unexpected failure in key derivation")

    monkeypatch.setattr(nacl.bindings, "crypto_pwhash_scryptsalsa208sha256_ll", no_memory)
    path = _backup_with(tmp_path, backup_doc)
    with pytest.raises(MrsError, match=r"not enough free memory to open this key backup .*"
                                       r"it needs 128 MiB") as raised:
        cards.read_key_backup(path, PASSPHRASE)
    assert "passphrase does not open" not in str(raised.value)


@pytest.mark.parametrize(("change", "reason"), [
    ({"n": 2 ** 30}, "scrypt settings this version does not use"),
    ({"n": 2 ** 19}, "scrypt settings this version does not use"),
    ({"n": 3 * 2 ** 15}, "scrypt settings this version does not use"),
    ({"r": 1}, "scrypt settings this version does not use"),
    ({"kdf": "pbkdf2"}, "encrypted with 'pbkdf2'"),
    ({"salt": "00"}, "is damaged: its salt is not 32 bytes"),
    ({"sealed": "zz" * 48}, "is damaged: its sealed is not 48 bytes"),
    ({"extra": 1}, "is not a passphrase-encrypted key"),
])
def test_a_malformed_sealed_key_is_refused_before_any_work(tmp_path, backup_doc, change, reason):
    path = _backup_with(tmp_path, backup_doc, private_key=_sealed_with(backup_doc, **change))
    with pytest.raises(InputRejected, match=f"{path} is not a usable key backup: private_key"
                                            f".*{reason}"):
        cards.read_key_backup(path, PASSPHRASE)


def test_a_pre_release_pem_backup_is_refused_with_a_clear_message(tmp_path, backup_doc):
    """Key backup version 1 (cryptography's encrypted PKCS#8) never shipped; it no longer opens."""
    pem = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIGbMFcGCSqGSIb3DQEFDTBKMCkG...\n"
    path = _backup_with(tmp_path, backup_doc, version=1, private_key=pem)
    with pytest.raises(InputRejected, match="made by a test version of MRS Desktop before the "
                                            r"first release \(key backup version 1\)"):
        cards.read_key_backup(path, PASSPHRASE)


def test_a_backup_whose_key_was_swapped_is_refused(tmp_path, key, backup_doc):
    """A backup someone sealed, with their own passphrase, for a public key not its key's."""
    other = NodeKey.generate().public_hex
    doc = {**backup_doc, "public_key": other}
    doc["private_key"] = cards._seal_seed(key, PASSPHRASE, cards._sealed_with(doc))
    path = _backup_with(tmp_path, doc)
    with pytest.raises(InputRejected, match="its key does not match its public key"):
        cards.read_key_backup(path, PASSPHRASE)


def test_a_card_is_not_a_key_backup(card_file):
    with pytest.raises(InputRejected, match="it is not a key backup"):
        cards.read_key_backup(card_file, PASSPHRASE)


# --- Rotation statements --------------------------------------------------------------------

def test_a_rotation_statement_signed_by_the_old_key_is_accepted(key):
    new = NodeKey.generate()
    statement = cards.make_rotation(NODE["node_id"], key, new)
    assert statement["new_key"] == new.public_hex
    assert statement["new_box_key"] == keys.box_public_hex(new)
    cards.check_rotation(statement, key.public_hex)  # does not raise


def test_a_rotation_signed_by_another_key_is_refused(key):
    thief = NodeKey.generate()
    forged = cards.make_rotation(NODE["node_id"], thief, NodeKey.generate())
    forged["old_key"] = key.public_hex  # claims to come from the trusted key
    with pytest.raises(InputRejected, match="forged or altered"):
        cards.check_rotation(forged, key.public_hex)


def test_a_rotation_with_a_changed_new_key_is_refused(key):
    statement = cards.make_rotation(NODE["node_id"], key, NodeKey.generate())
    statement["new_key"] = NodeKey.generate().public_hex
    with pytest.raises(InputRejected, match="forged or altered"):
        cards.check_rotation(statement, key.public_hex)


def test_a_rotation_from_a_key_not_trusted_says_to_exchange_cards(key):
    statement = cards.make_rotation(NODE["node_id"], key, NodeKey.generate())
    other = NodeKey.generate().public_hex
    with pytest.raises(InputRejected, match="exchange cards again"):
        cards.check_rotation(statement, other)


def test_a_malformed_rotation_is_refused(key):
    with pytest.raises(InputRejected, match="missing field"):
        cards.check_rotation({"node_id": NODE["node_id"]}, key.public_hex)
    with pytest.raises(InputRejected, match="not a JSON object"):
        cards.check_rotation("rotate", key.public_hex)
