"""Planning an import: each received record compared with this node's copy by the merge rules
(domain.merge), with nothing written. The plan is both the preview and what `apply` writes."""

from __future__ import annotations

import json
from itertools import compress, repeat
from operator import itemgetter
from typing import Any

import orjson
from sqlalchemy.engine import Connection

from ...domain import merge
from ...domain.merge import FieldState
from ...sync.changes import Block, collector_paused
from .labels import label
from .plan_lines import (
    HELD,
    NEW,
    REJECTED,
    UNCHANGED,
    UPDATED,
    ConflictLine,
    Context,
    Line,
    Lines,
    Plan,
    RegisterPlan,
)
from .schema import foreign_keys, schemas

SCAN_FROM = 1_000  # records in a bundle from which a register may be read whole (see _local)


def _ids_json(ids) -> str:
    return orjson.dumps(list(ids)).decode()


def make_plan(conn: Connection, blocks: list[Block], held: list[Block], ctx: Context) -> Plan:
    with collector_paused():
        return _make_plan(conn, blocks, held, ctx)


def _make_plan(conn: Connection, blocks: list[Block], held: list[Block], ctx: Context) -> Plan:
    plan = Plan({}, Lines(), [], set(), [])
    held_ids = {(b.register, r[0]) for b in held for r in b.rows}
    merged = _with_held(blocks, held)
    # Parent register → ids of its records that will exist after the import (kept only for the
    # registers other records point at: a set of 100,000 assessor ids is not free).
    accepted: dict[str, set[str]] = {}
    parents = {target for register in merged for target in foreign_keys(register).values()}
    for register in [r for r in schemas() if r in merged]:
        block = merged[register]
        rp = RegisterPlan(register, block.columns, block.clock_fields, received=block)
        plan.registers[register] = rp
        kind = schemas()[register].kind
        if kind == "shared":
            _plan_shared(conn, block, rp, plan, ctx)
        else:
            _plan_whole(conn, block, rp, plan, ctx, kind)
        if register in parents:
            accepted[register] = set(map(itemgetter(0), map(itemgetter(0), rp.inserts)))
    _reject_clashes(conn, plan, accepted)
    _hold_orphans(conn, plan, accepted)
    # A record held before and still waiting, unchanged, is not written again.
    held_stamps = {(b.register, r[0]): r[2] for b in held for r in b.rows}
    for register, rp in plan.registers.items():
        rp.held = [h for h in rp.held if held_stamps.get((register, h[0][0])) != h[0][2]]
    if held_ids:
        still_held = {(l.register, l.row_id) for l in plan.lines if l.outcome == HELD}
        plan.released.extend(key for key in held_ids if key not in still_held)
    return plan


def _with_held(blocks: list[Block], held: list[Block]) -> dict[str, Block]:
    """The bundle's records plus those held from earlier bundles (the later stamp of an id wins)."""
    out = {b.register: b for b in blocks}
    for h in held:
        target = out.get(h.register)
        if target is None:
            out[h.register] = h
            continue
        if any(target is b for b in blocks):  # the bundle's own block is left as decoded
            target = out[h.register] = Block(target.register, list(target.columns), list(target.rows),
                                             list(target.clock_fields), list(target.clocks))
        position = {row[0]: i for i, row in enumerate(target.rows)}
        for row, clocks in zip(h.rows, h.clocks or [None] * len(h.rows)):
            row = reorder(row, h.columns, target.columns)
            clocks = _reorder_clocks(clocks, h.clock_fields, target.clock_fields)
            i = position.get(row[0])
            if i is None:
                target.rows.append(row)
                if target.clock_fields:
                    target.clocks.append(clocks)
            elif row[2] > target.rows[i][2]:
                target.rows[i] = row
                if target.clock_fields:
                    target.clocks[i] = clocks
    return out


def reorder(row: list, have: list[str], want: list[str]) -> list:
    """A row in `have` column order, given in `want` order (absent columns empty)."""
    if have == want:
        return row
    by = dict(zip(have, row))
    return [by.get(c) for c in want]


