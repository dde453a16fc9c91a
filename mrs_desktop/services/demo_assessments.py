"""Demo assessments and certificates: candidates (returning migrants and workers from partner
countries, named in their own scripts), results per unit, and certificates for most of those
eligible, so the assessment and certificate pages have something to show.

Written as plain rows through db.bulk (the large demo's 2,000 assessments take a fraction of a
second); payloads are signed with the node's own key, as `mrs cert issue` signs them.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import bulk
from ..db.models import (
    Accreditation,
    Assessment,
    AssessmentAssessor,
    Candidate,
    Certificate,
    CompetencyUnit,
    Occupation,
    Setting,
    UnitResult,
)
from ..db.store import Writer
from ..domain.ids import uuid7
from ..sync import keys, qr_payload
from .assessments import ACHIEVED, roll_up
from .catalogue import occupation_id, unit_id
from .demo_people import Person, names
from .demo_records import OCCUPATIONS, occupation_code

SIZES = {"small": 80, "large": 2_000}  # assessments
# The units of competency of the occupations the demo assesses (short code → unit titles).
UNITS = {
    "TIL": ("Prepare surfaces for tiling", "Set out tiling work", "Install wall tiles",
            "Install floor tiles", "Apply grout and sealants", "Work safely at heights"),
    "MAS": ("Read and interpret plans", "Mix mortar and concrete", "Lay bricks and blocks",
            "Build corners and openings", "Apply cement plaster"),
    "FBS": ("Provide food and beverage service", "Take orders and make recommendations",
            "Serve wine and non-alcoholic drinks", "Handle guest complaints",
            "Follow food safety and hygiene procedures"),
    "COO": ("Use basic methods of cookery", "Prepare appetisers and salads",
            "Prepare stocks, sauces and soups", "Prepare vegetables, eggs and rice dishes",
            "Maintain kitchen hygiene", "Receive and store kitchen supplies"),
    "CGV": ("Provide daily living support", "Support the mobility of older persons",
            "Give basic first aid", "Communicate with persons in care and their families",
            "Follow infection control procedures"),
    "WEL": ("Interpret welding symbols", "Weld carbon steel plate (SMAW, flat position)",
            "Weld carbon steel plate (SMAW, vertical position)", "Inspect welds visually",
            "Use workshop safety equipment"),
    "LVM": ("Service light vehicle engines", "Repair braking systems",
            "Diagnose electrical faults", "Service suspension and steering"),
    "ELE": ("Install wiring and cable support systems", "Install switches and socket outlets",
            "Test and commission installations", "Interpret electrical drawings",
            "Apply electrical safety rules"),
}
LEVELS = {"TIL": (2, 2, 3), "MAS": (2, 3), "FBS": (2, 3), "COO": (2, 3, 4), "CGV": (2, 3),
          "WEL": (2, 3), "LVM": (3, 4), "ELE": (2, 3)}
HOME_SHARE = 0.7  # the rest are workers from partner countries assessed here
MIGRANTS_FROM = ("KHM", "LAO", "MMR", "THA", "VNM", "IDN", "PHL", "MYS", "BRN", "SGP")
REVOKED = ("Issued with the wrong AQRF level; reissued", "Identity document found to be forged",
           "Assessment annulled after the moderation review")


@dataclass
class _Made:
    """One demo assessment before it is written: ids, outcome per unit and what it certifies."""

    assessment: dict
    candidate: dict
    person: Person
    short: str
    codes: list[str]


def add_assessments(session: Session, writer: Writer, rnd: random.Random, today: date, home: str,
                    own_assessors: list, key: keys.NodeKey, size: str) -> None:
    """Candidates, assessments with unit results and assessors, then certificates for about
    three quarters of those eligible (a few revoked)."""
    _add_units(session, home)
    candidates, made = _make(rnd, today, home, SIZES[size])
    bulk.insert_rows(session, writer, Candidate, candidates)
    bulk.insert_rows(session, writer, Assessment, [m.assessment for m in made])
    bulk.insert_rows(session, writer, UnitResult, [
        {"assessment_id": m.assessment["id"], "unit_id": unit_id(home, code), "outcome": outcome}
        for m in made for code, outcome in m.codes])
    if own_assessors:  # (id, country, person) of this node's own assessors
        pick = _AccreditedPick(session, home, rnd, [a[0] for a in own_assessors])
        bulk.insert_rows(session, writer, AssessmentAssessor, [
            {"country": home, "assessment_id": m.assessment["id"], "assessor_id": assessor_id}
            for m in made for assessor_id in pick.assessors(m.assessment, 1 + (rnd.random() < 0.2))])
    _add_certificates(session, writer, rnd, today, home, made, key)


class _AccreditedPick:
    """Assessors for a demo assessment: accredited for its occupation (or sector) at its level on
    its date, as a real centre would pick them; one in twenty picked at random instead, so the
    page's warning for an uncovered assessor has something to show."""

    def __init__(self, session: Session, home: str, rnd: random.Random, everyone: list[str]):
        self.rnd, self.everyone = rnd, everyone
        self.sector_of = dict(session.execute(
            select(Occupation.id, Occupation.sector_id).where(Occupation.country == home)).all())
        self.covering: dict[str, list[tuple]] = defaultdict(list)  # occupation or sector id → rows
        for row in session.execute(select(
                Accreditation.assessor_id, Accreditation.occupation_id, Accreditation.sector_id,
                Accreditation.aqrf_level, Accreditation.accredited_on, Accreditation.valid_until).where(
                Accreditation.country == home, Accreditation.status == "active",
                Accreditation.deleted.is_(False))):
            self.covering[row.occupation_id or row.sector_id].append(tuple(row))

    def assessors(self, assessment: dict, count: int) -> list[str]:
        on, level = assessment["assessed_on"], assessment["aqrf_level"]
        occupation = assessment["occupation_id"]
        rows = self.covering.get(occupation, []) + self.covering.get(self.sector_of.get(occupation), [])
        fit = list({r[0] for r in rows if r[3] >= level and r[4] <= on <= r[5]})
        if not fit or self.rnd.random() < 0.05:
            fit = self.everyone
        return self.rnd.sample(fit, min(len(fit), count))


