"""Template columns, header matching, the column-mapping guess and the empty templates."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from mrs_desktop.domain.errors import InputRejected, ValidationError
from mrs_desktop.paths import resource
from mrs_desktop.services.spreadsheets import (KINDS, guess_mapping, read_table, template_columns,
                                               write_template)
from mrs_desktop.services.spreadsheets.reader import Table
from mrs_desktop.services.spreadsheets.templates import locate_fields

ASSESSOR_TEMPLATE = ["assessor_ref", "family_name", "given_names", "name_native", "sex", "date_of_birth",
                     "email", "phone", "organisation", "country", "sector", "occupation_code",
                     "occupation_title", "aqrf_level", "accreditation_no", "accredited_on",
                     "valid_until", "status"]


def table(header, rows=()):
    return Table(list(header), [(n, list(r)) for n, r in enumerate(rows, 2)], "register.csv")


def test_the_assessor_template_is_the_issues():
    assert template_columns("assessors") == ASSESSOR_TEMPLATE


def test_unknown_kind():
    with pytest.raises(InputRejected, match="action-items"):
        template_columns("equivalences")


def test_header_matches_ignoring_case_and_spaces():
    header = [c.replace("_", " ").title() for c in ASSESSOR_TEMPLATE]
    header[1] = "  FAMILY-NAME "
    positions = locate_fields(table(header), "assessors")
    assert positions == {name: i for i, name in enumerate(ASSESSOR_TEMPLATE)}


def test_optional_columns_may_be_left_out():
    positions = locate_fields(table(["accreditation_no", "assessor_ref", "family_name", "aqrf_level",
                                     "accredited_on", "valid_until"]), "assessors")
    assert positions["assessor_ref"] == 1 and "email" not in positions


def test_wrong_header_names_missing_and_unknown_columns():
    header = [c for c in ASSESSOR_TEMPLATE if c not in ("family_name", "valid_until")] + ["Surname", "Notes"]
    with pytest.raises(ValidationError) as err:
        locate_fields(table(header), "assessors")
    message = str(err.value)
    assert "missing columns: family_name, valid_until" in message
    assert "unknown columns: Surname, Notes" in message
    assert {(e.field, e.row) for e in err.value.errors} == {
        ("family_name", 1), ("valid_until", 1), ("Surname", 1), ("Notes", 1)}


def test_a_column_twice_is_an_error():
    header = ASSESSOR_TEMPLATE + ["Email"]
    with pytest.raises(ValidationError, match="email: appears twice in the header"):
        locate_fields(table(header), "assessors")


def test_values_under_a_blank_header_cell_are_not_lost_silently():
    header = ASSESSOR_TEMPLATE + [""]
    with pytest.raises(ValidationError) as err:
        locate_fields(table(header, [[""] * 18 + ["stray"]]), "assessors")
    assert (err.value.errors[0].field, err.value.errors[0].row) == ("column S", 2)


def test_blank_header_columns_without_values_are_ignored():
    positions = locate_fields(table(ASSESSOR_TEMPLATE + [""], [[""] * 19]), "assessors")
    assert len(positions) == 18


def test_guess_mapping_recognises_other_names():
    header = ["No.", "Surname", "First name", "Gender", "DOB", "E-mail", "Level", "Accreditation number",
              "Date accredited", "Expiry date", "Remarks"]
    mapping = guess_mapping(header, "assessors")
    assert mapping == {"Surname": "family_name", "First name": "given_names", "Gender": "sex",
                       "DOB": "date_of_birth", "E-mail": "email", "Level": "aqrf_level",
                       "Accreditation number": "accreditation_no", "Date accredited": "accredited_on",
                       "Expiry date": "valid_until"}


def test_guess_mapping_prefers_the_exact_column():
    mapping = guess_mapping(["name", "family_name"], "assessors")
    assert mapping == {"family_name": "family_name"}


def test_a_mapping_decides_which_columns_are_read():
    header = ["Ref", "Surname", "Level", "Number", "From", "To", "Remarks"]
    mapping = {"Ref": "assessor_ref", "Surname": "family_name", "Level": "aqrf_level",
               "Number": "accreditation_no", "From": "accredited_on", "To": "valid_until"}
    positions = locate_fields(table(header), "assessors", mapping)
    assert positions == {"assessor_ref": 0, "family_name": 1, "aqrf_level": 2, "accreditation_no": 3,
                         "accredited_on": 4, "valid_until": 5}


def test_a_mapping_to_no_field_or_to_an_unknown_field():
    header = ["Ref", "Surname"]
    with pytest.raises(ValidationError) as err:
        locate_fields(table(header), "assessors", {"Ref": "assessor_ref", "Surname": "surname",
                                                   "Missing": "email"})
    fields = {e.field for e in err.value.errors}
    assert {"Surname", "Missing", "family_name", "aqrf_level"} <= fields


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_write_template_reads_back_as_its_header(tmp_path, kind, suffix):
    path = tmp_path / f"{kind}{suffix}"
    write_template(kind, path)
    assert read_table(path).header == template_columns(kind)
    if suffix == ".csv":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    else:
        assert openpyxl.load_workbook(path).active.title == kind


@pytest.mark.parametrize("kind", KINDS)
def test_shipped_templates_are_current(kind):
    with resource("templates", f"{kind}.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh)) == template_columns(kind)


def test_shipped_example_matches_the_template():
    table = read_table(resource("templates", "assessors-example.csv"))
    assert table.header == template_columns("assessors") and len(table.rows) >= 5