def _reorder_clocks(clocks, have: list[str], want: list[str]):
    if clocks is None or have == want:
        return clocks
    by = dict(zip(have, clocks))
    return [by[c] for c in want]


def _local(conn: Connection, register: str, ids: list[str], columns: str = "id, origin, hlc") -> dict:
    """id → this node's (columns) of those records it has (a register read whole gives the others
    too), read through the driver's own cursor (SQLAlchemy's result rows cost 5 µs each: half a
    second for a bundle of 100,000)."""
    rows = _local_rows(conn, register, ids, columns)
    return dict(zip(map(itemgetter(0), rows), rows))


def _local_rows(conn: Connection, register: str, ids: list[str], columns: str,
                where: str = "1", params: tuple = ()) -> list[tuple]:
    driver = conn.connection.driver_connection
    if len(ids) >= SCAN_FROM and 2 * len(ids) >= _size(driver, register):
        # Most of the register: reading it whole is twice as fast as looking up each id, and
        # faster still without picking out the wanted ones in Python (they are looked up after).
        return driver.execute(f"SELECT {columns} FROM {register} WHERE {where}", params).fetchall()
    return driver.execute(f"SELECT {columns} FROM {register} WHERE {where} AND id IN (SELECT value FROM json_each(?))",
                          (*params, _ids_json(ids))).fetchall()


def _local_stamps(conn: Connection, register: str, ids: list[str],
                  origins: set[str]) -> tuple[list[str | None] | str | None, dict[str, str]]:
    """Of these records, those this node has: each one's origin here (a list in the order of
    `ids`, or the one value every record reads as: None when none is here) and id → stamp
    (dicts looked up in C).

    When the records all have one origin, only the records here of another origin are read with
    theirs (usually none): a record not here then reads as of that origin too, which changes no
    check (a record clashes only with a record here of another origin). Reading every origin
    cost a quarter of comparing 100,000 records (bench_sync)."""
    if len(origins) == 1:
        (origin,) = origins
        stamps = dict(_local_rows(conn, register, ids, "id, hlc"))
        if not stamps:
            return None, stamps
        others = dict(_local_rows(conn, register, ids, "id, origin", "origin != ?", (origin,)))
        return (list(map(others.get, ids, repeat(origin))) if others else origin), stamps
    rows = _local_rows(conn, register, ids, "id, origin, hlc")
    if not rows:
        return None, {}
    local_ids, local_origins, stamps = zip(*rows)
    return list(map(dict(zip(local_ids, local_origins)).get, ids)), dict(zip(local_ids, stamps))


def _size(driver, register: str) -> int:
    """About how many records a register holds (records are never deleted: the last rowid)."""
    return driver.execute(f"SELECT coalesce(max(rowid), 0) FROM {register}").fetchone()[0]


def _plan_whole(conn: Connection, block: Block, rp: RegisterPlan, plan: Plan, ctx: Context, kind: str) -> None:
    """Owned and append-only records: taken whole or not at all.

    Worked a column at a time (map and zip run in C): the ownership rules are asked once per
    distinct (origin, writer, owner country, local origin), a handful in a bundle of 100,000
    records, and a record's label is made only if its line is shown.
    """
    register, rows = block.register, block.rows
    ids, origins, stamps = block.column(0), block.column(1), block.column(2)
    distinct_origins = set(origins)
    local_origins, local_stamp = _local_stamps(conn, register, ids, distinct_origins)
    owner_field = _owner_field(register)
    owners = block.column(block.index(owner_field)) if owner_field and owner_field in block.columns else None
    # Usually every record passes: no list of reasons then (None).
    reasons = _whole_reasons(register, kind, ctx, plan, origins, distinct_origins, stamps, owners, local_origins)
    local_stamps = list(map(local_stamp.get, ids)) if local_stamp else None
    unchanged = local_stamps == stamps  # every record here already, at the same stamp (compared in C)
    if local_stamps is None:  # an empty register, or none of these records here yet
        outcomes = [NEW] * len(rows)
    elif unchanged:
        outcomes = [UNCHANGED] * len(rows)
    else:
        outcomes = (list(map(merge.merge_appended, local_stamps)) if kind == "append"
                    else list(map(merge.merge_owned, local_stamps, stamps)))
    if reasons is not None:
        outcomes = [o if r is None else REJECTED for o, r in zip(outcomes, reasons)]
    if reasons is None and local_stamps is None:
        rp.inserts.extend(zip(rows, repeat(None)))  # all new: nothing to pick out
    elif not (reasons is None and unchanged):
        rp.inserts.extend(zip(compress(rows, map(NEW.__eq__, outcomes)), repeat(None)))
        rp.updates.extend(compress(rows, map(UPDATED.__eq__, outcomes)))
    country = {o: ctx.countries.get(o, "?") for o in distinct_origins}
    plan.lines.add(register, ids, block.columns, rows, origins, country, outcomes, reasons)