def _add_units(session: Session, home: str) -> None:
    for short, units in UNITS.items():
        code = occupation_code(home, short)
        for n, title in enumerate(units, 1):
            unit_code = f"{code}-{n:02d}"
            if session.get(CompetencyUnit, unit_id(home, unit_code)) is None:
                session.add(CompetencyUnit(id=unit_id(home, unit_code), country=home, code=unit_code,
                                           title=title, occupation_id=occupation_id(home, code)))
    session.flush()  # unit results refer to them


def _make(rnd: random.Random, today: date, home: str, count: int) -> tuple[list[dict], list[_Made]]:
    """The candidates (new records) and the assessments, in the order they were made."""
    pool_home = names()[home]
    partners = [c for c in MIGRANTS_FROM if c != home]
    people: list[tuple[dict, Person]] = []
    documents: set[tuple[str, str]] = set()
    made: list[_Made] = []
    centres = pool_home.organisations
    sheets: dict[tuple, str] = {}
    for _ in range(count):
        # One in six assessments is a person's second (another occupation or a retake).
        if people and rnd.random() < 1 / 6:
            candidate, person = rnd.choice(people)
        else:
            nationality = home if rnd.random() < HOME_SHARE else rnd.choice(partners)
            person = names()[nationality].person(rnd)
            document = _document(rnd, nationality, documents)
            candidate = {"id": uuid7(), "country": home, "family_name": person.family_name,
                         "given_names": person.given_names, "name_native": person.name_native,
                         "sex": person.sex, "nationality": nationality, "id_document_no": document,
                         "date_of_birth": date(1975, 1, 1) + timedelta(days=rnd.randrange(29 * 365))}
            people.append((candidate, person))
        short = rnd.choice(tuple(UNITS))
        assessed_on = today - timedelta(days=rnd.randrange(3, 540))
        centre = rnd.choice(centres)
        codes = _outcomes(rnd, occupation_code(home, short), len(UNITS[short]))
        sheet = sheets.setdefault((centre, assessed_on.year, assessed_on.month, short),
                                  f"{home}-RS-{assessed_on.year}-{len(sheets) + 1:03d}")
        assessment = {"id": uuid7(), "country": home, "candidate_id": candidate["id"],
                      "occupation_id": occupation_id(home, occupation_code(home, short)),
                      "aqrf_level": rnd.choice(LEVELS[short]), "centre": centre,
                      "assessed_on": assessed_on, "result": roll_up(o for _, o in codes),
                      "sheet_ref": sheet}
        made.append(_Made(assessment, candidate, person, short, codes))
    return [c for c, _ in people], made


