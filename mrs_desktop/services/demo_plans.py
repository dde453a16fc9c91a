"""Demo MRS action plans: bilateral and multilateral plans, their items (some overdue), updates.

One plan is owned by a partner and arrives as if by sync (its invented node is the origin);
this node is party to it, as on a real focal point's laptop.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy.orm import Session

from ..db.models import ActionItem, ActionPlan, ProgressUpdate
from ..domain.ids import uuid7
from ..domain.reference import countries
from .catalogue import sector_id
from .demo_people import full_name, names
from .demo_register import partner_node

# (description, category, months from today to start, to due, status, percent); negative = past.
ITEMS = (
    ("Compare the national competency standards for {occupation} unit by unit",
     "Standards comparison", -14, -8, "done", 100),
    ("Agree the equivalence of {occupation} qualifications at AQRF level 2",
     "Equivalence", -8, -1, "in_progress", 60),
    ("Train assessors for {occupation} in each country (two cohorts)",
     "Assessor training", -5, 3, "in_progress", 40),
    ("Pilot assessment of migrant workers returning from {partner}",
     "Pilot assessment", -3, -1, "blocked", 10),
    ("Design the bilingual certificate and its verification by QR code",
     "Certification", -4, -2, "not_started", 0),
    ("Share the register of accredited assessors with the partner focal point",
     "Information sharing", -1, 4, "not_started", 0),
    ("Report progress to the Regional Skills Technical Working Group",
     "Reporting", -2, 2, "in_progress", 50),
    ("Joint labour market survey (replaced by the ILO regional study)",
     "Research", -10, -4, "cancelled", 0),
)
UPDATES = (
    "Technical meeting held online; both sides sent their standards in English.",
    "Working group reviewed the comparison table; two units need a closer look.",
    "Waiting for the partner ministry to confirm the assessors' names.",
    "Funding confirmed by the development partner for the next cohort.",
    "Draft shared with the partner focal point by e-mail (sync bundle attached).",
    "Delayed: the venue was not available; new dates proposed.",
)


def _plans(home: str) -> list[tuple[str, list[str], str, str, str]]:
    """(owner, partners, sector code, occupation, title) for this node's country."""
    first = "THA" if home != "THA" else "KHM"
    region = [c for c in ("LAO", "VNM", "MMR") if c != home][:2]
    name = countries()[home].name
    return [
        (home, [first], "construction", "mason",
         f"{name}–{countries()[first].name} action plan on mutual recognition of construction skills"),
        (home, region, "tourism", "food and beverage server",
         "Mutual recognition of tourism skills along the Mekong corridor"),
        (first, [home, "MMR" if home != "MMR" else "LAO"], "automotive", "light vehicle mechanic",
         f"{countries()[first].name}-led plan on automotive mechanics (AQRF level 3)"),
        (home, ["MYS" if home != "MYS" else "IDN"], "health-care", "caregiver",
         "Caregiving skills recognition pilot"),
    ]


def add_action_plans(session: Session, rnd: random.Random, today: date, home: str) -> None:
    for n, (owner, partners, sector, occupation, title) in enumerate(_plans(home), 1):
        origin = None if owner == home else partner_node(owner)
        start = _months(today, -16)
        plan = ActionPlan(id=uuid7(), origin=origin, owner_country=owner, plan_ref=f"{owner}-AP-{n:02d}",
                          title=title, partner_countries=",".join(sorted(partners)),
                          sector_id=sector_id(sector), period_start=start, period_end=_months(start, 36))
        session.add(plan)
        session.flush()  # items refer to it; the flush orders inserts by call, not by key
        chosen = [0, 1, 3, 4] + sorted(rnd.sample([2, 5, 6, 7], rnd.randrange(1, 4)))
        for k, index in enumerate(chosen, 1):
            _add_item(session, rnd, today, plan, ITEMS[index], k, occupation, partners, origin)


def _add_item(session: Session, rnd: random.Random, today: date, plan: ActionPlan, spec: tuple,
              k: int, occupation: str, partners: list[str], origin: str | None) -> None:
    text, category, start, due, status, percent = spec
    partner = rnd.choice(partners)
    agency = rnd.choice([plan.owner_country, partner])
    item = ActionItem(
        id=uuid7(), origin=origin, plan_id=plan.id, item_ref=f"{k}",
        description=text.format(occupation=occupation, partner=countries()[partner].name),
        category=category, responsible_agency=names()[agency].ministry, partner_country=partner,
        start_date=_months(today, start), due_date=_months(today, due), status=status, percent=percent)
    session.add(item)
    session.flush()
    if status in ("not_started", "cancelled"):
        return
    steps = rnd.randrange(1, 4)
    for step in range(1, steps + 1):
        on = item.start_date + (today - item.start_date) * step // (steps + 1)
        last = step == steps
        session.add(ProgressUpdate(
            id=uuid7(), origin=origin, item_id=item.id, on_date=on, text=rnd.choice(UPDATES),
            author=_signed(names()[agency].person(rnd)),
            new_status=status if last else "in_progress",
            new_percent=percent if last else percent * step // (steps + 1)))


def _signed(person) -> str:
    """An update's author as focal points sign bilingual reports: "Anong Jaidee (อนงค์ ใจดี)"."""
    name = full_name(person)
    return f"{name} ({person.name_native})" if person.name_native else name


def _months(day: date, months: int) -> date:
    return day + timedelta(days=round(30.44 * months))
