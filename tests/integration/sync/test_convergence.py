"""Property: five nodes that edit shared and owned records and exchange bundles in any order —
dropped, duplicated, re-ordered — hold identical data after a full exchange, and every value
overwritten by a concurrent change sits in some node's conflict queue.

The test keeps its own model of causality: each write's past (the writes to the same field its
node had seen when it was made), carried by bundles exactly as the field's version vector is.
A write no later write has seen is a "head"; every head but the final value, if its value
differs from the final one, was overwritten concurrently and must be in a conflict queue.

Final exchange: a star through KHM — every other node exports to KHM and KHM imports each, then
KHM exports one bundle for every peer, which each imports. Incremental exports suffice: each
bundle starts at what the receiver acknowledged, and an acknowledgement covers only changes the
acknowledging node holds, so KHM ends with the join of every node's state and sends all of it.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mrs_desktop.db.models import REGISTERS
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import InputRejected, NotFound
from mrs_desktop.services import action_plans, assessors
from mrs_desktop.services.sync import export, inbound
from mrs_desktop.sync import bundle

from tests.integration.sync.conftest import COUNTRIES, ITEMS, copy_template, fast_temp_root, plan_and_items

HUB = COUNTRIES[0]
EDITS = {
    "status": ("not_started", "in_progress", "done", "blocked"),
    "percent": (0, 25, 50, 100),
    "description": ("Map occupations", "Draft the arrangement", "Review standards", "Sign"),
}
TRACKED = (*EDITS, "deleted")  # the item fields the model follows

node = st.sampled_from(COUNTRIES)
# Edits crowd onto the first item's status, so that concurrent changes of one field are common.
item = st.sampled_from((0, 0, 0, 1, 2))
edit = st.tuples(st.just("edit"), node, item, st.sampled_from(("status", "status", "percent", "description")),
                 st.integers(0, 3))
remove = st.tuples(st.just("remove"), node, st.integers(0, ITEMS - 1))
assessor = st.tuples(st.just("assessor"), node, st.sampled_from(("add", "add", "edit", "remove")),
                     st.integers(0, 3))
send = st.tuples(st.just("export"), node, st.integers(1, len(COUNTRIES) - 1))
deliver = st.tuples(st.just("deliver"), st.integers(0, 50))
# Several nodes change one field to different values, none having seen the others' change.
race = st.tuples(st.just("race"), st.lists(node, min_size=2, max_size=4, unique=True), item,
                 st.sampled_from(sorted(EDITS)), st.integers(0, 3))
# Edits and mail dominate; a removal ends an item's edits at that node, so it is rarer.
operation = st.one_of(edit, edit, race, send, deliver, deliver, assessor, remove)
# Short schedules, many of them: the final exchange (5 exports, 8 imports) is most of the cost.
schedules = st.lists(operation, min_size=4, max_size=10)


@dataclass(frozen=True)
class Write:
    """One local write to one field of an action item, as the model sees it."""

    id: int
    node: str
    row: str
    field: str
    value: Any
    stamp: str
    past: frozenset[int]  # the writes to this field its node had seen, itself included


@dataclass
class Letter:
    """A bundle in the mail bag: who sent it to whom, and the field pasts of the items it carries."""

    path: Path
    to: str
    carried: dict[tuple[str, str], frozenset[int]]


@dataclass
class World:
    nodes: Any
    items: list[str]
    writes: list[Write] = field(default_factory=list)
    known: dict[str, dict[tuple[str, str], frozenset[int]]] = field(default_factory=dict)
    bag: list[Letter] = field(default_factory=list)
    refs: dict[str, int] = field(default_factory=dict)
    sent: int = 0

    # --- the model -------------------------------------------------------------------------

    def start(self) -> None:
        """The items as every node holds them: one write per field, seen by all."""
        clocks = item_clocks(self.nodes[HUB], self.items)
        values = item_values(self.nodes[HUB], self.items)
        self.known = {country: {} for country in COUNTRIES}
        for row in self.items:
            for name in TRACKED:
                w = self._write(HUB, row, name, values[row][name], clocks[row][name], frozenset())
                for country in COUNTRIES:
                    self.known[country][(row, name)] = w.past

    def _write(self, country: str, row: str, name: str, value, stamp: str, past: frozenset) -> Write:
        w = Write(len(self.writes), country, row, name, value, stamp, past | {len(self.writes)})
        self.writes.append(w)
        self.known[country][(row, name)] = w.past
        return w

    def local_item_write(self, country: str, row: str, change) -> None:
        """Run `change` on the node, then record each item field whose clock moved."""
        store = self.nodes[country]
        before = item_clocks(store, [row])[row]
        try:
            change(UnitOfWork(store))
        except (InputRejected, NotFound):
            return  # the item was removed at this node: edits are refused there
        after = item_clocks(store, [row])[row]
        values = item_values(store, [row])[row]
        for name in TRACKED:
            if after[name] != before[name]:
                self._write(country, row, name, values[name], after[name], self.known[country][(row, name)])

    # --- operations --------------------------------------------------------------------------

    def run(self, op) -> None:
        kind, *args = op
        getattr(self, f"op_{kind}")(*args)

    def op_edit(self, country: str, item: int, name: str, choice: int) -> None:
        value = EDITS[name][choice]
        row = self.items[item]
        self.local_item_write(country, row, lambda uow: action_plans.update_item(uow, row, {name: value}))

    def op_race(self, countries: list[str], item: int, name: str, choice: int) -> None:
        for k, country in enumerate(countries):
            self.op_edit(country, item, name, (choice + k) % len(EDITS[name]))

    def op_remove(self, country: str, item: int) -> None:
        row = self.items[item]
        self.local_item_write(country, row, lambda uow: action_plans.remove_item(uow, row))

    def op_assessor(self, country: str, action: str, pick: int) -> None:
        store = self.nodes[country]
        if action == "add":
            n = self.refs[country] = self.refs.get(country, 0) + 1
            assessors.add_assessor(UnitOfWork(store), {"family_name": f"Name {n}", "given_names": country,
                                                       "assessor_ref": f"{country}-{n}"})
            return
        own = live_assessors(store)
        if not own:
            return
        target = own[pick % len(own)]
        if action == "edit":
            assessors.update_assessor(UnitOfWork(store), target, {"family_name": f"Renamed {pick}"})
        else:
            assessors.remove_assessor(UnitOfWork(store), target)

    def op_export(self, country: str, offset: int) -> None:
        to = COUNTRIES[(COUNTRIES.index(country) + offset) % len(COUNTRIES)]
        self.bag.append(self.mail(country, [to]))

    def mail(self, country: str, to: list[str]) -> Letter:
        self.sent += 1
        path = self.nodes.folder / f"{self.sent:03d}-{country}.mrsbundle"
        export.export_bundle(self.nodes[country], path, to=to)
        carried = {(row, name): self.known[country][(row, name)]
                   for row in carried_items(path) for name in TRACKED}
        return Letter(path, ",".join(to), carried)

    def op_deliver(self, pick: int) -> None:
        if self.bag:
            letter = self.bag[pick % len(self.bag)]  # stays in the bag: it may come twice
            self.receive(letter.to, letter)

    def receive(self, country: str, letter: Letter) -> None:
        inbound.import_bundle(self.nodes[country], letter.path)
        known = self.known[country]
        for key, past in letter.carried.items():
            known[key] = known[key] | past

    def exchange(self) -> None:
        """Every node to the hub, then the hub to every node (see the module docstring)."""
        for country in COUNTRIES[1:]:
            self.receive(HUB, self.mail(country, [HUB]))
        letter = self.mail(HUB, list(COUNTRIES[1:]))
        for country in COUNTRIES[1:]:
            self.receive(country, letter)


# --- reading the nodes ---------------------------------------------------------------------------

_READERS: dict[Path, sqlite3.Connection] = {}


def _query(store, sql: str, params=()) -> list[tuple]:
    """A read straight through sqlite3 (autocommit: no read stays open between writes), on one
    connection per node for the schedule: the model reads often, and opening parses the schema."""
    conn = _READERS.get(store.path)
    if conn is None:
        conn = _READERS[store.path] = sqlite3.connect(store.path, isolation_level=None)
    return conn.execute(sql, params).fetchall()


def close_readers() -> None:
    while _READERS:
        _READERS.popitem()[1].close()


def item_clocks(store, rows: list[str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {row: {} for row in rows}
    for row, name, stamp in _query(store, "SELECT row_id, field, stamp FROM field_clock "
                                          "WHERE register = 'action_item'"):
        if row in out:
            out[row][name] = stamp
    return out


def item_values(store, rows: list[str]) -> dict[str, dict[str, Any]]:
    cols = ", ".join(TRACKED)
    found = {r[0]: dict(zip(TRACKED, r[1:])) for r in _query(store, f"SELECT id, {cols} FROM action_item")}
    return {row: found[row] for row in rows}


def live_assessors(store) -> list[str]:
    return [r[0] for r in _query(store, "SELECT id FROM assessor WHERE deleted = 0 AND country = ? ORDER BY id",
                                 (store.node.country,))]


def carried_items(path: Path) -> set[str]:
    opened = bundle.open_bundle(path)
    doc = orjson.loads(bundle.read_changes(opened, None, node_id=None))
    return {row[0] for entry in doc["registers"] if entry["register"] == "action_item" for row in entry["rows"]}


def synced_data(store) -> dict[str, list[tuple]]:
    """Every synced table, and every field clock's stamp and version vector."""
    out = {register: _query(store, f"SELECT * FROM {register} ORDER BY id") for register in REGISTERS}
    # Every node seeds the same starter sectors under the same ids, each stamped by itself; the
    # first copy of an append-only record is the record, so their stamps rightly stay apart.
    out["sector"] = _query(store, "SELECT id, code, name, deleted FROM sector ORDER BY id")
    out["field_clock"] = _query(store, "SELECT register, row_id, field, stamp FROM field_clock "
                                       "ORDER BY register, row_id, field")
    return out


