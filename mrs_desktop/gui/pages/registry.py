"""The sidebar's pages, in order. A page added here appears in the sidebar and the View menu.

Pages are built when first shown: the window starts with the one page the user sees, and the
others' modules (and their editors) are imported only when she opens them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication

from ..context import AppContext
from .base import Page


@dataclass(frozen=True)
class PageSpec:
    name: str
    title: Callable[[], str]  # translated sidebar label, the same as the page's own title
    build: Callable[[AppContext], Page]


def _tr(text: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate("", text)


def _lazy(module: str, cls: str) -> Callable[[AppContext], Page]:
    return lambda ctx: getattr(importlib.import_module(f"{__package__}.{module}"), cls)(ctx)


def page_specs() -> list[PageSpec]:
    return [
        PageSpec("dashboard", _tr("Dashboard"), _lazy("dashboard", "DashboardPage")),
        PageSpec("assessors", _tr("Assessors"), _lazy("assessors", "AssessorsPage")),
        PageSpec("trainings", _tr("Trainings"), _lazy("trainings", "TrainingsPage")),
        PageSpec("assessments", _tr("Assessments"), _lazy("assessments", "AssessmentsPage")),
        PageSpec("certificates", _tr("Certificates"), _lazy("certificates", "CertificatesPage")),
        PageSpec("action_plans", _tr("Action plans"), _lazy("action_plans", "ActionPlansPage")),
        PageSpec("equivalences", _tr("Equivalences"), _lazy("equivalences", "EquivalencesPage")),
        PageSpec("sync", _tr("Sync"), _lazy("sync", "SyncPage")),
    ]
