"""`mrs demo`: realistic demo data in every script of the region, only into an empty database."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from mrs_desktop.db.models import (Accreditation, ActionItem, ActionPlan, Assessor, ChangeLog, Equivalence,
                                   Participant, Training)
from mrs_desktop.db.store import open_store
from mrs_desktop.domain import action_plans, assessors, trainings
from mrs_desktop.domain.errors import InputRejected, NoNode, ValidationError
from mrs_desktop.domain.fields import Checker
from mrs_desktop.domain.ids import stable_id
from mrs_desktop.domain.task import Cancelled, Progress
from mrs_desktop.services.demo import load_demo
from mrs_desktop.services.node import init_node
from mrs_desktop.services.search import AssessorQuery, count_assessors

TODAY = date(2026, 3, 2)
SCRIPT_RANGES = {"Khmer": (0x1780, 0x17FF), "Thai": (0x0E00, 0x0E7F), "Lao": (0x0E80, 0x0EFF),
                 "Myanmar": (0x1000, 0x109F)}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One small demo for the tests that only read it."""
    store = open_store(tmp_path_factory.mktemp("demo") / "mrs.sqlite")
    init_node(store, country="KHM", organisation="Ministry of Labour and Vocational Training")
    changes = load_demo(store, "small", today=TODAY)
    yield store, changes
    store.close()


def all_of(store, model):
    with store.session() as session:
        return list(session.scalars(select(model)))


def test_small_demo_fills_every_register(demo):
    store, changes = demo
    counts = changes.counts
    assert counts["assessor"] == 300 and counts["accreditation"] >= 350
    assert (counts["training"], counts["action_plan"], counts["equivalence"]) == (10, 4, 6)
    assert counts["participant"] >= 60 and counts["action_item"] >= 16 and counts["progress_update"] >= 10
    with store.session() as session:
        logged = session.scalar(select(func.count()).where(ChangeLog.register == "assessor"))
    assert logged == 300  # bulk writes are logged like any other


@pytest.mark.parametrize("script", SCRIPT_RANGES)
def test_names_are_written_in_every_script(demo, script):
    low, high = SCRIPT_RANGES[script]
    natives = [a.name_native for a in all_of(demo[0], Assessor) if a.name_native]
    assert sum(any(low <= ord(ch) <= high for ch in name) for name in natives) >= 10


def test_vietnamese_and_other_latin_names(demo):
    people = all_of(demo[0], Assessor)
    vietnamese = [a.family_name + " " + a.given_names for a in people if a.country == "VNM"]
    assert sum("Nguyễn" in n for n in vietnamese) >= 3 and any("Đ" in n or "đ" in n for n in vietnamese)
    assert {a.country for a in people} == {"BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"}
    assert sum(a.country == "KHM" for a in people) == 180  # the node's own country mostly


def test_partners_records_come_from_their_own_nodes(demo):
    store, _ = demo
    people = {}
    for person in all_of(store, Assessor):
        expected = store.writer.node_id if person.country == "KHM" else stable_id("demo-node", person.country)
        assert person.origin == expected
        people[person.id] = person
    for acc in all_of(store, Accreditation):
        owner = people[acc.assessor_id]
        assert (acc.country, acc.origin) == (owner.country, owner.origin)
        assert acc.accreditation_no.startswith(acc.country)


def test_accreditations_cover_every_status(demo):
    store, _ = demo
    count = lambda **f: count_assessors(store, AssessorQuery(**f), today=TODAY)  # noqa: E731
    assert count(status="active") > 150
    assert count(status="expired") >= 10 and count(status="suspended") >= 5 and count(status="revoked") >= 3
    assert count(expiring_within_days=90) >= 3
    assert {count(level=level) > 0 for level in (1, 2, 3, 4)} == {True}
    accs = all_of(store, Accreditation)
    assert sum(a.renews_id is not None for a in accs) >= 10
    assert all(a.status_reason for a in accs if a.status != "active")


def test_demo_records_obey_the_registers_rules(demo):
    store, _ = demo
    chk = Checker()
    for person in all_of(store, Assessor)[:60]:
        assessors.check_assessor(vars(person), chk, home_country="KHM")
    for acc in all_of(store, Accreditation)[:60]:
        assessors.check_accreditation(vars(acc), chk)
    for training in all_of(store, Training):
        trainings.check_training(vars(training), chk, home_country="KHM")
    for participant in all_of(store, Participant):
        trainings.check_participant(vars(participant), chk, default_country="KHM")
    for plan in all_of(store, ActionPlan):
        action_plans.check_plan(vars(plan), chk, home_country="KHM")
    for item in all_of(store, ActionItem):
        action_plans.check_item(vars(item), chk)
    assert chk.errors == []
    equivalences = all_of(store, Equivalence)
    assert all("KHM" in (e.country_a, e.country_b) and e.country_a != e.country_b for e in equivalences)


