"""Verifying a certificate offline from its QR text or its number: the issuer's trusted key, the
signature, the status as of the last bundle from the issuer, and what it is recognised as here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Certificate, Peer, PeerKey
from ..db.store import Store
from ..domain.errors import NoNode
from ..sync import qr_payload
from .catalogue import occupation_id
from .certificate_queries import issuer_organisation
from .equivalences import recognised_as
from .records import country_name

STATUSES = ("valid", "revoked", "tampered", "untrusted", "unknown")


@dataclass
class Verification:
    """The answer to "is this certificate genuine and in force?", with what it certifies."""

    status: str  # valid | revoked | tampered | untrusted | unknown
    reason: str
    number: str | None = None
    holder: str | None = None
    holder_native: str | None = None
    issuer_country: str | None = None
    issuer_organisation: str | None = None
    issued_on: date | None = None
    occupation_code: str | None = None
    occupation_title: str | None = None
    aqrf_level: int | None = None
    units: list[str] = field(default_factory=list)
    recognised_as: list[str] = field(default_factory=list)  # equivalents in this node's country
    as_of: str | None = None  # the last bundle in from the issuer (None: issued here)
    revoked_on: date | None = None
    revoked_reason: str | None = None

    @property
    def valid(self) -> bool:
        return self.status == "valid"

    def summary(self) -> str:
        head = f"{self.status.capitalize()}: {self.reason}"
        if self.number is None or self.status in ("tampered", "untrusted"):
            return head
        lines = [head, f"{self.number} — {self.holder}" + (f" ({self.holder_native})"
                                                         if self.holder_native else ""),
                 f"issued by {country_name(self.issuer_country or '')}, {self.issuer_organisation}, "
                 f"on {self.issued_on.isoformat() if self.issued_on else '?'}",
                 f"{self.occupation_title or self.occupation_code}, AQRF level {self.aqrf_level}"]
        if self.units:
            lines.append("units: " + ", ".join(self.units))
        if self.recognised_as:
            lines.append("recognised here as: " + "; ".join(self.recognised_as))
        return "\n".join(lines)


@dataclass(frozen=True)
class _Key:
    public_key: str
    country: str
    peer: Peer | None  # None: this node's own key


def verify(store: Store, text: str) -> Verification:
    """TEXT is the QR payload or a certificate number."""
    if store.node is None:
        raise NoNode("this database has no node yet: run `mrs init --country ISO3 --organisation NAME`")
    text = (text or "").strip()
    with store.session() as session:
        if not qr_payload.is_payload_text(text):
            return _by_number(session, store, text)
        return _by_payload(session, store, text)


def _by_number(session: Session, store: Store, number: str) -> Verification:
    cert = session.scalar(select(Certificate).where(Certificate.number == number.upper(),
                                                    Certificate.deleted.is_(False)))
    if cert is None:
        return Verification("unknown", f"no certificate numbered {number!r} is known to this node "
                            "(its issuer's bundles have not brought it, or the number is wrong)",
                            number=number)
    return _by_payload(session, store, cert.payload)


def _by_payload(session: Session, store: Store, text: str) -> Verification:
    try:
        decoded = qr_payload.decode(text)
    except qr_payload.PayloadRejected as exc:
        return Verification("tampered", str(exc))
    fields = decoded[0]
    key = _trusted_key(session, store, fields.issuer_key_id)
    if key is None or key.country != fields.issuer_country:
        return Verification("untrusted", f"the issuer ({country_name(fields.issuer_country)}, key "
                            f"{fields.issuer_key_id}) is unknown to this node: its card has not "
                            "been trusted", number=fields.number,
                            issuer_country=fields.issuer_country)
    if not qr_payload.verify_signature(decoded, key.public_key):
        return Verification("tampered", "the signature does not match: the certificate was forged "
                            "or altered", number=fields.number, issuer_country=fields.issuer_country)
    return _status(session, store, text, fields, key)


def _status(session: Session, store: Store, text: str, fields, key: _Key) -> Verification:
    answer = Verification(
        "valid", "", number=fields.number, holder=fields.holder_latin,
        holder_native=fields.holder_native, issuer_country=fields.issuer_country,
        issuer_organisation=key.peer.organisation if key.peer else
        issuer_organisation(session, store, fields.issuer_country),
        issued_on=fields.issued_on, occupation_code=fields.occupation_code,
        occupation_title=fields.occupation_title, aqrf_level=fields.aqrf_level,
        units=list(fields.units), as_of=key.peer.last_in_at if key.peer else None)
    answer.recognised_as = _recognised(store, fields)
    as_of = (f"as of the last bundle from {country_name(fields.issuer_country)}, "
             f"{(answer.as_of or 'none received yet')[:10]}" if key.peer else "issued by this node")
    cert = session.scalar(select(Certificate).where(Certificate.number == fields.number,
                                                    Certificate.deleted.is_(False)))
    if cert is None:
        answer.status = "unknown"
        answer.reason = (f"the signature is genuine, but certificate {fields.number} is unknown to "
                         f"this node ({as_of}): its status cannot be checked")
    elif cert.payload != text:
        answer.status = "tampered"
        answer.reason = f"this is not the certificate recorded as {fields.number}"
    elif cert.status == "revoked":
        answer.status, answer.revoked_on, answer.revoked_reason = "revoked", cert.revoked_on, \
            cert.revoked_reason
        answer.reason = (f"revoked on {cert.revoked_on.isoformat() if cert.revoked_on else '?'}: "
                         f"{cert.revoked_reason} ({as_of})")
    else:
        answer.reason = f"genuine and not revoked ({as_of})"
    return answer


def _recognised(store: Store, fields) -> list[str]:
    here = store.node.country
    if fields.issuer_country == here:
        return []
    found = recognised_as(store, occupation_id(fields.issuer_country, fields.occupation_code), here)
    return [f"{r.title} ({r.code}), AQRF level {r.aqrf_level}" for r in found]


def _trusted_key(session: Session, store: Store, wanted: str) -> _Key | None:
    """The key whose key_id is `wanted`: this node's own, or a trusted peer's, current or retired."""
    node = store.node
    if qr_payload.key_id(node.public_key) == wanted:
        return _Key(node.public_key, node.country, None)
    rows = session.execute(select(Peer, PeerKey.public_key).join(
        PeerKey, PeerKey.node_id == Peer.node_id, isouter=True).where(Peer.revoked_at.is_(None)))
    for peer, old_key in rows:
        for candidate in (peer.public_key, old_key):
            if candidate and qr_payload.key_id(candidate) == wanted:
                return _Key(candidate, peer.country, peer)
    return None
