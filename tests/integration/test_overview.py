"""The overview the main window shows: live records per register, the node's own and partners'."""

from __future__ import annotations

from datetime import date

from mrs_desktop.db.models import (
    ActionItem, ActionPlan, Assessor, Equivalence, Occupation, Participant, Training,
)
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.services.overview import NodeSummary, node_summary, register_counts

THAI_NODE = "0190c1a2-0000-7000-8000-00000000a001"


def counts(store) -> dict[str, tuple[int, int]]:
    return {c.register: (c.own, c.partners) for c in register_counts(store)}


def test_an_empty_database_has_every_register_at_zero(bare_store):
    found = register_counts(bare_store)
    assert [c.register for c in found] == ["assessor", "accreditation", "training", "participant",
                                           "action_plan", "action_item", "equivalence"]
    assert {(c.own, c.partners, c.total) for c in found} == {(0, 0, 0)}
    assert node_summary(bare_store) is None


def test_the_node_summary_names_the_country(store):
    assert node_summary(store) == NodeSummary("KHM", "Cambodia", "Ministry of Labour and Vocational Training",
                                              "Sok Dara")


def test_records_count_for_the_country_that_issued_them(store):
    with UnitOfWork(store) as uow:
        s = uow.session
        s.add_all([Assessor(country="KHM", family_name="Sok", search_text="sok"),
                   Assessor(country="THA", family_name="Jaidee", search_text="jaidee", origin=THAI_NODE),
                   Assessor(country="KHM", family_name="Gone", search_text="gone", deleted=True)])
        ours = Training(country="KHM", title="ToA", kind="toa", host_country="THA",
                        start_date=date(2024, 3, 18), end_date=date(2024, 3, 22))
        theirs = Training(country="THA", title="ToT", kind="tot", host_country="THA", origin=THAI_NODE,
                          start_date=date(2024, 5, 6), end_date=date(2024, 5, 10))
        s.add_all([ours, theirs])
        s.flush()
        # A Lao participant of Cambodia's training is Cambodia's record; a Khmer one of Thailand's is not.
        s.add_all([Participant(training_id=ours.id, full_name="Phonsavanh", country="LAO"),
                   Participant(training_id=theirs.id, full_name="Dara", country="KHM", origin=THAI_NODE)])
        plan = ActionPlan(owner_country="KHM", title="KHM–THA", partner_countries="THA")
        dropped = ActionPlan(owner_country="KHM", title="Dropped", partner_countries="LAO", deleted=True)
        s.add_all([plan, dropped])
        s.flush()
        s.add_all([ActionItem(plan_id=plan.id, description="Compare standards", status="done"),
                   ActionItem(plan_id=dropped.id, description="Left with its plan", status="cancelled")])
        occ = {c: Occupation(country=c, code=f"{c}-1", title="Cook") for c in ("KHM", "THA", "VNM")}
        s.add_all(occ.values())
        s.flush()
        s.add_all([Equivalence(country_a="THA", occupation_a_id=occ["THA"].id, country_b="KHM",
                               occupation_b_id=occ["KHM"].id, aqrf_level=2, status="agreed"),
                   Equivalence(country_a="THA", occupation_a_id=occ["THA"].id, country_b="VNM",
                               occupation_b_id=occ["VNM"].id, aqrf_level=2, status="proposed",
                               origin=THAI_NODE)])
        uow.commit()

    assert counts(store) == {
        "assessor": (1, 1), "accreditation": (0, 0), "training": (1, 1), "participant": (1, 1),
        "action_plan": (1, 0), "action_item": (1, 0), "equivalence": (1, 1),
    }
