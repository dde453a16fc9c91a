"""Every ORM write to a synced record is stamped and appended to the change log, in its transaction."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from mrs_desktop.db.models import REGISTERS, ActionItem, ActionPlan, ChangeLog, Sector
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.clock import Stamp
from mrs_desktop.services.assessors import add_assessor


def log(store) -> list[ChangeLog]:
    with store.session() as session:
        return list(session.scalars(select(ChangeLog).order_by(ChangeLog.seq)))


def new_entries(store, after: int) -> list[ChangeLog]:
    return [e for e in log(store) if e.seq > after]


def last_seq(store) -> int:
    entries = log(store)
    return entries[-1].seq if entries else 0


def add_plan(store) -> str:
    with UnitOfWork(store) as uow:
        plan = ActionPlan(owner_country="KHM", title="KHM–THA MRS action plan 2025–2026",
                          partner_countries="THA", period_start=date(2025, 1, 1))
        uow.session.add(plan)
        uow.commit()
        return plan.id


def test_an_insert_appends_one_entry_stamped_like_the_row(store):
    mark = last_seq(store)
    plan_id = add_plan(store)

    entries = new_entries(store, mark)
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.register, entry.row_id, entry.op, entry.fields) == ("action_plan", plan_id, "insert", None)
    with store.session() as session:
        plan = session.get(ActionPlan, plan_id)
    assert entry.hlc == plan.hlc and entry.origin == plan.origin == store.node.id
    assert Stamp.parse(plan.hlc).node == store.node.id
    assert plan.deleted is False


def test_an_update_appends_one_entry_naming_the_changed_fields(store):
    plan_id = add_plan(store)
    mark = last_seq(store)
    with UnitOfWork(store) as uow:
        plan = uow.session.get(ActionPlan, plan_id)
        old_hlc = plan.hlc
        plan.title = "KHM–THA MRS action plan 2025–2027"
        plan.period_end = date(2027, 12, 31)
        plan.owner_country = "KHM"  # assigned its own value: not a change
        changes = uow.commit()

    entries = new_entries(store, mark)
    assert len(entries) == 1 and entries[0].op == "update"
    assert set(entries[0].fields.split(",")) == {"title", "period_end"}
    with store.session() as session:
        assert session.get(ActionPlan, plan_id).hlc == entries[0].hlc > old_hlc
    assert changes.registers == {"action_plan"} and changes.ids == {plan_id}


def test_setting_a_field_to_its_own_value_logs_nothing(store):
    plan_id = add_plan(store)
    mark = last_seq(store)
    with UnitOfWork(store) as uow:
        uow.session.get(ActionPlan, plan_id).title = "KHM–THA MRS action plan 2025–2026"
        changes = uow.commit()
    assert new_entries(store, mark) == [] and not changes


def test_a_tombstone_is_logged_as_a_delete(store):
    plan_id = add_plan(store)
    mark = last_seq(store)
    with UnitOfWork(store) as uow:
        uow.session.get(ActionPlan, plan_id).deleted = True
        uow.commit()
    entries = new_entries(store, mark)
    assert [(e.op, e.fields, e.row_id) for e in entries] == [("delete", "deleted", plan_id)]
    with store.session() as session:
        assert session.get(ActionPlan, plan_id).deleted is True  # still there, as a tombstone


def test_each_record_of_a_flush_gets_its_own_entry(store):
    mark = last_seq(store)
    with UnitOfWork(store) as uow:
        plan = ActionPlan(owner_country="KHM", title="Plan", partner_countries="LAO")
        uow.session.add(plan)
        uow.session.flush()
        uow.session.add_all([ActionItem(plan_id=plan.id, description=f"Step {n}", status="not_started")
                             for n in range(3)])
        uow.commit()
    entries = new_entries(store, mark)
    assert [e.register for e in entries] == ["action_plan"] + ["action_item"] * 3
    assert len({e.row_id for e in entries}) == 4
    assert [e.hlc for e in entries] == sorted({e.hlc for e in entries})  # strictly increasing


def test_a_rolled_back_unit_of_work_leaves_no_entries(store):
    mark = last_seq(store)
    with UnitOfWork(store) as uow:
        uow.session.add(ActionPlan(owner_country="KHM", title="Never saved", partner_countries="THA"))
        uow.session.flush()  # the entry was written inside the transaction...
        assert len(list(uow.session.scalars(select(ChangeLog).where(ChangeLog.seq > mark)))) == 1
        # ...and leaving without commit() rolls it back with the row
    assert new_entries(store, mark) == []
    with store.session() as session:
        assert session.scalars(select(ActionPlan)).all() == []


def test_an_error_inside_a_unit_of_work_rolls_back_row_and_entry(store):
    mark = last_seq(store)
    with pytest.raises(ZeroDivisionError):
        with UnitOfWork(store) as uow:
            uow.session.add(ActionPlan(owner_country="KHM", title="Half done", partner_countries="THA"))
            uow.session.flush()
            1 / 0
    assert new_entries(store, mark) == []


def test_a_hard_delete_of_a_synced_record_is_refused(store):
    plan_id = add_plan(store)
    mark = last_seq(store)
    with UnitOfWork(store) as uow:
        uow.session.delete(uow.session.get(ActionPlan, plan_id))
        with pytest.raises(RuntimeError, match="never deleted"):
            uow.session.flush()
    assert new_entries(store, mark) == []
    with store.session() as session:
        assert session.get(ActionPlan, plan_id) is not None


def test_synced_records_need_a_node(bare_store):
    with UnitOfWork(bare_store) as uow:
        uow.session.add(Sector(code="mining", name="Mining"))
        with pytest.raises(RuntimeError, match="no node yet"):
            uow.session.flush()
    assert log(bare_store) == []


def test_a_service_logs_every_record_it_writes(store):
    mark = last_seq(store)
    changes = add_assessor(
        UnitOfWork(store),
        {"family_name": "Sok", "given_names": "Dara", "name_native": "សុខ ដារា", "sex": "male"},
        [{"sector": "Tourism", "occupation_code": "KH-HSK-2", "occupation_title": "Housekeeping",
          "aqrf_level": 2, "accreditation_no": "KH-ACC-0001", "accredited_on": "2024-03-01",
          "valid_until": "2027-02-28"}])
    entries = new_entries(store, mark)
    assert sorted(e.register for e in entries) == ["accreditation", "assessor", "occupation"]
    assert {e.op for e in entries} == {"insert"}
    assert {e.row_id for e in entries} == changes.ids
    with store.session() as session:
        for entry in entries:
            assert session.get(REGISTERS[entry.register], entry.row_id).hlc == entry.hlc


def test_the_clock_resumes_after_the_last_logged_stamp(store):
    from mrs_desktop.db.store import open_store

    add_plan(store)
    last = log(store)[-1].hlc
    path = store.path
    store.close()
    again = open_store(path)
    try:
        add_plan(again)
        assert log(again)[-1].hlc > last
    finally:
        again.close()


def test_a_commit_refused_by_a_foreign_key_leaves_nothing_for_the_next_session(store):
    """The failed COMMIT's open transaction must not leak to the next user of the connection."""
    import pytest
    from sqlalchemy import func, select
    from sqlalchemy.exc import IntegrityError

    from mrs_desktop.db.models import ChangeLog, Occupation

    with store.session() as session:
        logged = session.scalar(select(func.count()).select_from(ChangeLog))
    with pytest.raises(IntegrityError):
        with store.session() as session:
            session.add(Occupation(country="KHM", code="X", title="X", sector_id="no-such-sector"))
            session.commit()
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Occupation)) == 0
        assert session.scalar(select(func.count()).select_from(ChangeLog)) == logged


def test_foreign_keys_stay_deferred_after_a_read_in_the_same_unit_of_work(store):
    """A read before the first write must not end the transaction (and its deferral)."""
    from sqlalchemy import select

    from mrs_desktop.db.models import Occupation, Sector
    from mrs_desktop.db.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        uow.session.scalars(select(Sector)).all()  # a read first
        uow.session.add(Occupation(id="o-late-parent", country="KHM", code="LP", title="Late parent",
                                   sector_id="s-late"))
        uow.session.flush()  # the child reaches the database before its parent
        uow.session.add(Sector(id="s-late", code="late", name="Late"))
        uow.commit()
    with store.session() as session:
        assert session.get(Occupation, "o-late-parent").sector_id == "s-late"
