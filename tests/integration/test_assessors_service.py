"""The assessor register's services against a real SQLite file (node: Cambodia, KHM)."""

from datetime import date

import pytest
from sqlalchemy import func, select

from mrs_desktop.db.models import Accreditation, Assessor, ChangeLog
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import AlreadyExists, InputRejected, NotFound, ValidationError
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.services import assessors

PERSON = {"family_name": "Sok", "given_names": "Dara", "name_native": "សុខ ដារា", "sex": "f",
          "email": "dara@example.org", "assessor_ref": "KH-001"}
ACC = {"aqrf_level": 2, "accreditation_no": "KH-A-100", "accredited_on": "2023-01-01",
       "valid_until": "2025-12-31", "sector": "Tourism", "occupation_code": "CK-01",
       "occupation_title": "Commis cook"}


def _add(store, person=PERSON, accs=(ACC,)):
    return assessors.add_assessor(UnitOfWork(store), person, accs)


def _log(store, row_id):
    with store.session() as s:
        return [(r.op, r.fields) for r in s.scalars(
            select(ChangeLog).where(ChangeLog.row_id == row_id).order_by(ChangeLog.seq))]


def _get(store, model, row_id):
    with store.session() as s:
        return s.get(model, row_id)


def _accreditations(store, assessor_id):
    with store.session() as s:
        return list(s.scalars(select(Accreditation).where(Accreditation.assessor_id == assessor_id)
                              .order_by(Accreditation.accredited_on)))


def _count(store, model):
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _partner_assessor(store, country="THA"):
    """A record received from Thailand's node: another country and origin, inserted directly."""
    origin = uuid7()
    with store.session() as s:
        person = Assessor(id=uuid7(), origin=origin, country=country, family_name="Somchai",
                          search_text="somchai")
        acc = Accreditation(id=uuid7(), origin=origin, assessor_id=person.id, country=country,
                            aqrf_level=3, accreditation_no="TH-9", accredited_on=date(2023, 1, 1),
                            valid_until=date(2026, 1, 1), status="active")
        s.add(person)
        s.flush()  # the models declare no relationships: parents are flushed first by hand
        s.add(acc)
        s.commit()
        return person.id, acc.id


def test_add_writes_assessor_accreditation_catalogue_and_log(store):
    changes = _add(store)
    assert changes.registers >= {"assessor", "accreditation", "occupation"}
    person = _get(store, Assessor, changes.primary)
    assert (person.family_name, person.sex, person.country) == ("Sok", "female", "KHM")
    assert person.origin == store.node.id
    [acc] = _accreditations(store, person.id)
    assert acc.id in changes.ids and acc.status == "active" and acc.occupation_id is not None
    assert _log(store, person.id) == [("insert", None)]
    assert _log(store, acc.id) == [("insert", None)]


def test_validation_errors_name_every_field_and_write_nothing(store):
    bad_person = {**PERSON, "family_name": "", "email": "not an address", "country": "XYZ"}
    bad_acc = {**ACC, "aqrf_level": 9, "valid_until": "2022-01-01"}
    with pytest.raises(ValidationError) as err:
        _add(store, bad_person, [bad_acc])
    assert {e.field for e in err.value.errors} == {"family_name", "email", "country", "aqrf_level",
                                                   "valid_until"}
    assert _count(store, Assessor) == 0 and _count(store, Accreditation) == 0


def test_duplicate_reference_and_accreditation_number_are_refused(store):
    _add(store)
    with pytest.raises(AlreadyExists, match="assessor_ref"):
        _add(store, {**PERSON, "family_name": "Other"}, ())
    with pytest.raises(AlreadyExists, match="accreditation_no"):
        _add(store, {**PERSON, "assessor_ref": "KH-002"}, [ACC])
    with pytest.raises(AlreadyExists, match="accreditation_no"):
        _add(store, {**PERSON, "assessor_ref": "KH-003"}, [{**ACC, "accreditation_no": "N"},
                                                           {**ACC, "accreditation_no": "N"}])
    assert _count(store, Assessor) == 1


