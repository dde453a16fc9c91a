"""Undo and redo below the GUI: old values written back as new, logged changes."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from mrs_desktop.db.models import Accreditation, Assessor, ChangeLog
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import InputRejected
from mrs_desktop.services import assessors
from mrs_desktop.services.undo import UndoStack

ACC = dict(sector="construction", occupation_code="CON-TIL-2", occupation_title="Tiler", aqrf_level=2,
           accreditation_no="KH-A-001", accredited_on="2025-01-10", valid_until="2028-01-09")


def _add(store) -> str:
    return assessors.add_assessor(UnitOfWork(store), {"family_name": "Sok", "given_names": "Dara",
                                                      "assessor_ref": "A1"}, [ACC]).primary


def _get(store, model, row_id):
    with store.session() as session:
        return session.get(model, row_id)


def test_undo_and_redo_a_suspension(store):
    stack = UndoStack()
    _add(store)
    with store.session() as session:
        acc_id = session.scalar(select(Accreditation.id))
    changes = assessors.set_accreditation_status(UnitOfWork(store), [acc_id], "suspended",
                                                 reason="Complaint under review", on_date="2026-11-01")
    stack.push("Suspend accreditation", changes)
    assert stack.undo_label == "Suspend accreditation" and stack.redo_label is None

    undone = stack.undo(UnitOfWork(store))
    acc = _get(store, Accreditation, acc_id)
    assert (acc.status, acc.status_reason, acc.status_date) == ("active", None, None)
    assert "accreditation" in undone.registers and stack.redo_label == "Suspend accreditation"

    stack.redo(UnitOfWork(store))
    acc = _get(store, Accreditation, acc_id)
    assert acc.status == "suspended" and acc.status_reason == "Complaint under review"
    assert stack.undo_label == "Suspend accreditation"


def test_undo_of_an_addition_is_a_tombstone_and_is_logged(store):
    stack = UndoStack()
    changes = assessors.add_assessor(UnitOfWork(store), {"family_name": "Sok"}, [ACC])
    stack.push("Add assessor", changes)
    with store.session() as session:
        logged = session.scalar(select(func.count()).select_from(ChangeLog))
    stack.undo(UnitOfWork(store))
    assessor = _get(store, Assessor, changes.primary)
    assert assessor.deleted is True
    with store.session() as session:
        ops = session.execute(select(ChangeLog.register, ChangeLog.op).where(ChangeLog.seq > logged)).all()
    assert ("assessor", "delete") in ops and ("accreditation", "delete") in ops


def test_undo_refuses_when_the_record_changed_since(store):
    stack = UndoStack()
    assessor_id = _add(store)
    stack.push("Edit assessor", assessors.update_assessor(UnitOfWork(store), assessor_id, {"email": "a@b.org"}))
    assessors.update_assessor(UnitOfWork(store), assessor_id, {"email": "c@d.org"})  # not via the stack
    with pytest.raises(InputRejected, match="changed since"):
        stack.undo(UnitOfWork(store))
    assert _get(store, Assessor, assessor_id).email == "c@d.org"
    assert stack.undo_label == "Edit assessor"  # still there, nothing lost


def test_a_new_step_clears_redo_and_empty_stack_says_so(store):
    stack = UndoStack()
    assessor_id = _add(store)
    stack.push("Edit", assessors.update_assessor(UnitOfWork(store), assessor_id, {"phone": "+855 12"}))
    stack.undo(UnitOfWork(store))
    stack.push("Edit again", assessors.update_assessor(UnitOfWork(store), assessor_id, {"phone": "+855 13"}))
    assert stack.redo_label is None
    with pytest.raises(InputRejected, match="nothing to redo"):
        stack.redo(UnitOfWork(store))
