"""Finding assessors: name search in every script of the region, filters, and register rows.

Read-only queries taking a Store. The GUI's register table holds `assessor_ids(...)` and asks
`assessor_rows(...)` for the slice it shows; the command line uses `search_assessors`.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from typing import Iterator
from dataclasses import dataclass
from datetime import date


from ..db.store import Store
from ..domain.assessors import ACCREDITATION_STATUSES, effective_status
from ..domain.clock import today as default_today
from ..domain.errors import FieldError, NotFound, ValidationError
from . import search_queries as sq
from .search_names import name_query
from .search_detail import AccreditationDetail, AssessorDetail, assessor_detail

__all__ = ["AssessorQuery", "AssessorRow", "AssessorDetail", "AccreditationDetail", "search_assessors",
           "count_assessors", "assessor_ids", "assessor_rows", "get_assessor", "sector_choices"]

STATUSES = (*ACCREDITATION_STATUSES, "expired")
# An assessor's status is that of their best accreditation.
_BEST = {"active": 0, "suspended": 1, "expired": 2, "revoked": 3}
_STATUS_OF_RANK = {rank: status for status, rank in _BEST.items()}


@dataclass(frozen=True)
class AssessorQuery:
    """What the user asked for: name text (any script) and filters, all combined with AND."""

    text: str = ""
    country: str | None = None
    sector: str | None = None  # sector id, code or name
    occupation: str | None = None  # occupation id or code
    level: int | None = None
    status: str | None = None  # active | suspended | revoked | expired
    expiring_within_days: int | None = None  # an active accreditation ends within N days
    include_partners: bool = True
    limit: int = 200
    offset: int = 0


@dataclass(slots=True)
class AssessorRow:
    """One line of the register: the person and a summary of their accreditations.

    Not frozen: a search builds 50 of these, and a frozen dataclass's __init__ (a setattr
    through object for each of 13 fields) took 80 µs of a search's ~1 ms budget."""

    id: str
    country: str
    assessor_ref: str | None
    family_name: str
    given_names: str | None
    name_native: str | None
    organisation: str | None
    accreditations: int
    levels: str  # "2, 3"
    occupations: str
    status: str  # best effective status; "" without accreditations
    next_expiry: date | None  # the earliest end date of a currently active accreditation
    read_only: bool  # a partner's record, received by sync


def search_assessors(store: Store, query: AssessorQuery, *,
                     today: date | None = None) -> list[AssessorRow]:
    """One page (`limit`, `offset`) of matching assessors, best match first."""
    _check(query)
    today = today or default_today()
    with _reading(store) as db:
        people = _select(store, db, query, today, limit=query.limit, offset=query.offset)
        return _rows(store, db, people, today)


def count_assessors(store: Store, query: AssessorQuery, *, today: date | None = None) -> int:
    _check(query)
    with _reading(store) as db:
        where = sq.build_filters(db, query, today=today or default_today(), home_country=_home(store))
        return sq.count_ids(db, where, name_query(query.text))


def assessor_ids(store: Store, query: AssessorQuery, *, today: date | None = None) -> list[str]:
    """Every matching id, in display order (`limit` and `offset` are ignored)."""
    _check(query)
    with _reading(store) as db:
        return [r[0] for r in _select(store, db, query, today or default_today(), columns="a.id")]


