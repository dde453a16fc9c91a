"""Assessor search on a real database: names in every script, filters, order, rows and details."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sqlalchemy import select

from mrs_desktop.db import bulk
from mrs_desktop.db.models import Accreditation, Assessor
from mrs_desktop.db.store import open_store
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.assessors import search_text
from mrs_desktop.domain.errors import NotFound, ValidationError
from mrs_desktop.domain.ids import stable_id
from mrs_desktop.services import search_queries
from mrs_desktop.services.assessors import (add_accreditation, add_assessor, remove_assessor,
                                            renew_accreditation, set_accreditation_status)
from mrs_desktop.services.catalogue import occupation_id, sector_id
from mrs_desktop.services.node import init_node
from mrs_desktop.services.search import (AssessorQuery, assessor_ids, assessor_rows, count_assessors,
                                         get_assessor, search_assessors)

TODAY = date(2026, 1, 15)


def acc(no: str, *, level: int = 2, sector: str = "construction", occupation: str = "CON-MAS",
        title: str = "Mason", start: date = date(2024, 1, 1), until: date = date(2027, 1, 1)) -> dict:
    return {"accreditation_no": no, "aqrf_level": level, "sector": sector, "occupation_code": occupation,
            "occupation_title": title, "accredited_on": start, "valid_until": until}


def add(store, family, given=None, native=None, ref=None, accs=()) -> str:
    values = {"family_name": family, "given_names": given, "name_native": native, "assessor_ref": ref}
    return add_assessor(UnitOfWork(store), values, accs).primary


def add_partner(store, country: str, family: str, given: str, native: str | None = None) -> str:
    """A partner's assessor as sync delivers it: their country, their node as origin."""
    with UnitOfWork(store) as uow:
        ids = bulk.insert_rows(uow.session, uow.writer, Assessor, [{
            "origin": stable_id("demo-node", country), "country": country, "assessor_ref": None,
            "family_name": family, "given_names": given, "name_native": native,
            "search_text": search_text(family, given, native)}])
        uow.commit()
    return ids[0]


def names(rows) -> list[str]:
    return [f"{r.family_name} {r.given_names or ''}".strip() for r in rows]


def find(store, text: str = "", **filters) -> list[str]:
    return names(search_assessors(store, AssessorQuery(text=text, **filters), today=TODAY))


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One register for the tests that only read (building it takes longer than the tests)."""
    store = open_store(tmp_path_factory.mktemp("search") / "mrs.sqlite")
    init_node(store, country="KHM", organisation="Ministry of Labour and Vocational Training")
    yield store, build_register(store)
    store.close()


@pytest.fixture
def register(store):
    """The same register in a database of the test's own, for tests that change it."""
    return build_register(store)


def build_register(store) -> dict[str, str]:
    """Cambodia's own assessors in Khmer and Latin, and partners' in Thai, Vietnamese, Lao."""
    ids = {
        "sok": add(store, "Sok", "Dara", "សុខ ដារ៉ា", "KHM-001", [
            acc("A-1", level=2, sector="tourism", occupation="TOU-FBS", title="Food and beverage server"),
            acc("A-2", level=3, sector="construction", occupation="CON-MAS", title="Mason")]),
        "sokha": add(store, "Chan", "Sokha", "ចាន់ សុខា", "KHM-002", [
            acc("A-3", level=3, until=TODAY + timedelta(days=20))]),
        "chea": add(store, "Chea", "Sophea", "ជា សុភា", "KHM-003", [
            acc("A-4", level=1, until=TODAY - timedelta(days=5))]),
        "keo": add(store, "Keo", "Vannak", None, "KHM-004", [acc("A-5", level=4)]),
        "nguyen": add_partner(store, "VNM", "Nguyễn", "Văn Đức"),
        "tran": add_partner(store, "VNM", "Trần", "Thị Hoa"),
        "somchai": add_partner(store, "THA", "Jaidee", "Somchai", "สมชาย ใจดี"),
        "somphone": add_partner(store, "LAO", "Sisavath", "Somphone", "ສົມພອນ ສີສະຫວັດ"),
    }
    with store.session() as session:
        suspended = session.scalar(select(Accreditation.id).where(Accreditation.accreditation_no == "A-5"))
    set_accreditation_status(UnitOfWork(store), [suspended], "suspended", reason="audit", today=TODAY)
    return ids


def test_latin_names_are_found_without_their_accents(shared):
    store, register = shared
    assert find(store, "nguyen") == ["Nguyễn Văn Đức"]
    assert find(store, "NGUY") == ["Nguyễn Văn Đức"]
    assert find(store, "duc") == ["Nguyễn Văn Đức"]  # đ is folded to d, which the index does not do
    assert find(store, "Đức") == ["Nguyễn Văn Đức"]
    assert find(store, "tran hoa") == ["Trần Thị Hoa"]


def test_every_term_must_start_a_word(shared):
    store, register = shared
    assert find(store, "sok dara") == ["Sok Dara"]
    assert find(store, "ara") == []  # inside a word, not at its start
    assert find(store, "sok chan") == ["Chan Sokha"]
    assert find(store, "KHM-00") != []  # the reference is searchable too


