"""Rules of occupation equivalences."""

import pytest

from mrs_desktop.domain.equivalences import check_equivalence, check_terms, is_party
from mrs_desktop.domain.fields import Checker

GOOD = {"occupation_a": "KH-CK-01", "country_b": "tha", "occupation_b": "TH-COOK-2", "aqrf_level": "2"}


def _fields(chk: Checker) -> set[str]:
    return {e.field for e in chk.errors}


def test_a_good_equivalence_defaults_side_a_to_home_and_status_to_proposed():
    chk = Checker()
    clean = check_equivalence(GOOD, chk, home_country="KHM")
    assert chk.errors == []
    assert (clean["country_a"], clean["country_b"], clean["aqrf_level"], clean["status"]) == (
        "KHM", "THA", 2, "proposed")


def test_the_two_countries_must_differ():
    chk = Checker()
    check_equivalence({**GOOD, "country_b": "KHM"}, chk, home_country="KHM")
    assert _fields(chk) == {"country_b"}


def test_this_nodes_country_must_be_party():
    chk = Checker()
    check_equivalence({**GOOD, "country_a": "LAO"}, chk, home_country="KHM")
    assert _fields(chk) == {"country_a"}
    assert "KHM" in chk.errors[0].message
    chk = Checker()
    check_equivalence({**GOOD, "country_a": "LAO", "country_b": "KHM"}, chk, home_country="KHM")
    assert chk.errors == []


@pytest.mark.parametrize("level", [0, 9, "two"])
def test_level_outside_aqrf_is_refused(level):
    chk = Checker()
    check_equivalence({**GOOD, "aqrf_level": level}, chk, home_country="KHM")
    assert _fields(chk) == {"aqrf_level"}


def test_missing_parts_are_all_named():
    chk = Checker()
    check_equivalence({"status": "approved"}, chk, home_country="KHM")
    assert _fields(chk) == {"occupation_a", "country_b", "occupation_b", "aqrf_level", "status"}


def test_terms_accept_status_spelled_with_spaces():
    chk = Checker()
    assert check_terms({"aqrf_level": 3, "status": "Under comparison"}, chk)["status"] == "under_comparison"
    assert chk.errors == []


def test_is_party():
    assert is_party("KHM", "KHM", "THA") and is_party("THA", "KHM", "THA")
    assert not is_party("LAO", "KHM", "THA")