def test_update_changes_only_named_fields_and_logs_them(store):
    person_id = _add(store).primary
    changes = assessors.update_assessor(UnitOfWork(store), person_id, {"email": "sok@mlvt.gov.kh"})
    assert changes.primary == person_id and changes.registers == {"assessor"}
    person = _get(store, Assessor, person_id)
    assert (person.email, person.given_names) == ("sok@mlvt.gov.kh", "Dara")
    assert _log(store, person_id)[-1] == ("update", "email")


def test_update_renaming_refreshes_search_text_and_validates(store):
    person_id = _add(store).primary
    assessors.update_assessor(UnitOfWork(store), person_id, {"family_name": "Nguyễn"})
    assert "Nguyễn" in _get(store, Assessor, person_id).search_text
    with pytest.raises(ValidationError) as err:
        assessors.update_assessor(UnitOfWork(store), person_id, {"family_name": " ", "sex": "z"})
    assert {e.field for e in err.value.errors} == {"family_name", "sex"}
    with pytest.raises(ValidationError) as err:
        assessors.update_assessor(UnitOfWork(store), person_id, {"country": "LAO"})
    assert [e.field for e in err.value.errors] == ["country"]


def test_partner_records_are_read_only(store):
    person_id, acc_id = _partner_assessor(store)
    attempts = [
        lambda: assessors.update_assessor(UnitOfWork(store), person_id, {"email": "x@y.th"}),
        lambda: assessors.remove_assessor(UnitOfWork(store), person_id),
        lambda: assessors.add_accreditation(UnitOfWork(store), person_id, {**ACC, "sector": None}),
        lambda: assessors.renew_accreditation(UnitOfWork(store), acc_id, valid_until="2030-01-01"),
        lambda: assessors.set_accreditation_status(UnitOfWork(store), [acc_id], "suspended",
                                                   reason="complaint"),
    ]
    for attempt in attempts:
        with pytest.raises(InputRejected, match="Thailand"):
            attempt()
    assert _get(store, Assessor, person_id).email is None
    assert _get(store, Accreditation, acc_id).status == "active"
    assert len(_accreditations(store, person_id)) == 1


def test_adding_an_assessor_of_another_country_is_refused(store):
    with pytest.raises(InputRejected, match="Lao"):
        _add(store, {**PERSON, "country": "LAO"}, ())
    assert _count(store, Assessor) == 0


def test_renewal_keeps_the_old_accreditation_as_history(store):
    person_id = _add(store).primary
    [old] = _accreditations(store, person_id)
    changes = assessors.renew_accreditation(UnitOfWork(store), old.id, valid_until="2028-12-31",
                                            today=date(2025, 6, 1))
    new = _get(store, Accreditation, changes.primary)
    assert new.renews_id == old.id
    assert (new.accredited_on, new.valid_until) == (date(2025, 12, 31), date(2028, 12, 31))
    assert new.accreditation_no == "KH-A-100-R" and new.occupation_id == old.occupation_id
    kept = _get(store, Accreditation, old.id)
    assert (kept.accredited_on, kept.valid_until, kept.deleted) == (date(2023, 1, 1), date(2025, 12, 31), False)
    assert len(_accreditations(store, person_id)) == 2


def test_renewal_after_expiry_starts_today_and_a_chain_cannot_fork(store):
    person_id = _add(store).primary
    [old] = _accreditations(store, person_id)
    new_id = assessors.renew_accreditation(UnitOfWork(store), old.id, valid_until="2029-01-01",
                                           accreditation_no="KH-A-200", today=date(2026, 3, 1)).primary
    assert _get(store, Accreditation, new_id).accredited_on == date(2026, 3, 1)
    with pytest.raises(InputRejected, match="already renewed as KH-A-200"):
        assessors.renew_accreditation(UnitOfWork(store), old.id, valid_until="2030-01-01")
    with pytest.raises(ValidationError) as err:
        assessors.renew_accreditation(UnitOfWork(store), new_id, valid_until="2020-01-01")
    assert [e.field for e in err.value.errors] == ["valid_until"]


