"""Action plans, items and progress updates through the services (node: Cambodia, KHM)."""

from datetime import date

import pytest
from sqlalchemy import select

from mrs_desktop.db.models import ActionItem, ActionPlan, ChangeLog, ProgressUpdate
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import AlreadyExists, InputRejected, NotFound, ValidationError
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.services import action_plans as plans

TODAY = date(2024, 6, 1)
PLAN = {"title": "KHM–THA MRS plan for tourism", "partner_countries": ["THA"], "sector": "Tourism",
        "period_start": "2024-01-01", "period_end": "2025-12-31", "plan_ref": "P-1"}


def _uow(store):
    return UnitOfWork(store)


def _plan(store, values=PLAN, items=()):
    return plans.add_plan(_uow(store), values, items).primary


def _item(store, plan_id, **values):
    return plans.add_item(_uow(store), plan_id, {"description": "Compare standards", **values}).primary


def _row(store, model, row_id):
    with store.session() as s:
        return s.get(model, row_id)


def _log(store, row_id):
    with store.session() as s:
        return [(r.op, r.fields) for r in s.scalars(
            select(ChangeLog).where(ChangeLog.row_id == row_id).order_by(ChangeLog.seq))]


def _foreign_plan(store, owner="THA", partners="KHM,LAO"):
    """A plan received from another node, with one item."""
    with store.session() as s:
        plan = ActionPlan(id=uuid7(), origin=uuid7(), owner_country=owner, title=f"{owner} plan",
                          partner_countries=partners)
        s.add(plan)
        s.flush()
        item = ActionItem(id=uuid7(), origin=plan.origin, plan_id=plan.id, description="Joint audit",
                          status="not_started", percent=0)
        s.add(item)
        s.commit()
        return plan.id, item.id


def test_add_plan_with_items(store):
    changes = plans.add_plan(_uow(store), PLAN, [{"description": "Map occupations", "partner_country": "THA"},
                                                 {"description": "Pilot assessments", "item_ref": "2"}])
    assert changes.counts == {"action_plan": 1, "action_item": 2}
    plan = _row(store, ActionPlan, changes.primary)
    assert (plan.owner_country, plan.partner_countries, plan.period_end) == ("KHM", "THA", date(2025, 12, 31))
    [row] = plans.list_plans(store)
    assert (row.id, row.item_count, row.by_status, row.partner_countries, row.sector) == (
        plan.id, 2, {"not_started": 2}, ("THA",), "Tourism and hospitality")


def test_add_plan_errors_name_fields_and_write_nothing(store):
    with pytest.raises(ValidationError) as err:
        plans.add_plan(_uow(store), {**PLAN, "title": "", "period_end": "2023-01-01"},
                       [{"description": ""}, {"description": "x", "partner_country": "LAO"}])
    assert {e.field for e in err.value.errors} == {"plan_title", "period_end", "description",
                                                   "partner_country"}
    assert plans.list_plans(store) == []


def test_a_node_records_only_plans_its_country_is_party_to(store):
    with pytest.raises(InputRejected, match="Cambodia is not party"):
        _plan(store, {"title": "LAO–THA", "owner_country": "LAO", "partner_countries": "THA"})
    plan_id = _plan(store, {"title": "THA plan", "owner_country": "THA", "partner_countries": "KHM,MMR"})
    assert _row(store, ActionPlan, plan_id).partner_countries == "KHM,MMR"
    _plan(store)
    with pytest.raises(AlreadyExists, match="plan_ref"):
        _plan(store, {**PLAN, "title": "Another"})


def test_update_plan_keeps_owner_and_checks_partners(store):
    plan_id = _plan(store)
    _item(store, plan_id, partner_country="THA")
    changes = plans.update_plan(_uow(store), plan_id, {"title": "Renamed", "partner_countries": "THA,LAO"})
    assert changes.primary == plan_id
    plan = _row(store, ActionPlan, plan_id)
    assert (plan.title, plan.partner_countries, plan.plan_ref) == ("Renamed", "LAO,THA", "P-1")
    assert set(_log(store, plan_id)[-1][1].split(",")) == {"title", "partner_countries"}
    with pytest.raises(ValidationError) as err:
        plans.update_plan(_uow(store), plan_id, {"owner_country": "MMR"})
    assert [e.field for e in err.value.errors] == ["owner_country"]
    with pytest.raises(ValidationError, match="THA is the partner of items"):
        plans.update_plan(_uow(store), plan_id, {"partner_countries": "LAO"})


