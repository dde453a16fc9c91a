"""The tables: node identity, catalogue, the registers (assessments and certificates too), and the
change log."""

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
    """One row per local write to a synced record, appended in the writing transaction.

    `origin` is the node that wrote (this one); records received in bundles are not logged here
    but in `bundle_log`, so the log's last `seq` tells whether anything was written since.
    """

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
    __sync__ = "append"
    code: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[short]


class Occupation(Synced, Base):
    __tablename__ = "occupation"
    __register__ = "occupation"
    __sync__ = "owned"
    __owner_field__ = "country"
    country: Mapped[country]
    code: Mapped[str] = mapped_column(String(60))
    title: Mapped[short]
    sector_id: Mapped[str | None] = mapped_column(ForeignKey("sector.id"))
    __table_args__ = (UniqueConstraint("country", "code"),)


class CompetencyUnit(Synced, Base):
    __tablename__ = "competency_unit"
    __register__ = "competency_unit"
    __sync__ = "owned"
    __owner_field__ = "country"
    country: Mapped[country]
    code: Mapped[str] = mapped_column(String(60))
    title: Mapped[short]
    occupation_id: Mapped[str | None] = mapped_column(ForeignKey("occupation.id"))
    __table_args__ = (UniqueConstraint("country", "code"),)


class Assessor(Synced, Base):
    __tablename__ = "assessor"
    __register__ = "assessor"
    __sync__ = "owned"
    __owner_field__ = "country"
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
    __sync__ = "owned"
    __owner_field__ = "country"
    # Indexed with what a register row shows of it (ix_accreditation_by_assessor, below).
    assessor_id: Mapped[str] = mapped_column(ForeignKey("assessor.id"))
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
    __table_args__ = (
        UniqueConstraint("country", "accreditation_no"),
        # A register page reads its accreditations from this index alone (revision 0004).
        Index("ix_accreditation_by_assessor", "assessor_id", "deleted", "aqrf_level", "status",
              "valid_until", "occupation_id"),
    )


class Training(Synced, Base):
    __tablename__ = "training"
    __register__ = "training"
    __sync__ = "owned"
    __owner_field__ = "country"
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
    __sync__ = "owned"
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
    __sync__ = "shared"
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
    __sync__ = "shared"
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
    __sync__ = "append"
    item_id: Mapped[str] = mapped_column(ForeignKey("action_item.id"), index=True)
    on_date: Mapped[day]
    text: Mapped[long_text]
    author: Mapped[short | None]
    new_status: Mapped[str | None] = mapped_column(String(12))
    new_percent: Mapped[int | None]


class Equivalence(Synced, Base):
    __tablename__ = "equivalence"
    __register__ = "equivalence"
    __sync__ = "shared"
    country_a: Mapped[country]
    occupation_a_id: Mapped[str] = mapped_column(ForeignKey("occupation.id"))
    country_b: Mapped[country]
    occupation_b_id: Mapped[str] = mapped_column(ForeignKey("occupation.id"))
    aqrf_level: Mapped[int]
    status: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (UniqueConstraint("occupation_a_id", "occupation_b_id", "aqrf_level"),)


# --- Assessments and certificates (revision 0003, DESIGN.md §4) -------------------------------

class Candidate(Synced, Base):
    """A person assessed: one record however often assessed (matched by document + nationality)."""

    __tablename__ = "candidate"
    __register__ = "candidate"
    __sync__ = "owned"
    __owner_field__ = "country"
    country: Mapped[country]  # the assessing country
    family_name: Mapped[str] = mapped_column(String(120))
    given_names: Mapped[str | None] = mapped_column(String(120))
    name_native: Mapped[str | None] = mapped_column(String(200))
    sex: Mapped[str | None] = mapped_column(String(10))
    date_of_birth: Mapped[date | None]
    nationality: Mapped[country]
    # Stored, shown only where needed, and never sent to partners (services.sync.schema.PRIVATE):
    # on a partner's copy it is empty.
    id_document_no: Mapped[str | None] = mapped_column(String(60))
    __table_args__ = (UniqueConstraint("country", "nationality", "id_document_no"),)


class Assessment(Synced, Base):
    __tablename__ = "assessment"
    __register__ = "assessment"
    __sync__ = "owned"
    __owner_field__ = "country"
    country: Mapped[country]
    candidate_id: Mapped[str] = mapped_column(ForeignKey("candidate.id"), index=True)
    occupation_id: Mapped[str] = mapped_column(ForeignKey("occupation.id"))
    aqrf_level: Mapped[int]
    centre: Mapped[short | None]
    assessed_on: Mapped[day]
    result: Mapped[str] = mapped_column(String(20))  # rolled up from the unit results
    sheet_ref: Mapped[str | None] = mapped_column(String(60))


class AssessmentAssessor(Synced, Base):
    __tablename__ = "assessment_assessor"
    __register__ = "assessment_assessor"
    __sync__ = "owned"
    __owner_field__ = "country"
    country: Mapped[country]
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id"), index=True)
    assessor_id: Mapped[str] = mapped_column(ForeignKey("assessor.id"))


class UnitResult(Synced, Base):
    """Append-only: a result once recorded is never edited (a new assessment supersedes it)."""

    __tablename__ = "unit_result"
    __register__ = "unit_result"
    __sync__ = "append"
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id"), index=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("competency_unit.id"))
    outcome: Mapped[str] = mapped_column(String(6))


