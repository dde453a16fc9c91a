"""Writing and reading bundles: round trips, encryption, the atomic write, signatures, and the
checks on changes.bin (checksum, decompression bombs)."""

from __future__ import annotations

import hashlib
import io
import os
import tracemalloc
import zipfile
from pathlib import Path

import orjson
import pytest
import zstandard

from mrs_desktop.domain.errors import InputRejected, MrsError
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.sync import bundle
from mrs_desktop.sync.bundle import BundleRejected, open_bundle, read_changes, verify, write_bundle
from mrs_desktop.sync.keys import NodeKey, box_private_key, box_public_hex, signature_valid

PAYLOAD = orjson.dumps([{"register": "assessor", "id": uuid7(), "family_name": f"Sok {i}"}
                        for i in range(500)])


class Node:
    """A node for the tests: an id, a signing key, and its derived box key."""

    def __init__(self, country: str = "KHM"):
        self.id = uuid7()
        self.key = NodeKey.generate()
        self.country = country

    @property
    def public(self) -> str:
        return self.key.public_hex

    @property
    def box(self):
        return box_private_key(self.key)

    def card(self) -> dict:
        return {"node_id": self.id, "country": self.country,
                "organisation": f"Ministry of Labour ({self.country})", "public_key": self.public}


def sample_manifest(sender: Node) -> dict:
    stamp = f"1750000000000.00003.{sender.id}"
    return {"schema": "0002", "bundle_id": uuid7(), "sender": sender.card(), "recipients": [],
            "created_at": "2025-06-15T15:06:40+00:00", "ranges": {sender.id: ["", stamp]},
            "acked": {}, "counts": {"assessor": 500}, "nodes": [sender.card()],
            "key_rotation": None}


def forge(path: Path, manifest: dict, stored: bytes, key: NodeKey) -> Path:
    """A correctly signed bundle holding whatever `manifest` and `stored` say (a lying sender)."""
    data = orjson.dumps(manifest, option=orjson.OPT_SORT_KEYS)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", data)
        zf.writestr("manifest.sig", key.sign(data))
        zf.writestr("changes.bin", stored)
    return path


@pytest.fixture
def sender() -> Node:
    return Node("KHM")


@pytest.fixture
def written(tmp_path, sender) -> Path:
    path = tmp_path / "out.mrsbundle"
    write_bundle(path, manifest=sample_manifest(sender), changes=PAYLOAD, signing_key=sender.key)
    return path


# --- round trips -------------------------------------------------------------------------------

def test_a_plain_bundle_reads_back_what_was_written(tmp_path, sender):
    path = tmp_path / "plain.mrsbundle"
    manifest = sample_manifest(sender)
    written = write_bundle(path, manifest=manifest, changes=PAYLOAD, signing_key=sender.key)

    opened = open_bundle(path)
    verify(opened, sender.public)
    assert read_changes(opened, None, node_id=None) == PAYLOAD
    assert opened.manifest == written == {**manifest, **{k: written[k] for k in
                                          ("format", "format_version", "parts", "encryption")}}
    assert written["format"] == "mrs-bundle" and written["format_version"] == 1
    assert written["encryption"] is None
    assert written["parts"]["changes.bin"]["raw_size"] == len(PAYLOAD)


def test_the_file_is_a_stored_zip_of_three_entries_with_a_sorted_signed_manifest(written, sender):
    with zipfile.ZipFile(written) as zf:
        infos = zf.infolist()
        data = {i.filename: zf.read(i) for i in infos}
    assert [i.filename for i in infos] == ["manifest.json", "manifest.sig", "changes.bin"]
    assert {i.compress_type for i in infos} == {zipfile.ZIP_STORED}
    manifest = orjson.loads(data["manifest.json"])
    assert data["manifest.json"] == orjson.dumps(manifest, option=orjson.OPT_SORT_KEYS)
    assert signature_valid(sender.public, data["manifest.sig"].hex(), data["manifest.json"])
    part = manifest["parts"]["changes.bin"]
    assert part["sha256"] == hashlib.sha256(data["changes.bin"]).hexdigest()
    assert part["size"] == len(data["changes.bin"]) < len(PAYLOAD)
    assert zstandard.ZstdDecompressor().decompress(data["changes.bin"]) == PAYLOAD


