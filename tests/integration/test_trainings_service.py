"""Trainings and participants through the services, against a real SQLite file (node: KHM)."""

from datetime import date

import pytest
from sqlalchemy import select

from mrs_desktop.db.models import ChangeLog, Occupation, Participant, Sector, Training
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import AlreadyExists, InputRejected, NotFound, ValidationError
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.services import assessors, catalogue, trainings

TOA = {"title": "Training of assessors: welding", "kind": "toa", "host_institution": "DSD",
       "host_country": "THA", "venue": "Bangkok", "start_date": "2024-03-04", "end_date": "2024-03-08",
       "funder": "ILO", "facilitators": "A. Trainer", "training_ref": "T-2024-01"}


def _uow(store):
    return UnitOfWork(store)


def _add(store, values=TOA, participants=()):
    return trainings.add_training(_uow(store), values, participants)


def _log(store, row_id):
    with store.session() as s:
        return [(r.op, r.fields) for r in s.scalars(
            select(ChangeLog).where(ChangeLog.row_id == row_id).order_by(ChangeLog.seq))]


def _row(store, model, row_id):
    with store.session() as s:
        return s.get(model, row_id)


def _assessor(store, family="Sok", given="Dara"):
    return assessors.add_assessor(_uow(store), {"family_name": family, "given_names": given,
                                                "name_native": "សុខ ដារា"}).primary


def _partner_training(store):
    with store.session() as s:
        t = Training(id=uuid7(), origin=uuid7(), country="THA", title="Thai ToT", kind="tot",
                     host_country="THA", start_date=date(2024, 1, 8), end_date=date(2024, 1, 12))
        s.add(t)
        s.flush()
        s.add(Participant(id=uuid7(), origin=t.origin, training_id=t.id, full_name="Somchai", country="THA"))
        s.commit()
        return t.id


def test_add_training_with_new_sector_and_occupation(store):
    changes = _add(store, {**TOA, "sector": "Welding and fabrication", "occupation_code": "WLD-2",
                           "occupation_title": "Welder"})
    assert changes.registers == {"training", "sector", "occupation"}
    t = _row(store, Training, changes.primary)
    assert (t.country, t.host_country, t.kind, t.start_date) == ("KHM", "THA", "toa", date(2024, 3, 4))
    occupation = _row(store, Occupation, t.occupation_id)
    assert (occupation.country, occupation.code, occupation.title) == ("KHM", "WLD-2", "Welder")
    assert _row(store, Sector, t.sector_id).name == "Welding and fabrication"
    assert _log(store, t.id) == [("insert", None)]


def test_add_training_with_participants_linked_and_free(store):
    assessor_id = _assessor(store)
    changes = _add(store, participants=[
        {"assessor_id": assessor_id, "outcome": "competent", "attendance": 100},
        {"full_name": "Keo Lina", "country": "LAO", "outcome": "not yet competent"},
    ])
    assert changes.counts == {"training": 1, "participant": 2}
    detail = trainings.get_training(store, changes.primary)
    assert detail.participant_count == 2 and detail.facilitators == "A. Trainer"
    linked, free = detail.participants  # sorted by country, then name
    assert (linked.full_name, linked.name_native, linked.country, linked.assessor_id, linked.outcome) == (
        "Sok Dara", "សុខ ដារា", "KHM", assessor_id, "competent")
    assert (free.full_name, free.country, free.assessor_id, free.outcome) == (
        "Keo Lina", "LAO", None, "not_yet_competent")


def test_validation_errors_name_fields_and_nothing_is_written(store):
    with pytest.raises(ValidationError) as err:
        _add(store, {**TOA, "title": "", "kind": "webinar", "end_date": "2024-03-01",
                     "occupation_title": "Welder"},
             [{"full_name": "", "attendance": 150}, {"assessor_id": "no-such-id"}])
    assert {e.field for e in err.value.errors} == {
        "title", "kind", "end_date", "occupation_code", "participant_name", "attendance_percent",
        "assessor_id"}
    assert trainings.list_trainings(store) == []


def test_duplicate_reference_and_partner_country_records_are_refused(store):
    _add(store)
    with pytest.raises(AlreadyExists, match="training_ref"):
        _add(store, {**TOA, "training_ref": "t-2024-01"})
    with pytest.raises(InputRejected, match="Lao"):
        _add(store, {**TOA, "training_ref": None, "country": "LAO"})
    assert len(trainings.list_trainings(store)) == 1


