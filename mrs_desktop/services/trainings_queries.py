"""Reading the trainings register: filtered lists for tables, and one training with its participants."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import func, or_, select

from ..db.models import Occupation, Participant, Sector, Training
from ..db.store import Store
from ..domain import trainings as rules
from ..domain.fields import Checker
from .records import get_live


@dataclass(frozen=True)
class TrainingRow:
    """One training as a register table shows it."""

    id: str
    training_ref: str | None
    title: str
    kind: str  # tot | toa | other
    kind_name: str  # "Training of trainers", ...
    country: str  # the recording country
    host_institution: str | None
    host_country: str
    venue: str | None
    start_date: date
    end_date: date
    funder: str | None
    facilitators: str | None
    sector_id: str | None
    sector: str | None  # the sector's name
    occupation_id: str | None
    occupation_code: str | None
    occupation: str | None  # the occupation's title
    participant_count: int


@dataclass(frozen=True)
class ParticipantRow:
    id: str
    training_id: str
    full_name: str
    name_native: str | None
    country: str
    attendance: int | None  # percent of sessions attended
    outcome: str | None  # completed | competent | not_yet_competent | withdrawn
    assessor_id: str | None  # None: a person not (yet) in the register


@dataclass(frozen=True)
class TrainingDetail(TrainingRow):
    """A training with everything about it, for its page or dialog."""

    participants: tuple[ParticipantRow, ...] = ()


def list_trainings(store: Store, *, kind: str | None = None, country: str | None = None,
                   text: str | None = None, sector_id: str | None = None,
                   year: int | None = None) -> list[TrainingRow]:
    """Live trainings, latest first.

    `country`: trainings that country recorded, hosted, or sent a participant to;
    `text`: found (ignoring case) in the title, reference, host institution, venue, funder or
    facilitators; `kind`: tot, toa or other (or its name, "Training of trainers"); `year`: those
    starting in that year (as the dashboard counts "trainings this year").
    """
    chk = Checker()
    names = {name.casefold(): code for code, name in rules.TRAINING_KIND_NAMES.items()}
    kind = chk.choice("kind", names.get(str(kind).strip().casefold(), kind) if kind else None,
                      rules.TRAINING_KINDS)
    country = chk.country("country", country, required=False)
    year = chk.integer("year", year, low=1, high=9999)
    chk.raise_if_any()
    query = _base_query().order_by(Training.start_date.desc(), Training.title)
    if kind:
        query = query.where(Training.kind == kind)
    if year is not None:
        query = query.where(Training.start_date.between(date(year, 1, 1), date(year, 12, 31)))
    if sector_id:
        query = query.where(Training.sector_id == sector_id)
    if country:
        sent = select(Participant.training_id).where(Participant.country == country,
                                                     Participant.deleted.is_(False))
        query = query.where(or_(Training.country == country, Training.host_country == country,
                                Training.id.in_(sent)))
    with store.session() as session:
        rows = [_row(TrainingRow, *found) for found in session.execute(query)]
    if text and text.strip():
        wanted = text.strip().casefold()
        rows = [r for r in rows if wanted in _haystack(r)]
    return rows


def get_training(store: Store, training_id: str) -> TrainingDetail:
    """One live training with its live participants (by name); NotFound if there is none."""
    with store.session() as session:
        get_live(session, Training, training_id, "training")
        training, *rest = session.execute(_base_query().where(Training.id == training_id)).one()
        people = session.scalars(select(Participant).where(
            Participant.training_id == training_id, Participant.deleted.is_(False)))
        participants = tuple(sorted((_participant(p) for p in people),
                                    key=lambda p: (p.country, p.full_name.casefold())))
        return _row(TrainingDetail, training, *rest, participants=participants)


def _base_query():
    counts = (select(Participant.training_id, func.count().label("n"))
              .where(Participant.deleted.is_(False)).group_by(Participant.training_id).subquery())
    return (select(Training, Sector.name, Occupation.code, Occupation.title,
                   func.coalesce(counts.c.n, 0))
            .outerjoin(Sector, Sector.id == Training.sector_id)
            .outerjoin(Occupation, Occupation.id == Training.occupation_id)
            .outerjoin(counts, counts.c.training_id == Training.id)
            .where(Training.deleted.is_(False)))


def _row(cls, training: Training, sector: str | None, occ_code: str | None, occ_title: str | None,
         count: int, **extra):
    own = {f.name: getattr(training, f.name) for f in fields(TrainingRow) if hasattr(Training, f.name)}
    return cls(**own, kind_name=rules.TRAINING_KIND_NAMES.get(training.kind, training.kind),
               sector=sector, occupation_code=occ_code, occupation=occ_title,
               participant_count=count, **extra)


def _participant(p: Participant) -> ParticipantRow:
    return ParticipantRow(p.id, p.training_id, p.full_name, p.name_native, p.country,
                          p.attendance, p.outcome, p.assessor_id)


def _haystack(row: TrainingRow) -> str:
    parts = (row.title, row.training_ref, row.host_institution, row.venue, row.funder,
             row.facilitators)
    return " ".join(p for p in parts if p).casefold()
