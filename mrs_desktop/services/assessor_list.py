"""The assessor register as a list on screen: every search filter, "partner countries only",
and any column's order, so a table re-queries its ids in order instead of sorting in memory.

Read-only queries taking a Store, built on services.search (same filters, same name matching);
with no order given the order is search's own: best match first, else by name.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date

from ..db.store import Store
from ..domain.clock import today as default_today
from ..domain.errors import FieldError, ValidationError
from ..domain.reference import countries
from . import search_queries as sq
from .search import STATUSES, AssessorQuery, AssessorRow, assessor_rows
from .search_names import NameQuery, name_query

_LIVE = "c.assessor_id = a.id AND c.deleted = 0"
# Each sortable column: an SQL expression over the register row `a` and its parameters
# (`today` where the effective status matters). Empty values sort last in either direction.
_STATUS_RANK = ("(SELECT min(CASE WHEN c.status = 'active' AND c.valid_until >= :today THEN 0 "
                "WHEN c.status = 'suspended' THEN 1 WHEN c.status = 'active' THEN 2 ELSE 3 END) "
                f"FROM accreditation c WHERE {_LIVE})")
ORDERS = {
    "family_name": "a.family_name COLLATE NOCASE",
    "given_names": "a.given_names COLLATE NOCASE",
    "name_native": "a.name_native",
    "country": None,  # by the country's name, built from the reference data
    "organisation": "a.organisation COLLATE NOCASE",
    "levels": f"(SELECT min(c.aqrf_level) FROM accreditation c WHERE {_LIVE})",
    "occupations": ("(SELECT min(o.title) FROM accreditation c "
                    f"JOIN occupation o ON o.id = c.occupation_id WHERE {_LIVE})"),
    "status": _STATUS_RANK,
    "next_expiry": ("(SELECT min(c.valid_until) FROM accreditation c WHERE "
                    f"{_LIVE} AND c.status = 'active' AND c.valid_until >= :today)"),
}
_TIES = ("a.family_name COLLATE NOCASE", "a.given_names COLLATE NOCASE", "a.id")
_NEVER_EMPTY = {"family_name", "country"}


@dataclass(frozen=True)
class RegisterView:
    """What the register page shows: a search, partner records only or not, and an order."""

    query: AssessorQuery = field(default_factory=AssessorQuery)
    partners_only: bool = False  # records received from partner countries, none of our own
    order_by: str | None = None  # a key of ORDERS; None: search's order (best match first)
    descending: bool = False


def view_ids(store: Store, view: RegisterView, *, limit: int = -1,
             today: date | None = None) -> list[str]:
    """The ids the view shows, in its order; `limit` >= 0 gives only the first ones (cheaper)."""
    check_view(view)
    today = today or default_today()
    home = store.node.country if store.node is not None else None
    with store.reading() as db:  # as services.search: plain sqlite3 is cheaper
        where = sq.build_filters(db, view.query, today=today, home_country=home)
        if view.partners_only:
            where.clauses.append("a.country <> ?")
            where.params.append(home or "")
        name = name_query(view.query.text)
        if view.order_by is None:
            return [r[0] for r in sq.select_people(db, where, name, columns="a.id", limit=limit)]
        return _ordered(db, where, name, view, today, limit)


def view_page(store: Store, view: RegisterView, *, limit: int,
              today: date | None = None) -> list[AssessorRow]:
    """The first `limit` rows of the view: what a table shows before the full id list is known."""
    today = today or default_today()
    return assessor_rows(store, view_ids(store, view, limit=limit, today=today), today=today)


def check_view(view: RegisterView) -> None:
    """The same refusals as services.search, plus an unknown column to order by."""
    query, errors = view.query, []
    if query.status is not None and query.status not in STATUSES:
        errors.append(FieldError("status",
                                 f"'{query.status}' is not one of: {', '.join(STATUSES)}"))
    if query.level is not None and not 1 <= query.level <= 8:
        errors.append(FieldError("level",
                                 f"AQRF level {query.level} does not exist (levels are 1–8)"))
    if query.expiring_within_days is not None and query.expiring_within_days < 0:
        errors.append(FieldError("expiring_within_days", "must be zero or more days"))
    if view.order_by is not None and view.order_by not in ORDERS:
        errors.append(FieldError("order_by",
                                 f"'{view.order_by}' is not one of: {', '.join(ORDERS)}"))
    if errors:
        raise ValidationError(errors)


def _ordered(db: sqlite3.Connection, where: sq.Filters, name: NameQuery | None, view: RegisterView,
             today: date, limit: int) -> list[str]:
    key, key_params = _order_key(view.order_by, today)
    direction = "DESC" if view.descending else "ASC"
    # Ties go the same way as the key, so the register's name index serves both directions;
    # a column that may be empty puts its empty values last either way.
    ties = ", ".join(f"{t} {direction}" for t in _TIES)
    if view.order_by in _NEVER_EMPTY:
        order = f"ORDER BY {key} {direction}, {ties} LIMIT ?"
    else:
        order = f"ORDER BY ({key}) IS NULL, {key} {direction}, {ties} LIMIT ?"
        key_params = key_params * 2
    if name is None:
        sql = f"SELECT a.id FROM assessor a WHERE {where.listing_sql} {order}"
        params = (*where.params, *key_params, limit)
    else:  # the index stays the outer loop, as in services.search
        sql = (f"SELECT a.id FROM assessor_fts f CROSS JOIN assessor a ON a.rowid = f.rowid "
               f"WHERE f.assessor_fts MATCH ? AND {where.sql} {order}")
        params = (name.expression, *where.params, *key_params, limit)
    return [r[0] for r in db.execute(sql, params)]


def _order_key(order_by: str, today: date) -> tuple[str, list]:
    if order_by == "country":
        names = " ".join(f"WHEN '{code}' THEN '{c.name.replace(chr(39), chr(39) * 2)}'"
                         for code, c in countries().items())
        return f"CASE a.country {names} ELSE a.country END", []
    expression = ORDERS[order_by]
    if ":today" in expression:
        return expression.replace(":today", "?"), [today.isoformat()]
    return expression, []
