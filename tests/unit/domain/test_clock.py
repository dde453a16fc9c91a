"""The hybrid logical clock: stamps strictly increase, move past what they observe, sort as text."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mrs_desktop.domain.clock import MAX_COUNTER, MAX_DRIFT_MS, HybridClock, Stamp
from mrs_desktop.domain.errors import InputRejected

NODE = "0193a5f0-7c1e-7000-8000-000000000001"
OTHER = "0193a5f0-7c1e-7000-8000-000000000002"
T0 = 1_767_225_600_000  # 2026-01-01 00:00 UTC, in ms


class FakeWall:
    """A wall clock the test moves by hand, forwards or backwards."""

    def __init__(self, ms: int = T0):
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


walls = st.integers(min_value=T0 - 10_000, max_value=T0 + 10_000)
steps = st.one_of(
    st.tuples(st.just("now"), walls),
    st.tuples(st.just("many"), walls, st.integers(min_value=1, max_value=5)),
    st.tuples(st.just("observe"), walls, st.integers(-5_000, 5_000), st.integers(0, MAX_COUNTER)),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(steps, min_size=1, max_size=60))
def test_stamps_strictly_increase_and_pass_what_was_observed(script):
    wall = FakeWall()
    clock = HybridClock(NODE, wall_ms=wall)
    issued: list[str] = []
    floor = ""  # the highest stamp seen so far, issued or observed
    for step in script:
        wall.ms = step[1]
        if step[0] == "observe":
            remote = str(Stamp(step[1] + step[2], step[3], OTHER))
            clock.observe(remote)
            floor = max(floor, remote)
            continue
        new = [clock.now()] if step[0] == "now" else clock.now_many(step[2])
        for stamp in new:
            assert stamp > floor
            if floor:
                assert Stamp.parse(stamp) > Stamp.parse(floor)
            assert Stamp.parse(stamp).node == NODE
            floor = stamp
        issued += new
    assert issued == sorted(set(issued))


@given(st.lists(st.tuples(walls, st.integers(1, 4)), min_size=1, max_size=30))
def test_now_many_equals_calling_now_n_times(script):
    one_wall, many_wall = FakeWall(), FakeWall()
    one, many = HybridClock(NODE, wall_ms=one_wall), HybridClock(NODE, wall_ms=many_wall)
    for ms, n in script:
        one_wall.ms = many_wall.ms = ms
        assert many.now_many(n) == [one.now() for _ in range(n)]


stamps = st.builds(Stamp, st.integers(0, 10**13 - 1), st.integers(0, MAX_COUNTER),
                   st.sampled_from([NODE, OTHER, "hub", "a"]))


@given(stamps)
def test_format_and_parse_round_trip(stamp):
    text = str(stamp)
    assert Stamp.parse(text) == stamp
    assert str(Stamp.parse(text)) == text


@given(st.lists(stamps, min_size=2, max_size=20))
def test_text_order_is_clock_order(many):
    assert sorted(many) == sorted(many, key=str)
    assert [str(s) for s in sorted(many)] == sorted(str(s) for s in many)


@pytest.mark.parametrize("text", ["", "hello", "1767225600000.00001", "176722560000.00001.n",
                                  "1767225600000.1.n", "1767225600000.00001.", "x767225600000.00001.n",
                                  None])
def test_malformed_stamps_are_refused(text):
    with pytest.raises(InputRejected, match="not a clock stamp"):
        Stamp.parse(text)


def test_a_stamp_more_than_a_day_ahead_is_refused_and_not_adopted():
    clock = HybridClock(NODE, wall_ms=FakeWall())
    far = str(Stamp(T0 + MAX_DRIFT_MS + 1, 0, OTHER))
    with pytest.raises(InputRejected) as caught:
        clock.observe(far)
    assert "more than a day ahead" in str(caught.value) and "date settings" in str(caught.value)
    assert Stamp.parse(clock.now()).wall_ms == T0


def test_a_stamp_just_within_the_drift_is_adopted():
    clock = HybridClock(NODE, wall_ms=FakeWall())
    near = str(Stamp(T0 + MAX_DRIFT_MS, 7, OTHER))
    clock.observe(near)
    assert clock.now() == str(Stamp(T0 + MAX_DRIFT_MS, 8, NODE))


def test_the_last_stamp_of_a_previous_session_is_passed_even_if_far_ahead():
    last = str(Stamp(T0 + 10 * MAX_DRIFT_MS, 3, NODE))  # e.g. the laptop's date was once wrong
    clock = HybridClock(NODE, wall_ms=FakeWall(), last=last)
    assert clock.now() > last


def test_a_full_counter_moves_logical_time_one_millisecond_on():
    clock = HybridClock(NODE, wall_ms=FakeWall())
    stamps = clock.now_many(MAX_COUNTER + 3)
    parsed = [Stamp.parse(s) for s in stamps]
    assert parsed[MAX_COUNTER] == Stamp(T0, MAX_COUNTER, NODE)
    assert parsed[MAX_COUNTER + 1] == Stamp(T0 + 1, 0, NODE)
    assert stamps == sorted(set(stamps))
    assert clock.now() == str(Stamp(T0 + 1, 2, NODE))


@pytest.mark.parametrize("counter, n", [(0, 3), (MAX_COUNTER - 2, 5), (MAX_COUNTER, 1),
                                        (MAX_COUNTER - 2, MAX_COUNTER + 4)])  # overflows twice
def test_now_many_crosses_full_counters_as_now_would(counter, n):
    """Bulk stamps made a millisecond at a time must match one-by-one stamps across the overflow."""
    one, many = HybridClock(NODE, wall_ms=FakeWall()), HybridClock(NODE, wall_ms=FakeWall())
    seen = str(Stamp(T0 + 5, counter, OTHER))  # puts both clocks ahead of the wall, mid-counter
    one.observe(seen)
    many.observe(seen)
    assert many.now_many(n) == [one.now() for _ in range(n)]
    assert many.now() == one.now()


def test_threads_never_get_the_same_stamp():
    clock = HybridClock(NODE)
    results: list[list[str]] = [[] for _ in range(4)]

    def work(out: list[str]) -> None:
        out.extend(clock.now() for _ in range(2_000))

    threads = [threading.Thread(target=work, args=(r,)) for r in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    everything = [s for r in results for s in r]
    assert len(set(everything)) == len(everything)
    for r in results:
        assert r == sorted(r)