def test_native_script_prefixes_find_their_names(shared):
    store, register = shared
    assert find(store, "សុខ") == ["Sok Dara", "Chan Sokha"]  # សុខ is a word of one, a prefix of the other
    assert find(store, "សុ") == ["Chan Sokha", "Chea Sophea", "Sok Dara"]  # no whole word: by name
    assert find(store, "ใจ") == ["Jaidee Somchai"]
    assert find(store, "ສົມ") == ["Sisavath Somphone"]


def test_whole_word_matches_come_before_prefix_matches(shared):
    store, register = shared
    rows = search_assessors(store, AssessorQuery(text="sok"), today=TODAY)
    assert names(rows) == ["Sok Dara", "Chan Sokha"]


@pytest.mark.parametrize("text", ['"', '""', 'so"k', "(", ")", "sok)", "AND", "OR sok", "NOT", "NEAR(sok",
                                  "*", "sok*", "-", "-sok", "^sok", "col:sok", "+", "\x00", "sok\x00da",
                                  "'", "{sok}", "sok -dara", "\\", "%", "_",
                                  "\udcff", "so\udcffk"])
def test_operators_and_punctuation_are_plain_text(shared, text):
    store, register = shared
    rows = search_assessors(store, AssessorQuery(text=text), today=TODAY)
    assert len(rows) == count_assessors(store, AssessorQuery(text=text), today=TODAY)


def test_punctuation_inside_a_term_separates_words(shared):
    store, register = shared
    assert find(store, "sok*") == find(store, "sok")
    assert find(store, "(sok)") == find(store, "sok")
    assert find(store, "-") == find(store, "")  # no word at all: no name filter
    assert find(store, "sok-dara") == ["Sok Dara"]  # a phrase: "sok" then a word starting "dara"


def test_no_text_lists_everyone_by_family_name(shared):
    store, register = shared
    assert find(store) == ["Chan Sokha", "Chea Sophea", "Jaidee Somchai", "Keo Vannak", "Nguyễn Văn Đức",
                           "Sisavath Somphone", "Sok Dara", "Trần Thị Hoa"]


def test_country_and_own_register_filters(shared):
    store, register = shared
    assert find(store, country="VNM") == ["Nguyễn Văn Đức", "Trần Thị Hoa"]
    assert find(store, country="vnm") == ["Nguyễn Văn Đức", "Trần Thị Hoa"]
    assert find(store, include_partners=False) == ["Chan Sokha", "Chea Sophea", "Keo Vannak", "Sok Dara"]


def test_accreditation_filters(shared):
    store, register = shared
    assert find(store, level=3) == ["Chan Sokha", "Sok Dara"]
    assert find(store, sector="tourism") == ["Sok Dara"]
    assert find(store, sector=sector_id("tourism")) == ["Sok Dara"]
    assert find(store, sector="Tourism and hospitality") == ["Sok Dara"]
    assert find(store, occupation="CON-MAS") == ["Chan Sokha", "Chea Sophea", "Keo Vannak", "Sok Dara"]
    assert find(store, occupation=occupation_id("KHM", "TOU-FBS")) == ["Sok Dara"]
    assert find(store, status="active") == ["Chan Sokha", "Sok Dara"]
    assert find(store, status="expired") == ["Chea Sophea"]
    assert find(store, status="suspended") == ["Keo Vannak"]
    assert find(store, status="revoked") == []
    assert find(store, expiring_within_days=30) == ["Chan Sokha"]
    assert find(store, expiring_within_days=10) == []


def test_one_accreditation_must_satisfy_all_accreditation_filters(shared):
    store, register = shared
    # Sok Dara holds tourism at level 2 and construction at level 3, never tourism at level 3.
    assert find(store, sector="tourism", level=3) == []
    assert find(store, sector="construction", level=3) == ["Chan Sokha", "Sok Dara"]
    assert find(store, "sok", sector="construction", level=3, status="active") == ["Sok Dara", "Chan Sokha"]
    assert find(store, "sok", level=3, expiring_within_days=30) == ["Chan Sokha"]
    assert find(store, "dara", country="VNM") == []


def test_filters_naming_nothing_are_refused(shared):
    store, register = shared
    with pytest.raises(NotFound, match="no sector 'mining'"):
        find(store, sector="mining")
    with pytest.raises(NotFound, match="no occupation"):
        find(store, occupation="XYZ-1")
    with pytest.raises(ValidationError) as info:
        find(store, status="lapsed", level=9, expiring_within_days=-1, limit=-5)
    assert {e.field for e in info.value.errors} == {"status", "level", "expiring_within_days", "limit"}


def test_removed_assessors_never_appear(store, register):
    remove_assessor(UnitOfWork(store), register["sok"])
    assert "Sok Dara" not in find(store)
    assert find(store, "dara") == []
    assert count_assessors(store, AssessorQuery(text="sok")) == 1
    assert register["sok"] not in assessor_ids(store, AssessorQuery())
    with pytest.raises(NotFound):
        get_assessor(store, register["sok"])


