"""The Sync page's three tables (peers, open conflicts, bundle history) as models, with the
words each cell shows."""

from __future__ import annotations

from ...services.sync.conflicts import ConflictInfo
from ...services.sync.status import HistoryLine, PeerStatus
from .sync_models import Col, RowsModel, register_name, tr, value_text, when


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


def _by(value, country: str, at: str) -> str:
    return tr("{value}  — {country}, {when}").format(value=value_text(value), country=country, when=at)


def conflicts_model(parent=None) -> RowsModel[ConflictInfo]:
    return RowsModel([
        Col(tr("Register"), lambda c: register_name(c.register)),
        Col(tr("Record"), lambda c: c.label, tip=lambda c: c.row_id),
        Col(tr("Field"), lambda c: c.field),
        Col(tr("Applied value"), lambda c: _by(c.kept_value, c.kept_by, c.kept_at)),
        Col(tr("Overwritten value"), lambda c: _by(c.lost_value, c.lost_by, c.lost_at)),
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
