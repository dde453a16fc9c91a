"""Importing trainings with their participants (template "trainings", one row per participant).

Rows with the same country + training_ref are one training; a participant is matched within
its training by name (ignoring case) and country, and may be linked to an assessor of the
register by participant_assessor_ref.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from sqlalchemy.orm import Session

from ...db.models import Participant, Training
from ...db.uow import UnitOfWork
from ...domain import trainings as rules
from ...domain.fields import Checker
from ...domain.task import Progress
from .common import (CatalogueEntries, ImportResult, check_occupation_input, country_name,
                     ownership_message, plain, query, run_import)
from .grouped import GroupedRegister, GroupedRows, load_by_keys, load_children

TRAINING = ("title", "kind", "host_institution", "host_country", "venue", "start_date", "end_date",
            "funder", "facilitators")
PARTICIPANT_COLUMNS = {"full_name": "participant_name", "name_native": "participant_name_native",
                       "country": "participant_country", "attendance": "attendance_percent",
                       "outcome": "outcome", "assessor_id": "participant_assessor_ref"}


def import_trainings(uow: UnitOfWork, path: Path, *, mapping: dict[str, str] | None = None,
                     progress: Progress | None = None, dry_run: bool = False) -> ImportResult:
    """Add and update trainings and their participants from a spreadsheet; all rows or none."""
    def check(uow, table, positions, errors, progress):
        register = _Trainings(uow, CatalogueEntries(uow.session))
        return GroupedRows(uow, table, positions, errors, progress, register).check()

    return run_import(uow, path, "trainings", mapping, check, progress, dry_run)


class _Trainings(GroupedRegister):
    """Trainings are parents, participants their children; a training is its country's to change."""

    parent_model, child_model = Training, Participant
    parent_what, child_what = "training", "participant"
    key_columns = ("country", "training_ref")
    refusal_column = "country"
    parent_columns = {**{f: f for f in TRAINING}, "sector_id": "sector", "occupation_id": "occupation_code"}
    child_columns = PARTICIPANT_COLUMNS
    child_template = ("participant_name", "participant_name_native", "participant_country",
                      "participant_assessor_ref", "attendance_percent", "outcome")
    parent_link = "training_id"

    def __init__(self, uow: UnitOfWork, catalogue: CatalogueEntries):
        super().__init__(uow, catalogue)
        self._assessors: dict[tuple[str, str], str | None] = {}

    def check_parent(self, values: Mapping[str, str], chk: Checker) -> dict[str, Any]:
        clean = {k: plain(v) for k, v in rules.check_training(values, chk, home_country=self.home).items()}
        if not clean["training_ref"] and not chk.errors:
            chk.fail("training_ref", "is required: rows with the same training_ref are one training")
        sector, code, title = check_occupation_input(values, chk)
        clean["sector_id"] = self.catalogue.sector(sector, chk)
        country = clean["country"]
        clean["occupation_id"] = (self.catalogue.occupation(country, code, title, clean["sector_id"])
                                  if country else None)
        return clean

    def parent_key(self, clean: Mapping[str, Any]) -> tuple:
        return (clean["country"], clean["training_ref"])

    def check_child(self, values: Mapping[str, str], parent: Mapping[str, Any],
                    chk: Checker) -> dict[str, Any]:
        clean = rules.check_participant(
            {"full_name": values.get("participant_name"),
             "name_native": values.get("participant_name_native"),
             "country": values.get("participant_country"),
             "attendance": values.get("attendance_percent"), "outcome": values.get("outcome")},
            chk, default_country=parent["country"] or self.home)
        ref = chk.text("participant_assessor_ref", values.get("participant_assessor_ref"), max_len=60)
        country = clean["country"]
        clean["assessor_id"] = self._assessor(ref, country, chk) if ref and country else None
        return clean

    def _assessor(self, ref: str, country: str, chk: Checker) -> str | None:
        key = (country, ref)
        if key not in self._assessors:
            found = query(self.uow.session, "SELECT id FROM assessor WHERE country = ? "
                                            "AND assessor_ref = ? AND deleted = 0", key)
            self._assessors[key] = found[0][0] if found else None
        if self._assessors[key] is None:
            chk.fail("participant_assessor_ref",
                     f"there is no assessor '{ref}' in {country_name(country)}'s register "
                     "(import the assessors first, or leave it empty)")
        return self._assessors[key]

    def child_key(self, clean: Mapping[str, Any]) -> tuple:
        return (clean["full_name"].casefold(), clean["country"])

    def describe_child(self, clean: Mapping[str, Any]) -> str:
        return f"participant '{clean['full_name']}' ({clean['country']})"

    def refusal(self, new: Mapping[str, Any], old: Mapping[str, Any] | None) -> str | None:
        if new["country"] == self.home:
            return None
        return ownership_message(self.uow, new["country"], "this training")

    def load_parents(self, session: Session, keys: list[tuple]) -> dict[tuple, dict[str, Any]]:
        columns = ("id", "country", "training_ref", *TRAINING, "sector_id", "occupation_id", "deleted")
        return load_by_keys(session, "training", columns, "country", "training_ref", keys)

    def load_children(self, session: Session, parent_ids: list[str]) -> dict[tuple, dict[str, Any]]:
        columns = ("id", "training_id", *PARTICIPANT_COLUMNS, "deleted")
        return load_children(session, "participant", columns, "training_id", parent_ids,
                             lambda r: (r["full_name"].casefold(), r["country"]))