def test_update_changes_named_fields_and_keeps_catalogue_links(store):
    t_id = _add(store, {**TOA, "sector": "Construction"}).primary
    sector_id = _row(store, Training, t_id).sector_id
    changes = trainings.update_training(_uow(store), t_id, {"venue": "Chonburi", "end_date": "2024-03-09"})
    assert changes.primary == t_id and changes.registers == {"training"}
    t = _row(store, Training, t_id)
    assert (t.venue, t.end_date, t.sector_id, t.title) == ("Chonburi", date(2024, 3, 9), sector_id, TOA["title"])
    assert _log(store, t_id)[-1][0] == "update"
    assert set(_log(store, t_id)[-1][1].split(",")) == {"venue", "end_date"}
    trainings.update_training(_uow(store), t_id, {"sector": None, "occupation_code": "C-1"})
    t = _row(store, Training, t_id)
    assert t.sector_id is None and t.occupation_id == catalogue.occupation_id("KHM", "C-1")
    assert len(_log(store, t_id)) == 3  # one log row per update, even with a new catalogue entry


def test_update_refuses_bad_values_and_moving_country(store):
    t_id = _add(store).primary
    with pytest.raises(ValidationError) as err:
        trainings.update_training(_uow(store), t_id, {"start_date": "2024-13-01", "country": "THA"})
    assert {e.field for e in err.value.errors} == {"start_date", "country"}
    assert _row(store, Training, t_id).start_date == date(2024, 3, 4)


def test_partner_training_is_read_only(store):
    t_id = _partner_training(store)
    [person] = trainings.get_training(store, t_id).participants
    for attempt in (lambda: trainings.update_training(_uow(store), t_id, {"venue": "x"}),
                    lambda: trainings.remove_training(_uow(store), t_id),
                    lambda: trainings.add_participant(_uow(store), t_id, {"full_name": "A"}),
                    lambda: trainings.update_participant(_uow(store), person.id, {"outcome": "competent"}),
                    lambda: trainings.remove_participant(_uow(store), person.id)):
        with pytest.raises(InputRejected, match="Thailand"):
            attempt()
    assert trainings.get_training(store, t_id).participants == (person,)


def test_participants_added_updated_linked_and_removed(store):
    t_id = _add(store).primary
    p_id = trainings.add_participant(_uow(store), t_id, {"full_name": "Chan Sophea",
                                                         "attendance": "80"}).primary
    person = _row(store, Participant, p_id)
    assert (person.country, person.attendance, person.assessor_id) == ("KHM", 80, None)
    assessor_id = _assessor(store, "Chan", "Sophea")
    changes = trainings.update_participant(_uow(store), p_id, {"assessor_id": assessor_id,
                                                               "outcome": "competent"})
    assert changes.primary == p_id
    person = _row(store, Participant, p_id)
    assert (person.assessor_id, person.outcome, person.full_name) == (assessor_id, "competent", "Chan Sophea")
    trainings.update_participant(_uow(store), p_id, {"assessor_id": None})
    assert _row(store, Participant, p_id).assessor_id is None
    with pytest.raises(ValidationError) as err:
        trainings.update_participant(_uow(store), p_id, {"outcome": "passed", "attendance": -5})
    assert {e.field for e in err.value.errors} == {"outcome", "attendance_percent"}
    trainings.remove_participant(_uow(store), p_id)
    assert _row(store, Participant, p_id).deleted
    assert trainings.get_training(store, t_id).participants == ()
    with pytest.raises(NotFound):
        trainings.update_participant(_uow(store), p_id, {"outcome": "completed"})


def test_a_person_is_listed_once_per_training(store):
    assessor_id = _assessor(store)
    t_id = _add(store, participants=[{"assessor_id": assessor_id}, {"full_name": "Keo Lina",
                                                                     "country": "LAO"}]).primary
    with pytest.raises(AlreadyExists, match="Sok Dara"):
        trainings.add_participant(_uow(store), t_id, {"assessor_id": assessor_id})
    with pytest.raises(AlreadyExists, match="Keo Lina"):
        trainings.add_participant(_uow(store), t_id, {"full_name": "keo lina", "country": "LAO"})
    # Same name from another country is another person.
    trainings.add_participant(_uow(store), t_id, {"full_name": "Keo Lina", "country": "KHM"})
    with pytest.raises(AlreadyExists):
        _add(store, {**TOA, "training_ref": "T-2"}, [{"full_name": "A"}, {"full_name": "a"}])
    assert trainings.get_training(store, t_id).participant_count == 3


