"""The assessor import's fast path: the file checked, grouped and compared column by column.

Every field of every row is cleaned by column first (`domain.assessors.assessor_columns`). A
file is *regular* when no cell fails, the rows of one assessor agree on its fields, no
accreditation number appears twice and every sector and occupation can be named: then no row
needs a message, and the columns hold the records the row-by-row check (assessors.py) would
make. If the register holds none of them yet, they are added as columns, without a dict per
record (bench_import: 100,000 rows); records the register holds as they are need no more
work. The rest is checked and compared row by row, with the cleaned fields; for a file that is
not regular, that check words every error.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, islice, repeat
from operator import eq, itemgetter, le, ne, not_
from typing import Any, Protocol, Sequence

from ...db.models import Accreditation, Assessor
from ...domain import assessors as rules
from ...domain.fields import Checker, ColumnChecker
from ...domain.ids import uuid7_many
from .common import CatalogueEntries, StoredRecords, check_occupation_input
from .reader import Table

# The fields the rows of one assessor must agree on (country and assessor_ref name the assessor).
PERSON_FIELDS = ("family_name", "given_names", "name_native", "sex", "date_of_birth", "email",
                 "phone", "organisation")
SCOPE_COLUMNS = ("sector", "occupation_code", "occupation_title")
# A row with any of these cells carries an accreditation.
ACCREDITATION_COLUMNS = (*SCOPE_COLUMNS, "aqrf_level", "accreditation_no", "accredited_on",
                         "valid_until", "status")
ACCREDITATION_CLEAN = ("aqrf_level", "accreditation_no", "accredited_on", "valid_until", "status")
NOT_IMPORTED = ("accrediting_body", "status_reason", "status_date", "renews_id")  # new: empty
SCOPE_IDS = ("sector_id", "occupation_id")


class Stored(Protocol):
    """The stored records a file names, by natural key (assessors._StoredAssessors)."""

    assessors: StoredRecords
    accreditations: StoredRecords


@dataclass
class Compared:
    """The fields the file gives, which the comparison with stored records looks at."""

    person: list[str]
    accreditation: list[str]
    scope: list[str]  # sector_id, occupation_id: those the file names


@dataclass
class Groups:
    """A regular file's assessors and accreditations, by row position (0 = the first data row)."""

    keys: list[tuple[str, str]]  # each row's assessor: (country, assessor_ref)
    first_rows: list[int]  # each assessor's first row, in file order
    owners: list[int]  # each row's assessor, as a position in first_rows
    accreditation_rows: list[int] | None  # the rows that carry an accreditation (None: all)
    numbers: list[tuple[str, str]]  # their (country, accreditation_no)
    scopes: list[tuple[str | None, str | None]]  # their (sector_id, occupation_id)


