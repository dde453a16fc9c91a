"""Importing the assessor register (template "assessors", one row per accreditation).

Rows with the same country and assessor_ref are one assessor; an assessor is matched to the
register by country + assessor_ref, an accreditation by country + accreditation_no, and only
fields that differ from what is stored are written, so importing the same file twice changes
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any, Iterator

from ...db.models import Accreditation, Assessor
from ...db.uow import UnitOfWork
from ...domain import assessors as rules
from ...domain.clock import today
from ...domain.fields import Checker
from ...domain.ids import uuid7_many
from ...domain.task import Progress
from .assessor_columns import (ACCREDITATION_COLUMNS, SCOPE_COLUMNS, AssessorColumns, Compared,
                               Groups, unchanged_rows)
from .common import (REPORT_EVERY, CatalogueEntries, Checked, Errors, ImportResult, Writes, cells_of,
                     cells_or_none, check_occupation_input, load_by_keys, ownership_message, plain,
                     query, reconcile, run_import)
from .overlap import add_new_assessors
from .reader import Table

PERSON = ("family_name", "given_names", "name_native", "sex", "date_of_birth", "email", "phone",
          "organisation")
ACCREDITATION = ("aqrf_level", "accredited_on", "valid_until", "status")


def import_assessors(uow: UnitOfWork, path: Path, *, mapping: dict[str, str] | None = None,
                     progress: Progress | None = None, dry_run: bool = False) -> ImportResult:
    """Add and update assessors and accreditations from a spreadsheet; all rows or none."""
    return run_import(uow, path, "assessors", mapping,
                      lambda *args: _AssessorRows(*args).check(overlap=not dry_run), progress,
                      dry_run)


@dataclass(slots=True)
class _Person:
    """One assessor as the file describes it: its first row, clean fields, and accreditations."""

    row: int
    raw: tuple  # the first row's person cells, to tell an empty cell from a default
    clean: dict[str, Any]
    rows: list[int]
    accreditations: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


class _AssessorRows:
    """Checks every row of an assessor file, then compares the assessors with the register."""

    def __init__(self, uow: UnitOfWork, table: Table, positions: dict[str, int], errors: Errors,
                 progress: Progress):
        self.uow, self.table, self.errors, self.progress = uow, table, errors, progress
        self.home = uow.country
        self.positions = positions
        self.names = list(positions)
        self.pick = cells_of(list(positions.values()))
        self.person_fields = [f for f in PERSON if f in positions]
        self.person_columns = {f: f for f in self.person_fields}
        self.accreditation_fields = [f for f in ACCREDITATION if f in positions]
        self.scope = {"sector_id": "sector" in positions, "occupation_id": "occupation_code" in positions}
        # The cells that hold an accreditation, joined: empty for a row about the person only.
        self.accreditation_cells = cells_of([positions[f] for f in ACCREDITATION_COLUMNS if f in positions])
        # The person's cells as read (kept, not the row's dict of every cell: 100 MB per 100,000).
        self.person_raw_names = [f for f in (*PERSON, "country", "assessor_ref") if f in positions]
        self.person_raw = cells_of([positions[f] for f in self.person_raw_names])
        self.person_key = cells_or_none(positions, ("country", "assessor_ref"))
        self.scope_cells = cells_or_none(positions, SCOPE_COLUMNS)
        self.catalogue = CatalogueEntries(uow.session)
        self.people: dict[tuple[str, str], _Person] = {}
        self.numbers: dict[tuple[str, str], int] = {}  # (country, accreditation_no) -> first row
        self.scopes: dict[tuple, tuple[str | None, str | None, str | None]] = {}
        self.writes = Writes()
        self.changed_rows: set[int] = set()
        self.new_ids: Iterator[str] = iter(())
        self.stored: _StoredAssessors | None = None  # looked up already (a regular file)

    def check(self, overlap: bool = False) -> Checked:
        """`overlap`: a large file of new assessors may be written while it is checked."""
        if overlap and (written := add_new_assessors(self.uow, self.table, self.positions,
                                                     self.progress)) is not None:
            return written
        total = len(self.table)
        self.progress.report(0, total, "Checking rows")
        columns = AssessorColumns(self.table, self.positions, self.home)
        self.progress.check()
        groups = columns.groups(self.catalogue)
        unchanged: list[bool] | None = None
        if groups is None:
            self.catalogue = CatalogueEntries(self.uow.session)  # as if no row had named one
        else:
            self.progress.report(total, total, "Comparing with the register")
            if self._add_new(columns, groups):
                return self._checked()
            assert self.stored is not None
            compared = Compared(self.person_fields, self.accreditation_fields,
                                [f for f, present in self.scope.items() if present])
            unchanged = unchanged_rows(columns, groups, self.stored, compared)
        # Row by row: to word the errors, or (a regular file) to compare with stored records
        # what the register does not hold already.
        cleaned = columns.cleaned_rows()
        for done, (number, cells) in enumerate(self.table.rows):
            if done % REPORT_EVERY == 0:
                if groups is None:
                    self.progress.report(done, total, "Checking rows")
                self.progress.check()
            if unchanged and unchanged[done]:
                continue
            self._check_row(number, cells, cleaned[done])
            if self.errors.full():
                break
        if not self.errors.items:
            self._compare()
        return self._checked()

    def _checked(self) -> Checked:
        self.writes.add_catalogue(self.catalogue)
        return Checked(self.writes, len(self.table) - len(self.changed_rows), self.catalogue.names)

    def _add_new(self, columns: AssessorColumns, groups: Groups) -> bool:
        """Add a regular file's records as columns if all are new and ours; else False."""
        assessors = list(map(groups.keys.__getitem__, groups.first_rows))
        self.stored = _StoredAssessors(self.uow, assessors, groups.numbers)
        if (self.stored.assessors or self.stored.accreditations
                or set(columns.person["country"]) != {self.home}):
            return False
        self.progress.check()
        for model, values, shared in columns.new_records(groups, self.home):
            self.writes.insert_columns(model, values, shared)
        self.changed_rows = set(map(itemgetter(0), self.table.rows))
        return True

    def _check_row(self, number: int, cells: list[str],
                   cleaned: tuple[tuple, tuple] | None) -> None:
        chk = Checker(row=number)
        person = self._person(number, cells, chk, cleaned and cleaned[0])
        accreditation = None
        if "".join(self.accreditation_cells(cells)).strip():
            accreditation = self._accreditation(cells, person, chk, cleaned and cleaned[1])
        if chk.errors:
            self.errors.extend(chk.errors)
            return
        if accreditation is not None:
            person.accreditations.append((number, accreditation))

    def _values(self, cells: list[str]) -> dict[str, str]:
        return dict(zip(self.names, self.pick(cells)))

    def _person(self, number: int, cells: list[str], chk: Checker,
                cleaned: tuple | None) -> _Person:
        raw = self.person_raw(cells)
        country, ref = self.person_key(cells)
        raw_key = (country or "", ref or "")
        known = self.people.get(raw_key)
        if known is not None and known.raw == raw:
            known.rows.append(number)  # the same person fields as before: already checked
            return known
        if cleaned is None:
            clean = rules.check_assessor(self._values(cells), chk, home_country=self.home)
            if not clean["assessor_ref"] and not any(e.field == "assessor_ref" for e in chk.errors):
                chk.fail("assessor_ref", "is required: rows with the same country and "
                                         "assessor_ref are one assessor")
            clean["date_of_birth"] = plain(clean["date_of_birth"])  # compared with stored ISO text
        else:
            clean = dict(zip(rules.ASSESSOR_FIELDS, cleaned))
        key = (clean["country"], clean["assessor_ref"])
        known = self.people.get(key)
        if known is None:
            known = _Person(number, raw, clean, [number])
            if not chk.errors:
                self.people[key] = self.people[raw_key] = known
            return known
        first_cells = dict(zip(self.person_raw_names, known.raw))
        for name, first, later in reconcile(known.clean, first_cells, clean, self._values(cells),
                                            self.person_columns):
            chk.fail(name, f"'{later}' differs from row {known.row} ('{first}') for the same "
                           f"assessor {clean['assessor_ref']}")
        known.rows.append(number)
        return known

    def _accreditation(self, cells: list[str], person: _Person, chk: Checker,
                       cleaned: tuple | None) -> dict[str, Any]:
        if cleaned is None:
            clean = rules.check_accreditation(self._values(cells), chk)
            cleaned = (clean["aqrf_level"], clean["accreditation_no"],
                       plain(clean["accredited_on"]), plain(clean["valid_until"]), clean["status"])
        level, number, accredited_on, valid_until, status = cleaned
        sector, code, title = self._scope(cells, chk)
        country = person.clean["country"]
        if number and country:
            first = self.numbers.setdefault((country, number), chk.row)
            if first != chk.row:
                chk.fail("accreditation_no", f"'{number}' is also on row {first}: each accreditation "
                                             "number may appear only once")
        sector_id = self.catalogue.sector(sector, chk)
        occupation_id = self.catalogue.occupation(country, code, title, sector_id) if country else None
        return {"aqrf_level": level, "accreditation_no": number, "accredited_on": accredited_on,
                "valid_until": valid_until, "status": status, "sector_id": sector_id,
                "occupation_id": occupation_id}

    def _scope(self, cells: list[str], chk: Checker) -> tuple[str | None, str | None, str | None]:
        # A register names a few dozen occupations over thousands of rows: check each once.
        raw = self.scope_cells(cells)
        scope = self.scopes.get(raw)
        if scope is None:
            before = len(chk.errors)
            scope = check_occupation_input(dict(zip(SCOPE_COLUMNS, raw)), chk)
            if len(chk.errors) == before:
                self.scopes[raw] = scope
        return scope

    # --- against the register -------------------------------------------------------------------

    def _compare(self) -> None:
        people = {id(p): p for p in self.people.values()}.values()  # a person may sit under two keys
        self.progress.report(len(self.table), len(self.table), "Comparing with the register")
        stored = self.stored or _StoredAssessors(
            self.uow, [(p.clean["country"], p.clean["assessor_ref"]) for p in people],
            [(p.clean["country"], a["accreditation_no"])
             for p in people for _, a in p.accreditations])
        # Ids for the records the register lacks, made in one step (one by one cost ~0.3 s per
        # 100,000 rows); taken in the order one-by-one calls would have made them.
        self.new_ids = iter(uuid7_many(stored.missing))
        for done, person in enumerate(people):
            if done % REPORT_EVERY == 0:
                self.progress.check()
            self._compare_person(person, stored)

    def _compare_person(self, person: _Person, stored: "_StoredAssessors") -> None:
        clean = person.clean
        country = clean["country"]
        refusal = ownership_message(self.uow, country, "this assessor") if country != self.home else None
        old = stored.assessors.get((country, clean["assessor_ref"]))
        if old is None:
            if refusal:
                self.errors.add("country", refusal, person.row)
                return
            assessor_id = clean["id"] = next(self.new_ids)  # the clean fields become the new row
            clean["search_text"] = _search_text(clean)
            self.writes.insert(Assessor, clean)
            self.changed_rows.update(person.rows)
        else:
            assessor_id = old["id"]
            changed = {f: clean[f] for f in self.person_fields if old[f] != clean[f]}
            if old["deleted"]:
                changed["deleted"] = False
            if changed:
                merged = {**old, **changed}
                if (text := _search_text(merged)) != old["search_text"]:
                    changed["search_text"] = text
                if refusal:
                    self.errors.add("country", refusal, person.row)
                    return
                self.writes.update(Assessor, assessor_id, changed)
                self.changed_rows.update(person.rows)
        for number, accreditation in person.accreditations:
            self._compare_accreditation(number, accreditation, assessor_id, country, refusal, stored)

    def _compare_accreditation(self, number: int, new: dict[str, Any], assessor_id: str, country: str,
                               refusal: str | None, stored: "_StoredAssessors") -> None:
        old = stored.accreditations.get((country, new["accreditation_no"]))
        if old is None:
            if refusal:
                self.errors.add("country", refusal, number)
                return
            new.update(id=next(self.new_ids), assessor_id=assessor_id, country=country,
                       accrediting_body=None, status_reason=None, status_date=None, renews_id=None)
            self.writes.insert(Accreditation, new)  # the checked fields become the new row
            self.changed_rows.add(number)
            return
        if old["assessor_id"] != assessor_id:
            self.errors.add("accreditation_no", f"'{new['accreditation_no']}' already belongs to another "
                            f"assessor ({stored.describe(old['assessor_id'])})", number)
            return
        changed = {f: new[f] for f in self.accreditation_fields if old[f] != new[f]}
        changed.update({f: new[f] for f, present in self.scope.items() if present and old[f] != new[f]})
        if old["deleted"]:
            changed["deleted"] = False
        if not changed:
            return
        if refusal:
            self.errors.add("country", refusal, number)
            return
        if "status" in changed:
            if old["status"] == "revoked":
                self.errors.add("status", f"accreditation {new['accreditation_no']} was revoked; a "
                                "revocation is final (a renewal is a new accreditation)", number)
                return
            changed["status_date"] = today().isoformat()
            changed["status_reason"] = f"set by spreadsheet import ({self.table.name})"
        self.writes.update(Accreditation, old["id"], changed)
        self.changed_rows.add(number)


