"""The spreadsheet templates (format 1, docs/spreadsheet-templates.md): columns, header matching.

A file's header is matched to a template case- and space-insensitively ("Family name" is
family_name); the GUI's column-mapping step passes an explicit mapping instead, starting from
`guess_mapping`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...domain.errors import FieldError, InputRejected, ValidationError
from .reader import Table

TEMPLATE_FORMAT = 1
KINDS = ("assessors", "trainings", "action-items")


@dataclass(frozen=True, slots=True)
class Column:
    """One template column: its name, whether the header must have it, other names people use."""

    name: str
    required: bool = False
    aliases: tuple[str, ...] = ()


_C = Column
TEMPLATES: dict[str, tuple[Column, ...]] = {
    "assessors": (
        _C("assessor_ref", True, ("ref", "reference", "assessor_id", "assessor_no", "assessor_number",
                                  "id")),
        _C("family_name", True, ("surname", "last_name", "family", "name")),
        _C("given_names", False, ("given_name", "first_name", "first_names", "forename")),
        _C("name_native", False, ("native_name", "name_in_national_script", "local_name")),
        _C("sex", False, ("gender",)),
        _C("date_of_birth", False, ("dob", "birth_date", "birthdate", "born")),
        _C("email", False, ("e_mail", "email_address", "mail")),
        _C("phone", False, ("telephone", "phone_number", "mobile", "tel")),
        _C("organisation", False, ("organization", "employer", "institution", "agency")),
        _C("country", False, ("country_code", "nationality")),
        _C("sector", False, ("industry", "sector_name")),
        _C("occupation_code", False, ("occupation", "qualification_code", "occupation_no")),
        _C("occupation_title", False, ("occupation_name", "qualification", "qualification_title")),
        _C("aqrf_level", True, ("level", "aqrf", "qualification_level")),
        _C("accreditation_no", True, ("accreditation_number", "accreditation", "certificate_no",
                                       "licence_no", "license_no")),
        _C("accredited_on", True, ("accreditation_date", "date_accredited", "issued_on", "issue_date",
                                    "valid_from")),
        _C("valid_until", True, ("expiry_date", "expires", "expiry", "valid_to", "expiration_date")),
        _C("status", False, ("accreditation_status",)),
    ),
    "trainings": (
        _C("training_ref", True, ("ref", "reference", "training_id", "training_no", "code")),
        _C("title", True, ("training_title", "training", "name", "course")),
        _C("kind", True, ("type", "training_type")),
        _C("sector", False, ("industry",)),
        _C("occupation_code", False, ("occupation",)),
        _C("occupation_title", False, ("occupation_name",)),
        _C("host_institution", False, ("host", "institution", "organiser", "organizer")),
        _C("host_country", False, ("host_country_code",)),
        _C("venue", False, ("place", "location")),
        _C("start_date", True, ("start", "from", "date_from")),
        _C("end_date", True, ("end", "to", "date_to")),
        _C("funder", False, ("funded_by", "donor", "sponsor")),
        _C("facilitators", False, ("trainers", "facilitator", "resource_persons")),
        _C("country", False, ("recorded_by", "country_code")),
        _C("participant_name", False, ("participant", "full_name", "trainee", "trainee_name")),
        _C("participant_name_native", False, ("participant_native_name", "native_name")),
        _C("participant_country", False, ("nationality",)),
        _C("participant_assessor_ref", False, ("assessor_ref",)),
        _C("attendance_percent", False, ("attendance", "attendance_%")),
        _C("outcome", False, ("result",)),
    ),
    "action-items": (
        _C("plan_ref", True, ("plan", "plan_code", "plan_id")),
        _C("plan_title", True, ("plan_name",)),
        _C("owner_country", False, ("owner", "lead_country")),
        _C("partner_countries", True, ("partners", "partner_ams")),
        _C("sector", False, ("plan_sector", "priority_sector")),
        _C("period_start", False, ("plan_start",)),
        _C("period_end", False, ("plan_end",)),
        _C("item_ref", True, ("item", "item_no", "item_number", "no")),
        _C("description", True, ("action", "activity", "action_item", "item_description")),
        _C("category", False, ("type", "area")),
        _C("responsible_agency", False, ("responsible", "agency", "lead_agency", "owner_agency")),
        _C("partner_country", False, ("partner",)),
        _C("start_date", False, ("start",)),
        _C("due_date", False, ("due", "deadline", "end_date")),
        _C("status", False, ("item_status",)),
        _C("percent", False, ("percent_complete", "progress", "%", "completion")),
    ),
    # Result sheets (import only): one row per unit result, docs/spreadsheet-templates.md.
    "assessments": (
        _C("sheet_ref", False, ("sheet", "batch", "batch_ref")),
        _C("family_name", True, ("surname", "last_name", "family")),
        _C("given_names", False, ("given_name", "first_name", "first_names", "forename")),
        _C("name_native", False, ("native_name", "name_in_national_script", "local_name")),
        _C("sex", False, ("gender",)),
        _C("date_of_birth", False, ("dob", "birth_date", "birthdate", "born")),
        _C("nationality", True, ("nationality_code", "citizenship")),
        _C("id_document_no", True, ("document_no", "passport_no", "id_no", "id_number",
                                     "document_number", "passport_number")),
        _C("occupation_code", True, ("occupation", "qualification_code")),
        _C("occupation_title", False, ("occupation_name", "qualification", "qualification_title")),
        _C("aqrf_level", True, ("level", "aqrf", "qualification_level")),
        _C("centre", False, ("center", "assessment_centre", "assessment_center", "venue")),
        _C("assessed_on", True, ("assessment_date", "date_assessed", "date")),
        _C("assessor_refs", False, ("assessor_ref", "assessors", "assessor")),
        _C("unit_code", True, ("unit", "unit_no", "competency_unit")),
        _C("unit_title", False, ("unit_name",)),
        _C("outcome", True, ("result", "unit_outcome", "unit_result")),
    ),
}


def _kind(kind: str) -> tuple[Column, ...]:
    try:
        return TEMPLATES[kind]
    except KeyError:
        raise InputRejected(f"no spreadsheet template named '{kind}' (one of: {', '.join(KINDS)})") from None


def template_columns(kind: str) -> list[str]:
    """The column names of a template, in template order."""
    return [c.name for c in _kind(kind)]


def required_columns(kind: str) -> list[str]:
    return [c.name for c in _kind(kind) if c.required]


def normalise(name: str) -> str:
    """'Family name ', 'FAMILY-NAME' and 'family_name' are the same column."""
    return re.sub(r"[\s\-]+", "_", str(name).strip().casefold().lstrip("\ufeff")).strip("_")


def _squash(name: str) -> str:
    return re.sub(r"[\W_]+", "", name)


def guess_mapping(header: list[str], kind: str) -> dict[str, str]:
    """{spreadsheet column -> template field} for the columns we recognise (each field once)."""
    columns = _kind(kind)
    passes = (
        {c.name: c.name for c in columns},
        {a: c.name for c in columns for a in c.aliases},
        {_squash(n): c.name for c in columns for n in (c.name, *c.aliases)},  # "E-mail:" is email
    )
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    # Exact names first, so an alias never takes a field whose own column is also there.
    for number, lookup in enumerate(passes):
        for cell in header:
            if cell in mapping or not str(cell).strip():
                continue
            key = normalise(cell)
            field = lookup.get(_squash(key) if number == 2 else key)
            if field and field not in taken:
                mapping[cell] = field
                taken.add(field)
    return mapping


def locate_fields(table: Table, kind: str, mapping: dict[str, str] | None = None) -> dict[str, int]:
    """{template field -> column index} for this file; ValidationError naming every header problem."""
    names = template_columns(kind)
    errors: list[FieldError] = []
    positions: dict[str, int] = {}
    lookup = _mapping_lookup(mapping, names, errors, table) if mapping is not None else None
    unknown: list[str] = []
    for index, cell in enumerate(table.header):
        if not cell:
            continue
        field = lookup.get(cell, lookup.get(normalise(cell))) if lookup is not None else normalise(cell)
        if lookup is not None and not field:
            continue  # the user chose not to import this column
        if field not in names:
            unknown.append(cell)
        elif field in positions:
            twice = f"columns {_letter(positions[field])} and {_letter(index)}"
            errors.append(FieldError(field, f"appears twice in the header ({twice})", table.header_row))
        else:
            positions[field] = index
    missing = [n for n in required_columns(kind) if n not in positions]
    for name in missing:
        errors.append(FieldError(name, "required column is missing from the header", table.header_row))
    for cell in unknown:
        errors.append(FieldError(cell, "is not a column of the template", table.header_row))
    _refuse_unnamed_values(table, errors)
    if errors:
        raise ValidationError(errors, summary=_header_summary(table, kind, missing, unknown, errors))
    return positions


def _mapping_lookup(mapping: dict[str, str], names: list[str], errors: list[FieldError],
                    table: Table) -> dict[str, str]:
    lookup: dict[str, str] = {}
    header = set(table.header) | {normalise(h) for h in table.header}
    for column, field in mapping.items():
        if field and normalise(field) not in names:
            errors.append(FieldError(str(column), f"is mapped to '{field}', which is not a field of the "
                                     "template", table.header_row))
            continue
        if column not in header and normalise(column) not in header:
            errors.append(FieldError(str(column), "is in the column mapping but not in the file's header",
                                     table.header_row))
        lookup[column] = lookup[normalise(column)] = normalise(field) if field else ""
    return lookup


def _refuse_unnamed_values(table: Table, errors: list[FieldError]) -> None:
    """Values under a blank header cell would be silently lost: say where they are."""
    blank = [i for i, cell in enumerate(table.header) if not cell]
    width = len(table.header)
    for number, cells in table.rows:
        for i in blank:
            if i < len(cells) and cells[i].strip():
                errors.append(FieldError(f"column {_letter(i)}", "has a value but no name in the header",
                                         number))
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            errors.append(FieldError(f"column {_letter(width)}", "has a value to the right of the last "
                                     "named column", number))
        if len(errors) > 1000:
            return


def _header_summary(table: Table, kind: str, missing: list[str], unknown: list[str],
                    errors: list[FieldError]) -> str:
    parts = []
    if missing:
        parts.append("missing columns: " + ", ".join(missing))
    if unknown:
        parts.append("unknown columns: " + ", ".join(unknown))
    rest = [e for e in errors if e.field not in missing and e.field not in unknown]
    parts += [str(e) for e in rest[:5]]
    return (f"{table.name}: the header (row {table.header_row}) does not match the {kind} template "
            f"(format {TEMPLATE_FORMAT}, see docs/spreadsheet-templates.md): " + "; ".join(parts))


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def write_template(kind: str, path: Path) -> None:
    """An empty template (header only) as .csv (UTF-8 with BOM) or .xlsx, from the extension."""
    from .export import write_sheet

    write_sheet(Path(path), kind, template_columns(kind), [])
