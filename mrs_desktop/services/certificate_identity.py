"""How this node's ministry appears on its certificates: its name in the national language and its
logo. Both are node settings kept in the database (the logo as its bytes, not a path), so they
travel with a backup to a new laptop; partners' certificates never use them."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from ..db.models import Setting
from ..db.store import Store
from ..db.uow import UnitOfWork
from ..documents import CertificateView
from ..documents.logo import LogoInfo, check_logo
from ..domain.errors import InputRejected
from ..domain.fields import Checker

NATIVE_KEY, LOGO_KEY = "organisation_native", "certificate_logo"  # the logo: base64 of its bytes
KEEP = object()  # set_certificate_identity: leave this part as it is


@dataclass(frozen=True)
class CertificateIdentity:
    """The ministry as printed on this node's certificates."""

    organisation: str                 # the node's organisation, in English
    organisation_native: str | None
    logo: bytes | None

    @property
    def logo_info(self) -> LogoInfo | None:
        return check_logo(self.logo) if self.logo else None


def certificate_identity(store: Store) -> CertificateIdentity:
    with store.session() as session:
        return identity_in(session, store)


def identity_in(session: Session, store: Store) -> CertificateIdentity:
    """The identity read in an open session (certificate_views reads it once per batch)."""
    organisation = store.node.organisation if store.node else ""
    return CertificateIdentity(organisation, _value(session, NATIVE_KEY),
                               _decode(_value(session, LOGO_KEY)))


def sample_view(identity: CertificateIdentity, country: str) -> CertificateView:
    """A made-up certificate showing how this identity prints (a preview; the QR holds no payload)."""
    return CertificateView(
        number=f"{country}-2026-000123", holder_name_latin="Sample Holder", holder_name_native=None,
        occupation_title="Tiler", aqrf_level=2, kind="full", qualification_title="Tiler",
        units=[("U-01", "Prepare surfaces for tiling"), ("U-02", "Install wall and floor tiles")],
        assessed_on=date(2026, 5, 3), issued_on=date(2026, 5, 12), assessor_name="Assessor",
        issuer_country=country, issuer_organisation=identity.organisation or country,
        issuer_organisation_native=identity.organisation_native, logo=identity.logo,
        qr_text=f"SAMPLE {country}-2026-000123")


def read_logo(path: Path | str) -> bytes:
    """A logo file's bytes, checked (PNG or JPEG, readable, not too large)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputRejected(f"there is no file {path}") from None
    except OSError as exc:
        raise InputRejected(f"could not read the logo {path}: {exc.strerror}") from exc
    check_logo(data, f"the logo {path.name}")
    return data


def set_certificate_identity(uow: UnitOfWork, *, organisation_native=KEEP,
                             logo=KEEP) -> CertificateIdentity:
    """Set (text or bytes), clear (None or empty) or keep (KEEP) the national-language name and
    the logo; returns the identity as it now is."""
    with uow:
        uow.country  # NoNode: only a node issues certificates
        chk = Checker()
        native = KEEP if organisation_native is KEEP else chk.text(
            "organisation_native", organisation_native, max_len=300)
        chk.raise_if_any()
        if logo is not KEEP and logo:
            check_logo(logo)
        session = uow.session
        if native is not KEEP:
            _put(session, NATIVE_KEY, native)
        if logo is not KEEP:
            _put(session, LOGO_KEY, base64.b64encode(logo).decode("ascii") if logo else None)
        uow.commit()
    return certificate_identity(uow.store)


def _put(session: Session, key: str, value: str | None) -> None:
    found = session.get(Setting, key)
    if value is None:
        if found is not None:
            session.delete(found)
    elif found is None:
        session.add(Setting(key=key, value=value))
    else:
        found.value = value


def _value(session: Session, key: str) -> str | None:
    found = session.get(Setting, key)
    return found.value if found and found.value else None


def _decode(text: str | None) -> bytes | None:
    if not text:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None  # not a logo this version wrote: print without one rather than fail
