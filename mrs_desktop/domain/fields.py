"""Checks of single values (text, dates, levels, choices), collecting every error with its field.

An import cleans whole columns at once (ColumnChecker): the same values as the Checker, and the
rows it would refuse, which alone then go through the Checker.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from typing import Any, Callable, Iterable, Sequence

from .errors import FieldError, ValidationError
from .reference import aqrf_levels, countries, country_list


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class Checker:
    """Cleans one record's values; errors accumulate so a user sees all of them at once."""

    def __init__(self, row: int | None = None):
        self.row = row
        self.errors: list[FieldError] = []

    def fail(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message, self.row))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

    def text(self, field: str, value: Any, *, required: bool = False, max_len: int = 300,
             multiline: bool = False) -> str | None:
        if value.__class__ is str and not multiline:
            # The usual case (an import calls this a million times): split() drops exactly the
            # whitespace strip() would, so an empty result is the blank test.
            text = " ".join(value.split())  # one line, single spaces
            if not text:
                if required:
                    self.fail(field, "is required")
                return None
        elif value is None or _blank(value):
            if required:
                self.fail(field, "is required")
            return None
        elif multiline:  # keep the writer's paragraphs, tidy each line
            lines = [" ".join(line.split()) for line in str(value).strip().splitlines()]
            text = "\n".join(lines)
        else:
            text = " ".join(str(value).split())
        if len(text) > max_len:
            self.fail(field, f"is longer than {max_len} characters")
        return text

    def date(self, field: str, value: Any, *, required: bool = False) -> date | None:
        if value.__class__ is str and len(value) == 10:
            # A well-formed date needs no trimming; anything else takes the general path below.
            with suppress(ValueError):
                return date.fromisoformat(value)
        if value is None or _blank(value):
            if required:
                self.fail(field, "is required (a date as YYYY-MM-DD)")
            return None
        if isinstance(value, date):
            return value
        text = str(value).strip()
        try:
            return date.fromisoformat(text) if len(text) == 10 else _bad_date()
        except ValueError:
            if len(text) == 10 and text[4] == "-" and text[7] == "-":
                self.fail(field, f"'{text}' is not a real date")
            else:
                self.fail(field, f"'{text}' is not a date as YYYY-MM-DD")
            return None

    def integer(self, field: str, value: Any, *, required: bool = False,
                low: int | None = None, high: int | None = None) -> int | None:
        if _blank(value):
            if required:
                self.fail(field, "is required")
            return None
        try:
            number = int(str(value).strip()) if not isinstance(value, int) else value
        except ValueError:
            self.fail(field, f"'{value}' is not a whole number")
            return None
        if (low is not None and number < low) or (high is not None and number > high):
            self.fail(field, f"{number} is outside {low}–{high}")
            return None
        return number

    def level(self, field: str, value: Any, *, required: bool = True) -> int | None:
        levels = aqrf_levels()
        number = self.integer(field, value, required=required)
        if number is not None and number not in levels:
            self.fail(field, f"AQRF level {number} does not exist (levels are {min(levels)}–{max(levels)})")
            return None
        return number

    def choice(self, field: str, value: Any, options: Iterable[str], *,
               required: bool = False, default: str | None = None) -> str | None:
        if _blank(value):
            if required and default is None:
                self.fail(field, "is required")
            return default
        text = str(value).strip().casefold().replace(" ", "_").replace("-", "_")
        options = tuple(options)
        if text not in options:
            self.fail(field, f"'{value}' is not one of: {', '.join(options)}")
            return None
        return text

    def country(self, field: str, value: Any, *, required: bool = True, default: str | None = None) -> str | None:
        if _blank(value):
            if default is not None:
                return default
            if required:
                self.fail(field, f"is required (one of {country_list()})")
            return None
        code = str(value).strip().upper()
        if code not in countries():
            self.fail(field, f"'{value}' is not an ASEAN member state code ({country_list()})")
            return None
        return code

    def order(self, first: str, first_value: date | None, second: str, second_value: date | None) -> None:
        if first_value and second_value and second_value < first_value:
            self.fail(second, f"{second_value.isoformat()} is before {first} {first_value.isoformat()}")


def _bad_date() -> date:
    raise ValueError


class ColumnChecker:
    """Cleans whole columns of text cells as Checker cleans one value; notes the rows that fail.

    The clean values are Checker's wherever it accepts the cell; a failed row's value is
    meaningless (that row is checked again by a Checker, for its message). Passes over a
    column run in C (map, set, dict look-ups): Python runs once per distinct value at most.
    """

    def __init__(self) -> None:
        self.failed: set[int] = set()  # positions of the rows with a refused value

    def fail_at(self, positions: Iterable[int]) -> None:
        self.failed.update(positions)

    def text(self, cells: Sequence[str], *, required: bool = False, max_len: int = 300) -> list:
        """Checker.text of each cell."""
        clean = list(map(" ".join, map(str.split, cells)))
        if max(map(len, clean), default=0) > max_len:
            self.fail_at(i for i, text in enumerate(clean) if len(text) > max_len)
        if "" in clean:
            if required:
                self.fail_at(i for i, text in enumerate(clean) if not text)
            clean = [text or None for text in clean]
        return clean

    def by_value(self, cells: Sequence[Any], check: Callable[[Checker, Any], Any]) -> list:
        """`check(checker, cell)` of each cell, made once per distinct cell (for columns with few
        distinct values: dates, levels, choices, countries); None where it fails."""
        found: dict[Any, Any] = {}
        refused = set()
        chk = Checker()
        for cell in set(cells):
            errors = len(chk.errors)
            found[cell] = check(chk, cell)
            if len(chk.errors) > errors:
                refused.add(cell)
                found[cell] = None
        if refused:
            self.fail_at(i for i, cell in enumerate(cells) if cell in refused)
        return list(map(found.__getitem__, cells))
