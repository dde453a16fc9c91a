"""Certificates: issued from assessments with a never-reused per-country, per-year number and a
signed QR payload, revoked with a reason, listed, printed, and verified offline."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Assessment, Certificate, Setting
from ..db.store import Store
from ..db.uow import UnitOfWork
from ..documents import CertificateView, render_certificates
from ..domain.clock import today as default_today
from ..domain.errors import InputRejected, MrsError, NotFound
from ..domain.fields import Checker
from ..domain.ids import uuid7
from ..domain.task import Progress
from ..sync import keys, qr_payload
from .assessments import CERTIFIED, candidate_name
from .certificate_queries import (CertificateRow, assessment_facts, certificate_rows,
                                  view_facts)
from .certificate_identity import identity_in
from .certificate_verify import Verification, verify
from .records import get_live

__all__ = ["CertificateRow", "Verification", "certificate_views", "issue_certificates",
           "list_certificates", "print_certificates", "revoke_certificate", "verify"]

_NUMBER = re.compile(r"^([A-Z]{3})-(\d{4})-(\d{6,})$")


def issue_certificates(uow: UnitOfWork, assessment_ids: Iterable[str] = (), *,
                       all_eligible: bool = False, today: date | None = None) -> list[str]:
    """Issue a certificate for each assessment: full when competent in every unit, of the units
    achieved when partly competent. Returns the new numbers, in issue order.

    Named assessments are refused (all of them, nothing issued) if one is not yet competent or
    already holds a valid certificate; `all_eligible` takes every own assessment that never had
    a certificate (a revoked one is reissued only when named)."""
    with uow:
        uow.country  # NoNode before looking for a key
        key = _own_key(uow.store)
        session = uow.session
        issued_on = today or default_today()
        if all_eligible:
            assessments = _eligible(session, uow.country)
        else:
            assessments = [_issuable(session, uow.country, a) for a in dict.fromkeys(assessment_ids)]
            if not assessments:
                raise InputRejected("name the assessments to certify, or ask for all eligible ones")
        numbers = []
        for assessment in assessments:
            number = next_number(session, uow.country, issued_on.year)
            facts = assessment_facts(session, assessment)
            payload = qr_payload.encode(qr_payload.CertificatePayload(
                number=number, holder_latin=candidate_name(facts.candidate),
                holder_native=facts.candidate.name_native,
                occupation_code=facts.occupation.code, occupation_title=facts.occupation.title[:200],
                aqrf_level=assessment.aqrf_level,
                qualification=facts.occupation.code if assessment.result == "competent" else None,
                units=tuple(facts.achieved), issued_on=issued_on, issuer_country=uow.country), key)
            session.add(Certificate(
                id=uuid7(), country=uow.country, number=number, assessment_id=assessment.id,
                kind=CERTIFIED[assessment.result], units=",".join(facts.achieved),
                issued_on=issued_on, status="valid", payload=payload))
            session.flush()
            numbers.append(number)
        uow.commit()
        return numbers


def next_number(session: Session, country: str, year: int) -> str:
    """The next number of this country's sequence for the year, never one used before: past the
    counter kept in the settings and past every number this node holds (a restored backup may
    hold an older counter)."""
    key = f"certificate_counter:{country}-{year}"
    setting = session.get(Setting, key)
    counter = int(setting.value) if setting else 0
    prefix = f"{country}-{year:04d}-"
    used = session.scalars(select(Certificate.number).where(
        Certificate.number.like(prefix + "%")))
    highest = max((int(m.group(3)) for n in used if (m := _NUMBER.match(n))), default=0)
    following = max(counter, highest) + 1
    if setting is None:
        session.add(Setting(key=key, value=str(following)))
    else:
        setting.value = str(following)
    return f"{prefix}{following:06d}"


def revoke_certificate(uow: UnitOfWork, number: str, reason: str, *,
                       on_date: date | None = None) -> None:
    """A revocation is final; bundles carry it to every partner."""
    with uow:
        chk = Checker()
        clean_reason = chk.text("reason", reason, required=True, max_len=500)
        chk.raise_if_any()
        cert = _by_number(uow.session, number)
        if cert.country != uow.country:
            raise InputRejected(f"certificate {cert.number} was issued by {cert.country}: only its "
                                "issuer can revoke it")
        if cert.status == "revoked":
            raise InputRejected(f"certificate {cert.number} was already revoked on "
                                f"{cert.revoked_on.isoformat()}: {cert.revoked_reason}")
        cert.status, cert.revoked_on = "revoked", on_date or default_today()
        cert.revoked_reason = clean_reason
        uow.changes.primary = cert.id
        uow.commit()


def list_certificates(store: Store) -> list[CertificateRow]:
    """Every certificate this node holds (issued here or received), newest number first."""
    with store.session() as session:
        return certificate_rows(session)


def certificate_views(store: Store, numbers: Sequence[str] = ()) -> list[CertificateView]:
    """What to print for these certificates (all valid ones issued here when none are named)."""
    with store.session() as session:
        if numbers:
            certs = [_by_number(session, n) for n in numbers]
        else:
            node_country = store.node.country if store.node else ""
            certs = list(session.scalars(select(Certificate).where(
                Certificate.deleted.is_(False), Certificate.status == "valid",
                Certificate.country == node_country).order_by(Certificate.number)))
        identity = identity_in(session, store)  # one logo for the batch, not one per page
        return [view_facts(session, store, cert, identity) for cert in certs]


def print_certificates(store: Store, path: Path | str, numbers: Sequence[str] = (),
                       progress: Progress | None = None) -> int:
    """All named (or all valid own) certificates into one PDF; returns the page count."""
    views = certificate_views(store, numbers)
    if not views:
        raise InputRejected("there are no valid certificates to print")
    return render_certificates(views, path, progress)


def _eligible(session: Session, country: str) -> list[Assessment]:
    certified = select(Certificate.assessment_id).where(Certificate.deleted.is_(False))
    return list(session.scalars(select(Assessment).where(
        Assessment.country == country, Assessment.deleted.is_(False),
        Assessment.result.in_(tuple(CERTIFIED)), Assessment.id.not_in(certified)
    ).order_by(Assessment.assessed_on, Assessment.id)))


def _issuable(session: Session, country: str, assessment_id: str) -> Assessment:
    assessment = get_live(session, Assessment, assessment_id, "assessment")
    if assessment.country != country:
        raise InputRejected(f"assessment {assessment_id} was recorded by {assessment.country}: "
                            "only its country issues its certificates")
    if assessment.result not in CERTIFIED:
        raise InputRejected(f"assessment {assessment_id} is not yet competent in any unit: "
                            "there is nothing to certify")
    held = session.scalar(select(Certificate.number).where(
        Certificate.assessment_id == assessment.id, Certificate.status == "valid",
        Certificate.deleted.is_(False)))
    if held:
        raise InputRejected(f"assessment {assessment_id} already has a valid certificate, {held}")
    return assessment


def _by_number(session: Session, number: str) -> Certificate:
    cert = session.scalar(select(Certificate).where(Certificate.number == number.strip().upper(),
                                                    Certificate.deleted.is_(False)))
    if cert is None:
        raise NotFound(f"no certificate numbered {number}")
    return cert


def _own_key(store: Store):
    key = keys.load_private_key(store.key_path)
    if store.node is None or key.public_hex != store.node.public_key:
        raise MrsError(f"the key file {store.key_path} does not belong to this node; run `mrs check`")
    return key