def test_remove_training_tombstones_it_and_its_participants(store):
    t_id = _add(store, participants=[{"full_name": "A"}, {"full_name": "B"}]).primary
    p_ids = [p.id for p in trainings.get_training(store, t_id).participants]
    changes = trainings.remove_training(_uow(store), t_id)
    assert changes.ids == {t_id, *p_ids} and changes.primary == t_id
    assert all(_row(store, Participant, i).deleted for i in p_ids)
    assert _log(store, t_id)[-1] == ("delete", "deleted")
    assert trainings.list_trainings(store) == []
    with pytest.raises(NotFound):
        trainings.get_training(store, t_id)
    with pytest.raises(NotFound):
        trainings.add_participant(_uow(store), t_id, {"full_name": "C"})


def test_list_filters_by_kind_country_text_and_sector(store):
    tot = _add(store, {**TOA, "kind": "tot", "title": "ToT hospitality", "training_ref": "A",
                       "host_country": "KHM", "sector": "Tourism", "start_date": "2023-05-01",
                       "end_date": "2023-05-03"}).primary
    toa = _add(store, {**TOA, "facilitators": "Nguyễn Văn An"},
               [{"full_name": "Aung", "country": "MMR"}]).primary
    other = _add(store, {**TOA, "kind": "other", "title": "Workshop", "training_ref": "B",
                         "host_country": "VNM", "start_date": "2024-06-01", "end_date": "2024-06-01"}).primary
    ids = lambda rows: [r.id for r in rows]  # noqa: E731
    assert ids(trainings.list_trainings(store)) == [other, toa, tot]  # latest first
    assert ids(trainings.list_trainings(store, kind="Training of trainers")) == [tot]
    assert ids(trainings.list_trainings(store, country="THA")) == [toa]  # host
    assert ids(trainings.list_trainings(store, country="MMR")) == [toa]  # a participant's country
    assert ids(trainings.list_trainings(store, country="KHM")) == [other, toa, tot]  # recorder
    assert ids(trainings.list_trainings(store, text="NGUYỄN")) == [toa]
    assert ids(trainings.list_trainings(store, text="hospitality")) == [tot]
    sector = catalogue.sector_id("tourism")
    [row] = trainings.list_trainings(store, sector_id=sector)
    assert (row.id, row.sector, row.kind_name, row.participant_count) == (
        tot, "Tourism and hospitality", "Training of trainers", 0)
    with pytest.raises(ValidationError) as err:
        trainings.list_trainings(store, kind="seminar", country="FRA")
    assert {e.field for e in err.value.errors} == {"kind", "country"}


def test_list_filters_by_the_year_a_training_starts(store):
    new_year = _add(store, {**TOA, "training_ref": "A", "start_date": "2026-01-01", "end_date": "2026-01-02"}).primary
    new_eve = _add(store, {**TOA, "training_ref": "B", "start_date": "2026-12-31", "end_date": "2027-01-02"}).primary
    _add(store, {**TOA, "training_ref": "C", "start_date": "2025-12-31", "end_date": "2026-01-03"})
    assert [r.id for r in trainings.list_trainings(store, year=2026)] == [new_eve, new_year]
    assert [r.training_ref for r in trainings.list_trainings(store, year=2025)] == ["C"]
    assert trainings.list_trainings(store, year=2027) == []  # ending in a year is not starting in it
    assert len(trainings.list_trainings(store, year=None)) == 3
    with pytest.raises(ValidationError) as err:
        trainings.list_trainings(store, year="last year")
    assert [e.field for e in err.value.errors] == ["year"]


def test_list_counts_only_live_participants(store):
    t_id = _add(store, participants=[{"full_name": "A"}, {"full_name": "B"}]).primary
    trainings.remove_participant(_uow(store), trainings.get_training(store, t_id).participants[0].id)
    [row] = trainings.list_trainings(store)
    assert row.participant_count == 1


def test_a_participant_stays_linked_after_the_assessor_is_removed(store):
    assessor_id = _assessor(store)
    t_id = _add(store, participants=[{"assessor_id": assessor_id}]).primary
    [person] = trainings.get_training(store, t_id).participants
    assessors.remove_assessor(_uow(store), assessor_id)
    trainings.update_participant(_uow(store), person.id, {"outcome": "completed"})
    got = _row(store, Participant, person.id)
    assert (got.outcome, got.assessor_id) == ("completed", assessor_id)
    other_id = trainings.add_participant(_uow(store), t_id, {"full_name": "Lim"}).primary
    with pytest.raises(ValidationError) as err:
        trainings.update_participant(_uow(store), other_id, {"assessor_id": assessor_id})
    assert [e.field for e in err.value.errors] == ["assessor_id"]
