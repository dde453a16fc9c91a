"""Files written by the cryptography-based code before the switch to PyNaCl (tests/fixtures/crypto_v1)
still read: key files, the derived box key, a signed and encrypted bundle, a peer card."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from mrs_desktop.sync import cards, keys
from mrs_desktop.sync.bundle import BundleRejected, open_bundle, read_changes, verify

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "crypto_v1"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["sender", "recipient"])
def test_a_key_file_loads_and_is_written_back_byte_for_byte(tmp_path, name):
    key = keys.load_private_key(FIXTURES / f"{name}.key")
    assert key.public_hex == EXPECTED[f"{name}_public_key"]
    assert keys.box_public_hex(key) == EXPECTED[f"{name}_box_key"]
    copy = tmp_path / "node.key"
    assert keys.write_key_file(copy, key) == EXPECTED[f"{name}_public_key"]
    assert copy.read_bytes() == (FIXTURES / f"{name}.key").read_bytes()


def test_the_bundle_verifies_and_decrypts_for_its_recipient():
    opened = open_bundle(FIXTURES / "encrypted.mrsbundle")
    verify(opened, EXPECTED["sender_public_key"])
    recipient = keys.load_private_key(FIXTURES / "recipient.key")
    changes = read_changes(opened, keys.box_private_key(recipient),
                           node_id=EXPECTED["recipient_node_id"])
    assert changes == EXPECTED["changes"].encode()
    assert [r["family_name"] for r in orjson.loads(changes)] == ["Sok 0", "Sok 1", "Sok 2"]


def test_the_bundle_refuses_another_key_and_another_node():
    opened = open_bundle(FIXTURES / "encrypted.mrsbundle")
    with pytest.raises(BundleRejected, match="signature does not match the trusted key"):
        verify(opened, EXPECTED["recipient_public_key"])
    sender = keys.load_private_key(FIXTURES / "sender.key")
    with pytest.raises(BundleRejected, match="encrypted for 0190a000-0000-7000-8000-000000000002"):
        read_changes(opened, keys.box_private_key(sender), node_id=EXPECTED["sender_node_id"])
    with pytest.raises(BundleRejected, match="this node's key cannot open it"):
        read_changes(opened, keys.box_private_key(sender), node_id=EXPECTED["recipient_node_id"])


def test_the_peer_card_verifies_and_is_remade_identically():
    card = cards.read_card(FIXTURES / "recipient.mrscard")
    assert (card.public_key, card.box_key) == (EXPECTED["recipient_public_key"],
                                               EXPECTED["recipient_box_key"])
    remade = cards.make_card({**card.as_dict(), "created_at": card.created_at},
                             keys.load_private_key(FIXTURES / "recipient.key"))
    assert remade == card  # Ed25519 signatures are deterministic: the same bytes are signed alike
