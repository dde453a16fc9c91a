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

_VARIANT = 0b10 << 62  # RFC 9562 variant bits, above 62 random bits
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


def uuid7_many(n: int, now_ms: int | None = None) -> list[str]:
    """`n` ids in one step (bulk writes): the ids `n` calls of `uuid7(now_ms)` would make.

    The clock is read once, so the ids count up within one millisecond (borrowing the next
    ones past 4,096); with the same random state they are exactly those of `n` calls.
    """
    global _last_ms, _seq
    if n <= 0:
        return []
    ids: list[str] = []
    bits = _random.getrandbits
    with _lock:
        ms = time.time_ns() // 1_000_000 if now_ms is None else now_ms
        if ms <= _last_ms:
            ms, seq = _last_ms, _seq + 1
        else:
            seq = bits(10)
        while True:
            if seq > 0xFFF:
                ms, seq = ms + 1, 0
            take = min(n - len(ids), 0x1000 - seq)
            # The 48-bit time and the version digit are the same for every id of one millisecond.
            head = "%012x" % (ms & 0xFFFFFFFFFFFF)
            prefix = f"{head[:8]}-{head[8:]}-7"
            for s in range(seq, seq + take):
                low = "%016x" % (_VARIANT | bits(62))
                ids.append(f"{prefix}{s:03x}-{low[:4]}-{low[4:]}")
            seq += take
            if len(ids) == n:
                break
        _last_ms, _seq = ms, seq - 1
    return ids


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