def test_an_encrypted_bundle_is_readable_by_each_recipient_and_nobody_else(tmp_path, sender):
    laos, vietnam, thailand = Node("LAO"), Node("VNM"), Node("THA")
    path = tmp_path / "sealed.mrsbundle"
    manifest = {**sample_manifest(sender), "recipients": [laos.id, vietnam.id]}
    written = write_bundle(path, manifest=manifest, changes=PAYLOAD, signing_key=sender.key,
                           encrypt_to=[(laos.id, box_public_hex(laos.key)),
                                       (vietnam.id, box_public_hex(vietnam.key))])
    assert written["encryption"]["cipher"] == "chacha20poly1305"
    assert [r["node_id"] for r in written["encryption"]["recipients"]] == [laos.id, vietnam.id]

    opened = open_bundle(path)
    verify(opened, sender.public)
    for node in (laos, vietnam):
        assert read_changes(opened, node.box, node_id=node.id) == PAYLOAD

    expected = f"encrypted for {laos.id}, {vietnam.id}, not for this node"
    with pytest.raises(BundleRejected, match=expected):
        read_changes(opened, thailand.box, node_id=thailand.id)
    with pytest.raises(BundleRejected, match="not for this node"):
        read_changes(opened, None, node_id=None)
    with pytest.raises(BundleRejected, match="this node's key cannot open it"):
        read_changes(opened, thailand.box, node_id=laos.id)  # a third key under a recipient's id


def test_the_encrypted_records_are_not_in_the_file_but_the_manifest_is(tmp_path, sender):
    laos = Node("LAO")
    path = tmp_path / "sealed.mrsbundle"
    write_bundle(path, manifest=sample_manifest(sender), changes=PAYLOAD, signing_key=sender.key,
                 encrypt_to=[(laos.id, box_public_hex(laos.key))])
    with zipfile.ZipFile(path) as zf:
        stored = zf.read("changes.bin")
    with pytest.raises(zstandard.ZstdError):
        zstandard.ZstdDecompressor().decompress(stored)
    assert b"Ministry of Labour (KHM)" in path.read_bytes()  # who sent it is readable by design


def test_a_bundle_moved_to_another_bundle_id_cannot_be_decrypted(tmp_path, sender):
    """The ciphertext is bound to its bundle id: a sender's bundle re-labelled is refused."""
    laos = Node("LAO")
    source = tmp_path / "sealed.mrsbundle"
    written = write_bundle(source, manifest=sample_manifest(sender), changes=PAYLOAD,
                           signing_key=sender.key, encrypt_to=[(laos.id, box_public_hex(laos.key))])
    with zipfile.ZipFile(source) as zf:
        stored = zf.read("changes.bin")
    relabelled = forge(tmp_path / "relabelled.mrsbundle", {**written, "bundle_id": uuid7()},
                       stored, sender.key)
    opened = open_bundle(relabelled)
    verify(opened, sender.public)
    with pytest.raises(BundleRejected, match="cannot open it"):
        read_changes(opened, laos.box, node_id=laos.id)


def test_an_empty_change_set_round_trips(tmp_path, sender):
    path = tmp_path / "empty.mrsbundle"
    write_bundle(path, manifest=sample_manifest(sender), changes=b"[]", signing_key=sender.key)
    assert read_changes(open_bundle(path), None, node_id=None) == b"[]"


# --- writing -----------------------------------------------------------------------------------

def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_failed_fsync_leaves_no_file_and_no_temp_file(tmp_path, sender, monkeypatch):
    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(bundle.os, "fsync", broken_fsync)
    with pytest.raises(MrsError, match="cannot write .*out.mrsbundle: No space left on device"):
        write_bundle(tmp_path / "out.mrsbundle", manifest=sample_manifest(sender),
                     changes=PAYLOAD, signing_key=sender.key)
    assert _leftovers(tmp_path) == []