def test_a_partner_cannot_write_itself_out_of_a_plan(store):
    plan_id, _ = _foreign_plan(store)
    with pytest.raises(ValidationError, match="would leave KHM") as err:
        plans.update_plan(_uow(store), plan_id, {"partner_countries": "LAO"})
    assert [e.field for e in err.value.errors] == ["partner_countries"]
    plans.update_plan(_uow(store), plan_id, {"period_end": "2026-06-30"})
    assert _row(store, ActionPlan, plan_id).period_end == date(2026, 6, 30)


def test_partner_may_edit_a_shared_plans_items_but_not_remove_the_plan(store):
    plan_id, item_id = _foreign_plan(store)
    plans.update_item(_uow(store), item_id, {"status": "in_progress", "percent": 30})
    new_id = _item(store, plan_id, partner_country="LAO")
    plans.add_progress_update(_uow(store), item_id, {"on_date": "2024-05-01", "text": "Met"})
    assert {r.id for r in plans.list_items(store, plan_id=plan_id)} == {item_id, new_id}
    assert _row(store, ActionItem, item_id).origin != store.node.id  # still the owner's record
    with pytest.raises(InputRejected, match="only Thailand"):
        plans.remove_plan(_uow(store), plan_id)
    plans.remove_item(_uow(store), new_id)
    assert _row(store, ActionItem, new_id).deleted


def test_plans_of_other_countries_are_read_only(store):
    plan_id, item_id = _foreign_plan(store, owner="THA", partners="LAO")
    attempts = [lambda: plans.update_plan(_uow(store), plan_id, {"title": "x"}),
                lambda: plans.remove_plan(_uow(store), plan_id),
                lambda: plans.add_item(_uow(store), plan_id, {"description": "x"}),
                lambda: plans.update_item(_uow(store), item_id, {"percent": 50}),
                lambda: plans.remove_item(_uow(store), item_id),
                lambda: plans.add_progress_update(_uow(store), item_id, {"on_date": "2024-01-01",
                                                                         "text": "x"})]
    for attempt in attempts:
        with pytest.raises(InputRejected, match="Cambodia is not party"):
            attempt()
    item = _row(store, ActionItem, item_id)
    assert (item.percent, item.deleted) == (0, False)


def test_item_validation_and_duplicate_reference(store):
    plan_id = _plan(store)
    _item(store, plan_id, item_ref="1.1")
    with pytest.raises(AlreadyExists, match="item_ref"):
        _item(store, plan_id, item_ref="1.1")
    with pytest.raises(ValidationError) as err:
        _item(store, plan_id, percent=101, status="finished", partner_country="MMR",
              start_date="2024-05-01", due_date="2024-04-01")
    assert {e.field for e in err.value.errors} == {"percent", "status", "partner_country", "due_date"}
    assert len(plans.list_items(store, plan_id=plan_id)) == 1


def test_status_and_percent_are_set_by_hand_as_given(store):
    item_id = _item(store, _plan(store), percent=10)
    changes = plans.update_item(_uow(store), item_id, {"status": "done", "percent": 80})
    assert changes.primary == item_id and changes.registers == {"action_item"}
    item = _row(store, ActionItem, item_id)
    assert (item.status, item.percent, item.description) == ("done", 80, "Compare standards")
    assert set(_log(store, item_id)[-1][1].split(",")) == {"status", "percent"}


