"""A stranger's file is checked before anything in it is trusted: the zip's structure, the
entries, and every manifest field; damage anywhere is a clear refusal, never a traceback."""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mrs_desktop.domain.ids import uuid7
from mrs_desktop.sync import bundle
from mrs_desktop.sync.bundle import BundleRejected, open_bundle, read_changes, verify, write_bundle
from mrs_desktop.sync.keys import NodeKey

KEY = NodeKey.generate()
NODE = uuid7()
CARD = {"node_id": NODE, "country": "LAO", "organisation": "Ministry of Labour and Social Welfare",
        "public_key": KEY.public_hex}
PAYLOAD = orjson.dumps([{"register": "assessor", "id": uuid7(), "n": i} for i in range(40)])


def sample_manifest() -> dict:
    return {"schema": "0002", "bundle_id": uuid7(), "sender": CARD, "recipients": [],
            "created_at": "2025-06-15T15:06:40+00:00",
            "ranges": {NODE: ["", f"1750000000000.00003.{NODE}"]}, "acked": {},
            "counts": {"assessor": 40}, "nodes": [CARD], "key_rotation": None}


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> tuple[bytes, dict[str, bytes]]:
    """A valid bundle: its file bytes and its three entries."""
    path = tmp_path_factory.mktemp("good") / "good.mrsbundle"
    write_bundle(path, manifest=sample_manifest(), changes=PAYLOAD, signing_key=KEY)
    with zipfile.ZipFile(path) as zf:
        return path.read_bytes(), {name: zf.read(name) for name in zf.namelist()}


def make_zip(path: Path, entries: list[tuple[str, bytes]], *,
             deflate: tuple[str, ...] = ()) -> Path:
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w") as zf:
        warnings.simplefilter("ignore")  # zipfile warns of duplicate names: we want them
        for name, data in entries:
            kind = zipfile.ZIP_DEFLATED if name in deflate else zipfile.ZIP_STORED
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=kind)
    return path


def refused(path: Path) -> str:
    with pytest.raises(BundleRejected) as caught:
        open_bundle(path)
    message = str(caught.value)
    assert message.startswith(f"{path.name}: ")
    return message


def with_manifest(tmp_path: Path, good, manifest: dict | bytes) -> Path:
    data = manifest if isinstance(manifest, bytes) else orjson.dumps(manifest)
    return make_zip(tmp_path / "b.mrsbundle", [
        ("manifest.json", data), ("manifest.sig", KEY.sign(data)),
        ("changes.bin", good[1]["changes.bin"])])


# --- the file and the zip ----------------------------------------------------------------------

def test_a_missing_file_and_a_folder_are_refused(tmp_path):
    assert refused(tmp_path / "gone.mrsbundle").endswith("no such file")
    (tmp_path / "dir.mrsbundle").mkdir()
    assert refused(tmp_path / "dir.mrsbundle").endswith("is not a file")


@pytest.mark.parametrize("content", [b"", b"hello", b"PK\x03\x04" + bytes(100),
                                     b"PK\x05\x06" + bytes(10)])
def test_a_file_that_is_not_a_zip_is_refused(tmp_path, content):
    path = tmp_path / "junk.mrsbundle"
    path.write_bytes(content)
    assert "not a zip file, or truncated or damaged" in refused(path)


def test_an_empty_zip_is_refused(tmp_path):
    assert refused(make_zip(tmp_path / "empty.mrsbundle", [])).endswith("has no manifest.json")


@pytest.mark.parametrize("keep", [0.0, 0.1, 0.5, 0.9, 0.99, -22, -1])
def test_a_truncated_bundle_is_refused(tmp_path, good, keep):
    data = good[0]
    cut = int(len(data) * keep) if isinstance(keep, float) else len(data) + keep
    path = tmp_path / "cut.mrsbundle"
    path.write_bytes(data[:cut])
    assert "truncated" in refused(path)


@pytest.mark.parametrize("name", ["../changes.bin", "/changes.bin", "sub/changes.bin",
                                  "..\\changes.bin", "C:changes.bin", "..", "."])
def test_an_entry_with_an_unsafe_name_is_refused(tmp_path, good, name):
    entries = [*good[1].items(), (name, b"x")]
    path = make_zip(tmp_path / "t.mrsbundle", entries)
    assert f"an entry with an unsafe name {name!r}" in refused(path)


@pytest.mark.parametrize("name", ["manifest.json", "manifest.sig", "changes.bin"])
def test_a_duplicate_entry_is_refused(tmp_path, good, name):
    entries = [*good[1].items(), (name, good[1][name])]
    assert refused(make_zip(tmp_path / "d.mrsbundle", entries)).endswith(f"holds {name} twice")


