"""Looking after the database file: integrity check and backups."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..db.models import REGISTERS
from ..db.schema import HEAD
from ..db.store import Store, backup_file, schema_revision
from ..domain.errors import AlreadyExists, InputRejected, MrsError
from ..sync import keys


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    facts: dict[str, object] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(store: Store) -> CheckReport:
    """Integrity of the file, the schema revision, the name index, the change log and node key."""
    report = CheckReport()
    with store.engine.connect() as conn:
        sql = conn.exec_driver_sql
        integrity = [r[0] for r in sql("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            report.problems += [f"SQLite integrity: {line}" for line in integrity[:20]]
        for table, rowid, parent, _ in sql("PRAGMA foreign_key_check"):
            report.problems.append(f"{table} row {rowid} points to a missing {parent} record")
        try:
            sql("INSERT INTO assessor_fts(assessor_fts) VALUES ('integrity-check')")
        except Exception as exc:  # sqlite reports a corrupt index as an error
            report.problems.append(f"the name search index is damaged ({exc}); `mrs check` cannot repair it yet")
        indexed = sql("SELECT count(*) FROM assessor_fts").scalar()
        stored = sql("SELECT count(*) FROM assessor").scalar()
        if indexed != stored:
            report.problems.append(f"the name search index holds {indexed} names for {stored} assessors")
        for register, model in REGISTERS.items():
            table = model.__table__.name
            unlogged = sql(  # IN builds a transient index: no permanent index on row_id needed
                f"SELECT count(*) FROM {table} WHERE id NOT IN "
                f"(SELECT row_id FROM change_log WHERE register = ?)", (register,)).scalar()
            if unlogged:
                report.problems.append(f"{unlogged} {register} records have no change-log entry")
            report.facts[register] = sql(f"SELECT count(*) FROM {table} WHERE deleted = 0").scalar()
        report.facts["change_log"] = sql("SELECT count(*) FROM change_log").scalar()
    revision = schema_revision(store)
    report.facts["schema"] = revision
    if revision != HEAD:
        report.problems.append(f"schema revision {revision}, expected {HEAD}")
    _check_node(store, report)
    return report


def _check_node(store: Store, report: CheckReport) -> None:
    if store.node is None:
        report.facts["node"] = None
        return
    report.facts["node"] = f"{store.node.country} {store.node.id}"
    try:
        public = keys.load_private_key(store.key_path).public_hex
    except MrsError as exc:
        report.problems.append(str(exc))
        return
    if public != store.node.public_key:
        report.problems.append(f"the key file {store.key_path} does not belong to this node")


def backup(store: Store, target: Path) -> Path:
    """A consistent copy of the database (not of the private key, which is backed up apart)."""
    target = Path(target).expanduser().resolve()
    if target.exists():
        raise AlreadyExists(f"{target} already exists; choose a new file name for the backup")
    if target == store.path:
        raise InputRejected("the backup cannot be the database itself")
    if not target.parent.is_dir():
        raise InputRejected(f"the folder {target.parent} does not exist")
    return backup_file(store.path, target)


AUTOMATIC = "-auto-"  # in the name of every automatic backup, and of no other file we write


def backups_folder(store: Store) -> Path:
    """Where automatic backups go: `backups/` beside the database (migration backups go there too)."""
    return store.path.parent / "backups"


def automatic_backup(store: Store, folder: Path | None = None, *, keep: int | None = None) -> Path:
    """A timestamped backup `<db>-auto-<UTC time>.sqlite`, then (if `keep`) the oldest rotated out."""
    folder = Path(folder) if folder is not None else backups_folder(store)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup(store, folder / f"{store.path.stem}{AUTOMATIC}{stamp}.sqlite")
    if keep is not None:
        rotate_backups(folder, keep)
    return target


def rotate_backups(folder: Path, keep: int) -> list[Path]:
    """Delete all but the `keep` newest automatic backups in `folder`; returns the deleted files.

    Only files with "-auto-" in their name are touched: backups made before a migration or by
    the user are kept whatever their number. The UTC time in the name orders them.
    """
    if keep < 1:
        raise InputRejected(f"keep at least one automatic backup (asked for {keep})")
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = sorted((p for p in folder.glob(f"*{AUTOMATIC}*.sqlite") if p.is_file()),
                   key=lambda p: p.name.rsplit(AUTOMATIC, 1)[1])
    old = found[:-keep]
    for path in old:
        path.unlink(missing_ok=True)
    return old
