"""Lookups every register's services share: a live record by id, and who may change it."""

from __future__ import annotations

from typing import Iterable, TypeVar

from sqlalchemy.orm import Session

from ..domain.errors import InputRejected, NotFound
from ..domain.reference import countries

T = TypeVar("T")


def get_live(session: Session, model: type[T], record_id: str, what: str) -> T:
    """The record with this id; NotFound if it never existed or was removed (a tombstone)."""
    record = session.get(model, record_id) if record_id else None
    if record is None or record.deleted:
        raise NotFound(f"no {what} with id {record_id}")
    return record


def country_name(code: str) -> str:
    return countries()[code].name if code in countries() else code


def require_party(own: str, parties: Iterable[str], what: str) -> None:
    """Shared records (action plans, equivalences) may be edited by any country party to them."""
    parties = [p for p in parties if p]
    if own not in parties:
        names = " and ".join(country_name(p) for p in parties)
        raise InputRejected(f"{what} is shared between {names}; {country_name(own)} is not party "
                            "to it, so it is read-only here")


def split_countries(text: str | None) -> tuple[str, ...]:
    """'KHM,LAO' as stored in a plan's partner_countries → ('KHM', 'LAO')."""
    return tuple(c for c in (text or "").split(",") if c)