def test_an_extra_entry_is_refused(tmp_path, good):
    entries = [*good[1].items(), ("readme.txt", b"hello")]
    path = make_zip(tmp_path / "e.mrsbundle", entries)
    assert "unexpected entries ('readme.txt')" in refused(path)


@pytest.mark.parametrize("missing", ["manifest.json", "manifest.sig", "changes.bin"])
def test_a_missing_entry_is_refused(tmp_path, good, missing):
    entries = [(n, d) for n, d in good[1].items() if n != missing]
    assert refused(make_zip(tmp_path / "m.mrsbundle", entries)).endswith(f"has no {missing}")


def test_a_zip_of_many_entries_is_refused_before_its_directory_is_read(tmp_path, good):
    entries = [*good[1].items(), *((f"f{i}", b"") for i in range(20))]
    assert "holds 23 entries" in refused(make_zip(tmp_path / "many.mrsbundle", entries))


def _end_record_at(data: bytes) -> int:
    at = len(data) - 22
    assert data[at:at + 4] == b"PK\x05\x06"
    return at


def test_a_zip_directory_claiming_to_be_huge_is_refused_before_it_is_read(tmp_path, good):
    data = bytearray(good[0])
    at = _end_record_at(data)
    data[at + 12:at + 16] = (50 << 20).to_bytes(4, "little")  # 50 MiB of directory entries
    path = tmp_path / "dir.mrsbundle"
    path.write_bytes(bytes(data))
    assert "has a zip directory of 52428800 bytes, too large for a bundle" in refused(path)


def test_a_zip64_end_record_is_refused(tmp_path, good):
    """ZIP64 records would override the sizes checked in the ordinary end record."""
    data = good[0]
    at = _end_record_at(data)
    path = tmp_path / "z64.mrsbundle"
    path.write_bytes(data[:at] + b"PK\x06\x07" + bytes(16) + data[at:])
    assert refused(path).endswith("uses ZIP64, which a bundle never needs")


@pytest.mark.parametrize("name", ["manifest.json", "manifest.sig", "changes.bin"])
def test_a_deflated_entry_is_refused(tmp_path, good, name):
    path = make_zip(tmp_path / "z.mrsbundle", list(good[1].items()), deflate=(name,))
    assert f"{name} is compressed inside the zip" in refused(path)


def test_a_manifest_over_one_mebibyte_is_refused(tmp_path, good):
    big = b"{" + b" " * (1 << 20) + b"}"
    assert "manifest.json is 1048578 bytes, over the limit of 1048576" in refused(
        with_manifest(tmp_path, good, big))


@pytest.mark.parametrize("size", [0, 63, 65])
def test_a_signature_that_is_not_64_bytes_is_refused(tmp_path, good, size):
    entries = {**good[1], "manifest.sig": bytes(size)}
    message = refused(make_zip(tmp_path / "s.mrsbundle", list(entries.items())))
    assert "manifest.sig" in message and str(size) in message


def test_changes_over_the_stored_limit_are_refused(tmp_path, good, monkeypatch):
    monkeypatch.setattr(bundle, "MAX_CHANGES", 100)
    path = tmp_path / "big.mrsbundle"
    path.write_bytes(good[0])
    assert "changes.bin is" in refused(path) and "over the limit of 100" in refused(path)


def test_a_file_larger_than_any_bundle_is_refused_unread(tmp_path, good, monkeypatch):
    monkeypatch.setattr(bundle, "MAX_FILE", 1000)
    path = tmp_path / "huge.mrsbundle"
    path.write_bytes(good[0])
    assert "larger than a bundle can be" in refused(path)


# --- bit flips ---------------------------------------------------------------------------------

def _entry_start(data: bytes, name: str) -> int:
    """Where an entry's bytes begin: after its local header and name (we write no extra field)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        offset = zf.getinfo(name).header_offset
    assert data[offset + 30:offset + 30 + len(name)] == name.encode()
    return offset + 30 + len(name)


@pytest.mark.parametrize("name", ["manifest.json", "manifest.sig"])
@pytest.mark.parametrize("where", [0, 1, 0.5, -1])
def test_one_bit_flipped_in_the_manifest_or_signature_is_refused(tmp_path, good, name, where):
    data, entries = bytearray(good[0]), good[1]
    size = len(entries[name])
    at = _entry_start(data, name) + (
        int(size * where) if isinstance(where, float) else where % size)
    data[at] ^= 0x01
    path = tmp_path / "flip.mrsbundle"
    path.write_bytes(bytes(data))
    assert f"{name} is damaged (its zip checksum does not match)" in refused(path)


def _read_all(path: Path) -> tuple[bytes, bytes]:
    opened = open_bundle(path)
    verify(opened, CARD["public_key"])
    return opened.manifest_bytes, read_changes(opened, None, node_id=None)


def _bookkeeping(data: bytes, entries: dict[str, bytes]) -> list[int]:
    """The positions of the zip's own bytes: headers, central directory, end record."""
    inside = set()
    for name, content in entries.items():
        start = _entry_start(data, name)
        assert data[start:start + len(content)] == content
        inside.update(range(start, start + len(content)))
    return [i for i in range(len(data)) if i not in inside]


