"""Schema migrations: every released revision's fixture upgrades with its data intact, and the
migration scripts build exactly the models' schema.

Fixtures come from tests/fixtures/make_fixture_db.py, one per released revision.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from mrs_desktop.db import migrate
from mrs_desktop.db.models import (
    Accreditation, ActionItem, ActionPlan, Assessment, AssessmentAssessor, Assessor, Candidate,
    Certificate, ChangeLog, Equivalence, Base, Participant, ProgressUpdate, Training, UnitResult,
)
from mrs_desktop.db.schema import HEAD, REVISIONS
from mrs_desktop.db.store import open_store, schema_revision
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.services.certificate_identity import certificate_identity
from mrs_desktop.services.certificates import list_certificates, verify

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"
FIXTURE_FILES = sorted(FIXTURES.glob("*.sqlite"))

# What make_fixture_db.py wrote into each revision's fixture: live rows per table.
_COUNTS_0001 = {Assessor: 4, Accreditation: 4, Training: 1, Participant: 2, ActionPlan: 1,
                ActionItem: 2, ProgressUpdate: 1, Equivalence: 1}
_COUNTS_0003 = {**_COUNTS_0001, Candidate: 2, Assessment: 3, AssessmentAssessor: 2, UnitResult: 8,
                Certificate: 3}
EXPECTED_COUNTS = {"0001": _COUNTS_0001, "0002": _COUNTS_0001, "0003": _COUNTS_0003, "0004": _COUNTS_0003}


def test_there_is_a_fixture_for_every_released_revision():
    assert [p.stem for p in FIXTURE_FILES] == list(REVISIONS)


@pytest.fixture(params=FIXTURE_FILES, ids=lambda p: p.stem)
def upgraded(request, tmp_path):
    """A copy of one fixture, opened (and so upgraded to the head revision)."""
    copy = tmp_path / "mrs.sqlite"
    shutil.copy(request.param, copy)
    store = open_store(copy)
    yield request.param.stem, store
    store.close()


def test_the_upgrade_reaches_the_head_revision_with_a_sound_file(upgraded):
    _, store = upgraded
    assert schema_revision(store) == HEAD
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalars().all() == ["ok"]
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        conn.exec_driver_sql("INSERT INTO assessor_fts(assessor_fts) VALUES ('integrity-check')")


def test_the_records_survive_the_upgrade(upgraded):
    revision, store = upgraded
    with store.session() as s:
        for model, count in EXPECTED_COUNTS[revision].items():
            live = s.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False)))
            assert live == count, model.__tablename__
        assert s.scalar(select(func.count()).select_from(Assessor)) == 5  # with the tombstone

        dara = s.scalars(select(Assessor).where(Assessor.assessor_ref == "KH-A-0001")).one()
        assert (dara.name_native, dara.date_of_birth) == ("សុខ ដារា", date(1984, 5, 12))
        somchai = s.scalars(select(Assessor).where(Assessor.country == "THA",
                                                   Assessor.family_name == "Jaidee")).one()
        assert somchai.name_native == "สมชาย ใจดี" and somchai.origin != store.node.id

        renewal = s.scalars(select(Accreditation).where(
            Accreditation.accreditation_no == "KH-ACC-2022-014")).one()
        assert renewal.renews_id is not None and renewal.valid_until == date(2025, 2, 28)
        suspended = s.scalars(select(Accreditation).where(Accreditation.status == "suspended")).one()
        assert suspended.status_reason == "Assessment records incomplete"

        item = s.scalars(select(ActionItem).where(ActionItem.item_ref == "1.1")).one()
        assert (item.status, item.percent) == ("in_progress", 60)
        update = s.scalars(select(ProgressUpdate).where(ProgressUpdate.item_id == item.id)).one()
        assert update.text.startswith("Units mapped: 14 of 22")
        lao = s.scalars(select(Participant).where(Participant.country == "LAO")).one()
        assert lao.name_native == "ພອນສະຫວັນ ແກ້ວມະນີ"
        assert s.scalars(select(Equivalence.status)).one() == "agreed"

        assert set(s.scalars(select(ChangeLog.op))) == {"insert", "update", "delete"}
    assert (store.node.country, store.node.organisation) == (
        "KHM", "Ministry of Labour and Vocational Training")


@pytest.fixture(params=[p for p in FIXTURE_FILES if p.stem >= "0003"], ids=lambda p: p.stem)
def upgraded_with_assessments(request, tmp_path):
    """A copy of a fixture written since assessments exist (0003 on), opened and upgraded."""
    copy = tmp_path / "mrs.sqlite"
    shutil.copy(request.param, copy)
    store = open_store(copy)
    yield store
    store.close()


def test_assessments_and_certificates_survive_the_upgrade(upgraded_with_assessments):
    """Candidates, results per unit, certificates (one revoked) and the node's certificate
    identity; the certificates still verify against the node's key."""
    store = upgraded_with_assessments
    with store.session() as s:
        lao = s.scalars(select(Candidate).where(Candidate.nationality == "LAO")).one()
        assert (lao.name_native, lao.id_document_no) == ("ພອນສະຫວັນ ແກ້ວມະນີ", "P1234567")
        results = dict(s.execute(select(Assessment.assessed_on, Assessment.result).where(
            Assessment.candidate_id != lao.id)).all())
        assert results == {date(2026, 2, 10): "partly_competent", date(2026, 4, 14): "competent"}
    rows = {r.number: r for r in list_certificates(store)}
    assert rows["KHM-2026-000001"].revoked_reason == "superseded by the certificate of the retake"
    assert rows["KHM-2026-000003"].units == ["KH-CON-TIL-2-01", "KH-CON-TIL-2-02"]
    assert [verify(store, rows[n].payload).status for n in sorted(rows)] == ["revoked", "valid", "valid"]
    identity = certificate_identity(store)
    assert identity.organisation_native == "ក្រសួងការងារ និងបណ្តុះបណ្តាលវិជ្ជាជីវៈ"
    assert identity.logo_info.format == "PNG"


