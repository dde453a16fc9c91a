"""Global record ids: UUIDv7 (RFC 9562), time-ordered so new rows cluster at the end of indexes.

Hand-written because Python 3.11's uuid module has no uuid7 and the domain layer uses only
the standard library; monotonic within a process even when many ids fall in one millisecond.
"""

from __future__ import annotations

import os
import random
import threading
import time
import uuid

# Ids need uniqueness, not secrecy: a generator seeded from the OS is ~10x faster than a
# system call per id, which matters when an import creates 100,000 records.
_random = random.Random(os.urandom(32))

_lock = threading.Lock()
_last_ms = 0
_seq = 0


def uuid7(now_ms: int | None = None) -> str:
    global _last_ms, _seq
    with _lock:
        ms = time.time_ns() // 1_000_000 if now_ms is None else now_ms
        if ms <= _last_ms:
            ms = _last_ms
            _seq += 1
            if _seq > 0xFFF:  # 12-bit counter exhausted: borrow the next millisecond
                ms += 1
                _seq = 0
        else:
            _seq = _random.getrandbits(10)  # leave room to count up
        _last_ms = ms
        seq = _seq
        rand = _random.getrandbits(62)
    h = "%032x" % ((ms & 0xFFFFFFFFFFFF) << 80 | 0x7 << 76 | seq << 64 | 0b10 << 62 | rand)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_NAMESPACE = uuid.UUID("6f1c1d64-4f4e-4a4b-9d36-8c1b8f0f7a10")


def stable_id(*parts: str) -> str:
    """Same id on every node for the same natural key (catalogue entries created independently)."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(p.strip().casefold() for p in parts)))


def is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except (ValueError, TypeError, AttributeError):
        return False
    return True
