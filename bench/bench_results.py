"""Benchmark: importing a 10,000-row result sheet (1,000 candidates x 10 units, issue 5) against a
raw sqlite3 executemany of the same rows, measured in the same run; with the import's peak memory.

Run: `python -m bench.bench_results [WORKDIR]` (`--profile` prints a cProfile of one import).
Each figure is the best of three runs (one with MRS_BENCH_QUICK=1), as the raw one.
"""

from __future__ import annotations

import csv
import os
import random
import sqlite3
import sys
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

from bench.common import Result

CANDIDATES, UNITS = 1_000, 10
COLUMNS = ("family_name", "given_names", "name_native", "sex", "date_of_birth", "nationality",
           "id_document_no", "occupation_code", "occupation_title", "aqrf_level", "centre",
           "assessed_on", "sheet_ref", "assessor_refs", "unit_code", "unit_title", "outcome")
# (family, given, native) pools per nationality: returning migrants and their neighbours.
PEOPLE = {
    "KHM": (["Sok", "Chan", "Heng", "Kim", "Keo"], ["Dara", "Sophea", "Vichet", "Sreymom"],
            ["សុខ", "ចាន់", "ហេង", "គឹម", "កែវ"], ["ដារា", "សុភា", "វិចិត្រ", "ស្រីមុំ"]),
    "LAO": (["Sisavath", "Phommachanh", "Keomany"], ["Somphone", "Bounmy", "Khampheng"],
            ["ສີສະຫວັດ", "ພົມມະຈັນ", "ແກ້ວມະນີ"], ["ສົມພອນ", "ບຸນມີ", "ຄຳແພງ"]),
    "MMR": (["Aung", "Kyaw", "Myint"], ["Thant Tun", "Khin Ma", "Soe Moe"],
            ["အောင်", "ကျော်", "မြင့်"], ["သန့်ထွန်း", "ခင်မာ", "စိုးမိုး"]),
}
OUTCOMES = ("C",) * 14 + ("NYC", "NYC", "RPL_G", "CT", "W")


def write_results_csv(path: Path, candidates: int = CANDIDATES, units: int = UNITS, seed: int = 5) -> Path:
    """One row per unit result: `candidates` people, each assessed once as a tiler in `units` units."""
    rnd = random.Random(seed)
    countries = list(PEOPLE)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(COLUMNS)
        for n in range(candidates):
            country = countries[n % len(countries)]
            family, given, native_family, native_given = PEOPLE[country]
            i, j = rnd.randrange(len(family)), rnd.randrange(len(given))
            person = (family[i], given[j], f"{native_family[i]} {native_given[j]}",
                      rnd.choice(("F", "M")),
                      (date(1975, 1, 1) + timedelta(days=rnd.randrange(10_000))).isoformat(),
                      country, f"{country[0]}{n:08d}")
            assessed = (date(2026, 3, 2) + timedelta(days=rnd.randrange(60))).isoformat()
            for u in range(1, units + 1):
                out.writerow((*person, "CON-TIL-2", "Tiler", 2, "NTTI Phnom Penh", assessed,
                              f"KHM-RS-2026-{n // 40:03d}", "", f"CON-TIL-2-{u:02d}",
                              f"Tiling unit {u}", rnd.choice(OUTCOMES)))
    return path


def _settle() -> None:
    """Flush earlier runs' writes to disk first, so one measurement does not pay for another's."""
    if hasattr(os, "sync"):
        os.sync()


class PhaseTimes:
    """A Progress that notes when each phase of the import starts (by the text it reports)."""

    def __init__(self):
        from mrs_desktop.domain.task import Progress

        marks = self.marks = []

        class _Recorder(Progress):
            def report(self, done, total=None, text=""):
                if text and (not marks or marks[-1][0] != text):
                    marks.append((text, time.perf_counter()))

        self.progress = _Recorder()

    def describe(self, end: float) -> str:
        ends = [t for _, t in self.marks[1:]] + [end]
        return ", ".join(f"{name.lower()} {stop - start:.2f} s"
                         for (name, start), stop in zip(self.marks, ends) if name != "Done")