def lost_values(nodes) -> dict[tuple[str, str], list]:
    out: dict[tuple[str, str], list] = {}
    for country in COUNTRIES:
        for row, name, lost in _query(nodes[country], "SELECT row_id, field, lost_value FROM conflict "
                                                      "WHERE register = 'action_item'"):
            out.setdefault((row, name), []).append(json.loads(lost))
    return out


# --- the property ----------------------------------------------------------------------------------

def check_converged(world: World) -> None:
    hub = synced_data(world.nodes[HUB])
    for country in COUNTRIES[1:]:
        theirs = synced_data(world.nodes[country])
        for table, rows in hub.items():
            assert theirs[table] == rows, f"{country} differs from {HUB} in {table}"
    values = item_values(world.nodes[HUB], world.items)
    clocks = item_clocks(world.nodes[HUB], world.items)
    seen_by_later = set().union(*(w.past - {w.id} for w in world.writes))
    queued = lost_values(world.nodes)
    losses = 0
    for row in world.items:
        for name in TRACKED:
            writes = [w for w in world.writes if (w.row, w.field) == (row, name)]
            final = max(writes, key=lambda w: w.stamp)  # the last writer by clock wins
            assert (values[row][name], clocks[row][name]) == (final.value, final.stamp), (row, name)
            for w in writes:
                if w.id not in seen_by_later and w is not final and w.value != final.value:
                    losses += 1
                    assert w.value in queued.get((row, name), []), (
                        f"{w.node}'s {name} = {w.value!r} was overwritten by a concurrent change "
                        f"(final: {final.node}'s {final.value!r}) but is in no conflict queue")
    event(f"concurrent losses checked: {losses if losses < 3 else '3+'}")
    writes = len(world.writes) - ITEMS * len(TRACKED)
    event(f"item writes: {writes if writes < 6 else '6+'}")


@pytest.fixture(scope="module")
def five_nodes(templates):
    """Five open stores, reset from the shared template for each schedule (see Nodes.reset)."""
    with tempfile.TemporaryDirectory(dir=fast_temp_root()) as folder:
        nodes = copy_template(templates["shared"], Path(folder))
        yield nodes
        nodes.close()


@settings(max_examples=500, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(schedule=schedules)
def test_five_nodes_converge_and_queue_every_concurrent_loss(templates, five_nodes, schedule):
    five_nodes.reset(templates["shared"])
    world = World(five_nodes, plan_and_items(five_nodes[HUB])[1])
    try:
        world.start()
        for op in schedule:
            world.run(op)
        world.exchange()
        check_converged(world)
    finally:
        close_readers()
