"""The declarative base, reusable column types, and the columns every synced record carries."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from sqlalchemy import Boolean, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints make batch migrations on SQLite deterministic (STYLE.md, Warehouse).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

uuid_pk = Annotated[str, mapped_column(String(36), primary_key=True)]
uuid_col = Annotated[str, mapped_column(String(36))]
country = Annotated[str, mapped_column(String(3))]
short = Annotated[str, mapped_column(String(300))]
long_text = Annotated[str, mapped_column(Text)]
day = Annotated[date, mapped_column()]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {str: String(300)}


class Synced:
    """Mixin: global id, owning node, clock stamp of the last change, tombstone."""

    __register__: str  # name of the register in the change log and in bundles
    # How bundles merge it (DESIGN.md §3): "owned" (only the owning country writes; the newest
    # version wins whole), "shared" (field by field, last writer by clock, concurrent changes
    # queued as conflicts) or "append" (insert-or-ignore, never edited).
    __sync__: str
    __owner_field__: str | None = None  # the column naming the owning country, if any

    id: Mapped[uuid_pk]
    origin: Mapped[str] = mapped_column(String(36))
    hlc: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    # Fields that never appear in a change record's field list.
    SYNC_COLUMNS = ("id", "origin", "hlc", "deleted")