_WRITER = itemgetter(slice(20, None))  # a stamp's node: see domain.merge.writer_of


def _whole_reasons(register: str, kind: str, ctx: Context, plan: Plan, origins: list[str], distinct: set[str],
                   stamps: list[str], owners: list[str] | None,
                   local_origins: list[str | None] | str | None) -> list[str | None] | None:
    """Each record's reason not to be applied (None: every record passes). The rules are asked
    once per distinct (origin, writer, owner country, local origin): a bundle's records share
    one or a few. When each of the four has a single value, no key is made per record (making
    and counting 100,000 keys took 0.07 s, bench_sync)."""
    writers = set(map(_WRITER, stamps))  # merge.writer_of, in C
    owner_set = set(owners) if owners is not None else {None}
    local_set = set(local_origins) if isinstance(local_origins, list) else {local_origins}
    if len(distinct) == len(writers) == len(owner_set) == len(local_set) == 1:
        key = (*distinct, *writers, *owner_set, *local_set)
        problem = _whole_problem(register, kind, key, ctx, plan)
        return None if problem is None else [problem] * len(origins)
    keys = list(zip(origins, map(_WRITER, stamps), owners if owners is not None else repeat(None),
                    local_origins if isinstance(local_origins, list) else repeat(local_origins)))
    problems = {key: _whole_problem(register, kind, key, ctx, plan) for key in set(keys)}
    if not any(problems.values()):
        return None
    return list(map(problems.__getitem__, keys))


def _whole_problem(register: str, kind: str, key: tuple, ctx: Context, plan: Plan) -> str | None:
    """Why records of this (origin, writer, owner country, local origin) may not be applied."""
    origin, writer, owner_country, local_origin = key
    return _trust_problem(origin, ctx, plan) or merge.ownership_problem(
        register=register, kind=kind, origin=origin, local_origin=local_origin, writers={writer},
        countries=ctx.countries, owner_country=owner_country, parties=None)


def _owner_field(register: str) -> str | None:
    from .schema import model

    return getattr(model(register), "__owner_field__", None)


def _trust_problem(origin: str, ctx: Context, plan: Plan) -> str | None:
    if origin in ctx.trusted:
        return None
    plan.untrusted_origins.add(origin)
    who = ctx.countries.get(origin)
    return (f"made by node {origin}{f' ({who})' if who else ''}, which is not among your trusted "
            "peers: trust its card, then import this bundle again")


