"""The Checker: every error names its field (and row), and all of a record's errors come at once."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mrs_desktop.domain.errors import FieldError, InputRejected, ValidationError
from mrs_desktop.domain.fields import Checker, ColumnChecker


def messages(chk: Checker) -> dict[str, str]:
    return {e.field: e.message for e in chk.errors}


def test_text_is_trimmed_to_one_line_with_single_spaces():
    chk = Checker()
    assert chk.text("family_name", "  Nguyễn \n Văn   An ") == "Nguyễn Văn An"
    assert chk.text("given_names", "   ") is None and chk.text("given_names", None) is None
    assert not chk.errors


def test_required_and_too_long_text():
    chk = Checker()
    chk.text("family_name", " ", required=True)
    chk.text("accreditation_no", "X" * 61, max_len=60)
    assert messages(chk) == {"family_name": "is required",
                             "accreditation_no": "is longer than 60 characters"}


@pytest.mark.parametrize("value, expected", [
    ("2024-02-29", date(2024, 2, 29)), (" 2025-12-31 ", date(2025, 12, 31)),
    (date(2020, 1, 2), date(2020, 1, 2)), ("", None), (None, None)])
def test_dates_that_are_accepted(value, expected):
    chk = Checker()
    assert chk.date("accredited_on", value) == expected
    assert not chk.errors


@pytest.mark.parametrize("value, message", [
    ("2023-02-29", "'2023-02-29' is not a real date"),
    ("2024-13-01", "'2024-13-01' is not a real date"),
    ("29/02/2024", "'29/02/2024' is not a date as YYYY-MM-DD"),
    ("2024-2-9", "'2024-2-9' is not a date as YYYY-MM-DD"),
    ("yesterday", "'yesterday' is not a date as YYYY-MM-DD")])
def test_dates_that_are_refused(value, message):
    chk = Checker()
    assert chk.date("valid_until", value) is None
    assert messages(chk) == {"valid_until": message}


def test_a_required_date_says_its_format():
    chk = Checker()
    chk.date("accredited_on", "", required=True)
    assert messages(chk) == {"accredited_on": "is required (a date as YYYY-MM-DD)"}


def test_integers_and_their_bounds():
    chk = Checker()
    assert chk.integer("percent", " 40 ", low=0, high=100) == 40
    assert chk.integer("percent", "101", low=0, high=100) is None
    assert chk.integer("attendance_percent", "most", low=0, high=100) is None
    assert messages(chk) == {"percent": "101 is outside 0–100",
                             "attendance_percent": "'most' is not a whole number"}


@pytest.mark.parametrize("value", [0, 9, "0", "9"])
def test_aqrf_levels_outside_1_to_8_are_refused(value):
    chk = Checker()
    assert chk.level("aqrf_level", value) is None
    assert messages(chk) == {"aqrf_level": f"AQRF level {value} does not exist (levels are 1–8)"}


def test_aqrf_levels_1_to_8_are_accepted():
    chk = Checker()
    assert [chk.level("aqrf_level", v) for v in (1, "4", " 8 ")] == [1, 4, 8]
    assert not chk.errors


def test_choices_accept_spaces_hyphens_and_case():
    chk = Checker()
    options = ("not_started", "in_progress", "done")
    assert chk.choice("status", "In progress", options) == "in_progress"
    assert chk.choice("status", "not-started", options) == "not_started"
    assert chk.choice("status", "", options, default="not_started") == "not_started"
    assert chk.choice("status", "finished", options) is None
    assert messages(chk) == {"status": "'finished' is not one of: not_started, in_progress, done"}


def test_countries_are_the_ten_member_states():
    chk = Checker()
    assert chk.country("country", " khm ") == "KHM"
    assert chk.country("country", "", default="THA") == "THA"
    assert chk.country("country", "FRA") is None
    assert chk.country("host_country", "") is None
    found = messages(chk)
    assert found["country"].startswith("'FRA' is not an ASEAN member state code (")
    for code in ("BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"):
        assert code in found["country"]
    assert found["host_country"].startswith("is required (one of BRN")


def test_order_names_the_later_field():
    chk = Checker()
    chk.order("accredited_on", date(2025, 6, 1), "valid_until", date(2025, 5, 31))
    chk.order("start_date", date(2025, 6, 1), "end_date", date(2025, 6, 1))  # same day is fine
    chk.order("start_date", None, "end_date", date(2020, 1, 1))
    assert messages(chk) == {"valid_until": "2025-05-31 is before accredited_on 2025-06-01"}


def test_all_errors_are_raised_together_with_their_row():
    chk = Checker(row=7)
    chk.text("family_name", "", required=True)
    chk.level("aqrf_level", 9)
    chk.date("valid_until", "2024-02-30")
    with pytest.raises(ValidationError) as caught:
        chk.raise_if_any()
    error = caught.value
    assert isinstance(error, InputRejected) and error.exit_code == 3
    assert [e.field for e in error.errors] == ["family_name", "aqrf_level", "valid_until"]
    assert all(e.row == 7 for e in error.errors)
    assert str(error).startswith("row 7, family_name: is required; row 7, aqrf_level: AQRF level 9")


def test_no_errors_raises_nothing():
    Checker().raise_if_any()


def test_a_long_list_of_errors_is_summarised():
    error = ValidationError([FieldError("country", "is required", row) for row in range(2, 10)])
    assert len(error.errors) == 8
    assert str(error).endswith("row 6, country: is required; and 3 more")
    assert str(FieldError("email", "'x' is not an e-mail address")) == "email: 'x' is not an e-mail address"


def test_multiline_text_keeps_paragraphs_and_tidies_lines():
    from mrs_desktop.domain.fields import Checker

    chk = Checker()
    text = chk.text("text", "  Met DSD  in Bangkok.\r\n\r\nNext:   agree units ", multiline=True)
    assert text == "Met DSD in Bangkok.\n\nNext: agree units"
    assert chk.text("title", "one\nline") == "one line"


# --- the fast paths give the general rules' results ---------------------------------------------

class GeneralChecker(Checker):
    """text() and date() as written before their fast paths, to compare results with."""

    def text(self, field, value, *, required=False, max_len=300, multiline=False):
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(field, "is required")
            return None
        if multiline:
            text = "\n".join(" ".join(line.split()) for line in str(value).strip().splitlines())
        else:
            text = " ".join(str(value).split())
        if len(text) > max_len:
            self.fail(field, f"is longer than {max_len} characters")
        return text

    def date(self, field, value, *, required=False):
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(field, "is required (a date as YYYY-MM-DD)")
            return None
        if isinstance(value, date):
            return value
        text = str(value).strip()
        try:
            if len(text) != 10:
                raise ValueError
            return date.fromisoformat(text)
        except ValueError:
            if len(text) == 10 and text[4] == "-" and text[7] == "-":
                self.fail(field, f"'{text}' is not a real date")
            else:
                self.fail(field, f"'{text}' is not a date as YYYY-MM-DD")
            return None


# Every kind of white space str.split() knows, and letters from the region's scripts.
SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000"
LETTERS = "aZ09-@.đĐễសុខដារាใจดีສົມພອນအောင်\u200b\u200c"
texts = st.text(alphabet=SPACES + LETTERS, max_size=14)
date_like = st.one_of(
    st.dates().map(date.isoformat),
    st.builds(lambda d, a, b: a + d.isoformat() + b, st.dates(), st.sampled_from(["", " ", "\t"]),
              st.sampled_from(["", " ", "\n"])),
    st.dates().map(lambda d: d.strftime("%Y%m%d")),  # ISO forms the rule does not accept
    st.dates(min_value=date(1000, 1, 1)).map(lambda d: "%04d-W%02d-%d" % tuple(d.isocalendar())),
    st.text(alphabet="0123456789-W :/", min_size=8, max_size=12))
values = st.one_of(st.none(), texts, date_like, st.integers(-5, 5), st.dates())


def outcome(chk: Checker, method: str, *args, **kwargs):
    return getattr(chk, method)(*args, **kwargs), [(e.field, e.message, e.row) for e in chk.errors]


@settings(max_examples=400, deadline=None)
@given(values, st.booleans(), st.sampled_from([1, 5, 300]), st.booleans())
def test_text_gives_what_the_general_rule_gives(value, required, max_len, multiline):
    kwargs = {"required": required, "max_len": max_len, "multiline": multiline}
    assert outcome(Checker(row=3), "text", "f", value, **kwargs) == \
        outcome(GeneralChecker(row=3), "text", "f", value, **kwargs)


@settings(max_examples=400, deadline=None)
@given(values, st.booleans())
def test_date_gives_what_the_general_rule_gives(value, required):
    assert outcome(Checker(row=3), "date", "d", value, required=required) == \
        outcome(GeneralChecker(row=3), "date", "d", value, required=required)


# --- whole columns (an import): the Checker's values, and the rows it would refuse -------------

CELL = st.one_of(st.text(alphabet=" \t\n\xa0\u3000\u2028ab-ก", max_size=8),
                 st.sampled_from(["", " ", "2024-02-29", " 2025-12-31 ", "2023-02-29", "2024-W01-1",
                                  "29/02/2024", "3", " 8 ", "0", "x"]))


@given(st.lists(CELL, max_size=20), st.booleans(), st.integers(0, 6))
@settings(max_examples=300)
def test_column_text_is_the_checkers_text(cells, required, max_len):
    columns = ColumnChecker()
    clean = columns.text(cells, required=required, max_len=max_len)
    assert len(clean) == len(cells)
    for i, cell in enumerate(cells):
        one = Checker()
        value = one.text("f", cell, required=required, max_len=max_len)
        assert (i in columns.failed) == bool(one.errors)
        if not one.errors:
            assert clean[i] == value


@given(st.lists(CELL, max_size=20))
@settings(max_examples=300)
def test_column_by_value_is_the_checkers_value_for_each_cell(cells):
    columns = ColumnChecker()
    clean = columns.by_value(cells, lambda one, cell: one.date("d", cell, required=True))
    for i, cell in enumerate(cells):
        one = Checker()
        value = one.date("d", cell, required=True)
        assert (i in columns.failed) == bool(one.errors)
        assert clean[i] == (None if one.errors else value)
