"""`mrs demo` also records assessments with unit results and issues certificates for most of the
eligible ones, in every script of the region, signed so they verify."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from mrs_desktop.db.models import Assessment, Candidate, Certificate, Setting, UnitResult
from mrs_desktop.db.store import open_store
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.services.assessments import roll_up
from mrs_desktop.services.certificate_verify import verify
from mrs_desktop.services.certificates import issue_certificates, list_certificates
from mrs_desktop.services.demo import load_demo
from mrs_desktop.services.node import init_node

TODAY = date(2026, 3, 2)
SCRIPTS = {"Khmer": (0x1780, 0x17FF), "Thai": (0x0E00, 0x0E7F), "Lao": (0x0E80, 0x0EFF),
           "Myanmar": (0x1000, 0x109F)}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("demo") / "mrs.sqlite")
    init_node(store, country="THA", organisation="Department of Skill Development")
    changes = load_demo(store, "small", today=TODAY)
    yield store, changes
    store.close()


def test_assessments_with_unit_results_and_certificates(demo):
    store, changes = demo
    assert changes.counts["assessment"] == 80 and changes.counts["unit_result"] >= 320
    assert 40 <= changes.counts["certificate"] <= 75 and changes.counts["candidate"] < 80
    with store.session() as session:
        results = dict(session.execute(select(Assessment.result, func.count()).group_by(Assessment.result)).all())
        assert set(results) == {"competent", "partly_competent", "not_yet_competent"}
        for assessment in session.scalars(select(Assessment)):
            outcomes = session.scalars(select(UnitResult.outcome).where(
                UnitResult.assessment_id == assessment.id))
            assert roll_up(outcomes) == assessment.result
            assert assessment.assessed_on < TODAY


@pytest.mark.parametrize("script", SCRIPTS)
def test_candidates_are_named_in_every_script(demo, script):
    low, high = SCRIPTS[script]
    with demo[0].session() as session:
        natives = [n for n in session.scalars(select(Candidate.name_native)) if n]
    assert any(any(low <= ord(ch) <= high for ch in name) for name in natives)


def test_certificates_verify_and_numbers_go_on(demo):
    store, _ = demo
    rows = list_certificates(store)
    assert {r.status for r in rows} <= {"valid", "revoked"}
    assert all(r.number.startswith("THA-") and r.issued_on < TODAY for r in rows)
    for row in rows[:10]:
        assert verify(store, row.payload).status == row.status
    assert {r.kind for r in rows} == {"full", "units"}
    with store.session() as session:
        counters = dict(session.execute(select(Setting.key, Setting.value).where(
            Setting.key.like("certificate_counter:%"))).all())
        highest = session.scalar(select(func.max(Certificate.number)).where(
            Certificate.number.like("THA-2026-%")))
    assert counters["certificate_counter:THA-2026"] == str(int(highest[-6:]))
    # Some eligible assessments are left for the user to issue, and numbering goes on.
    issued = issue_certificates(UnitOfWork(store), all_eligible=True, today=TODAY)
    assert issued and issued[0] == f"THA-2026-{int(highest[-6:]) + 1:06d}"