def _plan_shared(conn: Connection, block: Block, rp: RegisterPlan, plan: Plan, ctx: Context) -> None:
    """Shared records: field by field, by their clocks; concurrent changes go to the queue."""
    register = block.register
    ids = [r[0] for r in block.rows]
    cols = ", ".join(block.columns)
    local_rows = _local(conn, register, ids, cols)
    local_clocks = _local_clocks(conn, register, ids)
    at = {c: i for i, c in enumerate(block.columns)}
    for row, clocks in zip(block.rows, block.clocks):
        row_id, origin = row[0], row[1]
        record = dict(zip(block.columns, row))
        name = (block.columns, row)  # the line's label, made when shown
        incoming = {f: FieldState(record[f] if f in record else None, c[0], c[1])
                    for f, c in zip(block.clock_fields, clocks)}
        mine = local_rows.get(row_id)
        mine_clocks = local_clocks.get(row_id, {})
        writers = _new_writers(incoming, mine_clocks if mine is not None else {})
        reason = _trust_problem(origin, ctx, plan) or merge.ownership_problem(
            register=register, kind="shared", origin=origin, local_origin=mine[1] if mine else None,
            writers=writers, countries=ctx.countries, owner_country=None,
            parties=_parties(conn, register, record if mine is None else {**dict(zip(block.columns, mine)), **record}))
        if reason is not None:
            plan.lines.append(Line(register, row_id, name, ctx.countries.get(origin, "?"), REJECTED, reason))
            continue
        if mine is None:
            rp.inserts.append((row, clocks))
            plan.lines.append(Line(register, row_id, name, ctx.countries.get(origin, "?"), NEW))
            continue
        changed: dict[str, Any] = {}
        for f, state in incoming.items():
            local_state = mine_clocks.get(f)
            if local_state is not None:
                local_state = FieldState(mine[at[f]], local_state.stamp, local_state.seen)
            m = merge.merge_field(local_state, state)
            if m.value_changed:
                changed[f] = m.result.value
            if m.clock_changed:
                rp.clock_writes.append((row_id, f, m.result.stamp, json.dumps(m.result.seen, sort_keys=True)))
            if m.lost is not None:
                plan.conflicts.append(ConflictLine(register, row_id, label(register, record), f, m.result, m.lost))
        top = max([mine[2], *(s.stamp for s in incoming.values())])
        if changed:
            rp.field_updates.append((row_id, changed, top))
        elif rp.clock_writes and rp.clock_writes[-1][0] == row_id and top > mine[2]:
            rp.field_updates.append((row_id, {}, top))
        outcome = UPDATED if changed else UNCHANGED
        plan.lines.append(Line(register, row_id, name, ctx.countries.get(origin, "?"), outcome))


def _new_writers(incoming: dict[str, FieldState], local: dict[str, FieldState]) -> set[str]:
    """Who made the field values this node has not seen yet (those are what is checked)."""
    return {merge.writer_of(s.stamp) for f, s in incoming.items()
            if f not in local or not merge.covers(local[f].seen, s.seen)}


def _local_clocks(conn: Connection, register: str, ids: list[str]) -> dict[str, dict[str, FieldState]]:
    out: dict[str, dict[str, FieldState]] = {}
    rows = conn.exec_driver_sql(
        "SELECT row_id, field, stamp, seen FROM field_clock WHERE register = ? "
        "AND row_id IN (SELECT value FROM json_each(?))", (register, _ids_json(ids)))
    for row_id, name, stamp, seen in rows:
        out.setdefault(row_id, {})[name] = FieldState(None, stamp, json.loads(seen))
    return out


def _parties(conn: Connection, register: str, record: dict) -> set[str] | None:
    """The countries that may change a shared record."""
    if register == "action_plan":
        return {record.get("owner_country"), *(record.get("partner_countries") or "").split(",")} - {None, ""}
    if register == "equivalence":
        return {record.get("country_a"), record.get("country_b")} - {None}
    if register == "action_item":
        plan = conn.exec_driver_sql("SELECT owner_country, partner_countries FROM action_plan WHERE id = ?",
                                    (record.get("plan_id"),)).first()
        if plan is None:
            return None  # the plan has not arrived yet: the item waits for it (held)
        return {plan[0], *(plan[1] or "").split(",")} - {""}
    return None


def _unique_keys(register: str) -> list[tuple[str, ...]]:
    from sqlalchemy import UniqueConstraint

    from .schema import model

    return [tuple(c.name for c in con.columns) for con in model(register).__table__.constraints
            if isinstance(con, UniqueConstraint)]