def test_progress_update_moves_the_item_in_the_same_transaction(store):
    item_id = _item(store, _plan(store))
    changes = plans.add_progress_update(_uow(store), item_id, {
        "on_date": "2024-05-01", "text": "Curricula compared", "author": "Sok Dara",
        "new_status": "in progress", "new_percent": "60"})
    assert changes.registers == {"progress_update", "action_item"}
    assert changes.counts == {"progress_update": 1, "action_item": 1}  # the item is written once
    update = _row(store, ProgressUpdate, changes.primary)
    assert (update.item_id, update.new_status, update.new_percent) == (item_id, "in_progress", 60)
    item = _row(store, ActionItem, item_id)
    assert (item.status, item.percent) == ("in_progress", 60)
    assert set(_log(store, item_id)[-1][1].split(",")) == {"status", "percent"}
    plans.add_progress_update(_uow(store), item_id, {"on_date": "2024-05-20", "text": "Blocked by budget",
                                                      "new_status": "blocked"})
    item = _row(store, ActionItem, item_id)
    assert (item.status, item.percent) == ("blocked", 60)


def test_progress_update_without_news_leaves_the_item_and_errors_name_fields(store):
    item_id = _item(store, _plan(store), status="in_progress", percent=20)
    changes = plans.add_progress_update(_uow(store), item_id, {"on_date": date(2024, 5, 1), "text": "Call"})
    assert changes.registers == {"progress_update"}
    with pytest.raises(ValidationError) as err:
        plans.add_progress_update(_uow(store), item_id, {"text": "", "new_percent": 120})
    assert {e.field for e in err.value.errors} == {"on_date", "text", "new_percent"}
    assert len(plans.item_timeline(store, item_id)) == 1
    assert not hasattr(plans, "update_progress_update")  # append-only: there is no way to edit one


def test_back_dated_update_does_not_undo_newer_news(store):
    item_id = _item(store, _plan(store))
    plans.add_progress_update(_uow(store), item_id, {"on_date": "2024-05-10", "text": "Done",
                                                      "new_status": "done", "new_percent": 100})
    plans.add_progress_update(_uow(store), item_id, {"on_date": "2024-04-01", "text": "Half way",
                                                      "new_status": "in_progress", "new_percent": 50})
    item = _row(store, ActionItem, item_id)
    assert (item.status, item.percent) == ("done", 100)
    timeline = plans.item_timeline(store, item_id)
    assert [u.text for u in timeline] == ["Done", "Half way"]  # newest first


def test_timeline_is_newest_first_with_same_day_entries_in_writing_order(store):
    item_id = _item(store, _plan(store))
    for text in ("first", "second"):
        plans.add_progress_update(_uow(store), item_id, {"on_date": "2024-05-01", "text": text})
    plans.add_progress_update(_uow(store), item_id, {"on_date": "2024-03-01", "text": "earlier"})
    assert [u.text for u in plans.item_timeline(store, item_id)] == ["second", "first", "earlier"]
    [row] = plans.list_items(store)
    assert row.last_update == date(2024, 5, 1)


def test_remove_plan_tombstones_plan_and_items(store):
    plan_id = _plan(store)
    item_ids = {_item(store, plan_id), _item(store, plan_id)}
    changes = plans.remove_plan(_uow(store), plan_id)
    assert changes.ids == {plan_id, *item_ids} and changes.primary == plan_id
    assert all(_row(store, ActionItem, i).deleted for i in item_ids)
    assert _log(store, plan_id)[-1] == ("delete", "deleted")
    assert plans.list_plans(store) == [] and plans.list_items(store) == []
    with pytest.raises(NotFound):
        plans.item_timeline(store, item_ids.pop())
    with pytest.raises(NotFound):
        plans.add_item(_uow(store), plan_id, {"description": "x"})


def _meeting_items(store):
    plan_id = _plan(store, {**PLAN, "partner_countries": "THA,LAO"})
    return plan_id, {
        "late": _item(store, plan_id, description="late", due_date="2024-05-31", partner_country="THA"),
        "late_done": _item(store, plan_id, description="late but done", due_date="2024-05-01",
                           status="done", percent=100),
        "late_cancelled": _item(store, plan_id, description="cancelled", due_date="2024-05-01",
                                status="cancelled", percent=10),
        "today": _item(store, plan_id, description="due today", due_date="2024-06-01",
                       partner_country="LAO", status="in_progress", percent=40),
        "soon": _item(store, plan_id, description="due in 30 days", due_date="2024-07-01",
                      status="blocked", percent=20),
        "later": _item(store, plan_id, description="later", due_date="2024-12-01", percent=60),
        "undated": _item(store, plan_id, description="no due date"),
    }


