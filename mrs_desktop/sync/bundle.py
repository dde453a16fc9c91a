"""The bundle file (`.mrsbundle`, docs/bundle-format.md): written atomically, and read in the
order a stranger's file must be read — structure first, then the signature, then the records."""

from __future__ import annotations

import contextlib
import hashlib
import os
import struct
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import orjson
import zstandard

from ..domain.errors import InputRejected, MrsError
from . import bundle_crypto, keys
from .bundle_manifest import FORMAT, FORMAT_VERSION, MAX_CHANGES, ManifestInvalid, check_manifest

MANIFEST, SIGNATURE, CHANGES = "manifest.json", "manifest.sig", "changes.bin"
ENTRIES = (MANIFEST, SIGNATURE, CHANGES)
MAX_MANIFEST = 1 << 20  # 1 MiB
SIGNATURE_SIZE = 64
MAX_ENTRIES_SEEN = 16  # refuse a central directory of millions of entries before parsing it
MAX_DIRECTORY = 1 << 16  # three entries need about 150 bytes
MAX_FILE = MAX_CHANGES + MAX_MANIFEST + (1 << 20)  # the three entries and generous zip overhead
_ZSTD_LEVEL = 3
_ZSTD_MAX_WINDOW = 1 << 24  # level 3 uses at most 2 MiB; a larger window is not ours
_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # zip local file header, 30 bytes


class BundleRejected(InputRejected):
    """A bundle file was refused as a whole; the message names the file and what is wrong."""

    def __init__(self, path: Path, problem: str):
        self.path = Path(path)
        super().__init__(f"{self.path.name}: {problem}")


@dataclass(frozen=True)
class Opened:
    """A bundle whose structure and manifest passed the checks; not yet trusted (see `verify`)."""

    manifest: dict
    manifest_bytes: bytes
    signature: bytes
    path: Path


# --- writing -----------------------------------------------------------------------------------

def write_bundle(path: Path | str, *, manifest: dict, changes: bytes,
                 signing_key: keys.NodeKey,
                 encrypt_to: list[tuple[str, str]] | None = None) -> dict:
    """Write a bundle of `changes` (orjson bytes) to `path`; return the manifest as written.

    `manifest` holds every field but format, format_version, parts and encryption. Encrypted
    when `encrypt_to` lists recipients as (node id, box key hex). Nothing appears under `path`
    unless the whole file was written and flushed to disk.
    """
    path = Path(path)
    reserved = {"format", "format_version", "parts", "encryption"} & manifest.keys()
    if reserved:
        raise ValueError(f"write_bundle adds {', '.join(sorted(reserved))} itself")
    compressed = zstandard.ZstdCompressor(level=_ZSTD_LEVEL).compress(changes)
    stored, encryption = compressed, None
    if encrypt_to:
        stored, encryption = bundle_crypto.encrypt(compressed, manifest["bundle_id"], encrypt_to)
    part = {"sha256": hashlib.sha256(stored).hexdigest(), "size": len(stored),
            "raw_size": len(changes)}
    full = {**manifest, "format": FORMAT, "format_version": FORMAT_VERSION,
            "parts": {CHANGES: part}, "encryption": encryption}
    manifest_bytes = orjson.dumps(full, option=orjson.OPT_SORT_KEYS)
    written = orjson.loads(manifest_bytes)
    try:  # never write a file this version would refuse to read
        check_manifest(written)
        if len(manifest_bytes) > MAX_MANIFEST:
            raise ManifestInvalid(f"is {len(manifest_bytes)} bytes, over {MAX_MANIFEST}")
    except ManifestInvalid as exc:
        raise ValueError(f"cannot write {path.name}: the manifest {exc}") from None
    signature = signing_key.sign(manifest_bytes)
    _write_atomically(path, {MANIFEST: manifest_bytes, SIGNATURE: signature, CHANGES: stored})
    return written