def test_every_bit_of_the_zip_bookkeeping_flipped_is_refused_or_changes_nothing(tmp_path, good):
    """Exhaustive over the zip's own bytes, where hostile values (negative offsets, odd flags,
    other names) hide; the entries' contents are covered by the tests above and below."""
    path, outcomes = tmp_path / "flip.mrsbundle", {"refused": 0, "same": 0}
    for at in _bookkeeping(good[0], good[1]):
        for bit in range(8):
            data = bytearray(good[0])
            data[at] ^= 1 << bit
            path.write_bytes(bytes(data))
            try:
                assert _read_all(path) == (good[1]["manifest.json"], PAYLOAD), (at, bit)
                outcomes["same"] += 1
            except BundleRejected as exc:
                assert str(exc).startswith("flip.mrsbundle: ")
                outcomes["refused"] += 1
    assert outcomes["refused"] > outcomes["same"] > 0  # timestamps and the like are harmless


@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_random_bit_flip_anywhere_is_refused_or_changes_nothing(tmp_path, good, data):
    """Flips in zip bookkeeping (timestamps, CRC of changes.bin...) may be harmless; anything
    else is a BundleRejected. Never another exception, never different content accepted."""
    original = bytearray(good[0])
    at = data.draw(st.integers(0, len(original) - 1), label="byte")
    bit = data.draw(st.integers(0, 7), label="bit")
    original[at] ^= 1 << bit
    path = tmp_path / "random.mrsbundle"
    path.write_bytes(bytes(original))
    try:
        manifest_bytes, changes = _read_all(path)
    except BundleRejected as exc:
        assert str(exc).startswith("random.mrsbundle: ")
        return
    assert manifest_bytes == good[1]["manifest.json"]
    assert changes == PAYLOAD


# --- the manifest ------------------------------------------------------------------------------

def test_a_manifest_that_is_not_utf8_is_refused(tmp_path, good):
    text = orjson.dumps(good_manifest(good)).replace(b"Ministry", b"Minist\xff\xfery")
    message = refused(with_manifest(tmp_path, good, text))
    assert message.endswith("manifest.json is not valid UTF-8 text")


@pytest.mark.parametrize("text", [b"{", b"not json", b'{"a": NaN}', b""])
def test_a_manifest_that_is_not_json_is_refused(tmp_path, good, text):
    assert "manifest.json is not valid JSON" in refused(with_manifest(tmp_path, good, text))


@pytest.mark.parametrize("text", [b"[]", b'"mrs-bundle"', b"null", b"1"])
def test_a_manifest_that_is_not_an_object_is_refused(tmp_path, good, text):
    message = refused(with_manifest(tmp_path, good, text))
    assert message.endswith("manifest.json is not a JSON object")


def test_a_bundle_from_a_newer_version_says_so(tmp_path, good):
    newer = {**good_manifest(good), "format_version": 2, "something_new": {"x": 1}}
    assert refused(with_manifest(tmp_path, good, newer)).endswith(
        "made by a newer MRS Desktop (bundle format 2); this version reads format 1")


def test_a_newer_bundle_with_more_entries_still_says_it_is_newer(tmp_path, good):
    data = orjson.dumps({**good_manifest(good), "format_version": 3})
    entries = [("manifest.json", data), ("manifest.sig", KEY.sign(data)), ("index.bin", b"")]
    assert "bundle format 3" in refused(make_zip(tmp_path / "n.mrsbundle", entries))


def test_another_programs_zip_is_not_a_bundle(tmp_path, good):
    other = {**good_manifest(good), "format": "something-else"}
    assert "is not an MRS bundle" in refused(with_manifest(tmp_path, good, other))


def good_manifest(good) -> dict:
    return orjson.loads(good[1]["manifest.json"])


def _set(path: str, value):
    """A change to the manifest: set the field at `path` ("a/b/0": list indexes as digits)."""
    def change(m: dict) -> None:
        *parents, last = path.split("/")
        target = m
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if value is _DELETE:
            del target[last]
        else:
            target[int(last) if isinstance(target, list) else last] = value
    return change


_DELETE = object()
_STAMP = f"1750000000000.00003.{NODE}"