def test_suspend_needs_a_reason_and_records_it_with_the_date(store):
    person_id = _add(store).primary
    [acc] = _accreditations(store, person_id)
    with pytest.raises(ValidationError) as err:
        assessors.set_accreditation_status(UnitOfWork(store), [acc.id], "suspended")
    assert [e.field for e in err.value.errors] == ["status_reason"]
    with pytest.raises(ValidationError) as err:
        assessors.set_accreditation_status(UnitOfWork(store), [acc.id], "paused", reason="x")
    assert [e.field for e in err.value.errors] == ["status"]
    changes = assessors.set_accreditation_status(UnitOfWork(store), [acc.id], "suspended",
                                                 reason="complaint under review", on_date="2024-05-02")
    assert changes.ids == {acc.id}
    got = _get(store, Accreditation, acc.id)
    assert (got.status, got.status_reason, got.status_date) == ("suspended", "complaint under review",
                                                                date(2024, 5, 2))
    assert _log(store, acc.id)[-1][0] == "update"
    assert set(_log(store, acc.id)[-1][1].split(",")) == {"status", "status_reason", "status_date"}


def test_reinstate_clears_the_reason_but_a_revocation_is_final(store):
    person_id = _add(store).primary
    [acc] = _accreditations(store, person_id)
    uow = lambda: UnitOfWork(store)  # noqa: E731
    assessors.set_accreditation_status(uow(), [acc.id], "suspended", reason="r", today=date(2024, 1, 1))
    assessors.set_accreditation_status(uow(), [acc.id], "active", today=date(2024, 2, 1))
    got = _get(store, Accreditation, acc.id)
    assert (got.status, got.status_reason, got.status_date) == ("active", None, date(2024, 2, 1))
    assessors.set_accreditation_status(uow(), [acc.id], "revoked", reason="fraud")
    for status in ("active", "suspended"):
        with pytest.raises(InputRejected, match="final"):
            assessors.set_accreditation_status(uow(), [acc.id], status, reason="appeal")
    with pytest.raises(InputRejected, match="revoked"):
        assessors.renew_accreditation(uow(), acc.id, valid_until="2030-01-01")
    assert _get(store, Accreditation, acc.id).status == "revoked"


def test_remove_leaves_tombstones_and_the_record_is_gone_for_services(store):
    person_id = _add(store).primary
    [acc] = _accreditations(store, person_id)
    changes = assessors.remove_assessor(UnitOfWork(store), person_id)
    assert changes.ids == {person_id, acc.id} and changes.primary == person_id
    assert _get(store, Assessor, person_id).deleted and _get(store, Accreditation, acc.id).deleted
    assert _log(store, person_id)[-1] == ("delete", "deleted")
    assert _log(store, acc.id)[-1] == ("delete", "deleted")
    with pytest.raises(NotFound):
        assessors.update_assessor(UnitOfWork(store), person_id, {"email": "a@b.c"})
    with pytest.raises(NotFound):
        assessors.set_accreditation_status(UnitOfWork(store), [acc.id], "revoked", reason="x")


def test_add_accreditation_to_existing_assessor(store):
    person_id = _add(store, accs=()).primary
    changes = assessors.add_accreditation(UnitOfWork(store), person_id,
                                          {**ACC, "accreditation_no": "KH-A-7", "sector": "Logistics",
                                           "occupation_code": None, "occupation_title": None})
    acc = _get(store, Accreditation, changes.primary)
    assert (acc.assessor_id, acc.country, acc.occupation_id) == (person_id, "KHM", None)
    with pytest.raises(ValidationError) as err:
        assessors.add_accreditation(UnitOfWork(store), person_id,
                                    {**ACC, "accreditation_no": "", "occupation_code": None})
    assert {e.field for e in err.value.errors} == {"accreditation_no", "occupation_code"}


def test_removing_several_is_all_or_nothing(store):
    first = assessors.add_assessor(UnitOfWork(store), {"family_name": "Chan"}).primary
    with pytest.raises(NotFound):
        assessors.remove_assessors(UnitOfWork(store), [first, "no-such-id"])
    with store.session() as session:
        assert session.scalar(select(Assessor.deleted).where(Assessor.id == first)) is False