def raw_insert(csv_path: Path, db_path: Path) -> float:
    """The baseline: the same rows, every column as text, one executemany into a plain table."""
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    _settle()
    start = time.perf_counter()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"CREATE TABLE result_raw ({', '.join(c + ' TEXT' for c in COLUMNS)})")
    with conn:
        conn.executemany(f"INSERT INTO result_raw VALUES ({', '.join('?' * len(COLUMNS))})", rows)
    conn.close()
    return time.perf_counter() - start


def fresh_store(path: Path):
    from mrs_desktop.db.store import open_store
    from mrs_desktop.services.node import init_node

    for old in path.parent.glob(path.stem + "*"):  # the database, its -wal and its key file
        if old.suffix != ".csv":
            old.unlink()
    store = open_store(path)
    init_node(store, country="KHM", organisation="Ministry of Labour and Vocational Training")
    return store


def timed_import(store, csv_path: Path, memory: bool = False):
    """(seconds, result, phases, peak MB of Python allocations or None)."""
    from mrs_desktop.db.uow import UnitOfWork
    from mrs_desktop.services.spreadsheets.results import import_results

    phases = PhaseTimes()
    _settle()
    if memory:
        tracemalloc.start()
    start = time.perf_counter()
    result = import_results(UnitOfWork(store), csv_path, progress=phases.progress)
    end = time.perf_counter()
    peak = None
    if memory:
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return end - start, result, phases.describe(end), peak


def run(workdir: Path) -> list[Result]:
    workdir.mkdir(parents=True, exist_ok=True)
    sheet = write_results_csv(workdir / "results-10k.csv")
    repeat = 1 if os.environ.get("MRS_BENCH_QUICK") == "1" else 3
    raw = min(raw_insert(sheet, _gone(workdir / f"raw-results-{i}.sqlite")) for i in range(repeat))
    runs = []
    for i in range(repeat):
        store = fresh_store(workdir / f"results-{i}.sqlite")
        try:
            runs.append(timed_import(store, sheet))
        finally:
            store.close()
    seconds, result, phases, _ = min(runs, key=lambda r: r[0])
    store = fresh_store(workdir / "results-memory.sqlite")
    try:
        peak = timed_import(store, sheet, memory=True)[3]
        again = timed_import(store, sheet)[0]  # the same sheet again: every assessment unchanged
    finally:
        store.close()
    counts = ", ".join(f"{v:,} {k}" for k, v in result.created.items())
    return [
        Result("import 10,000 result rows (1,000 candidates x 10 units)", seconds, "s",
               "<= a few s (issue 5)", seconds <= 3.0, baseline=raw,
               note=f"best of {repeat}; {counts}; phases: {phases}; baseline = raw executemany of "
                    "the same rows into a plain table"),
        Result("the same result sheet imported again (nothing changes)", again, "s",
               "(information)", True, baseline=raw),
        Result("peak Python memory importing 10,000 result rows", peak, "MB", "(information)", True,
               note="tracemalloc peak during one import (allocations by Python, not SQLite's cache)"),
    ]


def _gone(path: Path) -> Path:
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    return path


def profile(workdir: Path) -> None:
    import cProfile
    import pstats

    workdir.mkdir(parents=True, exist_ok=True)
    sheet = write_results_csv(workdir / "results-10k.csv")
    store = fresh_store(workdir / "results-profile.sqlite")
    try:
        with cProfile.Profile() as prof:
            timed_import(store, sheet)
    finally:
        store.close()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(35)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--profile"]:
        profile(Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/mrs-bench-results"))
    else:
        from bench.__main__ import print_table

        print_table(run(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/mrs-bench-results")))
