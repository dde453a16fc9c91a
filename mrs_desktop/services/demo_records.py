"""Demo catalogue, trainings, action plans and occupation equivalences (tens of records, ORM).

Written straight through the models (the change-log hook stamps them) so the demo does not
depend on the registers' services; the values follow the same rules those services enforce.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy.orm import Session

from ..db.models import Equivalence, Occupation, Participant, Training
from ..domain.ids import uuid7
from .catalogue import occupation_id, sector_id
from .demo_people import full_name, names
from .demo_register import partner_node

# (sector code, short code, title): the occupations MRS works on first.
OCCUPATIONS = (
    ("tourism", "FOA", "Front office agent"), ("tourism", "FBS", "Food and beverage server"),
    ("tourism", "HKA", "Housekeeping attendant"), ("tourism", "COO", "Commis cook"),
    ("tourism", "TRG", "Tour guide"), ("construction", "MAS", "Mason"),
    ("construction", "TIL", "Tiler"), ("construction", "ELE", "Building electrician"),
    ("construction", "PLU", "Plumber"), ("automotive", "LVM", "Light vehicle mechanic"),
    ("automotive", "MCM", "Motorcycle mechanic"), ("agriculture", "CRP", "Crop production worker"),
    ("food-processing", "FPO", "Food processing operator"), ("food-processing", "BAK", "Baker"),
    ("garments", "SMO", "Sewing machine operator"),
    ("electronics", "RAC", "Refrigeration and air-conditioning technician"),
    ("electronics", "EAS", "Electronics assembler"), ("logistics", "WHO", "Warehouse operative"),
    ("logistics", "FLO", "Forklift operator"), ("health-care", "CGV", "Caregiver"),
    ("ict", "CST", "Computer service technician"), ("manufacturing", "WEL", "Welder"),
    ("fisheries", "FPW", "Fish processing worker"),
)
# How each country prefixes its national occupation codes.
CODE_PREFIX = {"KHM": "CS", "THA": "DSD", "LAO": "LNQ", "MMR": "NSSA", "VNM": "NOS", "IDN": "SKKNI",
               "MYS": "NOSS", "PHL": "NC", "SGP": "WSQ", "BRN": "NTeC"}


def occupation_code(country: str, short: str) -> str:
    return f"{CODE_PREFIX[country]}-{short}"


def add_catalogue(session: Session, countries: list[str], home: str) -> dict[str, list[tuple]]:
    """Each country's occupations; partners' entries come from their invented nodes."""
    made: dict[str, list[tuple]] = {}
    for country in countries:
        origin = None if country == home else partner_node(country)
        rows = []
        for sector, short, title in OCCUPATIONS:
            code = occupation_code(country, short)
            if session.get(Occupation, occupation_id(country, code)) is None:  # a catalogue may exist
                session.add(Occupation(id=occupation_id(country, code), origin=origin, country=country,
                                       code=code, title=title, sector_id=sector_id(sector)))
            rows.append((occupation_id(country, code), sector_id(sector), code))
        made[country] = rows
    session.flush()
    return made


def _host(home: str) -> str:
    """The regional training host: Thailand's DSD, or Malaysia when Thailand is the node."""
    return "THA" if home != "THA" else "MYS"


def training_specs(home: str) -> list[tuple]:
    """(title, kind, sector, occupation short code, host country, funder, days, months ago)."""
    host = _host(home)
    welding = "MYS" if home != "MYS" else "IDN"
    workshop = "VNM" if home != "VNM" else "LAO"
    return [
        ("Regional ToT: competency-based training for construction trades",
         "tot", "construction", "MAS", host, "ILO", 10, 14),
        ("Training of assessors: tourism front office and F&B service",
         "toa", "tourism", "FBS", host, "ASEAN Secretariat", 5, 11),
        ("Training of assessors: light vehicle mechanics",
         "toa", "automotive", "LVM", home, "Japan-ASEAN Integration Fund", 5, 9),
        ("ToT on the regional model competency standards for caregiving",
         "tot", "health-care", "CGV", "PHL", "ILO", 8, 8),
        ("Assessor moderation workshop: building electricians",
         "other", "construction", "ELE", home, "Government budget", 2, 6),
        ("Training of assessors: welding (AQRF levels 2 and 3)",
         "toa", "manufacturing", "WEL", welding, "GIZ", 6, 5),
        ("ToT: recognition of prior learning for returning migrant workers",
         "tot", None, None, home, "ILO", 4, 4),
        ("Training of assessors: garment sewing machine operators",
         "toa", "garments", "SMO", home, "Australian DFAT", 5, 3),
        ("Regional workshop on comparing occupational standards",
         "other", "tourism", "COO", workshop, "ASEAN Secretariat", 3, 2),
        ("Training of assessors: refrigeration and air-conditioning",
         "toa", "electronics", "RAC", host, "Swiss Agency for Development and Cooperation", 5, 1),
    ]


