"""The register as the desktop lists it: search order, any column's order, partners only (node KHM)."""

from datetime import date, timedelta

import pytest

from mrs_desktop.db.models import Accreditation, Assessor
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.assessors import search_text
from mrs_desktop.domain.errors import ValidationError
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.services import assessors
from mrs_desktop.services.assessor_list import ORDERS, RegisterView, view_ids, view_page
from mrs_desktop.services.search import AssessorQuery, assessor_ids, assessor_rows

TODAY = date.today()
THAI_NODE = "0190c1a2-0000-7000-8000-00000000a001"


def _acc(number, level, *, start=TODAY - timedelta(days=300), days=700, status="active", occupation=None):
    acc = {"aqrf_level": level, "accreditation_no": number, "accredited_on": start,
           "valid_until": start + timedelta(days=days), "sector": "Tourism"}
    if occupation:
        acc.update(occupation_code=occupation[0], occupation_title=occupation[1])
    return acc


@pytest.fixture
def register(store):
    """Four own assessors and one of Thailand's; names, levels and dates chosen to sort apart."""
    def add(person, *accs):
        return assessors.add_assessor(UnitOfWork(store), person, list(accs)).primary

    ids = {
        "sok": add({"family_name": "Sok", "given_names": "Dara", "name_native": "សុខ ដារា", "organisation": "NPIC"},
                   _acc("A-1", 2, days=900, occupation=("CK", "Commis cook"))),
        "chan": add({"family_name": "chan", "given_names": "Sophea", "organisation": "ntti"},
                    _acc("A-2", 3, days=400, occupation=("WE", "Welder"))),
        "keo": add({"family_name": "Keo", "given_names": "Vanna"},
                   _acc("A-3", 1, start=TODAY - timedelta(days=900), days=300)),  # expired
        "meas": add({"family_name": "Meas", "given_names": "Rithy", "organisation": "Don Bosco"}),
    }
    assessors.set_accreditation_status(UnitOfWork(store), [_acc_id(store, ids["chan"])], "suspended",
                                       reason="on leave")
    with UnitOfWork(store) as uow:
        thai = Assessor(id=uuid7(), origin=THAI_NODE, country="THA", family_name="Jaidee", given_names="Somchai",
                        name_native="สมชาย ใจดี", search_text=search_text("Jaidee", "Somchai", "สมชาย ใจดี"))
        uow.session.add(thai)
        uow.session.add(Accreditation(id=uuid7(), origin=THAI_NODE, assessor_id=thai.id, country="THA",
                                      aqrf_level=4, accreditation_no="TH-1", accredited_on=TODAY,
                                      valid_until=TODAY + timedelta(days=100), status="active"))
        uow.commit()
    ids["jaidee"] = thai.id
    return ids


def _acc_id(store, assessor_id):
    with store.session() as s:
        return s.query(Accreditation.id).filter_by(assessor_id=assessor_id).scalar()


def names(store, ids):
    return [r.family_name for r in assessor_rows(store, ids)]


def test_without_an_order_the_list_is_the_search_services_own(store, register):
    for query in (AssessorQuery(), AssessorQuery(text="s"), AssessorQuery(level=2)):
        assert view_ids(store, RegisterView(query)) == assessor_ids(store, query)


def test_each_column_orders_the_list_both_ways_with_empty_values_last(store, register):
    expected = {
        "family_name": ["chan", "Jaidee", "Keo", "Meas", "Sok"],  # case ignored
        "organisation": ["Meas", "Sok", "chan", "Jaidee", "Keo"],  # Don Bosco, NPIC, ntti; none last
        "levels": ["Keo", "Sok", "chan", "Jaidee", "Meas"],
        "occupations": ["Sok", "chan", "Jaidee", "Keo", "Meas"],  # Commis cook, Welder; none last
        "status": ["Jaidee", "Sok", "chan", "Keo", "Meas"],  # active (by name), suspended, expired, none
        "next_expiry": ["Jaidee", "Sok", "chan", "Keo", "Meas"],  # only active ones have one
        "country": ["chan", "Keo", "Meas", "Sok", "Jaidee"],  # Cambodia (by name) before Thailand
    }
    for key, order in expected.items():
        assert names(store, view_ids(store, RegisterView(order_by=key))) == order, key
    descending = names(store, view_ids(store, RegisterView(order_by="levels", descending=True)))
    assert descending == ["Jaidee", "chan", "Sok", "Keo", "Meas"]  # the one without a level stays last


def test_an_order_applies_to_a_name_search_and_filters(store, register):
    view = RegisterView(AssessorQuery(text="s"), order_by="family_name", descending=True)
    assert names(store, view_ids(store, view)) == ["Sok", "Jaidee", "chan"]  # Sok, Somchai, Sophea
    view = RegisterView(AssessorQuery(include_partners=False), order_by="given_names")
    assert names(store, view_ids(store, view)) == ["Sok", "Meas", "chan", "Keo"]


def test_partners_only_leaves_out_the_nodes_own_records(store, register):
    assert view_ids(store, RegisterView(partners_only=True)) == [register["jaidee"]]
    assert view_ids(store, RegisterView(AssessorQuery(text="sok"), partners_only=True)) == []


def test_a_limit_gives_the_first_ids_of_the_same_order(store, register):
    for view in (RegisterView(), RegisterView(order_by="status"), RegisterView(AssessorQuery(text="s"))):
        full = view_ids(store, view)
        assert view_ids(store, view, limit=2) == full[:2]
    rows = view_page(store, RegisterView(order_by="family_name"), limit=3)
    assert [r.family_name for r in rows] == ["chan", "Jaidee", "Keo"]
    assert rows[1].read_only and not rows[0].read_only


def test_unknown_orders_and_bad_filters_are_refused_naming_the_field(store, register):
    with pytest.raises(ValidationError) as caught:
        view_ids(store, RegisterView(AssessorQuery(level=9, status="lost"), order_by="salary"))
    assert {e.field for e in caught.value.errors} == {"level", "status", "order_by"}
    assert set(ORDERS) >= {"family_name", "status", "next_expiry"}
