"""`python -m bench [--only NAME] [--quick]`: run the benchmarks and print their figures.

Every module bench/bench_*.py exposes `run(workdir) -> list[bench.common.Result]`; all of them
share one temporary working folder per run (so the 100,000-assessor demo database is built
once). Figures are information: a missed target is printed as MISSED, and the exit status is 0
unless a benchmark itself failed to run.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from bench.common import Result

HERE = Path(__file__).resolve().parent
COLUMNS = ("benchmark", "figure", "unit", "baseline", "ratio", "target", "")


def discover(only: list[str] | None = None) -> list[str]:
    """Module names, e.g. 'bench_search'; `only` takes 'search' or 'bench_search'."""
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if only:
        wanted = {o if o.startswith("bench_") else f"bench_{o}" for o in only}
        unknown = wanted - set(names)
        if unknown:
            raise ValueError(f"no benchmark {', '.join(sorted(unknown))}; there are: "
                             f"{', '.join(n.removeprefix('bench_') for n in names)}")
        names = [n for n in names if n in wanted]
    return names


def row(r: Result) -> tuple[str, ...]:
    figure = f"{r.value:.3f}" if r.value < 100 else f"{r.value:,.0f}"
    baseline = "" if r.baseline is None else f"{r.baseline:.3f}"
    ratio = "" if r.ratio is None else f"{r.ratio:.2f}x"
    return (r.name, figure, r.unit, baseline, ratio, r.target, "OK" if r.ok else "MISSED")


def print_table(results: list[Result]) -> None:
    rows = [COLUMNS, *(row(r) for r in results)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    for n, cells in enumerate(rows):
        print("  ".join(c.rjust(w) if 0 < i < 5 else c.ljust(w)
                        for i, (c, w) in enumerate(zip(cells, widths))).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    for r in results:
        if r.note:
            print(f"  * {r.name}: {r.note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench",
                                     description="Run the benchmarks and print their figures.")
    parser.add_argument("--only", action="append", metavar="NAME", help="run this benchmark (repeatable)")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions: a rough figure, fast")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep its files")
    args = parser.parse_args(argv)
    if args.quick:
        os.environ["MRS_BENCH_QUICK"] = "1"
    try:
        names = discover(args.only)
    except ValueError as exc:
        parser.error(str(exc))
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="mrs-bench-"))
    results: list[Result] = []
    failed = []
    try:
        for name in names:
            print(f"running {name} ...", file=sys.stderr, flush=True)
            start = time.perf_counter()
            try:
                results += importlib.import_module(f"bench.{name}").run(workdir)
            except Exception:  # one broken benchmark must not hide the others' figures
                traceback.print_exc()
                failed.append(name)
            print(f"  {name} took {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print_table(results)
    if failed:
        print(f"\nbenchmarks that failed to run: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