def test_list_items_overdue_and_due_soon(store):
    _plan_id, ids = _meeting_items(store)
    rows = plans.list_items(store, today=TODAY)
    assert [r.id for r in rows][-1] == ids["undated"]  # no due date sorts last
    assert [r.id for r in rows if r.overdue] == [ids["late"]]
    assert rows[0].plan_title == PLAN["title"]
    assert [r.id for r in plans.list_items(store, overdue=True, today=TODAY)] == [ids["late"]]
    assert [r.id for r in plans.list_items(store, due_within_days=30, today=TODAY)] == [ids["today"], ids["soon"]]
    assert [r.id for r in plans.list_items(store, overdue=True, due_within_days=0, today=TODAY)] == [
        ids["late"], ids["today"]]
    # Before its due date the same item is not overdue: `today` decides.
    assert plans.list_items(store, overdue=True, today=date(2024, 5, 1)) == []


def test_list_items_by_status_partner_and_plan(store):
    plan_id, ids = _meeting_items(store)
    other_plan = _plan(store, {**PLAN, "plan_ref": "P-2", "title": "Other"})
    other_item = _item(store, other_plan)
    assert [r.id for r in plans.list_items(store, status="blocked")] == [ids["soon"]]
    assert {r.id for r in plans.list_items(store, status=["done", "cancelled"])} == {
        ids["late_done"], ids["late_cancelled"]}
    assert [r.id for r in plans.list_items(store, partner_country="lao")] == [ids["today"]]
    assert [r.id for r in plans.list_items(store, plan_id=other_plan)] == [other_item]
    with pytest.raises(ValidationError) as err:
        plans.list_items(store, status="finished", partner_country="XYZ", due_within_days=-1)
    assert {e.field for e in err.value.errors} == {"status", "partner_country", "due_within_days"}


def test_list_plans_summarises_items(store):
    plan_id, ids = _meeting_items(store)
    plans.remove_item(_uow(store), ids["undated"])
    [row] = plans.list_plans(store, today=TODAY)
    assert row.item_count == 6
    assert row.by_status == {"not_started": 2, "done": 1, "cancelled": 1, "in_progress": 1, "blocked": 1}
    assert row.mean_percent == pytest.approx((0 + 100 + 40 + 20 + 60) / 5)  # cancelled not counted
    assert row.overdue_count == 1


def test_list_plans_by_partner_country(store):
    khm_tha = _plan(store)
    tha_lao, _ = _foreign_plan(store, owner="THA", partners="LAO")
    lao_khm, _ = _foreign_plan(store, owner="LAO", partners="KHM")
    ids = lambda country: {r.id for r in plans.list_plans(store, partner_country=country)}  # noqa: E731
    assert ids("THA") == {khm_tha, tha_lao}
    assert ids("LAO") == {tha_lao, lao_khm}
    assert ids("KHM") == {khm_tha, lao_khm}
    assert ids(None) == {khm_tha, tha_lao, lao_khm}
    [empty] = [r for r in plans.list_plans(store) if r.id == khm_tha]
    assert (empty.item_count, empty.mean_percent, empty.by_status) == (0, None, {})


def test_progress_update_text_keeps_its_line_breaks(store):
    from mrs_desktop.db.uow import UnitOfWork
    from mrs_desktop.services import action_plans

    plan = action_plans.add_plan(UnitOfWork(store), {
        "title": "KHM-THA construction MRS", "partner_countries": "THA"}).primary
    item = action_plans.add_item(UnitOfWork(store), plan, {"description": "Compare tiler units"}).primary
    action_plans.add_progress_update(UnitOfWork(store), item, {
        "on_date": "2026-11-20", "text": "Met DSD.\nAgreed 5 of 7 units."})
    assert action_plans.item_timeline(store, item)[0].text == "Met DSD.\nAgreed 5 of 7 units."