def test_rows_summarise_accreditations(shared):
    store, register = shared
    (sok,) = search_assessors(store, AssessorQuery(text="dara"), today=TODAY)
    assert (sok.accreditations, sok.levels, sok.status, sok.read_only) == (2, "2, 3", "active", False)
    assert sok.occupations == "Food and beverage server, Mason"
    assert sok.next_expiry == date(2027, 1, 1)
    (chea,) = search_assessors(store, AssessorQuery(text="chea"), today=TODAY)
    assert (chea.status, chea.next_expiry) == ("expired", None)
    (keo,) = search_assessors(store, AssessorQuery(text="keo"), today=TODAY)
    assert keo.status == "suspended"
    (somchai,) = search_assessors(store, AssessorQuery(text="somchai"), today=TODAY)
    assert (somchai.country, somchai.read_only, somchai.accreditations, somchai.status) == ("THA", True, 0, "")


def test_best_status_wins(store, register):
    add_accreditation(UnitOfWork(store), register["keo"], acc("A-6", level=2, until=TODAY - timedelta(days=1)))
    (keo,) = search_assessors(store, AssessorQuery(text="keo"), today=TODAY)
    assert (keo.status, keo.levels) == ("suspended", "2, 4")  # suspended beats expired


def test_ids_and_rows_agree_with_pages(shared):
    store, register = shared
    for text in ("", "s", "so"):
        query = AssessorQuery(text=text)
        ids = assessor_ids(store, query, today=TODAY)
        assert len(ids) == count_assessors(store, query, today=TODAY)
        pages = [r.id for offset in range(0, len(ids), 3)
                 for r in search_assessors(store, AssessorQuery(text=text, limit=3, offset=offset), today=TODAY)]
        assert pages == ids
        assert [r.id for r in assessor_rows(store, ids[2:5], today=TODAY)] == ids[2:5]
    assert assessor_rows(store, ["no-such-id", ids[0]]) == assessor_rows(store, [ids[0]])


def test_broad_names_list_in_register_order_and_page_consistently(shared, monkeypatch):
    store, register = shared
    monkeypatch.setattr(search_queries, "RANKED_MATCHES", 2)
    ids = assessor_ids(store, AssessorQuery(text="s"))  # five matches: more than are ranked
    assert ids == [register[k] for k in ("sok", "sokha", "chea", "somchai", "somphone")]  # as entered
    for limit in (1, 2, 4, 10):
        pages = [r.id for offset in range(0, 5, limit)
                 for r in search_assessors(store, AssessorQuery(text="s", limit=limit, offset=offset))]
        assert pages == ids
    assert [r.id for r in search_assessors(store, AssessorQuery(text="s", country="THA"))] == [register["somchai"]]
    assert search_assessors(store, AssessorQuery(text="s", offset=3, limit=5)) == assessor_rows(store, ids[3:])


def test_expired_lists_only_accreditations_nobody_renewed(store, register):
    meas = add(store, "Meas", "Rithy", None, "KHM-009", [acc("B-1", start=date(2022, 1, 1), until=date(2025, 1, 1))])
    assert find(store, status="expired") == ["Chea Sophea", "Meas Rithy"]
    old = get_assessor(store, meas, today=TODAY).accreditations[0]
    renewal = renew_accreditation(UnitOfWork(store), old.id, valid_until=date(2028, 1, 1), today=TODAY).primary
    assert find(store, status="expired") == ["Chea Sophea"]  # the renewal took care of it
    assert find(store, "meas", status="expired") == []  # the name search's own query agrees
    assert count_assessors(store, AssessorQuery(status="expired"), today=TODAY) == 1
    with UnitOfWork(store) as uow:  # the renewal removed (a tombstone): the old one needs action again
        uow.session.get(Accreditation, renewal).deleted = True
        uow.commit()
    assert find(store, status="expired") == ["Chea Sophea", "Meas Rithy"]
    assert find(store, "meas", status="expired") == ["Meas Rithy"]


def test_detail_shows_accreditations_with_effective_status(store, register):
    renewed = add(store, "Meas", "Rithy", None, "KHM-009", [acc("B-1", start=date(2022, 1, 1), until=date(2025, 1, 1))])
    old = get_assessor(store, renewed, today=TODAY).accreditations[0]
    assert old.status == "expired"
    renew_accreditation(UnitOfWork(store), old.id, valid_until=date(2028, 1, 1), today=TODAY)
    detail = get_assessor(store, renewed, today=TODAY)
    assert (detail.family_name, detail.country, detail.read_only) == ("Meas", "KHM", False)
    new, previous = detail.accreditations
    assert (new.status, new.renews_id, new.valid_until) == ("active", old.id, date(2028, 1, 1))
    assert (previous.status, previous.sector, previous.occupation, previous.occupation_code) == (
        "expired", "Construction", "Mason", "CON-MAS")
    assert get_assessor(store, register["somchai"]).read_only is True
    with pytest.raises(NotFound):
        get_assessor(store, "no-such-id")