def _document(rnd: random.Random, nationality: str, used: set[tuple[str, str]]) -> str:
    while True:
        document = f"{nationality[0]}{rnd.randrange(10**7, 10**8)}"
        if (nationality, document) not in used:
            used.add((nationality, document))
            return document


def _outcomes(rnd: random.Random, code: str, count: int) -> list[tuple[str, str]]:
    """Most candidates competent in every unit (some by RPL or credit transfer), a quarter in
    some, a few in none."""
    roll = rnd.random()
    outcomes = []
    for n in range(1, count + 1):
        if roll < 0.65:
            outcome = rnd.choices(("C", "RPL_G", "CT"), (88, 8, 4))[0]
        elif roll < 0.92:
            outcome = rnd.choices(("C", "NYC", "RPL_NG"), (65, 30, 5))[0]
        else:
            outcome = rnd.choices(("NYC", "W"), (80, 20))[0]
        outcomes.append((f"{code}-{n:02d}", outcome))
    if 0.65 <= roll < 0.92 and all(o in ACHIEVED for _, o in outcomes):
        outcomes[-1] = (outcomes[-1][0], "NYC")  # partly competent means a unit was missed
    return outcomes


def _add_certificates(session: Session, writer: Writer, rnd: random.Random, today: date,
                      home: str, made: list[_Made], key: keys.NodeKey) -> None:
    titles = {short: title for _, short, title in OCCUPATIONS}
    chosen = []
    for m in made:
        a = m.assessment
        issued_on = a["assessed_on"] + timedelta(days=rnd.randrange(14, 60))
        if a["result"] in ("competent", "partly_competent") and issued_on < today and rnd.random() < 0.75:
            chosen.append((issued_on, m))
    chosen.sort(key=lambda pair: (pair[0], pair[1].assessment["id"]))
    serial: dict[int, int] = defaultdict(int)
    rows = []
    for i, (issued_on, m) in enumerate(chosen):
        serial[issued_on.year] += 1
        number = f"{home}-{issued_on.year:04d}-{serial[issued_on.year]:06d}"
        achieved = sorted(code for code, outcome in m.codes if outcome in ACHIEVED)
        full = m.assessment["result"] == "competent"
        code = occupation_code(home, m.short)
        holder = " ".join(filter(None, (m.candidate["family_name"], m.candidate["given_names"])))
        payload = qr_payload.encode(qr_payload.CertificatePayload(
            number=number, holder_latin=holder, holder_native=m.candidate["name_native"],
            occupation_code=code, occupation_title=titles[m.short], aqrf_level=m.assessment["aqrf_level"],
            qualification=code if full else None, units=tuple(achieved), issued_on=issued_on,
            issuer_country=home), key)
        revoked = i % 33 == 5  # about 3%, and always some: the pages and their tests show one
        rows.append({"country": home, "number": number, "assessment_id": m.assessment["id"],
                     "kind": "full" if full else "units", "units": ",".join(achieved),
                     "issued_on": issued_on, "status": "revoked" if revoked else "valid",
                     "revoked_on": min(today, issued_on + timedelta(days=rnd.randrange(20, 200)))
                     if revoked else None,
                     "revoked_reason": rnd.choice(REVOKED) if revoked else None, "payload": payload})
    bulk.insert_rows(session, writer, Certificate, rows)
    for year, last in serial.items():  # the sequence goes on from here, as after `mrs cert issue`
        session.merge(Setting(key=f"certificate_counter:{home}-{year}", value=str(last)))
