"""Each dashboard figure opens a register page that lists as many records as the figure counts.

The figures and the pages' filters are written apart (services.dashboard counts in SQL, the
pages ask their own queries), so a click is followed to the page it lands on, on the register
of tests/fixtures/dashboard_records.py whose answers were counted by hand.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from mrs_desktop.gui.context import AppContext
from mrs_desktop.gui.pages.action_plans import ActionPlansPage
from mrs_desktop.gui.pages.assessors_filters import AssessorFilters
from mrs_desktop.gui.pages.dashboard import tile_target
from mrs_desktop.gui.pages.trainings import TrainingsPage
from mrs_desktop.services.dashboard import dashboard
from mrs_desktop.services.search import count_assessors

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("dashboard_records", ROOT / "tests/fixtures/dashboard_records.py")
records = importlib.util.module_from_spec(spec)
spec.loader.exec_module(records)
TODAY = records.TODAY


@pytest.fixture
def ctx(store):
    records.write_records(store)
    context = AppContext(store)
    yield context
    context.runner.wait()


def listed_assessors(qtbot, ctx, filters: dict) -> int:
    """How many assessors the register page lists for these filters, on the fixture's day."""
    controls = AssessorFilters(ctx.store)
    qtbot.addWidget(controls)
    controls.set_filters(filters)
    query, partners_only = controls.query()
    assert not partners_only
    return count_assessors(ctx.store, query, today=TODAY)


@pytest.mark.parametrize("tile, figure", [
    ("expiring_soon", lambda d: d.expiring_soon.assessors),
    ("expiring_later", lambda d: d.expiring_later.assessors),
    ("expired", lambda d: d.expired.assessors),  # KH-5 ended too, but was renewed
    ("suspended", lambda d: d.suspended.assessors),
    ("assessors", lambda d: d.assessors_own),
])
def test_assessor_figures_open_as_many_assessors(qtbot, ctx, tile, figure):
    page, filters = tile_target(tile, TODAY)
    assert page == "assessors"
    assert listed_assessors(qtbot, ctx, filters) == figure(dashboard(ctx.store, today=TODAY)) > 0


@pytest.mark.parametrize("tile, figure", [
    ("items_overdue", lambda d: d.items_overdue),
    ("items_due_soon", lambda d: d.items_due_soon),
])
def test_action_item_figures_open_as_many_items(qtbot, ctx, tile, figure):
    name, filters = tile_target(tile, TODAY)
    page = ActionPlansPage(ctx, today=TODAY)
    qtbot.addWidget(page)
    assert page.name == name
    page.apply_filter(filters)
    assert page.items_model.rowCount() == figure(dashboard(ctx.store, today=TODAY)) > 0


def test_trainings_this_year_opens_as_many_trainings(qtbot, ctx):
    name, filters = tile_target("trainings", TODAY)
    page = TrainingsPage(ctx)
    qtbot.addWidget(page)
    assert page.name == name
    everything = page.model.rowCount()
    page.apply_filter(filters)
    assert page.model.rowCount() == dashboard(ctx.store, today=TODAY).trainings_this_year > 0
    assert page.model.rowCount() < everything
