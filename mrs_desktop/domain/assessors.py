"""Assessors and their accreditations: what a valid record is, and when one has expired."""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping

from .fields import Checker

ACCREDITATION_STATUSES = ("active", "suspended", "revoked")
SEXES = ("female", "male", "other")
ASSESSOR_FIELDS = ("assessor_ref", "family_name", "given_names", "name_native", "sex",
                   "date_of_birth", "email", "phone", "organisation", "country")
ACCREDITATION_FIELDS = ("aqrf_level", "accreditation_no", "accrediting_body", "accredited_on",
                        "valid_until", "status", "status_reason", "status_date")
EARLIEST_BIRTH = date(1900, 1, 1)
_SHORT_SEXES = {"f": "female", "m": "male", "x": "other"}


def check_assessor(values: Mapping[str, Any], chk: Checker, *, home_country: str) -> dict[str, Any]:
    clean = {
        "assessor_ref": chk.text("assessor_ref", values.get("assessor_ref"), max_len=60),
        "family_name": chk.text("family_name", values.get("family_name"), required=True, max_len=120),
        "given_names": chk.text("given_names", values.get("given_names"), max_len=120),
        "name_native": chk.text("name_native", values.get("name_native"), max_len=200),
        "sex": chk.choice("sex", _sex(values.get("sex")), SEXES),
        "date_of_birth": chk.date("date_of_birth", values.get("date_of_birth")),
        "email": chk.text("email", values.get("email"), max_len=200),
        "phone": chk.text("phone", values.get("phone"), max_len=60),
        "organisation": chk.text("organisation", values.get("organisation"), max_len=200),
        "country": chk.country("country", values.get("country"), default=home_country),
    }
    if clean["email"] and ("@" not in clean["email"] or " " in clean["email"]):
        chk.fail("email", f"'{clean['email']}' is not an e-mail address")
    dob = clean["date_of_birth"]
    if dob and not EARLIEST_BIRTH <= dob <= date.today():
        chk.fail("date_of_birth", f"{dob.isoformat()} is not a plausible date of birth")
    return clean


def _sex(value: Any) -> Any:
    return _SHORT_SEXES.get(str(value).strip().casefold(), value) if value is not None else None


def check_accreditation(values: Mapping[str, Any], chk: Checker) -> dict[str, Any]:
    clean = {
        "aqrf_level": chk.level("aqrf_level", values.get("aqrf_level")),
        "accreditation_no": chk.text("accreditation_no", values.get("accreditation_no"),
                                     required=True, max_len=60),
        "accrediting_body": chk.text("accrediting_body", values.get("accrediting_body"), max_len=200),
        "accredited_on": chk.date("accredited_on", values.get("accredited_on"), required=True),
        "valid_until": chk.date("valid_until", values.get("valid_until"), required=True),
        "status": chk.choice("status", values.get("status"), ACCREDITATION_STATUSES, default="active"),
        "status_reason": chk.text("status_reason", values.get("status_reason"), max_len=500),
        "status_date": chk.date("status_date", values.get("status_date")),
    }
    chk.order("accredited_on", clean["accredited_on"], "valid_until", clean["valid_until"])
    return clean


def effective_status(status: str, valid_until: date | None, today: date) -> str:
    """'expired' is never stored: an active accreditation past its end date reads as expired."""
    if status == "active" and valid_until is not None and valid_until < today:
        return "expired"
    return status


def search_text(family_name: str | None, given_names: str | None, name_native: str | None,
                assessor_ref: str | None = None) -> str:
    """What the name index holds for one assessor (see db.search for the tokenizer)."""
    return fold(" ".join(filter(None, (family_name, given_names, name_native, assessor_ref))))


def fold(text: str) -> str:
    # The FTS tokenizer folds accents itself; it does not treat the Vietnamese đ as a d.
    return text.replace("đ", "d").replace("Đ", "D")
