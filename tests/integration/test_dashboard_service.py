"""The dashboard's figures on a register whose answers were counted by hand, on fixed dates."""

from __future__ import annotations

import importlib.util
from datetime import date, timedelta
from pathlib import Path

import pytest

from mrs_desktop.services.action_plans import list_items
from mrs_desktop.services.catalogue import sector_id
from mrs_desktop.services.dashboard import Counted, dashboard
from mrs_desktop.services.search import AssessorQuery, count_assessors
from mrs_desktop.services.trainings_queries import list_trainings

ROOT = Path(__file__).resolve().parents[2]


def _records():
    spec = importlib.util.spec_from_file_location("dashboard_records", ROOT / "tests/fixtures/dashboard_records.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


records = _records()
TODAY, EXPECTED = records.TODAY, records.EXPECTED


@pytest.fixture
def filled(store):
    records.write_records(store)
    return store


def test_each_figure_is_what_was_counted_by_hand(filled):
    d = dashboard(filled, today=TODAY)
    assert d.country == "KHM" and d.year == 2026
    for name in ("expiring_soon", "expiring_later", "expired", "suspended"):
        assert getattr(d, name) == Counted(*EXPECTED[name]), name
    for name in ("items_overdue", "items_due_soon", "trainings_this_year", "participants_this_year"):
        assert getattr(d, name) == EXPECTED[name], name
    assert (d.assessors_own, d.assessors_partners) == EXPECTED["assessors"]


def test_assessors_per_sector_and_level_count_each_person_once_biggest_sector_first(filled):
    d = dashboard(filled, today=TODAY)
    assert [(s.sector, s.by_level) for s in d.sector_levels] == EXPECTED["sector_levels"]
    assert [s.sector_id for s in d.sector_levels] == [sector_id("tourism"), sector_id("construction"), None]
    assert [s.total for s in d.sector_levels] == [4, 1, 1]


def test_action_items_per_partner_country_and_status(filled):
    d = dashboard(filled, today=TODAY)
    assert [(p.country, p.by_status) for p in d.partner_items] == EXPECTED["partner_items"]
    assert [p.country_name for p in d.partner_items] == ["Cambodia", "Lao PDR", "Thailand", ""]
    # Statuses come in the order of the workflow, whatever order SQL returned them in.
    assert list(d.partner_items[2].by_status) == ["in_progress", "done", "blocked"]


def test_plans_per_partner_country_with_mean_progress(filled):
    d = dashboard(filled, today=TODAY)
    rows = {p.country: (p.country_name, p.plans, p.items, p.overdue) for p in d.partner_plans}
    # Cambodia is the node itself, and Viet Nam's only plan was removed.
    assert rows == {"LAO": ("Lao PDR", 1, 6, 1), "THA": ("Thailand", 2, 7, 1)}
    means = {p.country: p.mean_percent for p in d.partner_plans}
    assert means["LAO"] == pytest.approx((50 + 10 + 100 + 0 + 20) / 5)  # the cancelled item left out
    assert means["THA"] == pytest.approx((50 + 10 + 100 + 0 + 20 + 40) / 6)


def test_the_figures_count_what_the_registers_filters_list(filled):
    """A click on a figure opens the register filtered: it must list as many records."""
    d = dashboard(filled, today=TODAY)
    own = dict(include_partners=False)
    assert count_assessors(filled, AssessorQuery(expiring_within_days=30, **own), today=TODAY) == d.expiring_soon.assessors
    assert count_assessors(filled, AssessorQuery(expiring_within_days=90, **own), today=TODAY) == d.expiring_later.assessors
    assert count_assessors(filled, AssessorQuery(status="suspended", **own), today=TODAY) == d.suspended.assessors
    # KH-5 ended too but was renewed: neither the tile nor the register it opens counts it.
    assert count_assessors(filled, AssessorQuery(status="expired", **own), today=TODAY) == d.expired.assessors == 1
    tourism = d.sector_levels[0]
    assert count_assessors(filled, AssessorQuery(sector=tourism.sector_id, level=2, status="active", **own),
                           today=TODAY) == tourism.by_level[2]
    assert len(list_items(filled, overdue=True, today=TODAY)) == d.items_overdue
    assert len(list_items(filled, due_within_days=30, today=TODAY)) == d.items_due_soon
    blocked = list_items(filled, partner_country="THA", status="blocked", today=TODAY)
    assert len(blocked) == d.partner_items[2].by_status["blocked"]
    assert len(list_trainings(filled, year=TODAY.year)) == d.trainings_this_year


def test_eleven_days_on_the_first_accreditation_has_expired(filled):
    later = TODAY + timedelta(days=11)
    d = dashboard(filled, today=later)
    assert d.expired == Counted(2, 2)  # KH-4 and now KH-1
    assert d.expiring_soon == Counted(2, 2)  # KH-3 and KH-9, in 19 and 20 days
    assert d.sector_levels[0].by_level == {2: 3, 3: 1}  # Sok Dara still holds KH-10 at level 2


def test_trainings_are_counted_in_the_year_of_today(filled):
    d = dashboard(filled, today=date(2025, 12, 31))
    assert (d.trainings_this_year, d.participants_this_year) == (1, 1)
    assert dashboard(filled, today=date(2027, 1, 1)).trainings_this_year == 0


def test_before_the_node_exists_every_figure_is_zero(bare_store):
    d = dashboard(bare_store, today=TODAY)
    assert d.country is None
    assert d.expiring_soon == d.expired == d.suspended == Counted(0, 0)
    assert (d.assessors_own, d.assessors_partners, d.items_overdue) == (0, 0, 0)
    assert d.sector_levels == d.partner_items == d.partner_plans == []
