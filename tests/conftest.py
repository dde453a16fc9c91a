"""Shared fixtures: every user folder redirected into a temp dir; a fresh store with a node."""

from __future__ import annotations

from pathlib import Path

import pytest

from mrs_desktop.db.store import Store, open_store
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.services.node import init_node


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory, monkeypatch):
    """No test ever touches the real user data, config or cache folders."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", ".local/share"), ("XDG_CONFIG_HOME", ".config"),
                     ("XDG_CACHE_HOME", ".cache"), ("APPDATA", "AppData/Roaming"),
                     ("LOCALAPPDATA", "AppData/Local")):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("MRS_DB", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "mrs.sqlite"


@pytest.fixture
def bare_store(db_path) -> Store:
    """A migrated database with no node yet."""
    store = open_store(db_path)
    yield store
    store.close()


@pytest.fixture
def store(bare_store) -> Store:
    """A database whose node is Cambodia's Ministry of Labour and Vocational Training."""
    init_node(bare_store, country="KHM", organisation="Ministry of Labour and Vocational Training",
              focal_point="Sok Dara")
    return bare_store


@pytest.fixture
def uow(store) -> UnitOfWork:
    return UnitOfWork(store)
