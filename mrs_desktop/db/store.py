"""Opening the SQLite store: file checks, pragmas, backup and migration, node and clock.

A database at the current schema is checked and read with the standard library's sqlite3;
SQLAlchemy is imported when the store is first asked for its engine or a session (a write, or
`load()`). So the desktop app paints its first page before the ORM is loaded. A database that
needs migrating is backed up and upgraded by `open_store` itself, before anything can write.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import platformdirs

from ..domain.clock import HybridClock
from ..domain.errors import StoreProblem
from .schema import HEAD, REVISIONS

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "MRS Desktop"
APP_AUTHOR = "ILO-MRS"
SQLITE_MAGIC = b"SQLite format 3\x00"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def default_db_path() -> Path:
    """`MRS_DB` if set, else `mrs.sqlite` in the platform's user data folder."""
    env = os.environ.get("MRS_DB")
    return Path(env).expanduser() if env else data_dir() / "mrs.sqlite"


@dataclass
class Writer:
    """Who stamps changes in this store: the local node and its clock."""

    node_id: str
    clock: HybridClock


@dataclass(frozen=True)
class NodeRecord:
    """This installation's node row as it was last read (`Store.load_node`)."""

    id: str
    country: str
    organisation: str
    focal_point: str | None
    public_key: str
    created_at: str


PAGE_SIZE = 16384  # for new files (see _pragmas)
# Not memory-mapped (mmap_size): searches were ~10% faster so, but every page read stays in
# the process's resident memory, and the app's peak after opening every page went from 241
# to 342 MB on 100,000 assessors (bench_gui; the budget is 250 MB).

_NODE = "SELECT id, country, organisation, focal_point, public_key, created_at FROM node LIMIT 1"
# The last stamp of a local write, and of any received in bundles: a local write follows both.
_LAST_STAMPS = ("SELECT (SELECT max(hlc) FROM change_log), "
                "(SELECT value FROM setting WHERE key = 'clock_seen')")


