"""The dashboard: its figures are the service's, each one clicks through to the filtered register."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QImage

from mrs_desktop.db.models import Accreditation
from mrs_desktop.gui.context import AppContext
from mrs_desktop.gui.operations.assessors import set_accreditation_status
from mrs_desktop.gui.pages.dashboard import TILES, DashboardPage
from mrs_desktop.gui.widgets.charts import Bar, Hit, Series, StackedBarChart
from mrs_desktop.services.catalogue import sector_id
from mrs_desktop.services.dashboard import dashboard

ROOT = Path(__file__).resolve().parents[2]


def _records():
    spec = importlib.util.spec_from_file_location("dashboard_records", ROOT / "tests/fixtures/dashboard_records.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


records = _records()
TODAY = records.TODAY
TOURISM = sector_id("tourism")


@pytest.fixture(autouse=True)
def _settings_in_this_tests_home(_isolated_user_folders):
    """QSettings keeps the first folder it was given for the whole process: this test's own."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["XDG_CONFIG_HOME"])


def wait_for_figures(qtbot, page: DashboardPage) -> None:
    qtbot.waitUntil(lambda: page.figures is not None and not page.runner.busy)


@pytest.fixture
def page(qtbot, store):
    records.write_records(store)
    ctx = AppContext(store)
    shown = DashboardPage(ctx)
    shown.today = lambda: TODAY
    qtbot.addWidget(shown)
    shown.resize(1180, 700)
    shown.show()
    wait_for_figures(qtbot, shown)
    yield shown
    ctx.runner.wait()
    shown.runner.wait()


def navigation(qtbot, page: DashboardPage, click) -> tuple[str, dict]:
    with qtbot.waitSignal(page.ctx.navigate, timeout=2000) as blocker:
        click()
    return tuple(blocker.args)


def accreditation_id(store, number: str) -> str:
    with store.session() as session:
        return session.query(Accreditation).filter_by(accreditation_no=number).one().id


# Figures ---------------------------------------------------------------------------------------

def test_every_tile_shows_the_services_figure(page):
    d = dashboard(page.ctx.store, today=TODAY)
    shown = {key: page.tiles[key].value for key in TILES}
    assert shown == {
        "expiring_soon": d.expiring_soon.accreditations, "expiring_later": d.expiring_later.accreditations,
        "expired": d.expired.accreditations, "suspended": d.suspended.accreditations,
        "items_overdue": d.items_overdue, "items_due_soon": d.items_due_soon,
        "trainings": d.trainings_this_year, "assessors": d.assessors_own,
    }
    assert shown == {"expiring_soon": 2, "expiring_later": 4, "expired": 1, "suspended": 1, "items_overdue": 1,
                     "items_due_soon": 2, "trainings": 1, "assessors": 6}
    assert page.tiles["expiring_later"].value_label.text() == "4"
    assert page.tiles["expiring_later"].caption_label.text() == "Held by 3 assessors"
    assert page.tiles["trainings"].title() == "Trainings in 2026"
    assert page.tiles["trainings"].caption_label.text() == "Participants: 2"
    assert page.tiles["assessors"].caption_label.text() == "Partner countries: 1"


def test_figures_that_ask_for_action_are_marked_when_not_zero(page):
    assert page.tiles["expired"].property("attention") is True
    assert page.tiles["items_overdue"].property("attention") is True
    assert page.tiles["suspended"].property("attention") is False  # a decision already taken


def test_the_heading_names_the_node_and_the_registers_are_counted(page):
    assert page.heading.text() == "Ministry of Labour and Vocational Training"
    assert page.details.text() == "Cambodia · Focal point: Sok Dara · Figures for 2026-06-01"
    assert page.records.text().startswith("In this database: 7 assessors, 11 accreditations, 2 trainings, 3 participants")
    assert "assessors: 6 own, 1 from partner countries" in page.records.toolTip()


def test_the_charts_and_table_hold_the_services_rows(page):
    chart = page.sector_chart
    assert [(b.label, dict(b.values)) for b in chart.bars()] == [
        ("Tourism and hospitality", {2: 3, 3: 1}), ("Construction", {2: 1}), ("No sector recorded", {2: 1})]
    assert [b.clickable for b in chart.bars()] == [True, True, False]
    assert [(b.key, b.total) for b in page.items_chart.bars()] == [("KHM", 1), ("LAO", 2), ("THA", 3), (None, 1)]
    table = page.plans
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert rows == [["Lao PDR", "1", "6", "1", "36 %"], ["Thailand", "2", "7", "1", "37 %"]]


