"""A large file of new assessors, checked a chunk at a time while a second thread writes the
chunk before it.

Why: cleaning, grouping and making ids for 100,000 rows is about as much work as SQLite's
inserting, indexing and logging them, and sqlite3 lets go of Python's lock while SQLite works;
on two threads the import takes about as long as the longer of the two instead of their sum
(bench_import). Everything goes into the import's one transaction. The moment a chunk is not
regular (a bad cell, an assessor's rows apart or at odds, a number twice, another country's
record), the thread stops, the transaction is rolled back and the caller checks the whole file
again row by row, so every bad row is still reported and nothing is written.
"""

from __future__ import annotations

import queue
import sqlite3
import sys
import threading
from contextlib import contextmanager
from itertools import islice
from operator import itemgetter, ne
from typing import Any, Callable, Iterator

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ...db import bulk
from ...db.models import Occupation, Sector
from ...db.store import Writer
from ...db.uow import UnitOfWork
from ...domain.changes import Changes
from ...domain.errors import StoreProblem
from ...domain.task import Progress
from .assessor_columns import AssessorColumns
from .common import CatalogueEntries, Checked, Writes, query
from .reader import Table

CHUNK_ROWS = 10_000  # rows checked while the chunk before is written
FIRST_CHUNK_ROWS = 2_000  # smaller: the writer waits for the first chunk
MIN_ROWS = 2 * CHUNK_ROWS  # below this a second thread has too little to overlap
# How long a thread may hold Python's lock while another waits for it (sys.setswitchinterval):
# the writer waits for it after every statement, up to 5 ms by default.
SWITCH_SECONDS = 0.0005


class WriterThread:
    """Runs jobs in order on a second thread; its first failure is raised on the caller's."""

    def __init__(self, what: str):
        self.what = what  # the file, for the message
        self._jobs: queue.Queue[Callable[[], None] | None] = queue.Queue(maxsize=2)
        self._failure: BaseException | None = None
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="import writer", daemon=True)
        self._thread.start()

    def submit(self, job: Callable[[], None]) -> None:
        """Queue a job (waiting while two are queued: the checker stays that close)."""
        self._raise_failure()
        self._jobs.put(job)

    def finish(self) -> None:
        """Wait until every job is done; raise the failure if one failed."""
        self._jobs.put(None)
        self._thread.join()
        self._raise_failure()

    def stop(self) -> None:
        """Skip the jobs not started yet and wait for the running one (the caller rolls back)."""
        self._stopping = True
        self._jobs.put(None)
        self._thread.join()

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self._failure is None and not self._stopping:
                try:
                    job()
                except BaseException as exc:  # raised on the caller's thread instead
                    self._failure = exc

    def _raise_failure(self) -> None:
        exc = self._failure
        if exc is None:
            return
        if isinstance(exc, (sqlite3.Error, DBAPIError)):
            raise StoreProblem(f"{self.what}: nothing was imported: the database refused the new "
                               f"records ({exc})") from exc
        raise exc


@contextmanager
def _quick_switches() -> Iterator[None]:
    was = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_SECONDS)
    try:
        yield
    finally:
        sys.setswitchinterval(was)


def add_new_assessors(uow: UnitOfWork, table: Table, positions: dict[str, int],
                      progress: Progress) -> Checked | None:
    """Check and add a large, regular file of assessors the register lacks, writing while
    checking; None (nothing written) for any other file."""
    if not _suits(uow, table, positions):
        return None
    with _quick_switches():
        return _Chunks(uow, table, positions, progress).run()


def _suits(uow: UnitOfWork, table: Table, positions: dict[str, int]) -> bool:
    """A large file whose assessors' rows are together, for a register without our records."""
    if len(table) < MIN_ROWS or "assessor_ref" not in positions:
        return False
    refs = list(map(itemgetter(positions["assessor_ref"]), map(itemgetter(1), table.rows)))
    runs = 1 + sum(map(ne, refs, islice(refs, 1, None)))
    if runs != len(set(refs)):
        return False  # an assessor's rows apart: its accreditations are written together
    home = uow.country
    return not query(uow.session, "SELECT EXISTS (SELECT 1 FROM assessor WHERE country = ?) "
                                  "OR EXISTS (SELECT 1 FROM accreditation WHERE country = ?)",
                     (home, home))[0][0]


