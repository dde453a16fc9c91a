"""Unit of work: one session, one transaction, rolled back unless committed (cosmicpython)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.changes import Changes
from ..domain.errors import NoNode
from .store import Store, Writer

if TYPE_CHECKING:  # SQLAlchemy loads with the store's first session, not with this module
    from sqlalchemy.orm import Session


class UnitOfWork:
    def __init__(self, store: Store):
        self.store = store
        self.session: Session

    def __enter__(self) -> "UnitOfWork":
        self.session = self.store.session()
        self.session.info["changes"] = Changes()
        return self

    def __exit__(self, *exc) -> None:
        self.session.rollback()  # a no-op after commit; otherwise nothing half-done survives
        self.session.close()

    @property
    def writer(self) -> Writer:
        if self.store.writer is None:
            raise NoNode("this database has no node yet: run `mrs init --country ISO3 --organisation NAME`")
        return self.store.writer

    @property
    def country(self) -> str:
        """The node's own country: the one whose records this node may edit."""
        self.writer  # raises NoNode first
        assert self.store.node is not None
        return self.store.node.country

    @property
    def changes(self) -> Changes:
        return self.session.info["changes"]

    def commit(self) -> Changes:
        self.session.flush()
        changes = self.changes
        self.session.commit()
        return changes
