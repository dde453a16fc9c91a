"""Bundles that must be refused whole: damaged, forged, misaddressed, too new, hostile zips, and
validly signed bundles whose records are wrong. Each is refused with a message naming the
problem — by the service and by `mrs bundle import` (exit 3) — and leaves the database file
byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
import warnings
import zipfile
from pathlib import Path
from typing import Callable

import orjson
import pytest
import zstandard

from mrs_desktop.cli.main import main
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import InputRejected
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.services import assessors, peers
from mrs_desktop.services.sync import export, inbound
from mrs_desktop.sync import bundle, keys
from mrs_desktop.sync.bundle import CHANGES, MANIFEST, SIGNATURE
from mrs_desktop.sync.keys import NodeKey

from tests.integration.sync.conftest import checkpoint

DAY_MS = 24 * 3600 * 1000


class Case:
    """What a test needs to make a bad bundle: the sender (KHM), the receiver (THA), a good bundle."""

    def __init__(self, nodes, folder: Path):
        self.nodes, self.folder = nodes, folder
        self.sender, self.receiver = nodes["KHM"], nodes["THA"]
        assessors.add_assessor(UnitOfWork(self.sender), {"family_name": "Sok", "given_names": "Dara",
                                                         "assessor_ref": "KH-1"})
        self.good = export.export_bundle(self.sender, folder / "good.mrsbundle", to=["THA"]).path
        self.opened = bundle.open_bundle(self.good)
        self.key = keys.load_private_key(self.sender.key_path)

    @property
    def records(self) -> dict:
        return orjson.loads(bundle.read_changes(self.opened, None, node_id=None))

    def zip_entries(self) -> dict[str, bytes]:
        with zipfile.ZipFile(self.good) as zf:
            return {name: zf.read(name) for name in zf.namelist()}

    def resigned(self, *, changes: bytes | None = None, **manifest) -> Path:
        """A bundle signed with the sender's own key, holding these records and manifest fields."""
        m = {k: v for k, v in self.opened.manifest.items()
             if k not in ("format", "format_version", "parts", "encryption")}
        m.update(manifest, bundle_id=uuid7())
        path = self.folder / "bad.mrsbundle"
        bundle.write_bundle(path, manifest=m, changes=changes if changes is not None else orjson.dumps(self.records),
                            signing_key=self.key)
        return path

    def packed(self, entries: list[tuple[str, bytes]], compress: int = zipfile.ZIP_STORED) -> Path:
        """A zip of exactly these entries (names may repeat), as a hostile sender would make it."""
        path = self.folder / "bad.mrsbundle"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns of a duplicate name: that is the point
            with zipfile.ZipFile(path, "w", compression=compress) as zf:
                for name, data in entries:
                    zf.writestr(name, data)
        return path

    def signed_zip(self, manifest: dict, stored: bytes, key: NodeKey | None = None) -> Path:
        data = orjson.dumps(manifest, option=orjson.OPT_SORT_KEYS)
        sig = (key or self.key).sign(data)
        return self.packed([(MANIFEST, data), (SIGNATURE, sig), (CHANGES, stored)])

    def flipped(self, entry: str, bit: int = 3) -> Path:
        """The good bundle with one bit flipped in the middle of one entry's bytes."""
        raw = bytearray(self.good.read_bytes())
        with zipfile.ZipFile(self.good) as zf:
            info = zf.getinfo(entry)
        header = raw[info.header_offset:info.header_offset + 30]
        start = info.header_offset + 30 + int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
        raw[start + info.compress_size // 2] ^= 1 << bit
        path = self.folder / "bad.mrsbundle"
        path.write_bytes(bytes(raw))
        return path


def _with_record(case: Case, change: Callable[[dict, list], None]) -> Path:
    """A validly signed bundle whose assessor record was changed by `change(block, row)`."""
    doc = case.records
    block = next(b for b in doc["registers"] if b["register"] == "assessor")
    change(block, block["rows"][0])
    return case.resigned(changes=orjson.dumps(doc))


def _set(column: str, value):
    def change(block, row):
        row[block["columns"].index(column)] = value
    return change


def _future(case: Case) -> Path:
    stamp = f"{time.time_ns() // 1_000_000 + 2 * DAY_MS:013d}.00000.{case.sender.node.id}"
    doc = case.records
    block = next(b for b in doc["registers"] if b["register"] == "assessor")
    block["rows"][0][block["columns"].index("hlc")] = stamp
    ranges = dict(case.opened.manifest["ranges"])
    ranges[case.sender.node.id] = [ranges[case.sender.node.id][0], stamp]
    return case.resigned(changes=orjson.dumps(doc), ranges=ranges)


def _untrusted(case: Case) -> Path:
    stranger = NodeKey.generate()
    who = {"node_id": uuid7(), "country": "IDN", "organisation": "Someone",
           "public_key": stranger.public_hex}
    m = {k: v for k, v in case.opened.manifest.items() if k not in ("format", "format_version", "parts",
                                                                        "encryption")}
    m.update(sender=who, nodes=[*m["nodes"], who], bundle_id=uuid7())
    path = case.folder / "bad.mrsbundle"
    bundle.write_bundle(path, manifest=m, changes=orjson.dumps(case.records), signing_key=stranger)
    return path


def _altered_manifest(case: Case) -> Path:
    """The manifest changed after signing (zip checksums made right again): only the signature tells."""
    entries = case.zip_entries()
    manifest = orjson.loads(entries[MANIFEST])
    manifest["created_at"] = "2020-01-01T00:00:00+00:00"
    return case.packed([(MANIFEST, orjson.dumps(manifest, option=orjson.OPT_SORT_KEYS)),
                        (SIGNATURE, entries[SIGNATURE]), (CHANGES, entries[CHANGES])])


def _other_key(case: Case) -> Path:
    entries = case.zip_entries()
    forged = NodeKey.generate().sign(entries[MANIFEST])
    return case.packed([(MANIFEST, entries[MANIFEST]), (SIGNATURE, forged), (CHANGES, entries[CHANGES])])


def _newer_format(case: Case) -> Path:
    entries = case.zip_entries()
    manifest = orjson.loads(entries[MANIFEST])
    manifest["format_version"] = 2
    return case.signed_zip(manifest, entries[CHANGES])


def _zstd_bomb(case: Case) -> Path:
    """changes.bin of 64 MiB of zeros in a few kilobytes, declared (and signed) as small."""
    stored = zstandard.ZstdCompressor(level=19).compress(bytes(64 << 20))
    manifest = orjson.loads(case.zip_entries()[MANIFEST])
    manifest["parts"][CHANGES] = {"sha256": hashlib.sha256(stored).hexdigest(), "size": len(stored),
                                  "raw_size": 1000}
    return case.signed_zip(manifest, stored)


def _deflate_bomb(case: Case) -> Path:
    entries = case.zip_entries()
    return case.packed([(MANIFEST, entries[MANIFEST]), (SIGNATURE, entries[SIGNATURE]),
                        (CHANGES, bytes(32 << 20))], compress=zipfile.ZIP_DEFLATED)


def _traversal(name: str):
    def make(case: Case) -> Path:
        entries = case.zip_entries()
        return case.packed([(MANIFEST, entries[MANIFEST]), (SIGNATURE, entries[SIGNATURE]),
                            (CHANGES, entries[CHANGES]), (name, b"owned")])
    return make


def _duplicate(entry: str):
    def make(case: Case) -> Path:
        entries = case.zip_entries()
        return case.packed([*entries.items(), (entry, entries[entry])])
    return make


def _utf8_manifest(case: Case) -> Path:
    entries = case.zip_entries()
    data = entries[MANIFEST].replace(b'"organisation":"', b'"organisation":"\xff\xfe', 1)
    return case.packed([(MANIFEST, data), (SIGNATURE, case.key.sign(data)), (CHANGES, entries[CHANGES])])


def _utf8_changes(case: Case) -> Path:
    return case.resigned(changes=orjson.dumps(case.records).replace(b'"Sok"', b'"S\xffk"', 1))


def _truncated(case: Case) -> Path:
    path = case.folder / "bad.mrsbundle"
    data = case.good.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _unknown_register(case: Case) -> Path:
    doc = case.records
    doc["registers"].append({"register": "payroll", "columns": ["id", "origin", "hlc", "deleted"], "rows": []})
    return case.resigned(changes=orjson.dumps(doc))


def _unique_clash(case: Case) -> Path:
    """The receiver holds the sender's assessor KH-1; a record under another id claims KH-1 too."""
    inbound.import_bundle(case.receiver, case.good)
    return _with_record(case, _set("id", uuid7()))


def _misaddressed(case: Case) -> Path:
    return export.export_bundle(case.sender, case.folder / "for-lao.mrsbundle", to=["LAO"]).path


CASES: dict[str, tuple[Callable[[Case], Path], str]] = {
    "manifest bit flipped": (lambda c: c.flipped(MANIFEST), "manifest.json is damaged"),
    "signature bit flipped": (lambda c: c.flipped(SIGNATURE), "manifest.sig is damaged"),
    "changes bit flipped": (lambda c: c.flipped(CHANGES), "changes.bin does not match its checksum"),
    "truncated": (_truncated, "truncated or damaged"),
    "manifest altered after signing": (_altered_manifest, "signature does not match"),
    "signed by another key": (_other_key, "signature does not match"),
    "untrusted sender": (_untrusted, "not among your trusted peers"),
    "for another recipient": (_misaddressed, "made for other nodes"),
    "newer bundle format": (_newer_format, "newer MRS Desktop (bundle format 2)"),
    "newer schema": (lambda c: c.resigned(schema="0099"), "newer MRS Desktop (schema 0099)"),
    "zstd bomb": (_zstd_bomb, "decompresses to more than"),
    "deflated entry (zip bomb)": (_deflate_bomb, "compressed inside the zip"),
    "path traversal": (_traversal("../../etc/cron.d/evil"), "unsafe name"),
    "absolute path": (_traversal("/tmp/evil"), "unsafe name"),
    "duplicate manifest": (_duplicate(MANIFEST), "holds manifest.json twice"),
    "duplicate changes": (_duplicate(CHANGES), "holds changes.bin twice"),
    "invalid UTF-8 in the manifest": (_utf8_manifest, "not valid UTF-8"),
    "invalid UTF-8 in the records": (_utf8_changes, "not valid JSON (UTF-8)"),
    "wrong field type": (lambda c: _with_record(c, _set("family_name", 5)), "assessor.family_name: 5 is not a text"),
    "missing required field": (lambda c: _with_record(c, _set("family_name", None)), "family_name"),
    "not a date": (lambda c: _with_record(c, _set("date_of_birth", "1990-02-31")), "is not a date"),
    "unknown register": (_unknown_register, "unknown register 'payroll'"),
    "stamp far in the future": (_future, "more than a day ahead"),
}


def file_state(store) -> str:
    """The database file's hash once every committed page is in it (no connection left open)."""
    store.engine.dispose()
    checkpoint(store.path)
    return hashlib.sha256(store.path.read_bytes()).hexdigest()


def restore_points(store) -> set[str]:
    return {p.name for p in (store.path.parent / "restore-points").glob("*")}


@pytest.fixture
def case(bare_nodes, tmp_path) -> Case:
    return Case(bare_nodes, tmp_path)


@pytest.mark.parametrize("name", list(CASES))
def test_refused_whole_by_service_and_cli(case, capsys, name):
    make, says = CASES[name]
    bad = make(case)
    before = file_state(case.receiver)
    points = restore_points(case.receiver)
    with pytest.raises(InputRejected) as refused:
        inbound.import_bundle(case.receiver, bad)
    assert says in str(refused.value)
    assert file_state(case.receiver) == before
    code = main(["--db", str(case.receiver.path), "bundle", "import", str(bad)])
    err = capsys.readouterr().err
    assert code == 3, err
    assert says in err and "Traceback" not in err
    assert file_state(case.receiver) == before
    assert restore_points(case.receiver) == points


def test_revoked_peer_is_refused(case, capsys):
    with UnitOfWork(case.receiver) as uow:
        peers.revoke_peer(uow, "KHM", "laptop stolen")
    before = file_state(case.receiver)
    with pytest.raises(InputRejected, match="revoked on .*laptop stolen"):
        inbound.import_bundle(case.receiver, case.good)
    assert file_state(case.receiver) == before
    assert main(["--db", str(case.receiver.path), "bundle", "import", str(case.good)]) == 3
    assert "revoked" in capsys.readouterr().err
    assert file_state(case.receiver) == before


def test_the_mrs_command_exits_3_and_names_the_problem(case):
    """The real executable, not just main(): the exit status a script would see."""
    bad = _other_key(case)
    before = file_state(case.receiver)
    done = subprocess.run([sys.executable, "-m", "mrs_desktop.cli.main", "--db", str(case.receiver.path),
                           "bundle", "import", str(bad)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 3, done.stderr
    assert "signature does not match" in done.stderr and "Traceback" not in done.stderr
    assert file_state(case.receiver) == before


def test_good_bundle_is_accepted(case):
    """The control: the bundle every case above was made from imports."""
    done = inbound.import_bundle(case.receiver, case.good)
    assert done.totals["new"] == 1 and done.totals["rejected"] == 0


def test_a_record_clashing_with_one_here_is_rejected_alone_with_its_reason(case):
    """Not the whole bundle: the clashing record is listed as rejected, the rest still applies."""
    path = _unique_clash(case)
    preview = inbound.import_bundle(case.receiver, path)
    rejected = [line for line in preview.lines if line.outcome == "rejected"]
    assert len(rejected) == 1, preview.summary()
    assert "same country and assessor_ref" in rejected[0].reason and "assessor here (id " in rejected[0].reason
    assert preview.totals["new"] == 0 and preview.applied
