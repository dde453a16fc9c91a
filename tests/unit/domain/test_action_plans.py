"""Rules of action plans, items and progress updates."""

from datetime import date

import pytest

from mrs_desktop.domain.action_plans import check_item, check_plan, check_update, is_overdue
from mrs_desktop.domain.fields import Checker


def _fields(chk: Checker) -> set[str]:
    return {e.field for e in chk.errors}


def test_plan_with_partners_given_as_text_is_cleaned_and_sorted():
    chk = Checker()
    clean = check_plan({"title": "  Tourism  MRS plan ", "partner_countries": "tha; lao",
                        "period_start": "2024-01-01", "period_end": date(2025, 12, 31)},
                       chk, home_country="KHM")
    assert chk.errors == []
    assert clean["title"] == "Tourism MRS plan"
    assert clean["owner_country"] == "KHM"
    assert clean["partner_countries"] == "LAO,THA"
    assert clean["period_start"] == date(2024, 1, 1)


def test_plan_errors_name_every_bad_field_at_once():
    chk = Checker()
    check_plan({"title": "", "partner_countries": ["XYZ"], "period_start": "2025-01-01",
                "period_end": "2024-01-01"}, chk, home_country="KHM")
    assert _fields(chk) == {"plan_title", "partner_countries", "period_end"}


def test_plan_needs_a_partner_and_owner_cannot_be_its_own_partner():
    chk = Checker()
    check_plan({"title": "Plan"}, chk, home_country="KHM")
    assert _fields(chk) == {"partner_countries"}
    chk = Checker()
    check_plan({"title": "Plan", "partner_countries": ["KHM", "LAO"]}, chk, home_country="KHM")
    assert [e.message for e in chk.errors] == ["the owner country cannot also be its own partner"]


def test_item_status_is_normalised_and_percent_defaults_to_zero():
    chk = Checker()
    clean = check_item({"description": "Compare curricula", "status": "In progress"}, chk)
    assert chk.errors == []
    assert (clean["status"], clean["percent"]) == ("in_progress", 0)
    assert check_item({"description": "x"}, Checker())["status"] == "not_started"


@pytest.mark.parametrize("values, field", [
    ({"description": ""}, "description"),
    ({"description": "x", "percent": 101}, "percent"),
    ({"description": "x", "percent": -1}, "percent"),
    ({"description": "x", "status": "finished"}, "status"),
    ({"description": "x", "partner_country": "FRA"}, "partner_country"),
    ({"description": "x", "start_date": "2024-05-01", "due_date": "2024-04-30"}, "due_date"),
    ({"description": "x", "due_date": "2024-02-30"}, "due_date"),
])
def test_bad_item_values_name_their_field(values, field):
    chk = Checker()
    check_item(values, chk)
    assert _fields(chk) == {field}


def test_progress_update_needs_date_and_text_and_checks_percent():
    chk = Checker()
    check_update({"new_percent": 150, "new_status": "nope"}, chk)
    assert _fields(chk) == {"on_date", "text", "new_percent", "new_status"}
    chk = Checker()
    clean = check_update({"on_date": "2024-03-01", "text": "Met in Bangkok", "new_status": "done"}, chk)
    assert chk.errors == [] and clean["new_percent"] is None and clean["new_status"] == "done"


@pytest.mark.parametrize("status, due, expected", [
    ("in_progress", date(2024, 5, 31), True),
    ("not_started", date(2024, 5, 31), True),
    ("blocked", date(2024, 1, 1), True),
    ("done", date(2024, 5, 31), False),
    ("cancelled", date(2024, 5, 31), False),
    ("in_progress", date(2024, 6, 1), False),  # due today is not yet overdue
    ("in_progress", None, False),
])
def test_overdue_means_past_due_and_still_open(status, due, expected):
    assert is_overdue(status, due, date(2024, 6, 1)) is expected
