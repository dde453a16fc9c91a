"""The change records' ids, stamps and dates are checked many at once by their shape: the
verdict must be the one the regular expressions give value by value."""

import random

import pytest

from mrs_desktop.sync.changes import (
    _DATE,
    _DATE_SHAPE,
    _STAMP,
    _STAMP_SHAPE,
    _UUID,
    _UUID_SHAPE,
    ChangesRejected,
    _all_shaped,
    _check_dates,
    _match_all,
)

UUID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
STAMP = f"1732406400000.00042.{UUID}"
ODD = ["", "h", "-", ".", "\n", "G", "A", "é", "٣", "²", "0", "f", " ", "g", "\x00"]


def mutations(value: str, rng: random.Random, n: int = 300):
    """Values close to `value`: a character changed, dropped or added."""
    for _ in range(n):
        i = rng.randrange(len(value))
        kind = rng.randrange(3)
        odd = rng.choice(ODD)
        yield (value[:i] + odd + value[i + 1:] if kind == 0 else value[:i] + value[i + 1:] if kind == 1
               else value[:i] + odd + value[i:])


@pytest.mark.parametrize("pattern, shape, good", [(_UUID, _UUID_SHAPE, UUID), (_STAMP, _STAMP_SHAPE, STAMP),
                                                  (_DATE, _DATE_SHAPE, "2025-06-01")])
def test_shape_agrees_with_the_pattern(pattern, shape, good):
    rng = random.Random(4)
    assert _all_shaped([good] * 3, shape)
    for value in mutations(good, rng):
        expected = bool(pattern.match(value)) and value.isascii()  # \d would take other digits
        assert _all_shaped([good, value, good], shape) is expected, value


def test_uppercase_hex_and_letters_are_refused():
    assert not _all_shaped([UUID.upper()], _UUID_SHAPE)
    assert not _all_shaped(["hhhhhhhh-hhhh-hhhh-hhhh-hhhhhhhhhhhh"], _UUID_SHAPE)
    assert not _all_shaped([STAMP.replace("17324", "1732a")], _STAMP_SHAPE)


def test_the_bad_value_is_named():
    values = [UUID] * 1000 + ["0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5g"] + [UUID] * 10
    with pytest.raises(ChangesRejected, match="0c1d2e3f4a5g' is not an id"):
        _match_all("assessor.id", _UUID, values, "an id")
    _match_all("assessor.id", _UUID, [UUID] * 5, "an id")


@pytest.mark.parametrize("bad", ["2025-02-30", "2025-13-01", "20250601", "2025-06-1", "2025-W01-1", "٢٠٢٥-06-01"])
def test_dates_must_be_real_and_written_in_full(bad):
    _check_dates("assessor.date_of_birth", ["2024-02-29", "1999-12-31"])
    with pytest.raises(ChangesRejected, match="is not a date"):
        _check_dates("assessor.date_of_birth", ["2024-02-29", bad, "1999-12-31"])
