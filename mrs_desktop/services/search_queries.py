"""The SQL behind assessor search: filters, and the queries that list matching assessors.

Name search asks the full-text index first (it is the selective part) and reads the register
only for the rows it found; without a name, the register is listed by family name.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..domain.errors import NotFound
from ..domain.reference import sector_code
from .search_names import NameQuery, plain

if TYPE_CHECKING:
    from .search import AssessorQuery

# How many matches of a name are put in order of relevance: whole-word matches first, then by
# name. Each costs a row read and a few µs, so a broader name ("s", a very common family name)
# lists its matches in register order until it is narrowed; that keeps a search's p95 near
# 1.5 ms on 100,000 assessors (bench/bench_search.py). Measured: ranking with FTS5's bm25
# costs 1.5-4 µs a match, too much for the common names of a real register.
RANKED_MATCHES = 100


@dataclass(frozen=True)
class AccreditationFilter:
    """Conditions one accreditation of the assessor must meet together (one sub-query)."""

    conditions: str

    def __str__(self) -> str:
        return f"EXISTS (SELECT 1 FROM accreditation c WHERE c.assessor_id = a.id AND {self.conditions})"

    def as_set(self) -> str:
        return f"a.id IN (SELECT c.assessor_id FROM accreditation c WHERE {self.conditions})"


@dataclass
class Filters:
    """WHERE clauses on the register (alias `a`) and their parameters, in order.

    `sql` writes an accreditation filter as EXISTS: best for the few rows a name search found
    (one index lookup each). `listing_sql` writes it as IN: best for listing the whole register
    (SQLite builds the set once, using the end-date index for "expiring within"). Callers may
    append their own clauses and parameters.
    """

    clauses: list = field(default_factory=lambda: ["a.deleted = 0"])
    params: list = field(default_factory=list)

    @property
    def sql(self) -> str:
        return " AND ".join(str(c) for c in self.clauses)

    @property
    def listing_sql(self) -> str:
        return " AND ".join(c.as_set() if isinstance(c, AccreditationFilter) else c
                            for c in self.clauses)


def build_filters(db: sqlite3.Connection, query: AssessorQuery, *, today: date,
                  home_country: str | None) -> Filters:
    """The filters of an AssessorQuery (already checked)."""
    where = Filters()
    if query.country:
        where.clauses.append("a.country = ?")
        where.params.append(plain(query.country).strip().upper())
    if not query.include_partners:
        where.clauses.append("a.country = ?")
        where.params.append(home_country or "")
    conditions, params = _accreditation_clauses(db, query, today)
    if conditions:
        where.clauses.append(AccreditationFilter(" AND ".join(["c.deleted = 0", *conditions])))
        where.params.extend(params)
    return where


def _accreditation_clauses(db: sqlite3.Connection, query: AssessorQuery, today: date) -> tuple[list[str], list]:
    clauses: list[str] = []
    params: list = []
    if query.sector:
        ids = sector_ids(db, query.sector)
        clauses.append(f"c.sector_id IN ({', '.join('?' * len(ids))})")
        params.extend(ids)
    if query.occupation:
        ids = occupation_ids(db, query.occupation)
        clauses.append(f"c.occupation_id IN ({', '.join('?' * len(ids))})")
        params.extend(ids)
    if query.level is not None:
        clauses.append("c.aqrf_level = ?")
        params.append(query.level)
    if query.status:
        sql, values = _status_clause(query.status, today)
        clauses.append(sql)
        params.extend(values)
    if query.expiring_within_days is not None:
        end = today + timedelta(days=query.expiring_within_days)
        clauses.append("c.status = 'active' AND c.valid_until BETWEEN ? AND ?")
        params.extend((today.isoformat(), end.isoformat()))
    return clauses, params


# A renewal continues an accreditation: the old one keeps its dates (history) but needs no action.
# Written as NOT IN: SQLite builds the set of renewed ids once (renews_id has no index).
NOT_RENEWED = ("c.id NOT IN (SELECT r.renews_id FROM accreditation r "
               "WHERE r.renews_id IS NOT NULL AND r.deleted = 0)")


def _status_clause(status: str, today: date) -> tuple[str, list]:
    # "expired" is derived: an active accreditation whose end date has passed (domain.assessors),
    # and that was not renewed: what someone must act on, as the dashboard counts it.
    if status == "active":
        return "c.status = 'active' AND c.valid_until >= ?", [today.isoformat()]
    if status == "expired":
        return f"c.status = 'active' AND c.valid_until < ? AND {NOT_RENEWED}", [today.isoformat()]
    return "c.status = ?", [status]


def sector_ids(db: sqlite3.Connection, text: str) -> list[str]:
    """A sector named by id, code or name; NotFound names what the user typed."""
    wanted = plain(text).strip()
    ids = [r[0] for r in db.execute(
        "SELECT id FROM sector WHERE deleted = 0 AND (id = ? OR code = ? OR lower(name) = lower(?))",
        (wanted, sector_code(wanted), wanted))]
    if not ids:
        raise NotFound(f"no sector '{wanted}' in the catalogue")
    return ids


def occupation_ids(db: sqlite3.Connection, text: str) -> list[str]:
    """Occupations named by id or code (codes are per country, so a code may name several)."""
    wanted = plain(text).strip()
    ids = [r[0] for r in db.execute(
        "SELECT id FROM occupation WHERE deleted = 0 AND (id = ? OR code = ? COLLATE NOCASE)",
        (wanted, wanted))]
    if not ids:
        raise NotFound(f"no occupation '{wanted}' in the catalogue")
    return ids


PERSON = "a.id, a.country, a.assessor_ref, a.family_name, a.given_names, a.name_native, a.organisation"
BY_NAME = "a.family_name COLLATE NOCASE, a.given_names COLLATE NOCASE"


def select_people(db: sqlite3.Connection, where: Filters, name: NameQuery | None, *,
                  columns: str = PERSON, limit: int = -1, offset: int = 0) -> list[tuple]:
    """Matching assessors in display order (relevance, register order, or by name).

    Each row holds `columns` (the id first), or PERSON columns where they were read anyway.
    """
    if name is None:
        sql = (f"SELECT {columns} FROM assessor a WHERE {where.listing_sql} "
               f"ORDER BY {BY_NAME}, a.id LIMIT ? OFFSET ?")
        return db.execute(sql, (*where.params, limit, offset)).fetchall()
    # Evaluating a common prefix is the costly part, so the index is asked once where possible:
    # its first matches (register order) are the whole answer when the name is specific, and
    # hold the first page when it is not.
    rowids = [r[0] for r in db.execute(
        "SELECT rowid FROM assessor_fts WHERE assessor_fts MATCH ? LIMIT ?",
        (name.expression, RANKED_MATCHES + 1))]
    end = None if limit < 0 else offset + limit
    if len(rowids) <= RANKED_MATCHES:
        rows = _candidates(db, where, rowids, by_name=True)
        rows.sort(key=lambda r: name.whole_words(r[4], r[5], r[6]), reverse=True)  # stable
        return [r[1:] for r in rows[offset:end]]
    if end is not None and end <= len(rowids):
        rows = _candidates(db, where, rowids[:end], by_name=False)
        if len(rows) == end:
            return [r[1:] for r in rows[offset:end]]
    # A broad name whose page lies beyond the first matches (or whose filters drop some): register
    # order straight from SQL. CROSS JOIN keeps the index as the outer loop.
    sql = (f"SELECT {columns} FROM assessor_fts f CROSS JOIN assessor a ON a.rowid = f.rowid "
           f"WHERE f.assessor_fts MATCH ? AND {where.sql} "
           "ORDER BY f.rowid LIMIT ? OFFSET ?")
    return db.execute(sql, (name.expression, *where.params, limit, offset)).fetchall()


def _candidates(db: sqlite3.Connection, where: Filters, rowids: list[int], *,
                by_name: bool) -> list[tuple]:
    """Of these register rows, the ones the filters keep: (rowid, *PERSON), by name or rowid."""
    if not rowids:
        return []
    order = BY_NAME + ", a.rowid" if by_name else "a.rowid"
    return db.execute(
        f"SELECT a.rowid, {PERSON} FROM assessor a "
        f"WHERE a.rowid IN (SELECT value FROM json_each(?)) AND {where.sql} ORDER BY {order}",
        (json.dumps(rowids), *where.params)).fetchall()


def count_ids(db: sqlite3.Connection, where: Filters, name: NameQuery | None) -> int:
    if name is None:
        return db.execute(f"SELECT count(*) FROM assessor a WHERE {where.listing_sql}",
                          where.params).fetchone()[0]
    return db.execute(
        f"SELECT count(*) FROM assessor_fts f CROSS JOIN assessor a ON a.rowid = f.rowid "
        f"WHERE f.assessor_fts MATCH ? AND {where.sql}",
        (name.expression, *where.params)).fetchone()[0]
