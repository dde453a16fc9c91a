"""Merge rules: last writer wins by clock, concurrent changes are queued, owners alone write."""

from __future__ import annotations

from functools import reduce
from itertools import permutations

from hypothesis import given, strategies as st

from mrs_desktop.domain.merge import (
    NEW, UNCHANGED, UPDATED, FieldState, covers, join, merge_appended, merge_field, merge_owned,
    ownership_problem, writer_of,
)

A, B, C = "node-a", "node-b", "node-c"


def stamp(ms: int, node: str, counter: int = 0) -> str:
    return f"{ms:013d}.{counter:05d}.{node}"


def write(value, ms, node, after: FieldState | None = None) -> FieldState:
    """A local write on `node`, made after seeing `after` (or from nothing)."""
    s = stamp(ms, node)
    return FieldState(value, s, join(after.seen if after else {}, {node: s}))


def test_writer_of_a_stamp():
    assert writer_of(stamp(1, "0190c1a2-0000-7000-8000-00000000a001")) == "0190c1a2-0000-7000-8000-00000000a001"


def test_a_field_never_seen_is_taken():
    incoming = write("planned", 10, A)
    m = merge_field(None, incoming)
    assert m.result == incoming and m.value_changed and m.lost is None


def test_a_later_edit_made_after_ours_wins_without_a_conflict():
    ours = write("planned", 10, A)
    theirs = write("done", 20, B, after=ours)
    m = merge_field(ours, theirs)
    assert m.result.value == "done" and m.value_changed and m.lost is None


def test_an_older_value_we_already_overwrote_changes_nothing():
    theirs = write("planned", 10, B)
    ours = write("done", 20, A, after=theirs)
    m = merge_field(ours, theirs)
    assert m.result == ours and not m.value_changed and not m.clock_changed and m.lost is None


def test_concurrent_changes_apply_the_later_stamp_and_queue_the_other():
    base = write("planned", 10, A)
    ours = write("ongoing", 20, A, after=base)
    theirs = write("done", 30, B, after=base)
    m = merge_field(ours, theirs)
    assert m.result.value == "done" and m.value_changed
    assert m.lost == ours
    assert m.result.seen == {A: ours.stamp, B: theirs.stamp}
    # The other way round, the same value stays and the same value is queued.
    m2 = merge_field(theirs, ours)
    assert m2.result.value == "done" and not m2.value_changed and m2.clock_changed and m2.lost == ours


def test_concurrent_changes_to_the_same_value_are_not_a_conflict():
    m = merge_field(write("done", 20, A), write("done", 30, B))
    assert m.lost is None and m.result.stamp == stamp(30, B)


def test_the_same_write_twice_changes_nothing():
    w = write("done", 20, A)
    m = merge_field(w, w)
    assert not m.value_changed and not m.clock_changed and m.lost is None


@given(st.lists(st.tuples(st.sampled_from([A, B, C]), st.integers(1, 50), st.sampled_from("xyz"),
                          st.booleans()), min_size=1, max_size=6))
def test_any_order_of_delivery_gives_the_same_field(plan):
    """Writes (each made after seeing the previous one, or not) merged in every order agree."""
    writes, last = [], None
    for i, (node, ms, value, after_last) in enumerate(plan):
        w = write(value, ms * 10 + i, node, after=last if after_last else None)
        writes.append(w)
        last = w
    results = set()
    for order in list(permutations(writes))[:24]:
        final = reduce(lambda acc, w: merge_field(acc, w).result, order[1:], order[0])
        results.add((final.value, final.stamp, tuple(sorted(final.seen.items()))))
    assert len(results) == 1
    assert next(iter(results))[1] == max(w.stamp for w in writes)


def test_covers_and_join():
    assert covers({A: "2", B: "1"}, {A: "1"}) and not covers({A: "1"}, {A: "1", B: "1"})
    assert join({A: "1", B: "3"}, {A: "2"}) == {A: "2", B: "3"}


def test_owned_and_appended_records():
    assert merge_owned(None, "5") == NEW
    assert merge_owned("4", "5") == UPDATED
    assert merge_owned("5", "5") == merge_owned("6", "5") == UNCHANGED
    assert merge_appended(None) == NEW and merge_appended("1") == UNCHANGED


COUNTRIES = {A: "KHM", B: "THA", C: "LAO"}


def problem(**kw):
    args = dict(register="assessor", kind="owned", origin=A, local_origin=None, writers={A},
                countries=COUNTRIES, owner_country="KHM", parties=None)
    return ownership_problem(**{**args, **kw})


def test_an_owner_changing_its_own_record_is_fine():
    assert problem() is None


def test_a_partner_changing_an_owned_record_is_refused_with_the_reason():
    reason = problem(writers={A, B})
    assert "changed by THA" in reason and "owned by KHM" in reason


def test_a_node_issuing_records_of_another_country_is_refused():
    assert "names THA as its country" in problem(owner_country="THA")


def test_an_id_clash_with_a_record_of_another_node_is_refused():
    assert "clashes" in problem(local_origin=B)


def test_shared_records_accept_parties_and_refuse_outsiders():
    shared = dict(register="action_item", kind="shared", owner_country=None, parties={"KHM", "THA"})
    assert problem(writers={A, B}, **shared) is None
    assert "LAO, which is not a party" in problem(writers={A, C}, **shared)
