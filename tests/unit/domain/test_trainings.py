"""Rules of trainings and their participants."""

from datetime import date

import pytest

from mrs_desktop.domain.fields import Checker
from mrs_desktop.domain.trainings import check_participant, check_training

GOOD = {"title": "ToA for welding assessors", "kind": "toa", "start_date": "2024-03-04",
        "end_date": "2024-03-08"}


def _fields(chk: Checker) -> set[str]:
    return {e.field for e in chk.errors}


def test_a_good_training_defaults_host_and_recording_country_to_home():
    chk = Checker()
    clean = check_training(GOOD, chk, home_country="KHM")
    assert chk.errors == []
    assert (clean["host_country"], clean["country"]) == ("KHM", "KHM")
    assert clean["start_date"] == date(2024, 3, 4)


@pytest.mark.parametrize("kind, expected", [
    ("Training of trainers", "tot"), ("TRAINING OF ASSESSORS", "toa"), ("ToT", "tot"), ("other", "other"),
])
def test_kind_accepts_names_and_codes(kind, expected):
    assert check_training({**GOOD, "kind": kind}, Checker(), home_country="KHM")["kind"] == expected


def test_training_errors_name_each_field():
    chk = Checker()
    check_training({"title": " ", "kind": "seminar", "host_country": "JPN", "start_date": "2024-03-08",
                    "end_date": "2024-03-01"}, chk, home_country="KHM")
    assert _fields(chk) == {"title", "kind", "host_country", "end_date"}


def test_training_dates_are_required():
    chk = Checker()
    check_training({"title": "x", "kind": "tot"}, chk, home_country="KHM")
    assert _fields(chk) == {"start_date", "end_date"}


def test_participant_outcome_is_normalised_and_country_defaults():
    chk = Checker()
    clean = check_participant({"full_name": "Keo  Lina", "outcome": "Not yet competent",
                               "attendance": "90"}, chk, default_country="LAO")
    assert chk.errors == []
    assert clean == {"full_name": "Keo Lina", "name_native": None, "country": "LAO",
                     "attendance": 90, "outcome": "not_yet_competent"}


def test_participant_errors_name_their_fields():
    chk = Checker()
    check_participant({"full_name": "", "attendance": 120, "outcome": "passed", "country": "XX"},
                      chk, default_country="KHM")
    assert _fields(chk) == {"participant_name", "attendance_percent", "outcome", "participant_country"}
