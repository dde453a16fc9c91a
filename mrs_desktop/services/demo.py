"""`mrs demo`: fill an empty database with realistic demo data in all the region's scripts.

"small" is for trying the app (a few hundred assessors, trainings, action plans, equivalences,
80 assessments and their certificates); "large" is for benchmarks (100,000 assessors and 2,000
assessments, written through db.bulk in a few seconds).
Everything is made from a seeded random generator, so a seed gives the same register (record
ids and clock stamps aside); dates are relative to `today`, so "expiring soon" stays true.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import func, select

from ..db import bulk
from ..db.models import (Accreditation, ActionPlan, Assessment, Assessor, Certificate, Equivalence,
                         Training)
from ..db.store import Store
from ..db.uow import UnitOfWork
from ..domain.changes import Changes
from ..domain.clock import today as default_today
from ..domain.errors import FieldError, InputRejected, ValidationError
from ..domain.reference import countries
from ..domain.task import Progress
from ..sync import keys
from . import demo_assessments, demo_plans, demo_records
from .demo_register import RegisterMaker, country_plan

SIZES = {"small": 300, "large": 100_000}
BATCH = 5_000  # assessors per bulk write: progress and cancel checks come this often


def load_demo(store: Store, size: str = "small", *, progress: Progress | None = None, seed: int = 7,
              today: date | None = None) -> Changes:
    """Write the demo in one transaction; NoNode without a node, InputRejected if not empty."""
    if size not in SIZES:
        raise ValidationError(FieldError("size", f"'{size}' is not one of: {', '.join(SIZES)}"))
    progress = progress or Progress()
    today = today or default_today()
    rnd = random.Random(seed)
    with UnitOfWork(store) as uow:
        home, writer = uow.country, uow.writer  # NoNode first
        if filled := _filled_registers(uow):
            raise InputRejected(f"this database already has {' and '.join(filled)}; demo data only goes "
                                "into an empty database (make one with `mrs --db NEW.sqlite init ...`)")
        occupations = demo_records.add_catalogue(uow.session, list(countries()), home)
        maker = RegisterMaker(rnd, today, home, writer.node_id, occupations)
        own = _add_register(uow, maker, country_plan(SIZES[size], home, rnd), progress)
        progress.check()
        demo_records.add_trainings(uow.session, rnd, today, home, own[:400])
        demo_plans.add_action_plans(uow.session, rnd, today, home)
        demo_records.add_equivalences(uow.session, home)
        demo_assessments.add_assessments(uow.session, writer, rnd, today, home, own,
                                         keys.load_private_key(store.key_path), size)
        progress.report(SIZES[size], SIZES[size], "saving")
        return uow.commit()


def _filled_registers(uow: UnitOfWork) -> list[str]:
    """The registers the demo fills that already hold records (their numbers would collide)."""
    return [name for name, model in (("assessors", Assessor), ("trainings", Training),
                                     ("action plans", ActionPlan), ("equivalences", Equivalence),
                                     ("assessments", Assessment), ("certificates", Certificate))
            if uow.session.scalar(select(func.count()).select_from(model))]


def _add_register(uow: UnitOfWork, maker: RegisterMaker, plan: list[str], progress: Progress) -> list:
    """Assessors and accreditations in batches; returns some of the node's own people."""
    conn = uow.session.connection()
    cache_size = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    # The accreditation table's five indexes outgrow SQLite's default 2 MB page cache; a
    # larger one for this connection, while it writes, saves about a quarter of the time.
    conn.exec_driver_sql("PRAGMA cache_size = -65536")
    try:
        return _add_batches(uow, maker, plan, progress)
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache_size)}")


def _add_batches(uow: UnitOfWork, maker: RegisterMaker, plan: list[str], progress: Progress) -> list:
    own: list = []
    for start in range(0, len(plan), BATCH):
        progress.check()
        batch = maker.batch(plan[start:start + BATCH])
        bulk.insert_rows(uow.session, uow.writer, Assessor, batch.assessors)
        bulk.insert_rows(uow.session, uow.writer, Accreditation, batch.accreditations)
        if len(own) < 400:
            own += [p for p in batch.people if p[1] == maker.home]
        progress.report(start + len(batch.assessors), len(plan), "assessors")
    return own