class AssessorColumns:
    """Every row's cleaned person and accreditation fields, column by column."""

    def __init__(self, table: Table, positions: dict[str, int], home: str):
        self.count = len(table)
        file_columns = list(zip(*map(itemgetter(1), table.rows))) or [()] * len(table.header)
        blank = ("",) * self.count

        def cells(name: str) -> Sequence[str]:
            return file_columns[positions[name]] if name in positions else blank

        person, accreditation = ColumnChecker(), ColumnChecker()
        self.person = rules.assessor_columns({f: cells(f) for f in rules.ASSESSOR_FIELDS}, person,
                                             home_country=home)
        self.accreditation = rules.accreditation_columns(
            {f: cells(f) for f in rules.ACCREDITATION_FIELDS}, accreditation)
        self.failed = person.failed
        if None in self.person["assessor_ref"]:  # required here: it groups the rows
            self.failed.update(i for i, ref in enumerate(self.person["assessor_ref"]) if not ref)
        # A row carries an accreditation if any of its cells does; then they must pass. Every
        # row carries one unless accreditation_no (required) failed somewhere.
        self.carries: list[bool] | None = None
        if accreditation.failed:
            carrying = [cells(f) for f in ACCREDITATION_COLUMNS if f in positions]
            self.carries = list(map(bool, map(str.strip, map("".join, zip(*carrying)))))
            self.failed.update(i for i in accreditation.failed if self.carries[i])
        # As the row check reads them: None for a column the file lacks.
        self.scope_cells = [file_columns[positions[f]] if f in positions else (None,) * self.count
                            for f in SCOPE_COLUMNS]

    def cleaned_rows(self) -> list[tuple[tuple, tuple] | None]:
        """Each row's clean (person, accreditation) fields, None for a row with a failed cell."""
        cleaned: list = list(zip(zip(*(self.person[f] for f in rules.ASSESSOR_FIELDS)),
                                 zip(*(self.accreditation[f] for f in ACCREDITATION_CLEAN))))
        for i in self.failed:
            cleaned[i] = None
        return cleaned

    def groups(self, catalogue: CatalogueEntries) -> Groups | None:
        """The assessors and accreditations of a regular file, None for any other file.

        Sectors and occupations new to the catalogue are added to it in the order the rows
        name them; for a file that is not regular, the catalogue may hold some of them.
        """
        if self.failed:
            return None
        keys = list(zip(self.person["country"], self.person["assessor_ref"]))
        first = dict(zip(reversed(keys), range(self.count - 1, -1, -1)))  # the key's first row
        firsts = list(map(first.__getitem__, keys))
        later = list(compress(range(self.count), map(ne, firsts, range(self.count))))
        their_first = _pick(firsts, later)
        # Equal clean fields: then no cell is blank in one row and filled in another ("as above").
        if any(_pick(self.person[f], later) != _pick(self.person[f], their_first)
               for f in PERSON_FIELDS):
            return None  # a later row of an assessor says something else
        first_rows = sorted(first.values())
        owners = list(map(dict(zip(first_rows, range(len(first_rows)))).__getitem__, firsts))
        rows = None if self.carries is None else list(compress(range(self.count), self.carries))

        def carrying(values: Sequence[Any]) -> Sequence[Any]:
            return values if rows is None else _pick(values, rows)

        countries = carrying(self.person["country"])
        numbers = list(zip(countries, carrying(self.accreditation["accreditation_no"])))
        if len(set(numbers)) < len(numbers):
            return None
        scopes = _scope_ids(catalogue, list(zip(countries, *map(carrying, self.scope_cells))))
        if scopes is None:
            return None
        return Groups(keys, first_rows, owners, rows, numbers, scopes)

    def new_records(self, groups: Groups,
                    country: str) -> list[tuple[type, dict[str, list], dict[str, Any]]]:
        """The assessors and accreditations to insert when the register holds none of them and
        all are of `country`: (model, columns, the values all rows share) for each.

        In the order the row-by-row import writes them: assessors in file order, each one's
        accreditations after those of the assessors before it.
        """
        rows, scopes = groups.accreditation_rows, groups.scopes
        owners = groups.owners if rows is None else _pick(groups.owners, rows)
        rows = range(self.count) if rows is None else rows
        if not all(map(le, owners, islice(owners, 1, None))):  # not already in that order
            order = sorted(range(len(owners)), key=owners.__getitem__)  # stable: file order
            owners, rows, scopes = _pick(owners, order), _pick(rows, order), _pick(scopes, order)
        ids = uuid7_many(len(groups.first_rows) + len(rows))
        assessor = {f: _pick(self.person[f], groups.first_rows) for f in rules.ASSESSOR_FIELDS
                    if f != "country"}
        assessor["id"] = ids[:len(groups.first_rows)]
        assessor["search_text"] = rules.search_texts(
            assessor["family_name"], assessor["given_names"], assessor["name_native"],
            assessor["assessor_ref"])
        whole = isinstance(rows, range)  # every row, in file order: the columns as they are
        accreditation = {f: self.accreditation[f] if whole else _pick(self.accreditation[f], rows)
                         for f in ACCREDITATION_CLEAN}
        accreditation["sector_id"] = list(map(itemgetter(0), scopes))
        accreditation["occupation_id"] = list(map(itemgetter(1), scopes))
        accreditation["id"] = ids[len(groups.first_rows):]
        accreditation["assessor_id"] = _pick(assessor["id"], owners)
        return [(Assessor, assessor, {"country": country}),
                (Accreditation, accreditation, {"country": country, **dict.fromkeys(NOT_IMPORTED)})]


def unchanged_rows(columns: AssessorColumns, groups: Groups, stored: Stored,
                   compared: Compared) -> list[bool]:
    """Each row: whether the register holds its assessor, and all of that assessor's
    accreditations, as the file says (the row-by-row comparison would change nothing there)."""
    deleted, ids, *olds = stored.assessors.values_of(("deleted", "id", *compared.person),
                                                     _pick(groups.keys, groups.first_rows))
    news = [_pick(columns.person[f], groups.first_rows) for f in compared.person]
    unchanged = _all_same(deleted, olds, news)
    rows = range(columns.count) if groups.accreditation_rows is None else groups.accreditation_rows
    owners = _pick(groups.owners, rows)
    scope = [f for f in SCOPE_IDS if f in compared.scope]
    deleted, owner_ids, *olds = stored.accreditations.values_of(
        ("deleted", "assessor_id", *compared.accreditation, *scope), groups.numbers)
    news = [_pick(ids, owners),
            *(_pick(columns.accreditation[f], rows) for f in compared.accreditation),
            *(list(map(itemgetter(SCOPE_IDS.index(f)), groups.scopes)) for f in scope)]
    for owner, same in zip(owners, _all_same(deleted, [owner_ids, *olds], news)):
        if not same:
            unchanged[owner] = False
    return list(map(unchanged.__getitem__, groups.owners))


def _all_same(deleted: list, olds: list[list], news: list[list]) -> list[bool]:
    """For each record: not deleted, and every stored value equal to the file's."""
    return list(map(all, zip(map(not_, deleted), *map(map, repeat(eq), olds, news))))


def _scope_ids(catalogue: CatalogueEntries,
               scopes: list[tuple]) -> list[tuple[str | None, str | None]] | None:
    """(sector_id, occupation_id) of each (country, sector, code, title); None if one fails."""
    found: dict[tuple, tuple[str | None, str | None]] = {}
    for key in dict.fromkeys(scopes):  # each once, in file order: new entries are named so
        country, *cells = key
        chk = Checker()
        sector, code, title = check_occupation_input(dict(zip(SCOPE_COLUMNS, cells)), chk)
        sector_id = catalogue.sector(sector, chk)
        if chk.errors:
            return None
        found[key] = (sector_id, catalogue.occupation(country, code, title, sector_id))
    return list(map(found.__getitem__, scopes))


def _pick(values: Sequence[Any], at: list[int]) -> list[Any]:
    return list(map(values.__getitem__, at))
