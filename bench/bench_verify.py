"""Benchmark: verifying one certificate's QR payload (issue 5): decode the MRS1 text, check its
fields, and check its Ed25519 signature against the issuer's public key. Target <= 5 ms a
payload. Baseline, same run: the raw Ed25519 verify of the same signed bytes (key object ready).

Figures are the mean and p95 over 1,000 verifications of a typical payload (Khmer name, 6 units).
Run alone: `python -m bench --only verify` (or `python -m bench.bench_verify`).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from bench.common import Result, p95

TARGET_MS = 5.0


def _rounds() -> int:
    return 100 if os.environ.get("MRS_BENCH_QUICK") == "1" else 1_000


def _payload():
    """A typical certificate's payload text, the issuer's public key, and the signing key."""
    from mrs_desktop.sync import keys, qr_payload

    key = keys.NodeKey.generate()
    fields = qr_payload.CertificatePayload(
        number="KHM-2026-000123", holder_latin="Sok Sreyneang", holder_native="សុខ ស្រីនាង",
        occupation_code="CON-TIL-2", occupation_title="Wall and Floor Tiler", aqrf_level=2,
        qualification=None, units=tuple(f"CON-TIL-2-{i:02d}" for i in range(1, 7)),
        issued_on=date(2026, 5, 12), issuer_country="KHM")
    return qr_payload.encode(fields, key), key.public_hex, key


def _samples_ms(fn, rounds: int) -> list[float]:
    fn()  # the first call pays for imports and caches
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def run(workdir: Path) -> list[Result]:
    import nacl.signing

    from mrs_desktop.sync import qr_payload

    text, public_hex, key = _payload()
    _, signed, signature = qr_payload.decode(text)
    public = nacl.signing.VerifyKey(bytes.fromhex(public_hex))

    def verify() -> None:
        assert qr_payload.verify_signature(text, public_hex)

    rounds = _rounds()
    full = _samples_ms(verify, rounds)
    raw = _samples_ms(lambda: public.verify(signed, signature), rounds)
    encode_ms = statistics.fmean(_samples_ms(lambda: qr_payload.encode(
        qr_payload.decode(text)[0], key), min(rounds, 200)))
    note = (f"{len(text)} characters; raw Ed25519 verify p95 {p95(raw):.3f} ms; "
            f"encode + sign {encode_ms:.3f} ms; {rounds} rounds")
    return [
        Result("verify one QR payload (decode + signature), mean", statistics.fmean(full), "ms",
               f"<= {TARGET_MS:g} ms", statistics.fmean(full) <= TARGET_MS,
               baseline=statistics.fmean(raw), note=note),
        Result("verify one QR payload (decode + signature), p95", p95(full), "ms",
               f"<= {TARGET_MS:g} ms", p95(full) <= TARGET_MS, baseline=p95(raw)),
    ]


def main() -> None:
    from bench.__main__ import print_table

    print_table(run(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()))


if __name__ == "__main__":
    main()
