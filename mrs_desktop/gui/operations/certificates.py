"""Operations on certificates: revocation (issuing and printing are read-only or run as jobs)."""

from __future__ import annotations

from ...db.uow import UnitOfWork
from ...domain.changes import Changes
from ...services import certificates
from . import Op, op, tr


def revoke_certificate(*, number: str, reason: str) -> Op:
    def call(uow: UnitOfWork) -> Changes:
        certificates.revoke_certificate(uow, number, reason)
        return uow.changes  # the service commits and returns nothing; its changes stay on the uow

    return op(tr("Revoke certificate"), call)
