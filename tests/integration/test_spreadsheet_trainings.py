"""Importing trainings with participants, and action plans with items, from spreadsheets."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import ValidationError
from mrs_desktop.services.spreadsheets import (import_action_items, import_assessors,
                                               import_trainings, template_columns)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "spreadsheets"


def rows_of(kind: str) -> list[dict[str, str]]:
    with (FIXTURES / f"{kind}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write(path: Path, kind: str, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.DictWriter(fh, template_columns(kind))
        out.writeheader()
        out.writerows(rows)
    return path


def sql(store, query: str, *params) -> list[tuple]:
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def snapshot(store) -> list:
    return [sql(store, f"SELECT * FROM {t} ORDER BY rowid") for t in
            ("training", "participant", "action_plan", "action_item", "sector", "occupation", "change_log")]


@pytest.fixture
def with_assessors(store):
    import_assessors(UnitOfWork(store), FIXTURES / "assessors.csv")
    return store


# --- trainings ---------------------------------------------------------------------------------

def test_trainings_group_rows_and_link_assessors(with_assessors):
    result = import_trainings(UnitOfWork(with_assessors), FIXTURES / "trainings.csv")
    assert result.created == {"training": 3, "participant": 4}
    assert result.summary() == "5 rows: 3 trainings added; 4 participants added"
    people = sql(with_assessors, "SELECT p.full_name, p.country, p.attendance, p.outcome, a.assessor_ref "
                                 "FROM participant p LEFT JOIN assessor a ON a.id = p.assessor_id "
                                 "ORDER BY p.full_name")
    assert people == [("Bounmy Phommachanh", "LAO", 100, "competent", None),
                      ("Chan Sophea", "KHM", 90, "not_yet_competent", None),
                      ("Kyaw Aung", "MMR", 80, "completed", None),
                      ("Sok Dara", "KHM", 100, "competent", "KHM-A-0001")]
    training = sql(with_assessors, "SELECT t.kind, t.host_country, t.country, o.code FROM training t "
                                   "LEFT JOIN occupation o ON o.id = t.occupation_id "
                                   "WHERE training_ref = 'KHM-T-2024-02'")
    assert training == [("tot", "KHM", "KHM", "TOU-FBS-2")]


def test_trainings_reimport_changes_nothing_and_updates_a_participant(with_assessors, tmp_path):
    import_trainings(UnitOfWork(with_assessors), FIXTURES / "trainings.csv")
    before = snapshot(with_assessors)
    assert not import_trainings(UnitOfWork(with_assessors), FIXTURES / "trainings.csv").changes
    assert snapshot(with_assessors) == before
    rows = rows_of("trainings")
    rows[1].update(participant_name="CHAN SOPHEA", outcome="competent")  # same person, new outcome
    result = import_trainings(UnitOfWork(with_assessors), write(tmp_path / "t.csv", "trainings", rows))
    assert result.updated == {"participant": 1} and result.unchanged == 4
    assert sql(with_assessors, "SELECT full_name, outcome FROM participant WHERE country = 'KHM' "
                               "AND full_name LIKE 'chan%'") == [("CHAN SOPHEA", "competent")]


TRAINING_ERRORS = {
    "unknown assessor": (lambda r: r[1].update(participant_assessor_ref="KHM-A-9999"),
                         (3, "participant_assessor_ref", "no assessor 'KHM-A-9999' in Cambodia's register")),
    "training fields disagree": (lambda r: r[2].update(end_date="2024-03-09"),
                                 (4, "end_date", "'2024-03-09' differs from row 2 ('2024-03-08')")),
    "participant twice": (lambda r: r[2].update(participant_name="sok dara", participant_country="KHM"),
                          (4, "participant_name", "participant 'sok dara' (KHM) is also on row 2")),
    "bad kind": (lambda r: r[4].update(kind="seminar"), (6, "kind", "'seminar' is not one of")),
    "end before start": (lambda r: r[3].update(end_date="2024-06-01"),
                         (5, "end_date", "is before start_date 2024-06-10")),
    "attendance over 100": (lambda r: r[0].update(attendance_percent="120"),
                            (2, "attendance_percent", "120 is outside 0–100")),
    "another country's training": (lambda r: r[4].update(country="THA"),
                                   (6, "country", "belongs to Thailand")),
    "missing training_ref": (lambda r: r[4].update(training_ref=""), (6, "training_ref", "is required")),
}


@pytest.mark.parametrize("case", TRAINING_ERRORS, ids=list(TRAINING_ERRORS))
def test_bad_training_rows(with_assessors, tmp_path, case):
    change, (row, field, message) = TRAINING_ERRORS[case]
    rows = rows_of("trainings")
    change(rows)
    before = snapshot(with_assessors)
    with pytest.raises(ValidationError) as err:
        import_trainings(UnitOfWork(with_assessors), write(tmp_path / "t.csv", "trainings", rows))
    assert [(e.row, e.field) for e in err.value.errors] == [(row, field)]
    assert message in err.value.errors[0].message
    assert snapshot(with_assessors) == before


# --- action items ------------------------------------------------------------------------------

def test_action_items_for_own_and_partner_plans(store):
    result = import_action_items(UnitOfWork(store), FIXTURES / "action-items.csv")
    assert result.created == {"action_plan": 2, "action_item": 5}
    plans = sql(store, "SELECT owner_country, plan_ref, partner_countries FROM action_plan ORDER BY plan_ref")
    assert plans == [("KHM", "KHM-THA-2024", "THA"), ("THA", "THA-CLM-2025", "KHM,LAO,MMR")]
    item = sql(store, "SELECT description, status, percent FROM action_item WHERE item_ref = '2'")
    assert item == [("Train 20 assessors in masonry\n(two cohorts)", "in_progress", 60)]


def test_action_items_update_status_and_percent(store, tmp_path):
    import_action_items(UnitOfWork(store), FIXTURES / "action-items.csv")
    rows = rows_of("action-items")
    rows[4].update(status="in_progress", percent="35")
    log = len(sql(store, "SELECT seq FROM change_log"))
    result = import_action_items(UnitOfWork(store), write(tmp_path / "a.csv", "action-items", rows))
    assert result.updated == {"action_item": 1}
    assert sql(store, "SELECT register, op, fields FROM change_log WHERE seq > ?", log) == [
        ("action_item", "update", "percent,status")]


ITEM_ERRORS = {
    "plan of other countries": (lambda r: [x.update(partner_countries="LAO,MMR") for x in r[3:]],
                                (5, "owner_country", "Cambodia is not one of them")),
    "plan fields disagree": (lambda r: r[2].update(plan_title="Another title"),
                             (4, "plan_title", "differs from row 2")),
    "item twice": (lambda r: r[2].update(item_ref="1"), (4, "item_ref", "action item '1' is also on row 2")),
    "missing item_ref": (lambda r: r[0].update(item_ref=""), (2, "item_ref", "is required")),
    "bad status": (lambda r: r[1].update(status="late"), (3, "status", "'late' is not one of")),
    "percent 101": (lambda r: r[1].update(percent="101"), (3, "percent", "101 is outside 0–100")),
    "owner among partners": (lambda r: [x.update(partner_countries="THA,KHM") for x in r[:3]],
                             (2, "partner_countries", "cannot also be its own partner")),
}


@pytest.mark.parametrize("case", ITEM_ERRORS, ids=list(ITEM_ERRORS))
def test_bad_action_item_rows(store, tmp_path, case):
    change, (row, field, message) = ITEM_ERRORS[case]
    rows = rows_of("action-items")
    change(rows)
    before = snapshot(store)
    with pytest.raises(ValidationError) as err:
        import_action_items(UnitOfWork(store), write(tmp_path / "a.csv", "action-items", rows))
    assert (err.value.errors[0].row, err.value.errors[0].field) == (row, field)
    assert message in err.value.errors[0].message
    assert snapshot(store) == before


def test_empty_cells_in_later_rows_mean_as_above(with_assessors, tmp_path):
    rows = rows_of("trainings")
    rows[1].update(host_country="", venue="", funder="")  # host_country would default to KHM
    result = import_trainings(UnitOfWork(with_assessors), write(tmp_path / "t.csv", "trainings", rows))
    assert result.created["training"] == 3
    assert sql(with_assessors, "SELECT host_country, venue FROM training WHERE training_ref = 'KHM-T-2024-01'") == [
        ("THA", "Bangkok")]


def test_trainings_without_participant_columns(store, tmp_path):
    columns = ["training_ref", "title", "kind", "start_date", "end_date"]
    with (tmp_path / "t.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([columns, ["T-1", "Workshop", "other", "2024-01-01", "2024-01-02"],
                                  ["T-2", "ToT", "Training of trainers", "2024-02-01", "2024-02-03"]])
    result = import_trainings(UnitOfWork(store), tmp_path / "t.csv")
    assert result.created == {"training": 2}
    assert sql(store, "SELECT training_ref, kind, host_country FROM training ORDER BY training_ref") == [
        ("T-1", "other", "KHM"), ("T-2", "tot", "KHM")]