def test_names_are_found_after_the_upgrade(upgraded):
    _, store = upgraded
    with store.engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT a.family_name FROM assessor_fts JOIN assessor a ON a.rowid = assessor_fts.rowid "
            "WHERE assessor_fts MATCH ? ORDER BY a.family_name", ('"ចាន់"*',)).scalars().all()
    assert found == ["Chan"]


def test_an_upgraded_database_has_the_faster_search_structures(upgraded):
    """Revision 0004: the name index keeps 3-character prefixes, and a register row's
    accreditations are read from their index without touching the table."""
    _, store = upgraded
    with store.engine.connect() as conn:
        fts = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'assessor_fts'").scalar()
        names = conn.exec_driver_sql(
            "SELECT a.family_name FROM assessor_fts JOIN assessor a ON a.rowid = assessor_fts.rowid "
            "WHERE assessor_fts MATCH ? ORDER BY a.family_name", ('"cha"*',)).scalars().all()
        plan = " ".join(r[-1] for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT c.aqrf_level, c.status, c.valid_until, c.occupation_id "
            "FROM accreditation c WHERE c.assessor_id = ? AND c.deleted = 0", ("x",)))
        conn.exec_driver_sql("INSERT INTO assessor_fts(assessor_fts) VALUES ('integrity-check')")
    assert "prefix='3'" in fts
    assert names == ["Chan"]  # found through the 3-character prefix index
    assert "COVERING INDEX ix_accreditation_by_assessor" in plan


def test_an_upgraded_database_takes_new_writes_after_its_last_stamp(upgraded):
    _, store = upgraded
    with store.session() as s:
        last = s.scalar(select(func.max(ChangeLog.hlc)))
    with UnitOfWork(store) as uow:
        plan = ActionPlan(owner_country="KHM", title="KHM–LAO action plan", partner_countries="LAO")
        uow.session.add(plan)
        uow.commit()
    assert plan.hlc > last


def test_a_fixture_is_backed_up_only_when_it_needs_an_upgrade(upgraded):
    revision, store = upgraded
    backups = list((store.path.parent / "backups").glob("*.sqlite"))
    assert len(backups) == (0 if revision == HEAD else 1)


def test_schema_revisions_match_the_migration_scripts():
    assert list(REVISIONS) == migrate.script_revisions()
    assert HEAD == REVISIONS[-1]


@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_the_migrations_build_exactly_the_models_schema(bare_store):
    def ours(name, type_, _parent):
        # The name index is an FTS5 virtual table (and its shadow tables) made by raw SQL;
        # Alembic cannot reflect an index on expressions (COLLATE NOCASE): compared below.
        return not ((type_ == "table" and name.startswith("assessor_fts"))
                    or (type_ == "index" and name == "ix_assessor_name"))

    with bare_store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "compare_type": True, "compare_server_default": True, "include_name": ours})
        assert compare_metadata(context, Base.metadata) == []
        built = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'ix_assessor_name'").scalar()
    assert built is not None and "family_name COLLATE NOCASE, given_names COLLATE NOCASE" in built


def test_the_fixture_files_are_left_untouched(tmp_path):
    """Tests open copies: the committed fixtures must not grow -wal/-shm files or change."""
    for path in FIXTURE_FILES:
        assert not Path(str(path) + "-wal").exists() and not Path(str(path) + "-shm").exists()
        header = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        try:
            assert header.execute("SELECT version_num FROM alembic_version").fetchone() == (path.stem,)
        finally:
            header.close()


def test_shared_records_have_field_clocks_after_the_upgrade(upgraded):
    """0002 gives shared records written before it a clock per field, from the record's stamp."""
    _, store = upgraded
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT f.stamp, i.hlc, f.seen FROM field_clock f JOIN action_item i ON i.id = f.row_id "
            "WHERE f.register = 'action_item' AND f.field = 'status'").all()
    assert len(rows) == 2
    for stamp, hlc, seen in rows:
        assert stamp == hlc and json.loads(seen) == {hlc[20:]: hlc}


def test_revision_0004_rebuilds_the_name_index_with_revision_0001s_tokenizer():
    """Each migration freezes its literals; the rebuilt index must still tokenize as before."""
    import importlib

    first = importlib.import_module("mrs_desktop.db.migrations.versions.0001_initial_schema")
    fourth = importlib.import_module("mrs_desktop.db.migrations.versions.0004_search_speed")
    assert fourth.ASEAN_MARKS == first.ASEAN_MARKS
    assert fourth._name_index(None)[3] == first.ASSESSOR_FTS[0]
