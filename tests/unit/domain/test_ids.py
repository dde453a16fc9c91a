"""Record ids: UUIDv7 layout and order, and stable ids for catalogue entries."""

from __future__ import annotations

import random
import time
import uuid

import pytest

from mrs_desktop.domain import ids
from mrs_desktop.domain.ids import is_uuid, stable_id, uuid7, uuid7_many


@pytest.fixture
def fresh_generator(monkeypatch):
    """Ids made with a fake time must not leave that time behind for other tests."""
    monkeypatch.setattr(ids, "_last_ms", 0)
    monkeypatch.setattr(ids, "_seq", 0)


def _ms(text: str) -> int:
    return uuid.UUID(text).int >> 80


def test_version_and_variant_bits():
    for text in (uuid7() for _ in range(1_000)):
        value = uuid.UUID(text)
        assert value.version == 7
        assert value.variant == uuid.RFC_4122
        assert str(value) == text  # canonical lower-case form


def test_the_id_carries_the_time_it_was_made():
    before = time.time_ns() // 1_000_000
    made = uuid7()
    after = time.time_ns() // 1_000_000
    assert before <= _ms(made) <= after + 1


def test_ids_made_later_sort_later(fresh_generator):
    first = uuid7(now_ms=1_767_225_600_000)
    second = uuid7(now_ms=1_767_225_600_001)
    assert first < second and _ms(first) == 1_767_225_600_000 and _ms(second) == 1_767_225_600_001


def test_many_ids_in_one_millisecond_are_unique_and_ordered(fresh_generator):
    made = [uuid7(now_ms=1_767_225_600_000) for _ in range(10_000)]
    assert len(set(made)) == len(made)
    assert made == sorted(made)
    # 12 bits of counter per millisecond: the rest borrow the following milliseconds.
    assert _ms(made[0]) == 1_767_225_600_000 and _ms(made[-1]) > _ms(made[0])


def test_ids_keep_their_order_when_the_wall_clock_goes_back(fresh_generator):
    made = [uuid7(now_ms=ms) for ms in (1_767_225_600_500, 1_767_225_600_100, 1_767_225_600_100)]
    assert made == sorted(made) and len(set(made)) == 3


def test_stable_id_is_the_same_for_the_same_natural_key():
    assert stable_id("occupation", "KHM", "HSK-COOK-2") == stable_id("occupation", "KHM", "HSK-COOK-2")
    assert stable_id("sector", " Tourism ") == stable_id("sector", "tourism")
    assert uuid.UUID(stable_id("sector", "tourism")).version == 5


def test_stable_id_tells_different_keys_apart():
    assert stable_id("occupation", "KHM", "C1") != stable_id("occupation", "THA", "C1")
    assert stable_id("ab", "c") != stable_id("a", "bc")
    assert stable_id("sector", "tourism") != stable_id("occupation", "tourism")


def test_stable_ids_do_not_change_between_versions():
    """Ids already stored in partners' databases: changing the namespace would split records."""
    assert stable_id("sector", "tourism") == str(uuid.uuid5(
        uuid.UUID("6f1c1d64-4f4e-4a4b-9d36-8c1b8f0f7a10"), "sector\x1ftourism"))


@pytest.mark.parametrize("text, ok", [(uuid7(), True), (stable_id("x"), True), ("", False),
                                      ("not-a-uuid", False), (None, False), (42, False)])
def test_is_uuid(text, ok):
    assert is_uuid(text) is ok


@pytest.fixture
def seeded(monkeypatch, fresh_generator):
    """A fixed random state, so two ways of making ids can be compared id for id."""
    def reseed():
        monkeypatch.setattr(ids, "_random", random.Random(20260101))
        monkeypatch.setattr(ids, "_last_ms", 0)
        monkeypatch.setattr(ids, "_seq", 0)
    return reseed


@pytest.mark.parametrize("n", [1, 2, 1_000, 4_097, 10_000])
def test_uuid7_many_makes_exactly_the_ids_of_n_calls(seeded, n):
    seeded()
    one_by_one = [uuid7(now_ms=1_767_225_600_000) for _ in range(n)]
    state = (ids._last_ms, ids._seq)
    seeded()
    assert uuid7_many(n, now_ms=1_767_225_600_000) == one_by_one
    assert (ids._last_ms, ids._seq) == state  # the next single id carries on from the batch


def test_uuid7_many_carries_on_after_earlier_ids_in_the_same_millisecond(seeded):
    seeded()
    expected = [uuid7(now_ms=1_767_225_600_000) for _ in range(4_200)]
    seeded()
    made = [uuid7(now_ms=1_767_225_600_000) for _ in range(100)]
    made += uuid7_many(4_000, now_ms=1_767_225_600_000)
    made += [uuid7(now_ms=1_767_225_600_000) for _ in range(100)]
    assert made == expected


def test_uuid7_many_ids_are_valid_unique_and_ordered():
    before = uuid7()
    made = uuid7_many(20_000)
    assert len(set(made)) == len(made) and made == sorted(made) and made[0] > before
    for text in made[::97]:
        value = uuid.UUID(text)
        assert value.version == 7 and value.variant == uuid.RFC_4122 and str(value) == text
    assert uuid7() > made[-1]


def test_uuid7_many_of_nothing_changes_nothing(seeded):
    seeded()
    assert uuid7_many(0) == [] and (ids._last_ms, ids._seq) == (0, 0)
