"""Benchmark: counting the dashboard's figures on 100,000 assessors (issue 3, part 7).

The dashboard counts on a reader thread when anything changed, so its time decides whether the
figures can follow an edit within a blink. Target (ours, not the issue's): median <= 1 s.
Baseline, same run: one raw sqlite3 scan of the accreditation table (`count(*)`, no index), the
least any figure over every accreditation can cost.

Run alone: `python -m bench --only dashboard`.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from datetime import date
from pathlib import Path

from bench.bench_search import demo_database, quick
from bench.common import Result

TARGET_S = 1.0


def time_dashboard(db: Path, rounds: int) -> tuple[list[float], list[float], dict[str, float]]:
    """Seconds per full count (wall clock and CPU), and the median of each query on its own."""
    from mrs_desktop.db.store import open_store
    from mrs_desktop.services import dashboard as d

    store = open_store(db)
    try:
        d.dashboard(store)  # warm the page cache
        wall, cpu = [], []
        for _ in range(rounds):
            start, start_cpu = time.perf_counter(), time.thread_time()
            d.dashboard(store)
            cpu.append(time.thread_time() - start_cpu)
            wall.append(time.perf_counter() - start)
        today, own = date.today(), store.node.country
        parts = {
            "expiring 30 d": lambda c: d.expiring(c, own, today, 30),
            "expiring 90 d": lambda c: d.expiring(c, own, today, 90),
            "expired": lambda c: d.expired(c, own, today),
            "suspended": lambda c: d.suspended(c, own),
            "sector x level": lambda c: d.sector_levels(c, own, today),
            "assessors": lambda c: d.assessor_totals(c, own),
        }
        each = {}
        with store.engine.connect() as conn:
            for name, query in parts.items():
                each[name] = statistics.median(_timed(lambda: query(conn)) for _ in range(rounds))
        return wall, cpu, each
    finally:
        store.close()


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def time_scan(db: Path, rounds: int) -> float:
    conn = sqlite3.connect(db)
    try:
        sql = "SELECT count(*) FROM accreditation NOT INDEXED WHERE deleted = 0"
        conn.execute(sql).fetchall()
        return statistics.median(_timed(lambda: conn.execute(sql).fetchall()) for _ in range(rounds))
    finally:
        conn.close()


def run(workdir: Path) -> list[Result]:
    workdir.mkdir(parents=True, exist_ok=True)
    db, _build = demo_database(workdir)
    rounds = 3 if quick() else 7
    wall, cpu, each = time_dashboard(db, rounds)
    figure = statistics.median(wall)
    parts = ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in each.items())
    return [Result("dashboard figures, 100,000 assessors, median", figure, "s", f"<= {TARGET_S:g} s (ours)",
                   figure <= TARGET_S, baseline=time_scan(db, rounds),
                   note=(f"{rounds} rounds; CPU median {statistics.median(cpu):.3f} s; each query: {parts}; "
                         "baseline = one count(*) scan of the accreditation table"))]
