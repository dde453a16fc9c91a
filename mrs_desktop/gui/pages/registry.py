"""The sidebar's pages, in order. A page added here appears in the sidebar and the View menu."""

from __future__ import annotations

from ..context import AppContext
from .action_plans import ActionPlansPage
from .assessors import AssessorsPage
from .base import Page
from .dashboard import DashboardPage
from .equivalences import EquivalencesPage
from .trainings import TrainingsPage


def build_pages(ctx: AppContext) -> list[Page]:
    return [DashboardPage(ctx), AssessorsPage(ctx), TrainingsPage(ctx), ActionPlansPage(ctx), EquivalencesPage(ctx)]
