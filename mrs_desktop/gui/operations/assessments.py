"""Operations on assessments: recording one by hand (undoable) and issuing certificates.

Issuing is not undoable: a certificate once issued may already be printed, and its number is
never reused; a wrong one is revoked (with a reason) on the Certificates page. Running it clears
the undo history, so an assessment cannot be undone from under its certificate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from ...db.uow import UnitOfWork
from ...domain.changes import Changes
from ...domain.task import Progress
from ...services import assessments
from . import Op, tr


@dataclass
class RecordOutcome:
    """Filled in on the worker; read on the GUI thread once the op has succeeded."""

    assessment_id: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class IssueOutcome:
    numbers: list[str] = field(default_factory=list)


def record_assessment(*, values: Mapping[str, Any], units: Sequence[tuple[str, str]],
                      assessor_ids: Sequence[str] = (), outcome: RecordOutcome | None = None) -> Op:
    """One assessment with its unit outcomes (code, outcome code) and assessors."""
    values, units, assessor_ids = dict(values), list(units), list(assessor_ids)

    def action(uow: UnitOfWork, _progress: Progress) -> Changes:
        done = assessments.record_assessment(uow, values, units, assessor_ids)
        if outcome is not None:
            outcome.assessment_id, outcome.warnings = done.assessment_id, list(done.warnings)
        return done.changes

    return Op(tr("Record assessment"), action)


def issue_certificates(*, assessment_ids: Sequence[str] = (), all_eligible: bool = False,
                       outcome: IssueOutcome | None = None) -> Op:
    """Certificates for these assessments (or every eligible one), numbered in issue order."""
    ids = list(assessment_ids)

    def action(uow: UnitOfWork, _progress: Progress) -> Changes:
        # Imported here: certificates load reportlab and the signing keys, which the page
        # does not need until a certificate is issued.
        from ...services.certificates import issue_certificates as issue

        numbers = issue(uow, ids, all_eligible=all_eligible)
        if outcome is not None:
            outcome.numbers = numbers
        return uow.changes

    return Op(tr("Issue certificates"), action, undoable=False,
              progress_label=tr("Issuing certificates…"))