def test_an_empty_register_shows_zeros_and_says_so(qtbot, store):
    page = DashboardPage(AppContext(store))
    qtbot.addWidget(page)
    page.show()
    wait_for_figures(qtbot, page)
    assert {page.tiles[key].value for key in TILES} == {0}
    assert page.tiles["expired"].property("attention") is False
    assert page.sector_chart.bars() == [] and page.items_chart.bars() == []
    assert page.no_plans.isVisibleTo(page) and not page.plans.isVisibleTo(page)
    assert not page.sector_chart.grab().toImage().isNull()  # paints its "nothing yet" message


# Click-through ---------------------------------------------------------------------------------

@pytest.mark.parametrize("tile, target", [
    ("expiring_soon", ("assessors", {"expiring_within_days": 30, "country": "own"})),
    ("expiring_later", ("assessors", {"expiring_within_days": 90, "country": "own"})),
    ("expired", ("assessors", {"status": "expired", "country": "own"})),
    ("suspended", ("assessors", {"status": "suspended", "country": "own"})),
    ("items_overdue", ("action_plans", {"overdue": True})),
    ("items_due_soon", ("action_plans", {"due_within_days": 30})),
    ("trainings", ("trainings", {"year": 2026})),
    ("assessors", ("assessors", {"country": "own"})),
])
def test_a_click_on_a_tile_opens_its_register_filtered(qtbot, page, tile, target):
    widget = page.tiles[tile]
    assert navigation(qtbot, page, lambda: qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)) == target


def test_enter_on_a_focused_tile_opens_it_too(qtbot, page):
    tile = page.tiles["items_overdue"]
    tile.setFocus()
    assert navigation(qtbot, page, lambda: qtbot.keyClick(tile, Qt.Key.Key_Return)) == (
        "action_plans", {"overdue": True})


def test_a_click_on_a_level_opens_the_assessors_of_that_sector_and_level(qtbot, page):
    chart = page.sector_chart
    rect = chart.segment_rect(TOURISM, 3)
    assert chart.hit(rect.center()) == Hit(TOURISM, 3)
    target = navigation(qtbot, page, lambda: qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,
                                                              pos=rect.center().toPoint()))
    assert target == ("assessors", {"sector": TOURISM, "level": 3, "status": "active", "country": "own"})


def test_a_click_on_a_sectors_name_opens_all_its_levels(qtbot, page):
    chart = page.sector_chart
    segment = chart.segment_rect(TOURISM, 2)
    name = QPoint(10, int(segment.center().y()))
    target = navigation(qtbot, page, lambda: qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=name))
    assert target == ("assessors", {"sector": TOURISM, "status": "active", "country": "own"})


def test_accreditations_without_a_sector_cannot_be_clicked(page):
    chart = page.sector_chart
    assert chart.hit(chart.segment_rect(None, 2).center()) is None


def test_a_click_on_a_status_opens_that_countrys_items_with_that_status(qtbot, page):
    chart = page.items_chart
    rect = chart.segment_rect("THA", "blocked")
    target = navigation(qtbot, page, lambda: qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,
                                                              pos=rect.center().toPoint()))
    assert target == ("action_plans", {"partner_country": "THA", "status": "blocked"})


def test_a_click_on_a_partner_country_row_opens_its_plans(qtbot, page):
    table = page.plans
    cell = table.visualItemRect(table.item(1, 0)).center()
    target = navigation(qtbot, page, lambda: qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell))
    assert target == ("action_plans", {"partner_country": "THA"})


# Refresh ---------------------------------------------------------------------------------------

def test_an_edit_anywhere_recounts_the_figures(qtbot, page):
    store = page.ctx.store
    op = set_accreditation_status(accreditation_ids=[accreditation_id(store, "KH-1"), accreditation_id(store, "KH-2")],
                                  status="suspended", reason="Complaint under review")
    page.ctx.run_op(op)
    qtbot.waitUntil(lambda: page.tiles["suspended"].value == 3)
    assert page.tiles["expiring_soon"].value == 1  # a suspended accreditation no longer "expires"
    assert page.tiles["expiring_later"].value == 2
    assert page.sector_chart.bars()[0].values == {2: 3}  # Sok Dara still holds KH-10 at level 2


