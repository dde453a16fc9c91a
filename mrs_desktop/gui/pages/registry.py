"""The sidebar's pages, in order. A page added here appears in the sidebar and the View menu."""

from __future__ import annotations

from ..context import AppContext
from .base import Page
from .dashboard import DashboardPage


def build_pages(ctx: AppContext) -> list[Page]:
    return [DashboardPage(ctx)]