WRONG = [
    ("format_version", "1", "format_version is not a whole number"),
    ("format_version", True, "format_version is not a whole number"),
    ("format_version", 0, "format_version is not a whole number from 1 to 1"),
    ("format_version", 1.0, "format_version is not a whole number"),
    ("schema", 2, "field schema is not text"),
    ("schema", "", "schema is not a schema revision"),
    ("bundle_id", "0190-not-uuid", "bundle_id is not a uuid"),
    ("bundle_id", NODE.upper(), "bundle_id is not a uuid"),
    ("bundle_id", _DELETE, "has no field bundle_id"),
    ("surprise", 1, "has an unknown field surprise"),
    ("sender", [], "field sender is not an object"),
    ("sender/node_id", 7, "sender.node_id is not text"),
    ("sender/country", "Laos", "sender.country is not a country code"),
    ("sender/organisation", " ", "sender.organisation is empty"),
    ("sender/public_key", "ab" * 31, "sender.public_key is not a key in hex"),
    ("sender/extra", "x", "has an unknown field sender.extra"),
    ("recipients", {}, "field recipients is not a list"),
    ("recipients", ["someone"], "recipients[0] is not a node id"),
    ("recipients", [NODE, NODE], "recipients names a node twice"),
    ("created_at", "yesterday", "created_at is not an ISO time in UTC"),
    ("created_at", "2025-06-15T15:06:40+07:00", "created_at is not an ISO time in UTC"),
    ("created_at", "2025-06-15T15:06:40", "created_at is not an ISO time in UTC"),
    ("created_at", 1750000000, "created_at is not text"),
    ("ranges", [], "field ranges is not an object"),
    ("ranges", {"x": ["", _STAMP]}, "ranges has a key 'x' that is not a node id"),
    (f"ranges/{NODE}", [_STAMP], "is not a pair"),
    (f"ranges/{NODE}", ["", "12.3"], "is not a clock stamp"),
    (f"ranges/{NODE}", [_STAMP, _STAMP], "does not end after it starts"),
    (f"ranges/{NODE}", [None, _STAMP], "is not a clock stamp or empty"),
    ("acked", {NODE: 5}, f"acked.{NODE} is not a clock stamp"),
    ("counts", {"assessor": -1}, "counts.assessor is not a whole number"),
    ("counts", {"Bad Name": 1}, "is not a register name"),
    ("counts", {"assessor": "40"}, "counts.assessor is not a whole number"),
    ("parts", {}, "has no field parts.changes.bin"),
    ("parts/changes.bin/sha256", "00", "sha256 is not a SHA-256 in hex"),
    ("parts/changes.bin/size", -1, "size is not a whole number"),
    ("parts/changes.bin/size", (200 << 20) + 1, "size is not a whole number from 0 to 209715200"),
    ("parts/changes.bin/raw_size", None, "raw_size is not a whole number"),
    ("nodes", {}, "field nodes is not a list"),
    ("nodes", [CARD, CARD], "nodes lists a node twice"),
    ("nodes/0/country", None, "nodes[0].country is not text"),
    ("encryption", "yes", "encryption is not an object or null"),
    ("encryption", {"cipher": "aes", "recipients": []},
     "encryption.cipher is not 'chacha20poly1305'"),
    ("encryption", {"cipher": "chacha20poly1305", "recipients": []},
     "encryption.recipients is empty"),
    ("encryption", {"cipher": "chacha20poly1305", "recipients": [
        {"node_id": NODE, "ephemeral": "00" * 32, "wrapped_key": "00" * 32}]},
     "wrapped_key is not a wrapped key in hex"),
    ("key_rotation", [], "key_rotation is not an object or null"),
    ("key_rotation", {"node_id": NODE}, "has no field key_rotation.new_box_key"),
    ("key_rotation", {"node_id": NODE, "old_key": "aa" * 32, "new_key": "bb" * 32,
                      "new_box_key": "cc" * 32, "rotated_at": "2025-06-15T00:00:00Z",
                      "signature": "dd" * 32}, "key_rotation.signature is not a signature in hex"),
]


@pytest.mark.parametrize(("field", "value", "says"), WRONG,
                         ids=[f"{w[0]}={w[1]!r}"[:60] for w in WRONG])
def test_a_manifest_field_of_the_wrong_type_or_form_is_refused(tmp_path, good, field, value, says):
    manifest = good_manifest(good)
    _set(field, value)(manifest)
    message = refused(with_manifest(tmp_path, good, manifest))
    assert says in message
    assert message.startswith("b.mrsbundle: the manifest ")


def test_a_valid_key_rotation_and_encryption_entry_pass_the_structural_check(tmp_path, good):
    manifest = good_manifest(good)
    manifest["key_rotation"] = {"node_id": NODE, "old_key": "aa" * 32, "new_key": "bb" * 32,
                                "new_box_key": "cc" * 32, "rotated_at": "2025-06-15T00:00:00Z",
                                "signature": "dd" * 64}
    opened = open_bundle(with_manifest(tmp_path, good, manifest))
    assert opened.manifest["key_rotation"]["new_key"] == "bb" * 32
