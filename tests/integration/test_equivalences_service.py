"""Occupation equivalences through the services (node: Cambodia, KHM)."""

import pytest
from sqlalchemy import func, select

from mrs_desktop.db.models import ChangeLog, Equivalence, Occupation
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import AlreadyExists, InputRejected, NotFound, ValidationError
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.services import catalogue, equivalences as eq

COOK = {"occupation_a": "KH-CK-01", "country_b": "THA", "occupation_b": "TH-COOK-2",
        "occupation_b_title": "Cook (Thai)", "aqrf_level": 2}


def _uow(store):
    return UnitOfWork(store)


@pytest.fixture
def cook(store):
    """Cambodia's commis cook, in this node's catalogue."""
    catalogue.add_occupation(_uow(store), country="KHM", code="KH-CK-01", title="Commis cook",
                             sector="Tourism")
    return catalogue.occupation_id("KHM", "KH-CK-01")


def _add(store, **over):
    return eq.add_equivalence(_uow(store), {**COOK, **over})


def _row(store, model, row_id):
    with store.session() as s:
        return s.get(model, row_id)


def _count(store, model):
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _log(store, row_id):
    with store.session() as s:
        return [(r.op, r.fields) for r in s.scalars(
            select(ChangeLog).where(ChangeLog.row_id == row_id).order_by(ChangeLog.seq))]


def _foreign(store, country_a="LAO", country_b="THA", level=2, status="agreed"):
    """An equivalence received by sync, with both occupations."""
    origin = uuid7()
    with store.session() as s:
        occs = [Occupation(id=catalogue.occupation_id(c, f"{c}-X"), origin=origin, country=c,
                           code=f"{c}-X", title=f"{c} cook") for c in (country_a, country_b)
                if s.get(Occupation, catalogue.occupation_id(c, f"{c}-X")) is None]
        s.add_all(occs)
        s.flush()
        record = Equivalence(id=uuid7(), origin=origin, country_a=country_a, country_b=country_b,
                             occupation_a_id=catalogue.occupation_id(country_a, f"{country_a}-X"),
                             occupation_b_id=catalogue.occupation_id(country_b, f"{country_b}-X"),
                             aqrf_level=level, status=status)
        s.add(record)
        s.commit()
        return record.id


def test_add_links_a_known_occupation_to_a_new_partner_occupation(store, cook):
    changes = _add(store, notes="Compared in Bangkok")
    assert changes.registers == {"equivalence", "occupation"}
    record = _row(store, Equivalence, changes.primary)
    thai = catalogue.occupation_id("THA", "TH-COOK-2")
    assert (record.country_a, record.occupation_a_id, record.country_b, record.occupation_b_id) == (
        "KHM", cook, "THA", thai)
    assert (record.aqrf_level, record.status, record.notes) == (2, "proposed", "Compared in Bangkok")
    assert _row(store, Occupation, thai).title == "Cook (Thai)"
    assert _log(store, record.id) == [("insert", None)]


def test_an_unknown_occupation_needs_a_title(store, cook):
    with pytest.raises(ValidationError) as err:
        _add(store, occupation_b_title=None)
    assert [e.field for e in err.value.errors] == ["occupation_b"]
    with pytest.raises(ValidationError) as err:
        _add(store, occupation_a="KH-NOPE")
    assert [e.field for e in err.value.errors] == ["occupation_a"]
    assert _count(store, Equivalence) == 0 and _count(store, Occupation) == 1


def test_errors_name_fields(store, cook):
    with pytest.raises(ValidationError) as err:
        _add(store, country_b="KHM", aqrf_level=9, status="signed")
    assert {e.field for e in err.value.errors} == {"country_b", "aqrf_level", "status"}
    with pytest.raises(ValidationError) as err:
        _add(store, country_a="LAO", occupation_a_title="Cook")
    assert [e.field for e in err.value.errors] == ["country_a"]
    assert _count(store, Equivalence) == 0


def test_duplicates_are_refused_whichever_way_round(store, cook):
    _add(store)
    with pytest.raises(AlreadyExists, match="AQRF level 2"):
        _add(store)
    with pytest.raises(AlreadyExists):
        eq.add_equivalence(_uow(store), {"country_a": "THA", "occupation_a": "TH-COOK-2", "country_b": "KHM",
                                         "occupation_b": "KH-CK-01", "aqrf_level": 2})
    _add(store, aqrf_level=3)  # the same pair at another level is another equivalence
    assert _count(store, Equivalence) == 2


