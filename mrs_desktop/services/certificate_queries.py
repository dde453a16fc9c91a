"""Reading certificates and what they certify: rows for lists, facts for the payload and the page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import (Assessment, AssessmentAssessor, Assessor, Candidate, Certificate,
                         CompetencyUnit, Occupation, Peer, UnitResult)
from ..db.store import Store
from ..documents import CertificateView
from .assessments import ACHIEVED, assessor_name, candidate_name
from .certificate_identity import CertificateIdentity, identity_in


@dataclass(frozen=True)
class CertificateRow:
    """One certificate as listed (`mrs cert list`), with its QR payload text."""

    number: str
    country: str
    status: str
    kind: str
    holder: str
    holder_native: str | None
    occupation_code: str
    occupation_title: str
    aqrf_level: int
    units: list[str]
    issued_on: date
    revoked_on: date | None
    revoked_reason: str | None
    assessment_id: str
    payload: str


@dataclass
class Facts:
    """An assessment with its candidate, occupation and achieved units (codes and titles)."""

    assessment: Assessment
    candidate: Candidate
    occupation: Occupation
    achieved: list[str]
    titles: dict[str, str]


def assessment_facts(session: Session, assessment: Assessment) -> Facts:
    units = session.execute(
        select(CompetencyUnit.code, CompetencyUnit.title, UnitResult.outcome)
        .join(UnitResult, UnitResult.unit_id == CompetencyUnit.id)
        .where(UnitResult.assessment_id == assessment.id, UnitResult.deleted.is_(False))
        .order_by(CompetencyUnit.code)).all()
    return Facts(assessment, session.get(Candidate, assessment.candidate_id),
                 session.get(Occupation, assessment.occupation_id),
                 [code for code, _, outcome in units if outcome in ACHIEVED],
                 {code: title for code, title, _ in units})


def certificate_rows(session: Session) -> list[CertificateRow]:
    query = (select(Certificate, Assessment, Candidate, Occupation)
             .join(Assessment, Assessment.id == Certificate.assessment_id)
             .join(Candidate, Candidate.id == Assessment.candidate_id)
             .join(Occupation, Occupation.id == Assessment.occupation_id)
             .where(Certificate.deleted.is_(False)).order_by(Certificate.number.desc()))
    return [CertificateRow(c.number, c.country, c.status, c.kind, candidate_name(p), p.name_native,
                           o.code, o.title, a.aqrf_level, [u for u in c.units.split(",") if u],
                           c.issued_on, c.revoked_on, c.revoked_reason, a.id, c.payload)
            for c, a, p, o in session.execute(query)]


def issuer_organisation(session: Session, store: Store, country: str) -> str:
    """This node's organisation for its own certificates, else the trusted peer's of that country."""
    if store.node is not None and store.node.country == country:
        return store.node.organisation
    peer = session.scalar(select(Peer.organisation).where(Peer.country == country,
                                                          Peer.revoked_at.is_(None)))
    return peer or country


def view_facts(session: Session, store: Store, cert: Certificate,
               identity: CertificateIdentity | None = None) -> CertificateView:
    """What to print for `cert`; pass the node's `identity` when drawing many (read once)."""
    assessment = session.get(Assessment, cert.assessment_id)
    facts = assessment_facts(session, assessment)
    assessors = session.scalars(select(Assessor).join(
        AssessmentAssessor, AssessmentAssessor.assessor_id == Assessor.id).where(
        AssessmentAssessor.assessment_id == assessment.id,
        AssessmentAssessor.deleted.is_(False)).order_by(Assessor.family_name))
    codes = [u for u in cert.units.split(",") if u]
    # The ministry's own wording and logo belong to this node's certificates only.
    own = store.node is not None and store.node.country == cert.country
    if own and identity is None:
        identity = identity_in(session, store)
    return CertificateView(
        number=cert.number, holder_name_latin=candidate_name(facts.candidate),
        holder_name_native=facts.candidate.name_native,
        occupation_title=facts.occupation.title, aqrf_level=assessment.aqrf_level,
        kind=cert.kind,
        qualification_title=facts.occupation.title if cert.kind == "full" else None,
        units=[(code, facts.titles.get(code, code)) for code in codes],
        assessed_on=assessment.assessed_on, issued_on=cert.issued_on,
        assessor_name=", ".join(assessor_name(a) for a in assessors),
        issuer_country=cert.country,
        issuer_organisation=issuer_organisation(session, store, cert.country),
        issuer_organisation_native=identity.organisation_native if own else None,
        logo=identity.logo if own else None, qr_text=cert.payload)
