"""The tables: node identity, catalogue, the four registers, and the change log."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced, country, day, long_text, short, uuid_col, uuid_pk


class Node(Base):
    """This installation: one row, created by `mrs init` or the first-run wizard."""

    __tablename__ = "node"
    id: Mapped[uuid_pk]
    country: Mapped[country]
    organisation: Mapped[short]
    focal_point: Mapped[short | None]
    public_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(40))


class Setting(Base):
    """Settings that belong to the data (not to the user's screen): key → text."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[long_text]


class ChangeLog(Base):
    """One row per write to a synced record, appended in the writing transaction."""

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    register: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[uuid_col]
    origin: Mapped[uuid_col]
    hlc: Mapped[str] = mapped_column(String(64), index=True)
    op: Mapped[str] = mapped_column(String(10))  # insert | update | delete
    fields: Mapped[str | None] = mapped_column(Text)  # comma-separated changed fields (update)


class Sector(Synced, Base):
    __tablename__ = "sector"
    __register__ = "sector"
    code: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[short]


class Occupation(Synced, Base):
    __tablename__ = "occupation"
    __register__ = "occupation"
    country: Mapped[country]
    code: Mapped[str] = mapped_column(String(60))
    title: Mapped[short]
    sector_id: Mapped[str | None] = mapped_column(ForeignKey("sector.id"))
    __table_args__ = (UniqueConstraint("country", "code"),)


class CompetencyUnit(Synced, Base):
    __tablename__ = "competency_unit"
    __register__ = "competency_unit"
    country: Mapped[country]
    code: Mapped[str] = mapped_column(String(60))
    title: Mapped[short]
    occupation_id: Mapped[str | None] = mapped_column(ForeignKey("occupation.id"))
    __table_args__ = (UniqueConstraint("country", "code"),)


class Assessor(Synced, Base):
    __tablename__ = "assessor"
    __register__ = "assessor"
    __search_index__ = "assessor_fts"
    country: Mapped[country]  # filtered through the (country, assessor_ref) unique index
    assessor_ref: Mapped[str | None] = mapped_column(String(60))
    family_name: Mapped[str] = mapped_column(String(120))
    given_names: Mapped[str | None] = mapped_column(String(120))
    name_native: Mapped[str | None] = mapped_column(String(200))
    sex: Mapped[str | None] = mapped_column(String(10))
    date_of_birth: Mapped[date | None]
    email: Mapped[short | None]
    phone: Mapped[str | None] = mapped_column(String(60))
    organisation: Mapped[short | None]
    search_text: Mapped[long_text]  # indexed by assessor_fts (see db.search)
    __table_args__ = (
        UniqueConstraint("country", "assessor_ref"),
        # The register's default order, case-insensitive, read from the index (no sort step).
        Index("ix_assessor_name", text("family_name COLLATE NOCASE"), text("given_names COLLATE NOCASE")),
    )


class Accreditation(Synced, Base):
    __tablename__ = "accreditation"
    __register__ = "accreditation"
    assessor_id: Mapped[str] = mapped_column(ForeignKey("assessor.id"), index=True)
    country: Mapped[country]  # the accrediting country, the assessor's
    # No index on sector/occupation: filters reach accreditations through assessor_id, and
    # each index costs every import (measured 0.3 s per 100,000 rows).
    sector_id: Mapped[str | None] = mapped_column(ForeignKey("sector.id"))
    occupation_id: Mapped[str | None] = mapped_column(ForeignKey("occupation.id"))
    aqrf_level: Mapped[int]
    accreditation_no: Mapped[str] = mapped_column(String(60))
    accrediting_body: Mapped[short | None]
    accredited_on: Mapped[day]
    valid_until: Mapped[day] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(12))
    status_reason: Mapped[str | None] = mapped_column(Text)
    status_date: Mapped[date | None]
    renews_id: Mapped[str | None] = mapped_column(ForeignKey("accreditation.id"))
    __table_args__ = (UniqueConstraint("country", "accreditation_no"),)


class Training(Synced, Base):
    __tablename__ = "training"
    __register__ = "training"
    country: Mapped[country]  # the country that records (owns) it
    training_ref: Mapped[str | None] = mapped_column(String(60))
    title: Mapped[short]
    kind: Mapped[str] = mapped_column(String(10))
    sector_id: Mapped[str | None] = mapped_column(ForeignKey("sector.id"))
    occupation_id: Mapped[str | None] = mapped_column(ForeignKey("occupation.id"))
    host_institution: Mapped[short | None]
    host_country: Mapped[country]
    venue: Mapped[short | None]
    start_date: Mapped[day]
    end_date: Mapped[day]
    funder: Mapped[short | None]
    facilitators: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (UniqueConstraint("country", "training_ref"),)


class Participant(Synced, Base):
    __tablename__ = "participant"
    __register__ = "participant"
    training_id: Mapped[str] = mapped_column(ForeignKey("training.id"), index=True)
    assessor_id: Mapped[str | None] = mapped_column(ForeignKey("assessor.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    name_native: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[country]
    attendance: Mapped[int | None]
    outcome: Mapped[str | None] = mapped_column(String(20))


class ActionPlan(Synced, Base):
    __tablename__ = "action_plan"
    __register__ = "action_plan"
    owner_country: Mapped[country]
    plan_ref: Mapped[str | None] = mapped_column(String(60))
    title: Mapped[short]
    partner_countries: Mapped[str] = mapped_column(String(60))  # "KHM,LAO"
    sector_id: Mapped[str | None] = mapped_column(ForeignKey("sector.id"))
    period_start: Mapped[date | None]
    period_end: Mapped[date | None]
    __table_args__ = (UniqueConstraint("owner_country", "plan_ref"),)


class ActionItem(Synced, Base):
    __tablename__ = "action_item"
    __register__ = "action_item"
    plan_id: Mapped[str] = mapped_column(ForeignKey("action_plan.id"), index=True)
    item_ref: Mapped[str | None] = mapped_column(String(30))
    description: Mapped[long_text]
    category: Mapped[str | None] = mapped_column(String(100))
    responsible_agency: Mapped[short | None]
    partner_country: Mapped[str | None] = mapped_column(String(3))
    start_date: Mapped[date | None]
    due_date: Mapped[date | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(12))
    percent: Mapped[int] = mapped_column(default=0)


class ProgressUpdate(Synced, Base):
    """Append-only: never edited, merged by insert-or-ignore."""

    __tablename__ = "progress_update"
    __register__ = "progress_update"
    item_id: Mapped[str] = mapped_column(ForeignKey("action_item.id"), index=True)
    on_date: Mapped[day]
    text: Mapped[long_text]
    author: Mapped[short | None]
    new_status: Mapped[str | None] = mapped_column(String(12))
    new_percent: Mapped[int | None]


class Equivalence(Synced, Base):
    __tablename__ = "equivalence"
    __register__ = "equivalence"
    country_a: Mapped[country]
    occupation_a_id: Mapped[str] = mapped_column(ForeignKey("occupation.id"))
    country_b: Mapped[country]
    occupation_b_id: Mapped[str] = mapped_column(ForeignKey("occupation.id"))
    aqrf_level: Mapped[int]
    status: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (UniqueConstraint("occupation_a_id", "occupation_b_id", "aqrf_level"),)


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Sector, Occupation, CompetencyUnit, Assessor, Accreditation, Training, Participant,
    ActionPlan, ActionItem, ProgressUpdate, Equivalence,
)
REGISTERS = {m.__register__: m for m in SYNCED_MODELS}