def test_status_moves_and_only_terms_may_change(store, cook):
    eq_id = _add(store).primary
    changes = eq.update_equivalence(_uow(store), eq_id, {"status": "under comparison"})
    assert changes.primary == eq_id and changes.registers == {"equivalence"}
    assert _log(store, eq_id)[-1] == ("update", "status")
    eq.update_equivalence(_uow(store), eq_id, {"status": "agreed", "notes": "Signed at RSTWG",
                                               "occupation_a": "kh-ck-01"})  # same code: fine
    record = _row(store, Equivalence, eq_id)
    assert (record.status, record.notes, record.aqrf_level) == ("agreed", "Signed at RSTWG", 2)
    with pytest.raises(ValidationError) as err:
        eq.update_equivalence(_uow(store), eq_id, {"occupation_b": "TH-OTHER", "country_b": "LAO",
                                                   "status": "done"})
    assert {e.field for e in err.value.errors} == {"occupation_b", "country_b", "status"}


def test_changing_level_onto_an_existing_equivalence_is_refused(store, cook):
    first = _add(store).primary
    _add(store, aqrf_level=3)
    with pytest.raises(AlreadyExists):
        eq.update_equivalence(_uow(store), first, {"aqrf_level": 3})
    eq.update_equivalence(_uow(store), first, {"aqrf_level": 1})
    assert _row(store, Equivalence, first).aqrf_level == 1


def test_either_party_may_edit_others_may_not(store):
    shared = _foreign(store, country_a="THA", country_b="KHM")
    eq.update_equivalence(_uow(store), shared, {"status": "under_comparison"})
    assert _row(store, Equivalence, shared).status == "under_comparison"
    theirs = _foreign(store, country_a="LAO", country_b="THA")
    for attempt in (lambda: eq.update_equivalence(_uow(store), theirs, {"status": "proposed"}),
                    lambda: eq.remove_equivalence(_uow(store), theirs)):
        with pytest.raises(InputRejected, match="Cambodia is not party"):
            attempt()
    assert _row(store, Equivalence, theirs).status == "agreed"


def test_remove_hides_it_and_adding_again_brings_it_back(store, cook):
    eq_id = _add(store, status="agreed").primary
    changes = eq.remove_equivalence(_uow(store), eq_id)
    assert changes.primary == eq_id and _row(store, Equivalence, eq_id).deleted
    assert _log(store, eq_id)[-1] == ("delete", "deleted")
    assert eq.list_equivalences(store) == []
    assert eq.recognised_as(store, cook, "THA") == []
    with pytest.raises(NotFound):
        eq.update_equivalence(_uow(store), eq_id, {"status": "agreed"})
    again = _add(store, status="under_comparison")
    assert again.primary == eq_id  # the same record, revived, so partners see one equivalence
    record = _row(store, Equivalence, eq_id)
    assert (record.deleted, record.status) == (False, "under_comparison")


def test_list_filters_by_country_and_status(store, cook):
    ours = _add(store, status="agreed").primary
    theirs = _foreign(store, country_a="LAO", country_b="THA", status="proposed")
    ids = lambda **f: [r.id for r in eq.list_equivalences(store, **f)]  # noqa: E731
    assert set(ids()) == {ours, theirs}
    assert ids(country="KHM") == [ours]
    assert set(ids(country="THA")) == {ours, theirs}
    assert ids(status="proposed") == [theirs]
    assert ids(country="THA", status="agreed") == [ours]
    [row] = eq.list_equivalences(store, country="KHM")
    assert (row.occupation_a_code, row.occupation_a_title, row.occupation_b_code, row.occupation_b_title) == (
        "KH-CK-01", "Commis cook", "TH-COOK-2", "Cook (Thai)")
    with pytest.raises(ValidationError) as err:
        eq.list_equivalences(store, country="FRA", status="maybe")
    assert {e.field for e in err.value.errors} == {"country", "status"}


def test_recognised_as_counts_only_agreed_equivalences_in_both_directions(store, cook):
    _add(store, status="agreed")
    _add(store, country_b="LAO", occupation_b="LA-CK", occupation_b_title="Cook (Lao)", status="proposed")
    eq.add_equivalence(_uow(store), {"country_a": "VNM", "occupation_a": "VN-BEP", "occupation_a_title": "Đầu bếp",
                                     "country_b": "KHM", "occupation_b": "KH-CK-01", "aqrf_level": 3,
                                     "status": "agreed"})
    [thai] = eq.recognised_as(store, cook, "THA")
    assert (thai.country, thai.code, thai.title, thai.aqrf_level) == ("THA", "TH-COOK-2", "Cook (Thai)", 2)
    [viet] = eq.recognised_as(store, cook, "vnm")
    assert (viet.code, viet.title, viet.aqrf_level) == ("VN-BEP", "Đầu bếp", 3)
    assert eq.recognised_as(store, cook, "LAO") == []  # only proposed so far
    back = eq.recognised_as(store, catalogue.occupation_id("THA", "TH-COOK-2"), "KHM")
    assert [r.occupation_id for r in back] == [cook]
    with pytest.raises(ValidationError):
        eq.recognised_as(store, cook, "XX")
