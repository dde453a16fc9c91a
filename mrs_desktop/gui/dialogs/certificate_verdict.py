"""The verdict on a certificate in one sentence, from a Verification: what the verify dialog shows.

"Valid — issued by Cambodia, Ministry of Labour…, on 2026-05-12; Tiler, AQRF level 2; recognised
in Thailand as …; not revoked as of the last bundle from Cambodia (2026-11-01)".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication

from ...services.certificate_verify import Verification
from ..dates import format_date
from ..widgets.choices import country_name

# Green for valid, red for what must not be trusted, amber for what cannot be told from here.
TONES = {"valid": "good", "revoked": "bad", "tampered": "bad", "untrusted": "doubt",
         "unknown": "doubt"}


def tr(text: str) -> str:
    return QCoreApplication.translate("Verdict", text)


def status_words() -> dict[str, str]:
    return {"valid": tr("Valid"), "revoked": tr("Revoked"), "tampered": tr("Tampered"),
            "untrusted": tr("Untrusted"), "unknown": tr("Unknown")}


@dataclass(frozen=True)
class Verdict:
    word: str  # "Valid", "Tampered"…
    sentence: str  # the whole verdict, starting with the word
    tone: str  # good | bad | doubt


def verdict(answer: Verification, here: str | None) -> Verdict:
    """`here`: this node's country, where the equivalents are recognised."""
    word = status_words().get(answer.status, answer.status)
    if answer.status in ("tampered", "untrusted") or answer.issued_on is None:
        return Verdict(word, f"{word} — {answer.reason}", TONES.get(answer.status, "doubt"))
    own = answer.issuer_country == here
    parts = [_issued(answer), _occupation(answer)]
    parts += [p for p in (_recognised(answer, here),) if p]
    if answer.status == "valid":
        parts.append(tr("not revoked (issued here)") if own
                     else _standing(answer, tr("not revoked")))
        return Verdict(word, f"{word} — " + "; ".join(parts), "good")
    if answer.status == "revoked":
        head = tr("Revoked on {date} (reason: {reason})").format(
            date=format_date(answer.revoked_on), reason=answer.revoked_reason or "")
        if not own:
            parts.append(_standing(answer, tr("status")))
        return Verdict(word, f"{head} — " + "; ".join(parts), "bad")
    # unknown, with a genuine signature: why its status cannot be told, and what it claims
    claims = tr("It says: ") + "; ".join(parts)
    return Verdict(word, f"{word} — {answer.reason}. {claims}", "doubt")


def _issued(answer: Verification) -> str:
    return tr("issued by {country}, {organisation}, on {date}").format(
        country=country_name(answer.issuer_country), organisation=answer.issuer_organisation or "",
        date=format_date(answer.issued_on))


def _occupation(answer: Verification) -> str:
    return tr("{occupation}, AQRF level {level}").format(
        occupation=answer.occupation_title or answer.occupation_code, level=answer.aqrf_level)


def _recognised(answer: Verification, here: str | None) -> str | None:
    if not here or answer.issuer_country == here:
        return None
    if not answer.recognised_as:
        return tr("no equivalent occupation agreed in {country} yet").format(
            country=country_name(here))
    return tr("recognised in {country} as {equivalents}").format(
        country=country_name(here), equivalents="; ".join(answer.recognised_as))


def _standing(answer: Verification, what: str) -> str:
    """A partner's certificate: its status is known as of the last bundle from its issuer."""
    issuer = country_name(answer.issuer_country)
    if not answer.as_of:
        return tr("{what} as far as known here (no bundle from {country} received yet)").format(
            what=what, country=issuer)
    return tr("{what} as of the last bundle from {country} ({date})").format(
        what=what, country=issuer, date=_day(answer.as_of))


def _day(stamp: str) -> str:
    try:
        return format_date(date.fromisoformat(stamp[:10]))
    except ValueError:
        return stamp[:10]
