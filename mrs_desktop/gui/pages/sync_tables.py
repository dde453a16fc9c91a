"""The Sync page's three tables (peers, open conflicts, bundle history) as models, with the
words each cell shows; and a shared record's fields and values named as its own page names them."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from ...services.sync.conflicts import ConflictInfo
from ...services.sync.status import HistoryLine, PeerStatus
from ..dates import format_date
from ..models import action_plans, equivalences
from .sync_models import Col, RowsModel, register_name, tr, value_text, when

# Only shared records have conflicts. Their fields are named by the column their register's page
# shows them in (where the column's key is not the field's own name).
_PAGE_MODELS = {"action_item": action_plans.ItemsModel, "action_plan": action_plans.PlansModel,
                "equivalence": lambda: equivalences.EquivalenceTableModel(None)}
_COLUMN_OF = {
    "action_item": {"item_ref": "ref", "responsible_agency": "agency", "partner_country": "partner",
                    "start_date": "start", "due_date": "due", "plan_id": "plan"},
    "action_plan": {"owner_country": "owner", "partner_countries": "partners"},
    "equivalence": {"aqrf_level": "level", "occupation_a_id": "occupation_a", "occupation_b_id": "occupation_b"},
}
_COUNTRY_FIELDS = {"partner_country", "owner_country", "country_a", "country_b"}
_DATE_FIELDS = {"start_date", "due_date", "period_start", "period_end"}


@cache
def _column_titles(register: str) -> dict[str, str]:
    # Pages are built once in the language of the start, so the titles can be kept.
    model = _PAGE_MODELS.get(register)
    return {column.key: column.title for column in model().columns} if model else {}


def field_name(register: str, field: str) -> str:
    """'percent' of an action item as the Action plans page heads it ("Done")."""
    if field == "deleted":
        return tr("Deleted")
    key = _COLUMN_OF.get(register, {}).get(field, field)
    return _column_titles(register).get(key) or field.replace("_", " ").capitalize()


def field_value(register: str, field: str, value: Any) -> str:
    """A field's value in the words its page uses: "in_progress" is "In progress", 40 is "40 %"."""
    if field == "status" and isinstance(value, str):
        names = action_plans.status_labels() if register == "action_item" else \
            equivalences.status_names() if register == "equivalence" else {}
        return names.get(value, value)
    if register == "action_item" and field == "percent" and isinstance(value, (int, float)):
        return action_plans.percent_text(value)
    if field in _COUNTRY_FIELDS and isinstance(value, str):
        return action_plans.country_name(value)
    if field == "partner_countries" and isinstance(value, str):
        return action_plans.country_names([c for c in value.split(",") if c])
    if field in _DATE_FIELDS and isinstance(value, str):
        return _date_text(value)
    return value_text(value)


def _date_text(iso: str) -> str:
    try:
        return format_date(date.fromisoformat(iso))
    except ValueError:
        return iso


def peers_model(parent=None) -> RowsModel[PeerStatus]:
    roles = {"peer": tr("peer"), "hub": tr("hub")}
    return RowsModel([
        Col(tr("Country"), lambda p: p.country),
        Col(tr("Organisation"), lambda p: p.organisation),
        Col(tr("Role"), lambda p: roles.get(p.role, p.role)),
        Col(tr("Fingerprint"), lambda p: p.fingerprint),
        Col(tr("Trust"), lambda p: tr("revoked") if p.revoked else tr("trusted")),
        Col(tr("Last bundle in"), lambda p: when(p.last_in_at) or tr("never")),
        Col(tr("Last bundle out"), lambda p: when(p.last_out_at) or tr("never")),
        Col(tr("Not acknowledged"), lambda p: p.unacknowledged,
            tip=lambda p: tr("Your changes this peer has not confirmed receiving")),
    ], warn=lambda p: p.revoked, parent=parent)


def _by(text: str, country: str, at: str) -> str:
    return tr("{value}  — {country}, {when}").format(value=text, country=country, when=at)


def conflicts_model(parent=None) -> RowsModel[ConflictInfo]:
    return RowsModel([
        Col(tr("Register"), lambda c: register_name(c.register)),
        Col(tr("Record"), lambda c: c.label, tip=lambda c: c.row_id),
        Col(tr("Field"), lambda c: field_name(c.register, c.field)),
        Col(tr("Applied value"), lambda c: _by(field_value(c.register, c.field, c.kept_value), c.kept_by,
                                               c.kept_at)),
        Col(tr("Overwritten value"), lambda c: _by(field_value(c.register, c.field, c.lost_value), c.lost_by,
                                                   c.lost_at)),
    ], parent=parent)


def history_model(parent=None) -> RowsModel[HistoryLine]:
    directions = {"in": tr("received"), "out": tr("sent")}
    return RowsModel([
        Col(tr("Direction"), lambda h: directions.get(h.direction, h.direction)),
        Col(tr("Peers"), lambda h: h.peers),
        Col(tr("File"), lambda h: h.file_name, tip=lambda h: h.bundle_id),
        Col(tr("Made"), lambda h: when(h.created_at)),
        Col(tr("Processed"), lambda h: when(h.processed_at)),
        Col(tr("Status"), lambda h: tr(h.status)),
        Col(tr("Summary"), lambda h: h.summary),
    ], warn=lambda h: h.status == "undone", parent=parent)
