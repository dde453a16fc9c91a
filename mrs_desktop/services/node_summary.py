"""Who this installation is, in words a person reads: the window's title and the dashboard's card.

Kept apart from services.overview (which counts records with SQLAlchemy) so the window can name
the node before the ORM is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..db.store import Store
from ..domain.reference import countries


@dataclass(frozen=True)
class NodeSummary:
    """Who this installation is, in words a person reads."""

    country: str
    country_name: str
    organisation: str
    focal_point: str | None


def node_summary(store: Store) -> NodeSummary | None:
    node = store.node
    if node is None:
        return None
    name = countries()[node.country].name if node.country in countries() else node.country
    return NodeSummary(node.country, name, node.organisation, node.focal_point)
