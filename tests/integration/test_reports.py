"""The meeting brief from a real database: what it gathers, and `mrs report action-plan`.

The node's clock is set back so the plans look recorded months ago and changed three weeks ago;
the brief is asked for changes since a month ago.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime, timedelta, timezone

import pytest

from mrs_desktop.cli.main import main
from mrs_desktop.db.store import Writer
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.clock import HybridClock
from mrs_desktop.domain.errors import InputRejected
from mrs_desktop.services import action_plans as plans
from mrs_desktop.services import reports

TODAY = date.today()
SINCE = TODAY - timedelta(days=30)
RECORDED, CHANGED = TODAY - timedelta(days=200), TODAY - timedelta(days=20)


def at_noon(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc).timestamp() * 1000)


@pytest.fixture
def recorded(store):
    """A plan with Thailand and Lao PDR: items, one changed and one added since SINCE."""
    wall = [at_noon(RECORDED)]
    store.writer = Writer(store.node.id, HybridClock(store.node.id, wall_ms=lambda: wall[0]))
    items = [("1", "Compare the construction standards", "THA", TODAY - timedelta(days=60), "in_progress", 50),
             ("2", "Pilot assessment of returning workers", "THA", TODAY + timedelta(days=90), "not_started", 0),
             ("3", "Joint labour market survey", "THA", TODAY - timedelta(days=100), "done", 100),
             ("4", "Train assessors for masons", "LAO", TODAY + timedelta(days=30), "not_started", 0),
             ("5", "Agree the reporting calendar", None, TODAY + timedelta(days=10), "in_progress", 20)]
    plan = plans.add_plan(UnitOfWork(store), {
        "title": "Construction skills", "plan_ref": "KHM-AP-01", "partner_countries": ["THA", "LAO"]},
        [{"item_ref": r, "description": d, "partner_country": p, "due_date": due, "status": s,
          "percent": pc, "responsible_agency": "MoLVT"} for r, d, p, due, s, pc in items]).primary
    ids = {i.item_ref: i.id for i in plans.list_items(store, plan_id=plan)}
    plans.add_progress_update(UnitOfWork(store), ids["1"], {
        "on_date": RECORDED, "text": "Kick-off meeting held in Phnom Penh", "author": "Sok Dara"})
    wall[0] = at_noon(CHANGED)
    plans.add_progress_update(UnitOfWork(store), ids["2"], {
        "on_date": CHANGED, "text": "Pilot started with 12 tilers", "author": "Somchai Jaidee",
        "new_status": "in_progress", "new_percent": 30})
    plans.add_item(UnitOfWork(store), plan, {"item_ref": "6", "description": "Share the register",
                                             "partner_country": "LAO", "due_date": TODAY + timedelta(days=60)})
    return ids


def test_items_are_grouped_per_partner_country_with_their_counts(store, recorded):
    brief = reports.gather_meeting_brief(store, since=SINCE, today=TODAY)
    assert (brief.country, brief.organisation) == ("Cambodia", "Ministry of Labour and Vocational Training")
    assert (brief.since, brief.until) == (SINCE, TODAY)
    assert [s.name for s in brief.sections] == ["Lao PDR (LAO)", "Thailand (THA)", reports.NO_PARTNER]
    lao, tha, none = brief.sections
    assert tha.by_status() == {"in_progress": 2, "done": 1} and tha.overdue == 1
    assert [i.ref for i in tha.items if i.overdue] == ["KHM-AP-01 / 1"]  # the done one is not overdue
    assert lao.by_status() == {"not_started": 2} and [i.ref for i in none.items] == ["KHM-AP-01 / 5"]


def test_changes_since_the_date_are_the_fields_set_and_updates_recorded_since(store, recorded):
    lao, tha, none = reports.gather_meeting_brief(store, since=SINCE, today=TODAY).sections
    assert [(c.ref, c.what) for c in tha.changes] == [
        ("KHM-AP-01 / 2", "percent, status changed; 1 progress update")]
    assert [(c.ref, c.what) for c in lao.changes] == [("KHM-AP-01 / 6", "added")]
    assert none.changes == []
    everything = reports.gather_meeting_brief(store, since=RECORDED, today=TODAY)
    assert all(c.what.startswith("added") for s in everything.sections for c in s.changes)


def test_latest_updates_newest_first(store, recorded):
    tha = reports.gather_meeting_brief(store, since=SINCE, today=TODAY).sections[1]
    assert [(u.on_date, u.ref, u.text, u.author) for u in tha.updates] == [
        (CHANGED, "KHM-AP-01 / 2", "Pilot started with 12 tilers", "Somchai Jaidee"),
        (RECORDED, "KHM-AP-01 / 1", "Kick-off meeting held in Phnom Penh", "Sok Dara")]


def test_removed_items_and_plans_are_left_out(store, recorded):
    plans.remove_item(UnitOfWork(store), recorded["4"])
    lao = reports.gather_meeting_brief(store, since=SINCE, today=TODAY).sections[0]
    assert [i.ref for i in lao.items] == ["KHM-AP-01 / 6"]


@pytest.mark.parametrize("text, message", [
    ("2026-13-01", "--since: '2026-13-01' is not a real date"),
    ("last week", "--since: 'last week' is not a date as YYYY-MM-DD"),
])
def test_a_bad_since_date_is_refused(text, message):
    with pytest.raises(InputRejected, match=message):
        reports.parse_since(text)


def test_since_defaults_to_a_month_and_may_not_be_in_the_future():
    assert reports.parse_since(None, today=TODAY) == TODAY - timedelta(days=30)
    with pytest.raises(InputRejected, match="is after today"):
        reports.parse_since((TODAY + timedelta(days=1)).isoformat(), today=TODAY)


# The command -------------------------------------------------------------------------------------

def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_report_writes_the_brief(capsys, store, recorded, tmp_path):
    target = tmp_path / "brief.pdf"
    code, out, err = run(capsys, "--db", str(store.path), "report", "action-plan", str(target),
                         "--since", SINCE.isoformat())
    assert code == 0, err
    assert re.match(rf"Meeting brief written to {re.escape(str(target))}: \d page\(s\), 6 items in 3 "
                    rf"sections, changes since {SINCE}", out)
    assert not list(tmp_path.glob("*.part"))
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Thailand (THA)" in text and "3 items: 2 in progress, 1 done; 1 overdue" in text
    assert "Lao PDR (LAO)" in text and "2 items: 2 not started" in text
    assert "overdue" in text.split("Compare the construction standards")[1].split("\n")[1]
    assert f"Changed since {SINCE.isoformat()}" in text
    assert "percent, status changed; 1 progress update" in text
    assert "Pilot started with 12 tilers" in text and "Somchai Jaidee" in text


def test_report_with_a_bad_date_exits_3_and_writes_nothing(capsys, store, tmp_path):
    target = tmp_path / "brief.pdf"
    code, out, err = run(capsys, "--db", str(store.path), "report", "action-plan", str(target),
                         "--since", "2026-02-30")
    assert code == 3 and out == ""
    assert err.strip() == "mrs: --since: '2026-02-30' is not a real date"
    assert not target.exists()


def test_report_into_a_missing_folder_says_so(capsys, store, tmp_path):
    target = tmp_path / "nowhere" / "brief.pdf"
    code, _, err = run(capsys, "--db", str(store.path), "report", "action-plan", str(target))
    assert code == 3 and "the folder" in err and "does not exist" in err


def test_report_without_a_node_is_refused(capsys, bare_store, tmp_path):
    code, _, err = run(capsys, "--db", str(bare_store.path), "report", "action-plan",
                       str(tmp_path / "brief.pdf"))
    assert code == 3 and "no node" in err
