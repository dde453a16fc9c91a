"""The import summary a user reads after (or before, in a preview) an import."""

from mrs_desktop.domain.changes import Changes
from mrs_desktop.services.spreadsheets import ImportResult


def result(**kw) -> ImportResult:
    values = dict(changes=Changes(), rows=120, created={}, updated={}, unchanged=0, new_catalogue=[])
    values.update(kw)
    return ImportResult(**values)


def test_summary_names_what_was_added_updated_and_unchanged():
    text = result(created={"sector": 1, "assessor": 40, "accreditation": 42}, updated={"assessor": 2},
                  unchanged=78, new_catalogue=["sector 'Fisheries'", "occupation KHM CON-TIL-2 'Tiler'"]).summary()
    assert text == ("120 rows: 40 assessors added, 2 updated; 42 accreditations added; 78 unchanged; "
                    "new in the catalogue: sector 'Fisheries', occupation KHM CON-TIL-2 'Tiler'")


def test_summary_of_updates_only():
    assert result(rows=1, updated={"action_item": 1}).summary() == "1 row: 1 action item updated"


def test_summary_when_nothing_changes():
    assert result(unchanged=120).summary() == "120 rows: nothing to change (all 120 are already in the register)"


def test_summary_of_an_empty_file():
    assert result(rows=0).summary() == "0 rows: nothing to import"


def test_long_catalogue_lists_are_cut():
    names = [f"occupation KHM C-{i} 'T{i}'" for i in range(14)]
    text = result(created={"occupation": 14, "assessor": 1}, new_catalogue=names).summary()
    assert "C-9 'T9' and 4 more" in text and "C-10" not in text


def test_one_of_each():
    text = result(rows=1, created={"training": 1, "participant": 1}).summary()
    assert text == "1 row: 1 training added; 1 participant added"