def test_a_hidden_dashboard_recounts_only_when_shown_again(qtbot, page):
    page.hide()
    op = set_accreditation_status(accreditation_ids=[accreditation_id(page.ctx.store, "KH-3")],
                                  status="revoked", reason="Left the profession")
    page.ctx.run_op(op)
    qtbot.waitUntil(lambda: not page.ctx.runner.busy)
    assert page.tiles["expiring_soon"].value == 2  # not counted while nobody looks
    page.show()
    qtbot.waitUntil(lambda: page.tiles["expiring_soon"].value == 1)


# The chart widget ------------------------------------------------------------------------------

SERIES = [Series(1, "Level 1", "#c6dbef"), Series(2, "Level 2", "#6baed6"), Series(3, "Level 3", "#2171b5")]
BARS = [Bar("a", "Agriculture", {1: 10, 2: 30}), Bar("b", "Logistics", {3: 20}), Bar("c", "Unknown", {2: 5}, clickable=False)]


@pytest.fixture
def chart(qtbot):
    widget = StackedBarChart(empty_text="Nothing yet")
    qtbot.addWidget(widget)
    widget.resize(500, 200)
    widget.set_data(SERIES, BARS)
    return widget


def test_segments_are_laid_out_in_order_and_in_proportion(chart):
    segments = chart.segments()
    assert [s.hit for s in segments] == [Hit("a", 1), Hit("a", 2), Hit("b", 3), Hit("c", 2)]
    a1, a2, b3, _c2 = (s.rect for s in segments)
    assert a1.right() == pytest.approx(a2.left())  # stacked
    assert a2.width() == pytest.approx(3 * a1.width())
    assert b3.width() == pytest.approx(2 * a1.width())
    assert b3.top() > a1.bottom()  # the next row


def test_hit_testing_maps_a_position_to_its_bar_and_segment(chart):
    for segment in chart.segments()[:3]:
        assert chart.hit(segment.rect.center()) == segment.hit
        assert chart.hit(segment.rect.topLeft() + QPointF(1, 1)) == segment.hit
    a2 = chart.segment_rect("a", 2)
    assert chart.hit(QPointF(2, a2.center().y())) == Hit("a")  # the bar's name
    assert chart.hit(QPointF(a2.right() + 10, a2.center().y())) == Hit("a")  # its total
    assert chart.hit(chart.segment_rect("c", 2).center()) is None  # not clickable
    assert chart.hit(QPointF(250, 2)) is None  # the legend
    assert chart.hit(QPointF(250, 199)) is None  # below the bars


def test_the_chart_paints_bars_and_an_empty_chart_paints_its_message(chart):
    image = chart.grab().toImage()
    centre = chart.segment_rect("b", 3).center().toPoint()
    colour = image.pixelColor(centre.x() - 20, centre.y())  # beside the number written on it
    assert colour.name() == "#2171b5"
    chart.set_data(SERIES, [])
    assert not chart.grab().toImage().isNull()
    assert chart.segments() == []


def test_arrows_choose_a_segment_and_enter_opens_it(qtbot, chart):
    chart.show()
    chart.setFocus()
    with qtbot.waitSignal(chart.segment_clicked) as blocker:
        qtbot.keyClick(chart, Qt.Key.Key_Right)
        qtbot.keyClick(chart, Qt.Key.Key_Right)
        qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert blocker.args == ["a", 2]


def test_a_tooltip_tells_the_numbers_of_a_segment(chart):
    assert chart.describe(Hit("a", 2)) == "Agriculture, Level 2: 30"
    assert chart.describe(Hit("a")) == "Agriculture: 40"


def test_a_long_legend_wraps_and_the_chart_grows(qtbot):
    widget = StackedBarChart()
    qtbot.addWidget(widget)
    widget.resize(300, 100)
    many = [Series(n, f"A rather long series name {n}", "#6baed6") for n in range(6)]
    widget.set_data(many, [Bar("x", "X", {0: 1})])
    narrow = widget.heightForWidth(300)
    assert narrow > widget.heightForWidth(2000)
    assert isinstance(widget.grab().toImage(), QImage)