def _write_atomically(path: Path, entries: dict[str, bytes]) -> None:
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise MrsError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w+b") as fh:
            with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED) as zf:
                for name, data in entries.items():
                    zf.writestr(_entry_info(name), data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise MrsError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise
    _sync_folder(path.parent)


def _entry_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # the manifest holds the time
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    return info


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder for fsync."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# --- reading -----------------------------------------------------------------------------------

def open_bundle(path: Path | str) -> Opened:
    """Check a bundle's structure and manifest, before any trust decision; read no records."""
    path = Path(path)
    with _open_zip(path) as (fh, infos):
        manifest_bytes = _read_entry(path, fh, infos, MANIFEST, MAX_MANIFEST)
        manifest = _parse_manifest(path, manifest_bytes)
        _check_entry_set(path, infos)
        signature = _read_entry(path, fh, infos, SIGNATURE, SIGNATURE_SIZE)
        if len(signature) != SIGNATURE_SIZE:
            raise BundleRejected(path, f"{SIGNATURE} is {len(signature)} bytes, "
                                       f"not {SIGNATURE_SIZE}")
        _check_entry(path, infos[CHANGES], MAX_CHANGES)
    try:
        check_manifest(manifest)
    except ManifestInvalid as exc:
        raise BundleRejected(path, f"the manifest {exc}") from None
    return Opened(manifest=manifest, manifest_bytes=manifest_bytes, signature=signature, path=path)


def verify(opened: Opened, public_key_hex: str) -> None:
    """Refuse the bundle unless the manifest was signed by `public_key_hex` (the trusted key)."""
    if not keys.signature_valid(public_key_hex, opened.signature.hex(), opened.manifest_bytes):
        sender = opened.manifest["sender"]
        raise BundleRejected(opened.path, (
            "the signature does not match the trusted key of the sender "
            f"({sender['organisation']}, {sender['country']}): the file was altered, "
            "or was not made by that node"))


def read_changes(opened: Opened, box_key: keys.BoxKey | None, *,
                 node_id: str | None) -> bytes:
    """The change records (orjson bytes) of a verified bundle, checked against the manifest."""
    path, part = opened.path, opened.manifest["parts"][CHANGES]
    with _open_zip(path) as (fh, infos):
        _check_entry_set(path, infos)
        stored = _read_entry(path, fh, infos, CHANGES, MAX_CHANGES, check_crc=False)
    if len(stored) != part["size"] or hashlib.sha256(stored).hexdigest() != part["sha256"]:
        raise BundleRejected(path, f"{CHANGES} does not match its checksum in the manifest: "
                                   "the file was damaged or altered")
    encryption = opened.manifest["encryption"]
    if encryption is not None:
        try:
            stored = bundle_crypto.decrypt(stored, encryption, opened.manifest["bundle_id"],
                                           box_key, node_id)
        except bundle_crypto.CannotDecrypt as exc:
            raise BundleRejected(path, str(exc)) from None
    return _decompress(path, stored, part["raw_size"])


def _decompress(path: Path, compressed: bytes, raw_size: int) -> bytes:
    """Decompress at most `raw_size` bytes: a bomb is refused after raw_size + 1 bytes, never
    allocated whole (ZstdDecompressor.decompress would trust the frame's declared size)."""
    out = bytearray(raw_size + 1)
    view, filled = memoryview(out), 0
    dctx = zstandard.ZstdDecompressor(max_window_size=_ZSTD_MAX_WINDOW)
    try:
        with dctx.stream_reader(compressed, read_across_frames=True) as reader:
            while filled <= raw_size:
                n = reader.readinto(view[filled:])
                if n == 0:
                    break
                filled += n
    except zstandard.ZstdError as exc:
        raise BundleRejected(path, f"{CHANGES} cannot be decompressed ({exc})") from None
    finally:
        view.release()
    if filled != raw_size:
        more = "more" if filled > raw_size else "less"
        raise BundleRejected(path, f"{CHANGES} decompresses to {more} than the {raw_size} bytes "
                                   "its manifest declares")
    del out[raw_size:]
    return bytes(out)


# --- the zip structure -------------------------------------------------------------------------

@contextlib.contextmanager
def _open_zip(path: Path):
    """Yield (open file, {name: ZipInfo}) once the names are safe and unique."""
    if not path.is_file():
        raise BundleRejected(path, "no such file" if not path.exists() else "is not a file")
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise BundleRejected(path, f"cannot be read ({exc.strerror or exc})") from None
    with fh:
        infos = _central_directory(path, fh)
        yield fh, infos


def _central_directory(path: Path, fh) -> dict[str, zipfile.ZipInfo]:
    size = os.fstat(fh.fileno()).st_size
    if size > MAX_FILE:
        raise BundleRejected(path, f"is {size} bytes, larger than a bundle can be ({MAX_FILE})")
    _check_end_record(path, fh, size)
    try:
        infos = zipfile.ZipFile(fh).infolist()
    # zipfile raises many kinds of error on hostile input (BadZipFile, struct.error, ValueError,
    # OverflowError, UnicodeDecodeError...): each means the same to the user.
    except Exception:
        raise BundleRejected(path, "is not a bundle: not a zip file, or truncated or "
                                   "damaged") from None
    found: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.orig_filename
        if not _safe_name(name):
            raise BundleRejected(path, f"holds an entry with an unsafe name {name[:60]!r}")
        if name in found:
            raise BundleRejected(path, f"holds {name} twice")
        found[name] = info
    return found


def _check_end_record(path: Path, fh, size: int) -> None:
    """Bound the central directory before zipfile parses it: zipfile reads every entry the
    directory's size allows, so a small file could make it build millions of entries.

    The end record is found the way zipfile finds it, so both read the same one.
    """
    start = max(size - (1 << 16) - 22, 0)
    fh.seek(start)
    tail = fh.read()
    at = len(tail) - 22 if tail[-22:-18] == _EOCD and tail[-2:] == b"\0\0" else tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < 22:
        return  # no end record: zipfile will say it is not a zip
    count, directory_size = struct.unpack_from("<HL", tail, at + 10)
    if count > MAX_ENTRIES_SEEN:
        raise BundleRejected(path, f"holds {count} entries; a bundle holds {len(ENTRIES)}")
    if directory_size > MAX_DIRECTORY:
        raise BundleRejected(path, f"has a zip directory of {directory_size} bytes, too large "
                                   "for a bundle")
    if start + at >= 20:
        fh.seek(start + at - 20)
        if fh.read(4) == _ZIP64_LOCATOR:  # its sizes would override the ones checked here
            raise BundleRejected(path, "uses ZIP64, which a bundle never needs")


def _safe_name(name: str) -> bool:
    return (bool(name) and "/" not in name and "\\" not in name and ":" not in name
            and "\0" not in name and name not in (".", ".."))


def _check_entry_set(path: Path, infos: dict[str, zipfile.ZipInfo]) -> None:
    extra = sorted(set(infos) - set(ENTRIES))
    missing = [n for n in ENTRIES if n not in infos]
    if extra:
        shown = ", ".join(repr(name[:60]) for name in extra[:3])
        raise BundleRejected(path, f"holds unexpected entries ({shown})")
    if missing:
        raise BundleRejected(path, f"has no {', '.join(missing)}")


def _check_entry(path: Path, info: zipfile.ZipInfo, limit: int) -> None:
    name = info.orig_filename
    if info.compress_type != zipfile.ZIP_STORED:
        raise BundleRejected(path, f"{name} is compressed inside the zip; bundle entries "
                                   "are stored")
    if info.flag_bits & 0x41:  # zip encryption (bit 0, strong bit 6): ours is inside changes.bin
        raise BundleRejected(path, f"{name} is encrypted with zip encryption")
    if info.file_size != info.compress_size:
        raise BundleRejected(path, f"{name} has inconsistent sizes in the zip directory")
    if info.file_size > limit:
        raise BundleRejected(path, f"{name} is {info.file_size} bytes, over the limit of {limit}")


def _read_entry(path: Path, fh, infos: dict[str, zipfile.ZipInfo], name: str, limit: int,
                *, check_crc: bool = True) -> bytes:
    """The stored bytes of one entry, read through its local header (which must name it too).

    changes.bin skips the CRC: its SHA-256 in the signed manifest is the stronger check.
    """
    if name not in infos:
        raise BundleRejected(path, f"has no {name}")
    info = infos[name]
    _check_entry(path, info, limit)
    if not 0 <= info.header_offset <= os.fstat(fh.fileno()).st_size - _LOCAL_HEADER.size:
        raise BundleRejected(path, f"{name} has a damaged zip header")
    fh.seek(info.header_offset)
    header = fh.read(_LOCAL_HEADER.size)
    if header[:4] != b"PK\x03\x04":
        raise BundleRejected(path, f"{name} has a damaged zip header")
    name_len, extra_len = _LOCAL_HEADER.unpack(header)[-2:]
    if fh.read(name_len) != name.encode("ascii"):
        raise BundleRejected(path, f"{name} has a damaged zip header (another name)")
    fh.seek(extra_len, os.SEEK_CUR)
    data = fh.read(info.compress_size)
    if len(data) != info.compress_size:
        raise BundleRejected(path, f"{name} is cut short: the file is truncated")
    if check_crc and zlib.crc32(data) != info.CRC:
        raise BundleRejected(path, f"{name} is damaged (its zip checksum does not match)")
    return data


def _parse_manifest(path: Path, data: bytes) -> dict:
    try:
        manifest = orjson.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise BundleRejected(path, f"{MANIFEST} is not valid UTF-8 text") from None
    except orjson.JSONDecodeError as exc:
        raise BundleRejected(path, f"{MANIFEST} is not valid JSON ({exc})") from None
    if not isinstance(manifest, dict):
        raise BundleRejected(path, f"{MANIFEST} is not a JSON object")
    if manifest.get("format") != FORMAT:
        raise BundleRejected(path, f"is not an MRS bundle ({MANIFEST} format is not {FORMAT!r})")
    version = manifest.get("format_version")
    if type(version) is int and version > FORMAT_VERSION:
        raise BundleRejected(path, f"made by a newer MRS Desktop (bundle format {version}); "
                                   f"this version reads format {FORMAT_VERSION}")
    return manifest