def add_trainings(session: Session, rnd: random.Random, today: date, home: str,
                  own_assessors: list[tuple[str, str, object]]) -> None:
    """About ten trainings, most with participants from the register and from partner countries."""
    partners = [c for c in ("KHM", "LAO", "MMR", "VNM", "THA") if c != home]
    for n, (title, kind, sector, short, host, funder, days, months) in enumerate(training_specs(home), 1):
        start = today - timedelta(days=30 * months + rnd.randrange(10))
        pool = names()[host]
        training = Training(
            id=uuid7(), country=home, training_ref=f"{home}-TR-{start.year}-{n:02d}", title=title,
            kind=kind, sector_id=sector_id(sector) if sector else None,
            occupation_id=occupation_id(home, occupation_code(home, short)) if short else None,
            host_institution=rnd.choice(pool.organisations), host_country=host,
            venue=rnd.choice(pool.cities), start_date=start, end_date=start + timedelta(days=days - 1),
            funder=funder, facilitators=", ".join(full_name(pool.person(rnd)) for _ in range(2)))
        session.add(training)
        session.flush()  # participants refer to it
        _add_participants(session, rnd, training, own_assessors, partners, training.end_date < today)


def _add_participants(session: Session, rnd: random.Random, training: Training,
                      own_assessors: list, partners: list[str], past: bool) -> None:
    linked = rnd.sample(own_assessors, min(len(own_assessors), rnd.randrange(4, 9)))
    for assessor_id, country, person in linked:
        session.add(Participant(id=uuid7(), training_id=training.id, assessor_id=assessor_id,
                                full_name=full_name(person), name_native=person.name_native,
                                country=country, **_outcome(rnd, training.kind, past)))
    for country in rnd.sample(partners, 3):
        for _ in range(rnd.randrange(1, 4)):
            person = names()[country].person(rnd)
            session.add(Participant(id=uuid7(), training_id=training.id, assessor_id=None,
                                    full_name=full_name(person), name_native=person.name_native,
                                    country=country, **_outcome(rnd, training.kind, past)))


def _outcome(rnd: random.Random, kind: str, past: bool) -> dict:
    if not past:
        return {"attendance": None, "outcome": None}
    if rnd.random() < 0.06:
        return {"attendance": rnd.randrange(10, 50), "outcome": "withdrawn"}
    if kind == "toa":
        outcome = rnd.choices(("competent", "not_yet_competent"), (85, 15))[0]
    else:
        outcome = "completed"
    return {"attendance": rnd.choice((80, 90, 100, 100, 100)), "outcome": outcome}


def add_equivalences(session: Session, home: str) -> None:
    """A few of the node's occupations compared with partners' (the heart of mutual recognition)."""
    pairs = [("MAS", "THA", 2, "agreed"), ("FBS", "THA", 2, "agreed"),
             ("COO", "VNM", 3, "under_comparison"), ("LVM", "MYS", 3, "under_comparison"),
             ("CGV", "PHL", 2, "proposed"), ("WEL", "LAO", 2, "proposed")]
    for short, partner, level, status in pairs:
        if partner == home:
            partner = "KHM"
        notes = {"agreed": "Agreed at the bilateral technical meeting; units mapped one to one.",
                 "under_comparison": "Unit-by-unit comparison in progress; two units differ in scope.",
                 "proposed": "Proposed at the Regional Skills Technical Working Group."}[status]
        ours = occupation_id(home, occupation_code(home, short))
        theirs = occupation_id(partner, occupation_code(partner, short))
        session.add(Equivalence(id=uuid7(), country_a=home, occupation_a_id=ours, country_b=partner,
                                occupation_b_id=theirs, aqrf_level=level, status=status, notes=notes))
