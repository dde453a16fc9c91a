"""Nodes that trust each other, built once per test session and copied per test: creating a node
(key generation, migration, seeding) and trusting cards costs far more than copying two files.

A template is a folder of `<country>.sqlite` + `<country>-node.key` pairs. `bare` nodes trust each
other and hold only their own seeded sectors; `shared` nodes also all hold one action plan owned
by KHM with every other node as a partner, and three items.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from mrs_desktop.db.models import ActionItem, ActionPlan
from mrs_desktop.db.store import Store, open_store
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.services import action_plans, peers
from mrs_desktop.services.node import init_node
from mrs_desktop.services.sync import export, inbound
from mrs_desktop.sync.cards import read_card

COUNTRIES = ("KHM", "THA", "LAO", "VNM", "MYS")
ITEMS = 3


@dataclass
class Nodes:
    """Opened copies of a template: country → store, in a folder of their own."""

    folder: Path
    stores: dict[str, Store]

    def __getitem__(self, country: str) -> Store:
        return self.stores[country]

    def close(self) -> None:
        for store in self.stores.values():
            store.close()

    def reset(self, template: Path) -> None:
        """Put the template's databases back under the open stores, and clear the folder.

        Cheaper than opening new stores: an engine compiles each statement once and keeps it,
        and a fresh engine per test would spend most of its time compiling again.
        """
        for store in self.stores.values():
            store.engine.dispose()
        for path in self.folder.iterdir():
            if path.is_dir():
                shutil.rmtree(path)
            elif not path.name.endswith("-node.key"):
                path.unlink()
        for country, store in self.stores.items():
            shutil.copyfile(template / f"{country}.sqlite", store.path)
            store.load_node()


def fast_temp_root() -> str | None:
    """A RAM-backed folder where there is one: the tests fsync a lot (every commit, every bundle)
    and measure merging, not the disk."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def copy_template(template: Path, folder: Path, countries=COUNTRIES) -> Nodes:
    folder.mkdir(parents=True, exist_ok=True)
    stores = {}
    for country in countries:
        shutil.copyfile(template / f"{country}.sqlite", folder / f"{country}.sqlite")
        key = folder / f"{country}-node.key"
        shutil.copyfile(template / f"{country}-node.key", key)
        os.chmod(key, 0o600)
        stores[country] = open_store(folder / f"{country}.sqlite")
    return Nodes(folder, stores)


def checkpoint(path: Path) -> None:
    """Fold the WAL into the database file, so the file alone holds the whole state."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _build_bare(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    stores = {}
    for country in COUNTRIES:
        store = open_store(folder / f"{country}.sqlite")
        init_node(store, country=country, organisation=f"Ministry of Labour ({country})")
        peers.export_card(store, folder / f"{country}.mrscard")
        stores[country] = store
    for country, store in stores.items():
        with UnitOfWork(store) as uow:
            for other in COUNTRIES:
                if other != country:
                    peers.trust_card(uow, read_card(folder / f"{other}.mrscard"))
            uow.commit()
    for store in stores.values():
        store.close()
        checkpoint(store.path)


def _build_shared(bare: Path, folder: Path) -> None:
    """The KHM plan with every other country as a partner, delivered to every node."""
    nodes = copy_template(bare, folder)
    khm = nodes["KHM"]
    action_plans.add_plan(
        UnitOfWork(khm), {"title": "ASEAN tiling and plumbing", "plan_ref": "AP-1",
                          "partner_countries": ",".join(COUNTRIES[1:])},
        [{"description": f"Item {i}", "item_ref": f"I{i}", "partner_country": COUNTRIES[i % len(COUNTRIES)]}
         for i in range(1, ITEMS + 1)])
    sent = export.export_bundle(khm, folder / "plan.mrsbundle", full=True)
    for country in COUNTRIES[1:]:
        inbound.import_bundle(nodes[country], sent.path)
    nodes.close()
    for country in COUNTRIES:
        checkpoint(folder / f"{country}.sqlite")
    shutil.rmtree(folder / "restore-points", ignore_errors=True)
    (folder / "plan.mrsbundle").unlink()


@pytest.fixture(scope="session")
def templates(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("sync-templates")
    _build_bare(root / "bare")
    _build_shared(root / "bare", root / "shared")
    for cards in (root / "bare").glob("*.mrscard"):
        shutil.copy(cards, root / "shared" / cards.name)
    return {"bare": root / "bare", "shared": root / "shared"}


@pytest.fixture
def bare_nodes(templates, tmp_path) -> Nodes:
    nodes = copy_template(templates["bare"], tmp_path / "nodes")
    yield nodes
    nodes.close()


@pytest.fixture
def shared_nodes(templates, tmp_path) -> Nodes:
    nodes = copy_template(templates["shared"], tmp_path / "nodes")
    yield nodes
    nodes.close()


def plan_and_items(store: Store) -> tuple[str, list[str]]:
    with store.session() as s:
        plan = s.scalars(select(ActionPlan.id)).one()
        items = list(s.scalars(select(ActionItem.id).order_by(ActionItem.item_ref)))
    return plan, items