def assessor_rows(store: Store, ids: list[str], *, today: date | None = None) -> list[AssessorRow]:
    """Rows for these ids, in the same order; ids unknown to the register are left out.

    A removed assessor's row is still given: an id list may be a moment older than the removal
    (the page refreshes its ids on the change signal)."""
    with _reading(store) as db:
        found = {r[0]: r for r in db.execute(
            f"SELECT {sq.PERSON} FROM assessor a WHERE a.id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(ids)),))}
        return _rows(store, db, [found[i] for i in ids if i in found], today or default_today())


def get_assessor(store: Store, assessor_id: str, *, today: date | None = None) -> AssessorDetail:
    """One assessor with every accreditation (renewals keep their history), newest first."""
    with _reading(store) as db:
        detail = assessor_detail(db, assessor_id, today or default_today(), _home(store))
    if detail is None:
        raise NotFound(f"no assessor with id {assessor_id}")
    return detail


def sector_choices(store: Store) -> list[tuple[str, str, str]]:
    """The sectors a search may filter by: (id, code, name) of each live sector, by name."""
    with _reading(store) as db:
        return db.execute("SELECT id, code, name FROM sector WHERE deleted = 0 ORDER BY name").fetchall()


def _check(query: AssessorQuery) -> None:
    errors = []
    if query.status is not None and query.status not in STATUSES:
        errors.append(FieldError("status", f"'{query.status}' is not one of: {', '.join(STATUSES)}"))
    if query.level is not None and not 1 <= query.level <= 8:
        errors.append(FieldError("level", f"AQRF level {query.level} does not exist (levels are 1–8)"))
    if query.expiring_within_days is not None and query.expiring_within_days < 0:
        errors.append(FieldError("expiring_within_days", "must be zero or more days"))
    if query.limit < 0 or query.offset < 0:
        errors.append(FieldError("limit", "limit and offset must be zero or more"))
    if errors:
        raise ValidationError(errors)


@contextmanager
def _reading(store: Store) -> Iterator[sqlite3.Connection]:
    """The driver's own connection: a search is a few small statements, and SQLAlchemy's
    result objects would cost more than SQLite's work (the budget is 2 ms a search). Before the
    store has loaded SQLAlchemy (the app's first page) it is a read-only sqlite3 connection."""
    with store.reading() as db:
        yield db


def _home(store: Store) -> str | None:
    return store.node.country if store.node is not None else None


def _select(store: Store, db: sqlite3.Connection, query: AssessorQuery, today: date, *,
            columns: str = sq.PERSON, limit: int = -1, offset: int = 0) -> list[tuple]:
    where = sq.build_filters(db, query, today=today, home_country=_home(store))
    return sq.select_people(db, where, name_query(query.text), columns=columns, limit=limit,
                            offset=offset)


def _rows(store: Store, db: sqlite3.Connection, people: list[tuple], today: date) -> list[AssessorRow]:
    """Register rows for these people (PERSON columns): their accreditations summed up."""
    if not people:
        return []
    accs: dict[str, list[tuple]] = {p[0]: [] for p in people}
    for acc in db.execute(
            "SELECT c.assessor_id, c.aqrf_level, c.status, c.valid_until, o.title FROM accreditation c "
            "LEFT JOIN occupation o ON o.id = c.occupation_id "
            "WHERE c.assessor_id IN (SELECT value FROM json_each(?)) AND c.deleted = 0",
            (json.dumps(list(accs)),)).fetchall():
        accs[acc[0]].append(acc)
    home, day = _home(store), today.isoformat()
    return [_row(p, accs[p[0]], day, home) for p in people]


def _row(person: tuple, accs: list[tuple], day: str, home: str | None) -> AssessorRow:
    """One person's row; `day` is today as ISO text, compared with the stored ISO end dates
    (which sort as the dates do): a page of 50 rows is summed up in ~0.1 ms, not 0.2."""
    rank, next_end = len(_BEST), None
    for _id, _level, stored, end, _title in accs:
        status = effective_status(stored, end, day)
        if status == "active" and (next_end is None or end < next_end):
            next_end = end
        rank = min(rank, _BEST[status])
    if len(accs) == 1:  # most assessors: nothing to sort or join
        levels, occupations = str(accs[0][1]), accs[0][4] or ""
    else:
        levels = ", ".join(map(str, sorted({a[1] for a in accs})))
        occupations = ", ".join(sorted({a[4] for a in accs if a[4]}))
    return AssessorRow(*person, len(accs), levels, occupations, _STATUS_OF_RANK.get(rank, ""),
                       date.fromisoformat(next_end) if next_end else None, person[1] != home)
