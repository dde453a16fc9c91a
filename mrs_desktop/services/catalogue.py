"""The catalogue each ministry names for itself: sectors, occupations, units of competency.

Entries get a stable id from their natural key, so the same sector or occupation created on two
laptops is one record when their bundles meet.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import CompetencyUnit, Occupation, Sector
from ..domain.ids import stable_id
from ..domain.reference import sector_code, starter_sectors


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
