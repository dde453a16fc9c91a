"""Trainings (of trainers, of assessors, other capacity building) and their participants."""

from __future__ import annotations

from typing import Any, Mapping

from .fields import Checker

TRAINING_KINDS = ("tot", "toa", "other")
TRAINING_KIND_NAMES = {"tot": "Training of trainers", "toa": "Training of assessors",
                       "other": "Other capacity building"}
OUTCOMES = ("completed", "competent", "not_yet_competent", "withdrawn")


def check_training(values: Mapping[str, Any], chk: Checker, *, home_country: str) -> dict[str, Any]:
    kind = values.get("kind")
    aliases = {"training of trainers": "tot", "training of assessors": "toa"}
    kind = aliases.get(str(kind).strip().casefold(), kind) if kind is not None else None
    clean = {
        "training_ref": chk.text("training_ref", values.get("training_ref"), max_len=60),
        "title": chk.text("title", values.get("title"), required=True, max_len=300),
        "kind": chk.choice("kind", kind, TRAINING_KINDS, required=True),
        "host_institution": chk.text("host_institution", values.get("host_institution"), max_len=200),
        "host_country": chk.country("host_country", values.get("host_country"), default=home_country),
        "venue": chk.text("venue", values.get("venue"), max_len=200),
        "start_date": chk.date("start_date", values.get("start_date"), required=True),
        "end_date": chk.date("end_date", values.get("end_date"), required=True),
        "funder": chk.text("funder", values.get("funder"), max_len=200),
        "facilitators": chk.text("facilitators", values.get("facilitators"), max_len=500),
        "country": chk.country("country", values.get("country"), default=home_country),
    }
    chk.order("start_date", clean["start_date"], "end_date", clean["end_date"])
    return clean


def check_participant(values: Mapping[str, Any], chk: Checker, *, default_country: str) -> dict[str, Any]:
    return {
        "full_name": chk.text("participant_name", values.get("full_name"), required=True, max_len=200),
        "name_native": chk.text("participant_name_native", values.get("name_native"), max_len=200),
        "country": chk.country("participant_country", values.get("country"), default=default_country),
        "attendance": chk.integer("attendance_percent", values.get("attendance"), low=0, high=100),
        "outcome": chk.choice("outcome", values.get("outcome"), OUTCOMES),
    }
