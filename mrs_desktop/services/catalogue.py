"""The catalogue each ministry names for itself: sectors, occupations, units of competency.

Entries get a stable id from their natural key, so the same sector or occupation created on two
laptops is one record when their bundles meet.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import CompetencyUnit, Occupation, Sector
from ..db.store import Store
from ..db.uow import UnitOfWork
from ..domain.changes import Changes
from ..domain.errors import AlreadyExists
from ..domain.fields import Checker
from ..domain.ids import stable_id
from ..domain.reference import sector_code, starter_sectors
from .records import country_name


def sector_id(code: str) -> str:
    return stable_id("sector", code)


def occupation_id(country: str, code: str) -> str:
    return stable_id("occupation", country, code)


def unit_id(country: str, code: str) -> str:
    return stable_id("unit", country, code)


def seed_sectors(session: Session) -> None:
    existing = set(session.scalars(select(Sector.code)))
    for s in starter_sectors():
        if s.code not in existing:
            session.add(Sector(id=sector_id(s.code), code=s.code, name=s.name))


def find_sector(session: Session, text: str) -> Sector | None:
    """A sector by code or by name, ignoring case."""
    code = sector_code(text)
    found = session.get(Sector, sector_id(code))
    if found is not None:
        return found
    wanted = text.strip().casefold()
    for sector in session.scalars(select(Sector).where(Sector.deleted.is_(False))):
        if sector.name.casefold() == wanted:
            return sector
    return None


def ensure_sector(session: Session, text: str) -> tuple[Sector, bool]:
    """The sector named `text`, created if the catalogue lacks it; the flag says it was new."""
    sector = find_sector(session, text)
    if sector is not None:
        return sector, False
    code = sector_code(text)
    sector = Sector(id=sector_id(code), code=code, name=" ".join(text.split()))
    session.add(sector)
    return sector, True


def ensure_occupation(session: Session, country: str, code: str, title: str | None,
                      sector: Sector | None) -> tuple[Occupation, bool]:
    occ = session.get(Occupation, occupation_id(country, code))
    if occ is not None:
        return occ, False
    occ = Occupation(id=occupation_id(country, code), country=country, code=code,
                     title=title or code, sector_id=sector.id if sector else None)
    session.add(occ)
    return occ, True


def ensure_unit(session: Session, country: str, code: str, title: str | None,
                occupation: Occupation | None) -> tuple[CompetencyUnit, bool]:
    unit = session.get(CompetencyUnit, unit_id(country, code))
    if unit is not None:
        return unit, False
    unit = CompetencyUnit(id=unit_id(country, code), country=country, code=code, title=title or code,
                          occupation_id=occupation.id if occupation else None)
    session.add(unit)
    return unit, True


def sectors(session: Session) -> list[Sector]:
    return list(session.scalars(select(Sector).where(Sector.deleted.is_(False)).order_by(Sector.name)))


def occupations(session: Session, country: str | None = None) -> list[Occupation]:
    query = select(Occupation).where(Occupation.deleted.is_(False))
    if country:
        query = query.where(Occupation.country == country)
    return list(session.scalars(query.order_by(Occupation.country, Occupation.title)))


# --- Entry by a user: validated, one transaction, own country only -----------------------------

@dataclass(frozen=True)
class OccupationRow:
    id: str
    country: str
    code: str
    title: str
    sector_id: str | None
    sector: str | None  # the sector's name


@dataclass(frozen=True)
class UnitRow:
    id: str
    country: str
    code: str
    title: str
    occupation_id: str | None
    occupation_code: str | None
    occupation_title: str | None


def add_occupation(uow: UnitOfWork, *, country: str | None, code: str, title: str,
                   sector: str | None = None) -> Changes:
    """Add an occupation to this node's country's catalogue (`country` None means that country);
    `sector` is a sector name or code, added to the catalogue if new. A code already there is
    refused; a removed one comes back with the new title."""
    with uow:
        chk = Checker()
        clean = _check_entry(chk, uow, country, code, title)
        sector_name = chk.text("sector", sector, max_len=200)
        chk.raise_if_any()
        found = _live_or_removed(uow.session, Occupation, occupation_id(clean["country"], clean["code"]),
                                 "code", f"{clean['country']} already has an occupation with code")
        sector_row = ensure_sector(uow.session, sector_name)[0] if sector_name else None
        uow.session.flush()  # a new sector first: one flush does not order inserts by foreign key
        if found is not None:
            _revive(found, title=clean["title"], sector_id=sector_row.id if sector_row else None)
        else:
            found = ensure_occupation(uow.session, clean["country"], clean["code"], clean["title"],
                                      sector_row)[0]
        uow.changes.primary = found.id
        return uow.commit()


def add_unit(uow: UnitOfWork, *, country: str | None, code: str, title: str,
             occupation_code: str | None = None) -> Changes:
    """Add a unit of competency to this node's country's catalogue, optionally under one of its
    occupations (`occupation_code`, which must already be in the catalogue)."""
    with uow:
        chk = Checker()
        clean = _check_entry(chk, uow, country, code, title)
        occ_code = chk.text("occupation_code", occupation_code, max_len=60)
        occupation = None
        if occ_code and clean["country"]:
            occupation = uow.session.get(Occupation, occupation_id(clean["country"], occ_code))
            if occupation is None or occupation.deleted:
                chk.fail("occupation_code", f"{clean['country']} has no occupation with code {occ_code}")
        chk.raise_if_any()
        found = _live_or_removed(uow.session, CompetencyUnit, unit_id(clean["country"], clean["code"]),
                                 "code", f"{clean['country']} already has a unit with code")
        if found is not None:
            _revive(found, title=clean["title"], occupation_id=occupation.id if occupation else None)
        else:
            found = ensure_unit(uow.session, clean["country"], clean["code"], clean["title"], occupation)[0]
        uow.changes.primary = found.id
        return uow.commit()


def list_occupations(store: Store, country: str | None = None) -> list[OccupationRow]:
    query = (select(Occupation, Sector.name).outerjoin(Sector, Sector.id == Occupation.sector_id)
             .where(Occupation.deleted.is_(False)).order_by(Occupation.country, Occupation.code))
    if country:
        query = query.where(Occupation.country == country.strip().upper())
    with store.session() as session:
        return [OccupationRow(o.id, o.country, o.code, o.title, o.sector_id, name)
                for o, name in session.execute(query)]


def list_units(store: Store, country: str | None = None) -> list[UnitRow]:
    """Live units of competency by country and code, with the occupation each belongs to."""
    query = (select(CompetencyUnit, Occupation.code, Occupation.title)
             .outerjoin(Occupation, Occupation.id == CompetencyUnit.occupation_id)
             .where(CompetencyUnit.deleted.is_(False))
             .order_by(CompetencyUnit.country, CompetencyUnit.code))
    if country:
        query = query.where(CompetencyUnit.country == country.strip().upper())
    with store.session() as session:
        return [UnitRow(u.id, u.country, u.code, u.title, u.occupation_id, occ_code, occ_title)
                for u, occ_code, occ_title in session.execute(query)]


def _check_entry(chk: Checker, uow: UnitOfWork, country: str | None, code: str,
                 title: str) -> dict[str, str | None]:
    clean = {"country": chk.country("country", country, default=uow.country),
             "code": chk.text("code", code, required=True, max_len=60),
             "title": chk.text("title", title, required=True, max_len=300)}
    if clean["country"] and clean["country"] != uow.country:
        # Each ministry names its own catalogue; a partner's entries arrive by sync.
        chk.fail("country", f"only {country_name(clean['country'])}'s focal point adds to its "
                 f"catalogue; this node is {country_name(uow.country)}'s")
    return clean


def _live_or_removed(session: Session, model: type, record_id: str, field: str, message: str):
    """None if new; the removed record (to bring back); AlreadyExists if it is live."""
    found = session.get(model, record_id)
    if found is not None and not found.deleted:
        raise AlreadyExists(f"{field}: {message} {found.code} ({found.title})")
    return found


def _revive(record, **values) -> None:
    record.deleted = False
    for name, value in values.items():
        if getattr(record, name) != value:
            setattr(record, name, value)