class Certificate(Synced, Base):
    __tablename__ = "certificate"
    __register__ = "certificate"
    __sync__ = "owned"
    __owner_field__ = "country"
    country: Mapped[country]  # the issuer
    number: Mapped[str] = mapped_column(String(40), unique=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # full | units
    units: Mapped[str] = mapped_column(Text)  # comma-separated codes of the units achieved
    issued_on: Mapped[day]
    status: Mapped[str] = mapped_column(String(10))  # valid | revoked
    revoked_on: Mapped[date | None]
    revoked_reason: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)  # the signed MRS1 QR text


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Sector, Occupation, CompetencyUnit, Assessor, Accreditation, Training, Participant,
    ActionPlan, ActionItem, ProgressUpdate, Equivalence,
    Candidate, Assessment, AssessmentAssessor, UnitResult, Certificate,
)
REGISTERS = {m.__register__: m for m in SYNCED_MODELS}


# --- Sync bookkeeping (DESIGN.md §3, docs/bundle-format.md) -----------------------------------

class FieldClock(Base):
    """Clock of each field of a shared record: the stamp of the write that set its value, and
    every writer's latest write this value has seen (a version vector, JSON), which tells a
    concurrent change from a later one."""

    __tablename__ = "field_clock"
    register: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    stamp: Mapped[str] = mapped_column(String(64))
    seen: Mapped[str] = mapped_column(Text)  # {"node id": "stamp", ...}


class Peer(Base):
    """A partner node (or the hub) whose card this official trusted after comparing fingerprints."""

    __tablename__ = "peer"
    node_id: Mapped[uuid_pk]
    country: Mapped[country]
    organisation: Mapped[short]
    public_key: Mapped[str] = mapped_column(String(64))  # Ed25519, hex: verifies its bundles
    box_key: Mapped[str] = mapped_column(String(64))  # X25519, hex: bundles encrypted to it
    role: Mapped[str] = mapped_column(String(10), default="peer")  # peer | hub
    trusted_at: Mapped[str] = mapped_column(String(40))
    revoked_at: Mapped[str | None] = mapped_column(String(40))
    revoked_reason: Mapped[str | None] = mapped_column(Text)
    # What its last bundle said it has received from each origin: {"origin": "stamp"}.
    acked: Mapped[str] = mapped_column(Text, default="{}")
    # What our last export to it carried of each origin (the "unsent changes" counter).
    sent: Mapped[str] = mapped_column(Text, default="{}")
    last_in_at: Mapped[str | None] = mapped_column(String(40))
    last_out_at: Mapped[str | None] = mapped_column(String(40))


class PeerKey(Base):
    """Every signing key a peer has used: a rotated key stays to check the bundles it signed."""

    __tablename__ = "peer_key"
    public_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    node_id: Mapped[str] = mapped_column(ForeignKey("peer.node_id"), index=True)
    box_key: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[str] = mapped_column(String(40))
    retired_at: Mapped[str | None] = mapped_column(String(40))


class Received(Base):
    """How much of one origin's changes this node holds: every change up to `upto` (no gap), and
    ranges beyond a gap (a bundle missing in the sequence) as JSON [[after, upto], ...]."""

    __tablename__ = "received"
    origin: Mapped[uuid_pk]
    upto: Mapped[str] = mapped_column(String(64), default="")
    pending: Mapped[str] = mapped_column(Text, default="[]")


class BundleLog(Base):
    """Every bundle exported or imported: the history page, and what `undo last import` undoes."""

    __tablename__ = "bundle_log"
    bundle_id: Mapped[uuid_pk]
    direction: Mapped[str] = mapped_column(String(4))  # in | out
    peer_ids: Mapped[str] = mapped_column(Text)  # the sender (in) or the recipients (out), comma-separated
    file_name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(40))  # by the bundle's sender
    processed_at: Mapped[str] = mapped_column(String(40))
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON, as in the preview
    status: Mapped[str] = mapped_column(String(10))  # exported | applied | undone
    restore_point: Mapped[str | None] = mapped_column(Text)  # database copy taken before applying
    change_seq: Mapped[int | None]  # change_log's last seq after applying: later writes block undo


class HeldRecord(Base):
    """A received record whose parent has not arrived yet; applied when it does."""

    __tablename__ = "held_record"
    register: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    stamp: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)  # the record as in the bundle (JSON)
    waiting_for: Mapped[str] = mapped_column(Text)  # e.g. "assessor 0190…"
    bundle_id: Mapped[str] = mapped_column(String(36))


class Conflict(Base):
    """A concurrent change to one field of a shared record: the value applied (the later clock)
    and the value it overwrote, kept for a person to decide."""

    __tablename__ = "conflict"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    register: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(60))
    kept_value: Mapped[str] = mapped_column(Text)  # JSON
    kept_stamp: Mapped[str] = mapped_column(String(64))
    lost_value: Mapped[str] = mapped_column(Text)  # JSON
    lost_stamp: Mapped[str] = mapped_column(String(64))
    bundle_id: Mapped[str] = mapped_column(String(36))
    detected_at: Mapped[str] = mapped_column(String(40))
    resolved_at: Mapped[str | None] = mapped_column(String(40))
    resolution: Mapped[str | None] = mapped_column(String(20))  # kept | took_other | edited