def test_an_interruption_mid_write_keeps_the_old_file_and_leaves_no_temp_file(written, sender,
                                                                              monkeypatch):
    before = written.read_bytes()
    real_writestr, calls = zipfile.ZipFile.writestr, []

    def interrupted(self, info, data, *args, **kwargs):
        calls.append(info)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the user closed the app halfway through the file
        return real_writestr(self, info, data, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_bundle(written, manifest=sample_manifest(sender), changes=PAYLOAD,
                     signing_key=sender.key)
    assert written.read_bytes() == before
    assert _leftovers(written.parent) == [written.name]


def test_the_final_name_appears_only_when_the_whole_file_is_on_disk(tmp_path, sender, monkeypatch):
    final = tmp_path / "out.mrsbundle"
    real_replace, seen = os.replace, []

    def watched_replace(src, dst):
        seen.append((Path(src).parent == final.parent, final.exists(),
                     open_bundle(Path(src)).manifest["bundle_id"]))
        return real_replace(src, dst)

    monkeypatch.setattr(bundle.os, "replace", watched_replace)
    written = write_bundle(final, manifest=sample_manifest(sender), changes=PAYLOAD,
                           signing_key=sender.key)
    assert seen == [(True, False, written["bundle_id"])]
    assert _leftovers(tmp_path) == ["out.mrsbundle"]


def test_a_missing_folder_is_a_clear_error(tmp_path, sender):
    with pytest.raises(MrsError, match="cannot write .*nowhere"):
        write_bundle(tmp_path / "nowhere" / "out.mrsbundle", manifest=sample_manifest(sender),
                     changes=PAYLOAD, signing_key=sender.key)


def test_the_writer_refuses_a_manifest_the_reader_would_refuse(tmp_path, sender):
    bad = {**sample_manifest(sender), "bundle_id": "not-a-uuid"}
    with pytest.raises(ValueError, match="bundle_id is not a uuid"):
        write_bundle(tmp_path / "out.mrsbundle", manifest=bad, changes=PAYLOAD,
                     signing_key=sender.key)
    with pytest.raises(ValueError, match="adds format_version"):
        write_bundle(tmp_path / "out.mrsbundle", manifest={**bad, "format_version": 1},
                     changes=PAYLOAD, signing_key=sender.key)
    assert _leftovers(tmp_path) == []


# --- signature ---------------------------------------------------------------------------------

def test_a_bundle_signed_by_another_key_is_rejected(written):
    impostor = Node("KHM")
    opened = open_bundle(written)
    with pytest.raises(BundleRejected) as caught:
        verify(opened, impostor.public)
    assert str(caught.value).startswith(
        "out.mrsbundle: the signature does not match the trusted key")
    assert isinstance(caught.value, InputRejected) and caught.value.exit_code == 3


def test_a_manifest_altered_and_rezipped_fails_the_signature(tmp_path, written, sender):
    opened = open_bundle(written)
    with zipfile.ZipFile(written) as zf:
        stored = zf.read("changes.bin")
    altered = {**opened.manifest, "counts": {"assessor": 499}}
    path = tmp_path / "altered.mrsbundle"
    data = orjson.dumps(altered, option=orjson.OPT_SORT_KEYS)
    with zipfile.ZipFile(path, "w") as zf:  # valid zip checksums, the old signature
        zf.writestr("manifest.json", data)
        zf.writestr("manifest.sig", opened.signature)
        zf.writestr("changes.bin", stored)
    with pytest.raises(BundleRejected, match="signature does not match"):
        verify(open_bundle(path), sender.public)


def test_a_trusted_key_that_is_not_a_key_is_a_rejection_not_a_crash(written):
    with pytest.raises(BundleRejected, match="signature does not match"):
        verify(open_bundle(written), "zz" * 32)


# --- changes.bin -------------------------------------------------------------------------------

def _with_changes(tmp_path: Path, written: Path, sender: Node, stored: bytes, **part) -> Path:
    """A bundle signed by the real sender whose changes.bin is `stored`, described by `part`."""
    manifest = open_bundle(written).manifest
    described = {"sha256": hashlib.sha256(stored).hexdigest(), "size": len(stored), **part}
    return forge(tmp_path / "forged.mrsbundle",
                 {**manifest, "parts": {"changes.bin": described}}, stored, sender.key)


@pytest.mark.parametrize("where", [0, 1, 17, "middle", -2, -1])
def test_one_bit_flipped_in_changes_is_caught_by_its_checksum(tmp_path, written, sender, where):
    with zipfile.ZipFile(written) as zf:
        stored = bytearray(zf.read("changes.bin"))
        offset = zf.getinfo("changes.bin").header_offset
    at = len(stored) // 2 if where == "middle" else where % len(stored)
    data = bytearray(written.read_bytes())
    start = data.index(b"changes.bin", offset) + len("changes.bin")  # no extra field: data follows
    assert data[start:start + len(stored)] == stored
    data[start + at] ^= 0x10
    written.write_bytes(bytes(data))

    opened = open_bundle(written)
    verify(opened, sender.public)  # the manifest is intact: only the records were touched
    with pytest.raises(BundleRejected, match="changes.bin does not match its checksum in the "
                                             "manifest: the file was damaged or altered"):
        read_changes(opened, None, node_id=None)


def _zeros_frame(total: int, *, declare_size: bool) -> bytes:
    """A small zstd frame that expands to `total` zero bytes, built without holding them."""
    out = io.BytesIO()
    cctx = zstandard.ZstdCompressor(level=3, write_content_size=declare_size)
    chunk = bytes(1 << 20)
    with cctx.stream_writer(out, size=total if declare_size else -1, closefd=False) as writer:
        for _ in range(total // len(chunk)):
            writer.write(chunk)
    return out.getvalue()


@pytest.mark.parametrize("declare_size", [True, False])
def test_a_decompression_bomb_is_refused_without_being_allocated(tmp_path, written, sender,
                                                                 declare_size):
    bomb = _zeros_frame(256 << 20, declare_size=declare_size)  # 256 MiB in a few KB
    assert len(bomb) < 64 << 10
    path = _with_changes(tmp_path, written, sender, bomb, raw_size=1000)
    opened = open_bundle(path)
    verify(opened, sender.public)
    tracemalloc.start()
    try:
        with pytest.raises(BundleRejected, match="decompresses to more than the 1000 bytes"):
            read_changes(opened, None, node_id=None)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 << 20


def test_a_raw_size_over_the_cap_is_refused_before_reading_the_records(tmp_path, written, sender):
    stored = zstandard.ZstdCompressor().compress(PAYLOAD)
    path = _with_changes(tmp_path, written, sender, stored, raw_size=(1 << 30) + 1)
    with pytest.raises(BundleRejected, match="raw_size is not a whole number from 0 to 1073741824"):
        open_bundle(path)


def test_records_shorter_than_declared_are_refused(tmp_path, written, sender):
    stored = zstandard.ZstdCompressor().compress(PAYLOAD)
    path = _with_changes(tmp_path, written, sender, stored, raw_size=len(PAYLOAD) + 1)
    with pytest.raises(BundleRejected, match="decompresses to less than"):
        read_changes(open_bundle(path), None, node_id=None)


def test_records_that_are_not_zstd_are_refused(tmp_path, written, sender):
    path = _with_changes(tmp_path, written, sender, b"plain text, not compressed", raw_size=10)
    with pytest.raises(BundleRejected, match="changes.bin cannot be decompressed"):
        read_changes(open_bundle(path), None, node_id=None)


def test_a_changes_size_other_than_the_manifest_says_is_refused(tmp_path, written, sender):
    stored = zstandard.ZstdCompressor().compress(PAYLOAD)
    path = _with_changes(tmp_path, written, sender, stored, size=len(stored) + 1,
                         raw_size=len(PAYLOAD))
    with pytest.raises(BundleRejected, match="does not match its checksum"):
        read_changes(open_bundle(path), None, node_id=None)
