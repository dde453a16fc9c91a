"""Crash safety: `mrs bundle import` killed (SIGKILL) at random moments leaves a database that
passes SQLite's integrity check and holds either the state before the import or the state after
it — never a part of the bundle.
"""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter, deque
from pathlib import Path

import pytest

from mrs_desktop.db import bulk
from mrs_desktop.db.models import REGISTERS, Assessor
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.assessors import search_text
from mrs_desktop.services.demo import load_demo
from mrs_desktop.services.sync import export

from tests.integration.sync.conftest import checkpoint, copy_template

KILLS = 20  # at least this many imports killed (a kill may come after the import ended)
EXTRA = 4000
WARM = 2  # processes started ahead, so Python's start-up overlaps the previous trial
RUNNER = Path(__file__).with_name("import_on_cue.py")

pytestmark = pytest.mark.slow  # SIGKILL: POSIX, as CI (the Windows workflow runs only the packaging tests)


def dump(path: Path) -> dict[str, list]:
    """Every synced table and the import's bookkeeping, without the moments it was done at."""
    conn = sqlite3.connect(path)
    try:
        out = {r: conn.execute(f"SELECT * FROM {r} ORDER BY id").fetchall() for r in REGISTERS}
        for table, columns, order in (
                ("field_clock", "register, row_id, field, stamp, seen", "register, row_id, field"),
                ("held_record", "register, row_id, stamp, payload, waiting_for", "register, row_id"),
                ("received", "origin, upto, pending", "origin"),
                ("conflict", "register, row_id, field, kept_value, lost_value", "id"),
                ("bundle_log", "bundle_id, direction, status", "bundle_id"),
                ("peer", "node_id, acked", "node_id"),
                ("setting", "key, value", "key")):
            out[table] = conn.execute(f"SELECT {columns} FROM {table} ORDER BY {order}").fetchall()
        return out
    finally:
        conn.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


class Trials:
    """Copies of the receiving node, each with an importer started and waiting for its cue."""

    def __init__(self, pristine: Path, key: Path, bundle: Path, root: Path):
        self.pristine, self.key, self.bundle, self.root = pristine, key, bundle, root
        self.made = 0

    def start(self) -> tuple[subprocess.Popen, Path]:
        self.made += 1
        folder = self.root / f"trial-{self.made:02d}"
        folder.mkdir()
        db = folder / "THA.sqlite"
        shutil.copyfile(self.pristine, db)
        shutil.copyfile(self.key, folder / "THA-node.key")
        (folder / "THA-node.key").chmod(0o600)
        proc = subprocess.Popen([sys.executable, str(RUNNER), str(db), str(self.bundle)], text=True,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        return proc, db

    @staticmethod
    def cue(proc: subprocess.Popen) -> None:
        assert proc.stdout.readline().strip() == "ready"
        proc.stdin.write("go\n")
        proc.stdin.flush()


@pytest.fixture(scope="module")
def setting(templates, tmp_path_factory):
    """KHM with the demo data and 4,000 more assessors, its bundle for THA (some 4,700 records,
    which THA takes about half a second to import), and THA as it was."""
    root = tmp_path_factory.mktemp("crash")
    nodes = copy_template(templates["bare"], root / "nodes", ("KHM", "THA"))
    khm = nodes["KHM"]
    load_demo(khm, "small")
    with UnitOfWork(khm) as uow:
        bulk.insert_rows(uow.session, uow.writer, Assessor, [
            {"country": "KHM", "assessor_ref": f"KH-X{n:05d}", "family_name": f"Family {n}",
             "given_names": "Extra", "search_text": search_text(f"Family {n}", "Extra", None, f"KH-X{n:05d}")}
            for n in range(EXTRA)])
        uow.commit()
    sent = export.export_bundle(khm, root / "demo.mrsbundle", to=["THA"])
    nodes.close()
    checkpoint(nodes["THA"].path)
    return Trials(nodes["THA"].path, root / "nodes" / "THA-node.key", sent.path, root)


def test_killed_import_leaves_the_before_or_the_after_state(setting):
    before = dump(setting.pristine)
    queue = deque(setting.start() for _ in range(WARM))  # timed alongside others starting, as the trials
    proc, db = setting.start()
    Trials.cue(proc)
    started = time.perf_counter()
    assert proc.stdout.readline().strip() == "imported"
    duration = time.perf_counter() - started  # from the cue to the committed import
    assert proc.wait(timeout=60) == 0
    after = dump(db)
    assert after != before and after["assessor"]

    rnd = random.Random(20)
    outcomes: Counter[str] = Counter()
    trial = 0
    while outcomes["killed"] < KILLS and trial < 2 * KILLS:
        proc, db = queue.popleft()
        queue.append(setting.start())
        Trials.cue(proc)
        # Half the kills anywhere, half in the last part, where the restore point is taken and
        # the records are written and committed.
        time.sleep(duration * (rnd.uniform(0, 1) if trial % 2 else rnd.uniform(0.6, 1.5)))
        proc.send_signal(signal.SIGKILL)
        killed = proc.wait(timeout=60) == -signal.SIGKILL
        assert integrity(db) == "ok", f"trial {trial}: the database is damaged"
        state = dump(db)
        assert state in (before, after), f"trial {trial}: the database holds part of the bundle"
        outcomes["killed" if killed else "finished"] += 1
        outcomes["before" if state == before else "after"] += 1
        trial += 1
    for proc, _db in queue:
        proc.kill()
        proc.wait()
    print(f"import takes {duration:.2f} s; {dict(outcomes)}")
    assert outcomes["killed"] >= KILLS