def test_some_action_items_are_overdue_and_some_done(demo):
    items = all_of(demo[0], ActionItem)
    overdue = [i for i in items if action_plans.is_overdue(i.status, i.due_date, TODAY)]
    assert len(overdue) >= 4 and any(i.status == "done" for i in items)
    plans = all_of(demo[0], ActionPlan)
    assert sum(p.owner_country != "KHM" and "KHM" in p.partner_countries for p in plans) == 1


def test_trainings_link_register_assessors_and_partner_participants(demo):
    people = all_of(demo[0], Participant)
    assert sum(p.assessor_id is not None for p in people) >= 30
    assert len({p.country for p in people if p.assessor_id is None}) >= 3
    kinds = {t.kind for t in all_of(demo[0], Training)}
    assert kinds == {"tot", "toa", "other"}


def test_demo_refuses_a_database_that_has_assessors(demo):
    store, _ = demo
    with pytest.raises(InputRejected, match="already has assessors"):
        load_demo(store, "small")
    assert count_assessors(store, AssessorQuery()) == 300


def test_demo_needs_a_node(bare_store):
    with pytest.raises(NoNode):
        load_demo(bare_store)


def test_unknown_size_is_refused(store):
    with pytest.raises(ValidationError, match="size"):
        load_demo(store, "huge")


def fingerprint(store) -> tuple:
    with store.engine.connect() as conn:
        return tuple(tuple(conn.exec_driver_sql(sql).fetchall()) for sql in (
            "SELECT country, assessor_ref, family_name, given_names, name_native, sex, date_of_birth, email, "
            "phone, organisation FROM assessor ORDER BY country, assessor_ref",
            "SELECT country, accreditation_no, aqrf_level, accredited_on, valid_until, status, status_reason "
            "FROM accreditation ORDER BY country, accreditation_no",
            "SELECT training_ref, title, host_institution, venue, start_date, facilitators FROM training ORDER BY 1",
            "SELECT full_name, name_native, country, outcome FROM participant ORDER BY 1, 2, 3",
            "SELECT description, due_date, status, percent FROM action_item ORDER BY 1, 2"))


def test_a_seed_gives_the_same_demo(store, tmp_path):
    load_demo(store, "small", seed=5, today=TODAY)
    others = []
    for name, seed in (("same", 5), ("other", 6)):
        other = open_store(tmp_path / f"{name}.sqlite")
        init_node(other, country="KHM", organisation="Ministry of Labour and Vocational Training")
        load_demo(other, "small", seed=seed, today=TODAY)
        others.append(fingerprint(other))
        other.close()
    assert fingerprint(store) == others[0]
    assert fingerprint(store) != others[1]


class Recorder(Progress):
    def __init__(self, cancel_at: int | None = None):
        super().__init__()
        self.reports: list[tuple] = []
        self.cancel_at = cancel_at

    def report(self, done, total=None, text=""):
        self.reports.append((done, total, text))
        if self.cancel_at is not None and done >= self.cancel_at:
            self.cancel()


def test_progress_is_reported_and_cancel_keeps_nothing(store, monkeypatch):
    from mrs_desktop.services import demo

    monkeypatch.setattr(demo, "BATCH", 100)  # small batches, so the small demo reports several times
    cancelling = Recorder(cancel_at=100)
    with pytest.raises(Cancelled):
        load_demo(store, "small", progress=cancelling)
    assert cancelling.reports[0] == (100, 300, "assessors")
    assert count_assessors(store, AssessorQuery()) == 0 and all_of(store, Training) == []
    recorder = Recorder()
    load_demo(store, "small", progress=recorder)
    assert [r[0] for r in recorder.reports] == [100, 200, 300, 300]


def test_demo_goes_into_a_database_whose_catalogue_is_started(store):
    from mrs_desktop.db.uow import UnitOfWork
    from mrs_desktop.services.catalogue import ensure_occupation, find_sector

    with UnitOfWork(store) as uow:
        ensure_occupation(uow.session, "KHM", "CS-MAS", "Mason (bricklayer)", find_sector(uow.session, "construction"))
        uow.commit()
    changes = load_demo(store, "small", today=TODAY)
    assert changes.counts["occupation"] == 229 and changes.counts["assessor"] == 300
