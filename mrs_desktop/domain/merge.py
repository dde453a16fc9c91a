"""Merge rules for records received in bundles (DESIGN.md §3): pure functions, no database.

- Owned records (a country's assessors, accreditations, trainings, catalogue): only the owning
  country writes them, so the version with the later clock stamp wins whole.
- Shared records (action plans and items, equivalences): each field merges on its own; the value
  with the later stamp wins (last writer wins), and a change made without having seen the other
  (neither version vector covers the other) is a concurrent change, kept in the conflict queue.
- Append-only records (progress updates, sectors): insert-or-ignore.

Applied in any order, any number of times, these give every node the same state: a field's value
is always the one with the greatest stamp, and version vectors only ever grow (join).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

Seen = Mapping[str, str]  # writer node id → the latest stamp of that writer a value has seen

NEW, UPDATED, UNCHANGED = "new", "updated", "unchanged"


@dataclass(frozen=True)
class FieldState:
    value: Any
    stamp: str
    seen: Seen


@dataclass(frozen=True)
class FieldMerge:
    result: FieldState
    value_changed: bool  # the field takes the incoming value
    clock_changed: bool  # its stamp or version vector grows (written even when the value stays)
    lost: FieldState | None = None  # a concurrent value that lost: goes to the conflict queue


def writer_of(stamp: str) -> str:
    """The node that made a clock stamp (`<wall>.<counter>.<node>`)."""
    return stamp[20:]


def covers(a: Seen, b: Seen) -> bool:
    """Whether a value that has seen `a` has seen every write behind `b`."""
    return all(a.get(node, "") >= stamp for node, stamp in b.items())


def join(a: Seen, b: Seen) -> dict[str, str]:
    out = dict(a)
    for node, stamp in b.items():
        if stamp > out.get(node, ""):
            out[node] = stamp
    return out


def merge_field(local: FieldState | None, incoming: FieldState) -> FieldMerge:
    if local is None:
        return FieldMerge(incoming, True, True)
    seen = join(local.seen, incoming.seen)
    later = incoming.stamp > local.stamp
    # Neither value was made after seeing the other: two people changed the field independently.
    concurrent = not covers(local.seen, incoming.seen) and not covers(incoming.seen, local.seen)
    winner, loser = (incoming, local) if later else (local, incoming)
    lost = loser if concurrent and loser.value != winner.value else None
    grew = later or seen != dict(local.seen)
    return FieldMerge(FieldState(winner.value, winner.stamp, seen), later, grew, lost)


def merge_owned(local_stamp: str | None, incoming_stamp: str) -> str:
    """NEW, UPDATED or UNCHANGED for a record its owner rewrites whole."""
    if local_stamp is None:
        return NEW
    return UPDATED if incoming_stamp > local_stamp else UNCHANGED


def merge_appended(local_stamp: str | None) -> str:
    """Append-only records are never edited: the first copy to arrive is the record."""
    return NEW if local_stamp is None else UNCHANGED


def ownership_problem(*, register: str, kind: str, origin: str, local_origin: str | None,
                      writers: set[str], countries: Mapping[str, str], owner_country: str | None,
                      parties: set[str] | None) -> str | None:
    """Why a received record may not be applied here, or None.

    A country is authoritative for what it issues: an owned record must be written by its own
    node, of the country named in it; a shared record only by the countries party to it.
    """
    # Append-only records with the same id are the same record (sectors every node seeds alike).
    if local_origin is not None and local_origin != origin and kind != "append":
        return f"{register} {origin[:8]}… clashes with a record of another node under the same id"
    origin_country = countries.get(origin)
    if kind in ("owned", "append"):
        strangers = writers - {origin}
        if strangers:
            who = ", ".join(sorted(countries.get(w, w[:8] + "…") for w in strangers))
            owner = origin_country or origin[:8] + "…"
            return f"changed by {who}, but this {register} is owned by {owner}: only its owner may change it"
        if owner_country and origin_country and owner_country != origin_country:
            return (f"this {register} names {owner_country} as its country but was issued by a node of "
                    f"{origin_country}: a country issues only its own records")
        return None
    if parties is not None:
        outside = sorted({countries.get(w, "?") for w in writers} - parties)
        if outside:
            return (f"changed by {', '.join(outside)}, which is not a party to this {register} "
                    f"({', '.join(sorted(parties))})")
    return None
