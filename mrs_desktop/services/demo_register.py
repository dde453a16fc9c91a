"""Demo assessors and their accreditations, made as plain rows for db.bulk (100,000 in seconds).

Most assessors are the node's own; the rest are partners' records as if received by sync (their
country, and a stable invented node of that country as origin). Accreditation dates spread over
the last years, so a demo register has active, expiring, expired and renewed accreditations, and
a few suspended or revoked ones with a reason.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import cache
from datetime import date, timedelta
from typing import Any

from ..domain.assessors import search_text
from ..domain.ids import stable_id, uuid7
from .demo_people import CountryNames, Person, email, names, pick_index

HOME_SHARE = 0.6
# How many of the partners' assessors come from each country (Thailand and Viet Nam train most).
PARTNER_WEIGHTS = {"THA": 9, "VNM": 9, "KHM": 8, "LAO": 7, "MMR": 7, "IDN": 4, "PHL": 4, "MYS": 3,
                   "SGP": 1, "BRN": 1}
VALIDITY = timedelta(days=3 * 365)
LEVELS, LEVEL_WEIGHTS = (1, 2, 3, 4), [10, 50, 85, 100]  # cumulative
STATUSES, STATUS_WEIGHTS = ("active", "suspended", "revoked"), [88, 95, 100]
HOW_MANY, HOW_MANY_WEIGHTS = (1, 2, 3), [70, 94, 100]  # accreditations per assessor
REASONS = {
    "suspended": ("Did not attend the annual moderation workshop",
                  "Under review after a complaint from a candidate",
                  "Assessment records incomplete at the audit",
                  "Working abroad for two years; asked to pause"),
    "revoked": ("Assessed own trainees (conflict of interest)",
                "Assessment records found to be falsified",
                "Left the occupation and the accrediting institution"),
}


@cache
def partner_node(country: str) -> str:
    """The invented node a partner's demo records come from (the same id on every laptop)."""
    return stable_id("demo-node", country)


def country_plan(total: int, home: str, rnd: random.Random) -> list[str]:
    """Which country each of `total` assessors belongs to: exact shares, in a shuffled order."""
    weights = {c: w for c, w in PARTNER_WEIGHTS.items() if c != home}
    partners = total - round(total * HOME_SHARE)
    scale = sum(weights.values())
    counts = {c: partners * w // scale for c, w in weights.items()}
    for c in sorted(weights, key=weights.get, reverse=True)[:partners - sum(counts.values())]:
        counts[c] += 1
    plan = [home] * (total - partners) + [c for c, n in counts.items() for _ in range(n)]
    rnd.shuffle(plan)
    return plan


@dataclass
class Batch:
    assessors: list[dict[str, Any]] = field(default_factory=list)
    accreditations: list[dict[str, Any]] = field(default_factory=list)
    people: list[tuple[str, str, Person]] = field(default_factory=list)  # (id, country, person)


class RegisterMaker:
    """Makes assessors with accreditations; numbers and references run on across batches."""

    def __init__(self, rnd: random.Random, today: date, home: str, home_origin: str,
                 occupations: dict[str, list[tuple[str, str | None, str]]]):
        self.rnd = rnd
        self.today = today
        self.home, self.home_origin = home, home_origin
        self.occupations = occupations  # country → [(occupation id, sector id, code)]
        self.serial: dict[str, int] = {}

    def batch(self, countries: list[str]) -> Batch:
        batch = Batch()
        for country in countries:
            self._assessor(batch, country)
        return batch

    def _assessor(self, batch: Batch, country: str) -> None:
        rnd, pool = self.rnd, names()[country]
        number = self.serial[country] = self.serial.get(country, 0) + 1
        person = pool.person(rnd)
        ref = f"{country}-AS-{number:06d}"
        assessor_id = uuid7()
        origin = self.home_origin if country == self.home else partner_node(country)
        batch.assessors.append({
            "id": assessor_id, "origin": origin, "country": country, "assessor_ref": ref,
            "family_name": person.family_name, "given_names": person.given_names,
            "name_native": person.name_native, "sex": person.sex,
            "date_of_birth": date(1965, 1, 1) + timedelta(days=rnd.randrange(36 * 365)),
            "email": email(person, number) if rnd.random() < 0.6 else None,
            "phone": pool.phone(rnd) if rnd.random() < 0.75 else None,
            "organisation": rnd.choice(pool.organisations),
            "search_text": search_text(person.family_name, person.given_names, person.name_native, ref),
        })
        batch.people.append((assessor_id, country, person))
        count = HOW_MANY[pick_index(rnd, HOW_MANY_WEIGHTS)]
        choices = self.occupations[country]
        for occupation in (rnd.choice(choices),) if count == 1 else rnd.sample(choices, count):
            self._accreditations(batch, assessor_id, origin, pool, occupation)

    def _accreditations(self, batch: Batch, assessor_id: str, origin: str, pool: CountryNames,
                        occupation: tuple[str, str | None, str]) -> None:
        rnd = self.rnd
        start = self.today - timedelta(days=rnd.randrange(20, int(4.5 * 365)))
        first = self._accreditation(assessor_id, origin, pool, occupation, start, None)
        batch.accreditations.append(first)
        # Most assessors whose accreditation ran out were renewed; the old one stays as history.
        if first["valid_until"] < self.today and first["status"] != "revoked" and rnd.random() < 0.45:
            first["status"], first["status_reason"], first["status_date"] = "active", None, None
            batch.accreditations.append(
                self._accreditation(assessor_id, origin, pool, occupation, first["valid_until"], first))

    def _accreditation(self, assessor_id: str, origin: str, pool: CountryNames,
                       occupation: tuple[str, str | None, str], start: date,
                       renews: dict[str, Any] | None) -> dict[str, Any]:
        rnd, country = self.rnd, pool.code
        number = self.serial[f"{country}/acc"] = self.serial.get(f"{country}/acc", 0) + 1
        status = STATUSES[pick_index(rnd, STATUS_WEIGHTS)]
        reason = rnd.choice(REASONS[status]) if status != "active" else None
        status_date = (start + timedelta(days=rnd.randrange(30, 700))) if reason else None
        occupation_id, sector_id, code = occupation
        return {
            "id": uuid7(), "origin": origin, "assessor_id": assessor_id, "country": country,
            "sector_id": sector_id, "occupation_id": occupation_id,
            "aqrf_level": renews["aqrf_level"] if renews else LEVELS[pick_index(rnd, LEVEL_WEIGHTS)],
            "accreditation_no": f"{country}-{code}-{start.year}-{number:06d}",
            "accrediting_body": pool.accrediting_body, "accredited_on": start,
            "valid_until": start + VALIDITY, "status": status, "status_reason": reason,
            "status_date": min(status_date, self.today) if status_date else None,
            "renews_id": renews["id"] if renews else None,
        }