def _search_text(values: dict[str, Any]) -> str:
    return rules.search_text(values["family_name"], values["given_names"], values["name_native"],
                             values["assessor_ref"])


class _StoredAssessors:
    """The stored assessors and accreditations the file names (by their natural keys)."""

    def __init__(self, uow: UnitOfWork, refs: list[tuple[str, str]],
                 numbers: list[tuple[str, str]]):
        """`refs`: each assessor's (country, assessor_ref); `numbers`: each accreditation's
        (country, accreditation_no)."""
        self.session = uow.session
        columns = ("id", "country", "assessor_ref", *PERSON, "search_text", "deleted")
        self.assessors = load_by_keys(self.session, "assessor", columns, "country", "assessor_ref", refs)
        columns = ("id", "assessor_id", "country", "accreditation_no", *ACCREDITATION,
                   "sector_id", "occupation_id", "deleted")
        self.accreditations = load_by_keys(self.session, "accreditation", columns, "country",
                                           "accreditation_no", numbers)
        # How many records the file adds (an upper bound: a refused row adds nothing).
        self.missing = (len(refs) - sum(map(self.assessors.rows.__contains__, refs))
                        + len(numbers) - sum(map(self.accreditations.rows.__contains__, numbers)))

    def describe(self, assessor_id: str) -> str:
        found = query(self.session, "SELECT assessor_ref, family_name, given_names FROM assessor "
                                    "WHERE id = ?", (assessor_id,))
        if not found:
            return assessor_id
        ref, family, given = found[0]
        return f"{ref}, {' '.join(p for p in (family, given) if p)}"
