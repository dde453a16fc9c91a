"""Operations on the assessor register: people, accreditations, status changes."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable, Mapping

from ...services import assessors
from . import Op, op, tr


def add_assessor(*, values: Mapping[str, Any], accreditations: Iterable[Mapping[str, Any]] = ()) -> Op:
    accs = [dict(a) for a in accreditations]
    return op(tr("Add assessor"), lambda uow: assessors.add_assessor(uow, dict(values), accs))


def update_assessor(*, assessor_id: str, values: Mapping[str, Any]) -> Op:
    return op(tr("Edit assessor"), lambda uow: assessors.update_assessor(uow, assessor_id, dict(values)))


def remove_assessors(*, assessor_ids: Iterable[str]) -> Op:
    ids = list(assessor_ids)
    label = tr("Delete assessor") if len(ids) == 1 else tr("Delete {n} assessors").format(n=len(ids))
    return op(label, lambda uow: assessors.remove_assessors(uow, ids))


def add_accreditation(*, assessor_id: str, values: Mapping[str, Any]) -> Op:
    return op(tr("Add accreditation"), lambda uow: assessors.add_accreditation(uow, assessor_id, dict(values)))


def renew_accreditation(*, accreditation_id: str, valid_until: date, accreditation_no: str | None = None,
                        accredited_on: date | None = None) -> Op:
    return op(tr("Renew accreditation"), lambda uow: assessors.renew_accreditation(
        uow, accreditation_id, valid_until=valid_until, accreditation_no=accreditation_no,
        accredited_on=accredited_on))


def set_accreditation_status(*, accreditation_ids: Iterable[str], status: str, reason: str | None,
                             on_date: date | None = None) -> Op:
    ids = list(accreditation_ids)
    labels = {"suspended": tr("Suspend accreditation"), "revoked": tr("Revoke accreditation"),
              "active": tr("Reinstate accreditation")}
    return op(labels.get(status, tr("Change accreditation status")),
               lambda uow: assessors.set_accreditation_status(uow, ids, status, reason=reason, on_date=on_date))