class Store:
    """An opened database file: its node, plain reads, and (built when first asked for) the
    SQLAlchemy engine and session factory."""

    def __init__(self, path: Path, engine: Engine | None = None):
        self.path = path
        self._engine = engine
        self._sessions: sessionmaker[Session] | None = None
        self._loading = threading.RLock()  # the GUI thread and the worker may both ask first
        self._plain: sqlite3.Connection | None = None  # reads before the engine exists, kept open
        self._plain_lock = threading.Lock()
        self.node: NodeRecord | None = None
        self.writer: Writer | None = None
        self.load_node()

    @property
    def key_path(self) -> Path:
        """The node's private key lives beside the database, never inside it."""
        return self.path.with_name(self.path.stem + "-node.key")

    @property
    def loaded(self) -> bool:
        """Whether SQLAlchemy is imported and the engine and session factory built."""
        return self._sessions is not None

    def load(self) -> Store:
        """Import SQLAlchemy and build the engine and session factory now, not at the first write."""
        _ = self.sessions
        return self

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            with self._loading:
                if self._engine is None:
                    self._engine = _engine(self.path)
                    self._close_plain(wait=False)  # reads go through the engine from now on
        return self._engine

    @property
    def sessions(self) -> sessionmaker[Session]:
        if self._sessions is None:
            with self._loading:
                if self._sessions is None:
                    from sqlalchemy.orm import sessionmaker

                    from . import changelog

                    sessions = sessionmaker(self.engine, expire_on_commit=False)
                    changelog.install(sessions)
                    self._sessions = sessions
        return self._sessions

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A plain sqlite3 connection for reads: the engine's (pooled, with its pragmas) once it
        exists, else one of its own that refuses writes, so reading never imports SQLAlchemy.

        (`query_only`, not `mode=ro`: a read-only connection that is the last to close leaves
        the -wal and -shm files beside the database; this one removes them as the engine does.)

        The plain connection is kept open, one at a time (a search is a few statements: opening
        a connection and warming its page cache for each would cost more than the search).
        """
        if self._engine is not None:
            with self._engine.connect() as conn:
                yield conn.connection.driver_connection
            return
        with self._plain_lock:
            if self._plain is None:
                db = sqlite3.connect(f"file:{self.path}?mode=rw", uri=True, check_same_thread=False)
                db.execute("PRAGMA query_only=ON")
                db.execute("PRAGMA busy_timeout=5000")
                db.execute("PRAGMA cache_size=-32768")  # as the engine's (search: ~10% faster)
                self._plain = db
            yield self._plain

    def _close_plain(self, *, wait: bool = True) -> None:
        """Closes the plain connection; without `wait`, not while a read on it is under way (the
        engine may be created inside that read: the connection is then closed with the store)."""
        if not self._plain_lock.acquire(blocking=wait):
            return
        try:
            if self._plain is not None:
                self._plain.close()
                self._plain = None
        finally:
            self._plain_lock.release()

    def load_node(self) -> None:
        with self.reading() as db:
            row = db.execute(_NODE).fetchone()
            if row is None:
                self.node = None
                return
            last, seen = db.execute(_LAST_STAMPS).fetchone()
        self.node = NodeRecord(*row)
        last = max(filter(None, (last, seen)), default=None)
        self.writer = Writer(self.node.id, HybridClock(self.node.id, last=last))

    def session(self) -> Session:
        session = self.sessions()
        session.info["writer"] = self.writer
        return session

    def close(self) -> None:
        self._close_plain()
        if self._engine is not None:
            self._engine.dispose()


def open_store(path: Path | str | None = None) -> Store:
    """Open (creating if need be) and migrate the database; refuse files we must not touch."""
    path = Path(path) if path is not None else default_db_path()
    path = path.expanduser().resolve()
    revision = _check_file(path)
    if revision != HEAD:
        path.parent.mkdir(parents=True, exist_ok=True)
        if revision is not None:
            backup_file(path, path.parent / "backups" / f"{path.stem}-before-{HEAD}-{_stamp()}.sqlite")
    if revision == HEAD:
        return Store(path)  # SQLAlchemy is imported when the store is first written
    engine = _engine(path)
    from .migrate import upgrade  # Alembic is imported only when there is work for it

    upgrade(engine)
    return Store(path, engine).load()  # SQLAlchemy is here already: build the rest with it


def _engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        cur = dbapi_conn.cursor()
        # Only a new, empty file takes it (before WAL writes the header); an existing database
        # keeps the page size it was made with. 16 KiB pages (SQLite's default is 4 KiB) write
        # a large import's rows, indexes and log ~20% faster, with less to checkpoint (bench_import).
        cur.execute(f"PRAGMA page_size={PAGE_SIZE}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")  # a power cut must not lose a committed write
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.execute("PRAGMA cache_size=-32768")  # 32 MB: ~25% faster bulk writes, ~10% faster search
        cur.close()
        # We begin transactions ourselves (below): pysqlite's own handling would run a unit of
        # work's first reads outside its transaction (SQLAlchemy's documented SQLite recipe).
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN")
        # Foreign keys are checked at commit, not per statement: a flush may insert a child
        # before its parent (the models declare no relationships to order them), a bundle too.
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")

    @event.listens_for(engine.pool, "checkin")
    def _end_failed_commit(dbapi_conn, _record):
        # A COMMIT refused by a deferred foreign key leaves SQLite's transaction open, and
        # SQLAlchemy skips its reset after a commit attempt: end it before the next user.
        if dbapi_conn is not None and dbapi_conn.in_transaction:
            dbapi_conn.rollback()

    return engine


def _check_file(path: Path) -> str | None:
    """The file's schema revision (None for a new file); StoreProblem if it is not ours to open."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    if path.is_dir():
        raise StoreProblem(f"{path} is a folder, not a database file")
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise StoreProblem(f"{path} is not an MRS Desktop database (not an SQLite file)")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                if tables:
                    raise StoreProblem(f"{path} is an SQLite file but not an MRS Desktop database")
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreProblem(f"{path} cannot be read as a database: {exc}") from None
    revision = row[0] if row else None
    if revision is not None and revision not in REVISIONS:
        raise StoreProblem(
            f"{path} was written by a newer MRS Desktop (schema revision {revision}); this version "
            f"knows revisions up to {HEAD}. Install the newer version to open it."
        )
    return revision


def backup_file(source: Path, target: Path) -> Path:
    """A consistent copy of a live database (SQLite's online backup), written then renamed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    copy_database(source, partial)
    os.replace(partial, target)
    return target


def copy_database(source: Path, target: Path) -> None:
    """SQLite's online backup of `source` into `target`, in one step: other connections see the
    target before or after, never half-copied, and a crash during it leaves the target as it was."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def schema_revision(store: Store) -> str | None:
    with store.reading() as db:
        row = db.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None