def _reject_clashes(conn: Connection, plan: Plan, accepted: dict[str, set[str]]) -> None:
    """A new record that would take another record's unique key (the same assessor reference in
    the same country, say) is rejected with the reason; the rest of the bundle still applies.

    Updates are left to the database: an owner changing a record's key onto another record's is
    refused at commit, and the whole bundle with it (a clear message, nothing changed)."""
    for register, rp in plan.registers.items():
        if not rp.inserts:
            continue
        at = {c: i for i, c in enumerate(rp.columns)}
        rows = list(map(itemgetter(0), rp.inserts))
        empty = conn.exec_driver_sql(f"SELECT 1 FROM {register} LIMIT 1").first() is None
        bad: dict[str, str] = {}
        for cols in _unique_keys(register):
            if any(c not in at for c in cols):
                continue
            columns = [list(map(itemgetter(at[c]), rows)) for c in cols]
            if empty and _all_distinct(columns, len(rows)):
                continue  # nothing here to clash with, and no two alike in the bundle
            keys: dict[tuple, str] = {}
            for row_id, key in zip(map(itemgetter(0), rows), zip(*columns)):
                if None in key:
                    continue  # SQLite lets any number of records leave a unique field empty
                if key in keys:
                    bad[row_id] = f"has the same {' and '.join(cols)} as another record in this bundle"
                else:
                    keys[key] = row_id
            if empty or not keys:
                continue
            match = " AND ".join(f"t.{c} = json_extract(k.value, '$[{n}]')" for n, c in enumerate(cols))
            found = conn.exec_driver_sql(
                f"SELECT t.id, {', '.join('t.' + c for c in cols)} FROM json_each(?) k "
                f"JOIN {register} t ON {match}", (orjson.dumps([list(k) for k in keys]).decode(),))
            for local_id, *key in found:
                incoming = keys.get(tuple(key))
                if incoming is not None and incoming != local_id:
                    bad[incoming] = (f"has the same {' and '.join(cols)} ({', '.join(map(str, key))}) as "
                                     f"another {register} here (id {local_id})")
        if not bad:
            continue
        rp.inserts = [(r, c) for r, c in rp.inserts if r[0] not in bad]
        if register in accepted:
            accepted[register] -= set(bad)
        plan.lines.mark(register, {row_id: (REJECTED, why) for row_id, why in bad.items()})


def _all_distinct(columns: list[list], count: int) -> bool:
    """Whether no two records have the same key (these columns' values): so when one column
    alone has no two alike (a set of texts, cheaper than one of tuples)."""
    return any(len(set(c)) == count for c in columns) or len(set(zip(*columns))) == count


def _hold_orphans(conn: Connection, plan: Plan, accepted: dict[str, set[str]]) -> None:
    """A record whose parent is neither here nor in the bundle waits for it, not rejected."""
    missing_by: dict[tuple[str, str], str] = {}
    for register, rp in plan.registers.items():  # parents first: a held parent holds its children
        fks = foreign_keys(register)
        if not fks:
            continue
        candidates = [(row, clocks) for row, clocks in rp.inserts] + [(row, None) for row in rp.updates]
        if not candidates:
            continue
        at = {c: i for i, c in enumerate(rp.columns)}
        for column, target in fks.items():
            if column not in at:
                continue
            wanted = {row[at[column]] for row, _ in candidates if row[at[column]] is not None}
            present = set(_local(conn, target, list(wanted), "id")) if wanted else set()
            available = present | accepted.get(target, set())
            for row, _ in candidates:
                value = row[at[column]]
                if value is not None and value not in available:
                    missing_by.setdefault((register, row[0]), f"{target} {value}")
        if not missing_by:
            continue
        keep_inserts = []
        for row, clocks in rp.inserts:
            why = missing_by.get((register, row[0]))
            if why:
                rp.held.append((row, clocks, why))
                accepted.get(register, set()).discard(row[0])
            else:
                keep_inserts.append((row, clocks))
        rp.inserts = keep_inserts
        kept_updates = []
        for row in rp.updates:
            why = missing_by.get((register, row[0]))
            if why:
                rp.held.append((row, None, why))
            else:
                kept_updates.append(row)
        rp.updates = kept_updates
    by_register: dict[str, dict[str, tuple[str, str]]] = {}
    for (register, row_id), why in missing_by.items():
        by_register.setdefault(register, {})[row_id] = (HELD, f"waiting for {why}")
    for register, changes in by_register.items():
        plan.lines.mark(register, changes, only=(NEW, UPDATED))
