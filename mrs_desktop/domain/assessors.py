"""Assessors and their accreditations: what a valid record is, and when one has expired.

`check_assessor` and `check_accreditation` check one record; `assessor_columns` and
`accreditation_columns` check the same fields for a whole import at once (see domain.fields).
"""

from __future__ import annotations

from datetime import date
from itertools import compress, repeat
from operator import lt
from typing import Any, Mapping, Sequence

from .fields import Checker, ColumnChecker

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
    if clean["email"] and not _looks_like_email(clean["email"]):
        chk.fail("email", f"'{clean['email']}' is not an e-mail address")
    _check_birth(chk, clean["date_of_birth"], date.today())
    return clean


def _looks_like_email(text: str) -> bool:
    return "@" in text and " " not in text


def _check_birth(chk: Checker, dob: date | None, today: date) -> None:
    if dob and not EARLIEST_BIRTH <= dob <= today:
        chk.fail("date_of_birth", f"{dob.isoformat()} is not a plausible date of birth")


def assessor_columns(cells: Mapping[str, Sequence[str]], chk: ColumnChecker, *,
                     home_country: str) -> dict[str, list]:
    """check_assessor of every row at once, by column; `chk` notes the rows it would refuse.

    `cells` holds a column of text cells for each of ASSESSOR_FIELDS ("" where a file has no
    such column: a blank cell means the same as a missing value). Dates come as ISO text.
    """
    today = date.today()

    def date_of_birth(one: Checker, cell: str) -> str | None:
        dob = one.date("date_of_birth", cell)
        _check_birth(one, dob, today)
        return dob.isoformat() if dob else None

    email = chk.text(cells["email"], max_len=200)
    if not all(map(_looks_like_email, filter(None, email))):
        chk.fail_at(i for i, e in enumerate(email) if e and not _looks_like_email(e))
    return {
        "assessor_ref": chk.text(cells["assessor_ref"], max_len=60),
        "family_name": chk.text(cells["family_name"], required=True, max_len=120),
        "given_names": chk.text(cells["given_names"], max_len=120),
        "name_native": chk.text(cells["name_native"], max_len=200),
        "sex": chk.by_value(cells["sex"], lambda one, cell: one.choice("sex", _sex(cell), SEXES)),
        "date_of_birth": chk.by_value(cells["date_of_birth"], date_of_birth),
        "email": email,
        "phone": chk.text(cells["phone"], max_len=60),
        "organisation": chk.text(cells["organisation"], max_len=200),
        "country": chk.by_value(
            cells["country"], lambda one, cell: one.country("country", cell, default=home_country)),
    }


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


def accreditation_columns(cells: Mapping[str, Sequence[str]],
                          chk: ColumnChecker) -> dict[str, list]:
    """check_accreditation of every row at once, by column (as assessor_columns)."""
    def iso_date(name: str, required: bool = False) -> list:
        def check(one: Checker, cell: str) -> str | None:
            day = one.date(name, cell, required=required)
            return day.isoformat() if day else None
        return chk.by_value(cells[name], check)

    clean = {
        "aqrf_level": chk.by_value(cells["aqrf_level"],
                                   lambda one, cell: one.level("aqrf_level", cell)),
        "accreditation_no": chk.text(cells["accreditation_no"], required=True, max_len=60),
        "accrediting_body": chk.text(cells["accrediting_body"], max_len=200),
        "accredited_on": iso_date("accredited_on", required=True),
        "valid_until": iso_date("valid_until", required=True),
        "status": chk.by_value(cells["status"], lambda one, cell: one.choice(
            "status", cell, ACCREDITATION_STATUSES, default="active")),
        "status_reason": chk.text(cells["status_reason"], max_len=500),
        "status_date": iso_date("status_date"),
    }
    # Checker.order, on ISO text (which sorts as the dates do).
    starts, ends = clean["accredited_on"], clean["valid_until"]
    if None in starts or None in ends:
        chk.fail_at(i for i, (start, end) in enumerate(zip(starts, ends))
                    if start and end and end < start)
    else:
        chk.fail_at(compress(range(len(ends)), map(lt, ends, starts)))
    return clean


def effective_status(status: str, valid_until: date | str | None, today: date | str) -> str:
    """'expired' is never stored: an active accreditation past its end date reads as expired.

    The dates may be `date`s or ISO text (both of one kind), which compare alike: a register
    page compares the stored text without making a date of every end date."""
    if status == "active" and valid_until is not None and valid_until < today:
        return "expired"
    return status


def search_text(family_name: str | None, given_names: str | None, name_native: str | None,
                assessor_ref: str | None = None) -> str:
    """What the name index holds for one assessor (see db.search for the tokenizer)."""
    return fold(" ".join(filter(None, (family_name, given_names, name_native, assessor_ref))))


def search_texts(family_names: Sequence[str], given_names: Sequence[str | None],
                 names_native: Sequence[str | None],
                 assessor_refs: Sequence[str | None]) -> list[str]:
    """search_text of many assessors (an import), their names being one line each (as cleaned).

    Joined into one text and folded at once: a call per assessor costs several times more.
    """
    if not family_names:
        return []
    names = list(zip(family_names, given_names, names_native, assessor_refs))
    texts = fold("\n".join(map(" ".join, map(filter, repeat(None), names)))).split("\n")
    if len(texts) != len(names):  # a name with a line break after all: one by one
        texts = [search_text(*parts) for parts in names]
    return texts


def fold(text: str) -> str:
    # The FTS tokenizer folds accents itself; it does not treat the Vietnamese đ as a d.
    return text.replace("đ", "d").replace("Đ", "D")