class _Chunks:
    """The chunks of one file: each checked here, then written on the writer thread."""

    def __init__(self, uow: UnitOfWork, table: Table, positions: dict[str, int], progress: Progress):
        self.uow, self.table, self.positions, self.progress = uow, table, positions, progress
        self.home = uow.country
        self.catalogue = CatalogueEntries(uow.session)
        self.keys: set[tuple[str, str]] = set()
        self.numbers: set[tuple[str, str]] = set()
        self.written: dict[type, int] = {}
        self.ref_at = positions["assessor_ref"]
        self.max_parameters = bulk.MAX_PARAMETERS  # the connection's own, once it is open

    def run(self) -> Checked | None:
        session = self.uow.session
        # The transaction begins here, before the second thread uses the connection.
        self.max_parameters = bulk.parameter_limit(session.connection())
        writer = WriterThread(self.table.name)
        try:
            for start, end in self._bounds():
                self.progress.report(start, len(self.table), "Checking and adding rows")
                self.progress.check()
                job = self._chunk(self.table.rows[start:end])
                if job is None:
                    writer.stop()
                    session.rollback()  # the chunks written so far
                    session.info["changes"] = Changes()
                    return None
                writer.submit(job)
            writer.finish()
        except BaseException:
            writer.stop()
            raise
        writes = Writes()
        writes.written = self.written
        return Checked(writes, 0, self.catalogue.names)

    def _bounds(self) -> Iterator[tuple[int, int]]:
        """Chunks of about CHUNK_ROWS rows (the first smaller), cut between two assessors."""
        rows, count, start = self.table.rows, len(self.table), 0
        while start < count:
            end = min(start + (CHUNK_ROWS if start else FIRST_CHUNK_ROWS), count)
            while end < count and rows[end][1][self.ref_at] == rows[end - 1][1][self.ref_at]:
                end += 1
            yield start, end
            start = end

    def _chunk(self, rows: list) -> Callable[[], None] | None:
        """The job that writes these rows' records, or None if they are not regular."""
        part = Table(self.table.header, rows, self.table.name, self.table.header_row)
        columns = AssessorColumns(part, self.positions, self.home)
        sectors, occupations = len(self.catalogue.new_sectors), len(self.catalogue.new_occupations)
        groups = columns.groups(self.catalogue)
        if groups is None or set(columns.person["country"]) != {self.home}:
            return None
        keys, numbers = set(groups.keys), set(groups.numbers)
        if not (self.keys.isdisjoint(keys) and self.numbers.isdisjoint(numbers)):
            return None  # an assessor or a number of an earlier chunk
        self.keys |= keys
        self.numbers |= numbers
        stamper = self.uow.writer
        catalogue = [(Sector, self.catalogue.new_sectors[sectors:]),
                     (Occupation, self.catalogue.new_occupations[occupations:])]
        batches = [*((model, _as_columns(rows), None) for model, rows in catalogue if rows),
                   *columns.new_records(groups, self.home)]
        # Made ready here (ids, stamps in the order of the writes, parameters): the writer
        # thread is the busier one.
        records = [bulk.prepare_columns(stamper, model, values, shared,
                                        max_parameters=self.max_parameters)
                   for model, values, shared in batches]
        for prepared in records:
            self.written[prepared.model] = self.written.get(prepared.model, 0) + len(prepared.ids)
        session = self.uow.session
        return lambda: _write(session, stamper, records)


def _as_columns(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    return {name: [row[name] for row in rows] for name in rows[0]}


def _write(session: Session, stamper: Writer, records: list[bulk.PreparedInsert]) -> None:
    """On the writer thread: the chunk's new catalogue entries, assessors and accreditations."""
    for prepared in records:
        bulk.write_prepared(session, stamper, prepared)
