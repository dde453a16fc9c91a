"""Table model of the certificates page: every certificate this node holds, issued here or
received from a partner, with its holder in Latin and native script."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ...services.certificate_queries import CertificateRow
from ..dates import format_date
from ..widgets.choices import country_name
from .id_table import Column
from .row_list import RowListModel


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def status_names() -> dict[str, str]:
    return {"valid": tr("Valid"), "revoked": tr("Revoked")}


def kind_names() -> dict[str, str]:
    return {"full": tr("Full qualification"), "units": tr("Units")}


def occupation_text(row: CertificateRow) -> str:
    if not row.occupation_title:
        return row.occupation_code
    return f"{row.occupation_title} ({row.occupation_code})"


def folded(text: str) -> str:
    """For matching as she types: case and composition (a Vietnamese name typed NFD) ignored."""
    return unicodedata.normalize("NFC", text).casefold()


@dataclass(frozen=True)
class ShownCertificate:
    """A listed certificate under the `id` the table models key rows by: its number."""

    row: CertificateRow
    search_text: str  # number, holder in both scripts, occupation: folded once

    @property
    def id(self) -> str:
        return self.row.number

    @classmethod
    def of(cls, row: CertificateRow) -> ShownCertificate:
        words = (row.number, row.holder, row.holder_native or "", row.occupation_code,
                 row.occupation_title, country_name(row.country))
        return cls(row, folded(" ".join(words)))

    def matches(self, text: str, status: str | None) -> bool:
        if status and self.row.status != status:
            return False
        return all(word in self.search_text for word in folded(text).split())


class CertificateTableModel(RowListModel[ShownCertificate]):
    """Certificates as list_certificates returns them (newest number first); a partner's greyed."""

    def __init__(self, home_country: str | None, parent=None):
        self.home_country = home_country
        columns = [
            Column("number", tr("Number"), lambda s: s.row.number),
            Column("holder", tr("Holder"), lambda s: s.row.holder),
            Column("holder_native", tr("Name in own script"), lambda s: s.row.holder_native),
            Column("occupation", tr("Occupation"), lambda s: occupation_text(s.row)),
            Column("level", tr("AQRF level"), lambda s: s.row.aqrf_level, align_right=True),
            Column("kind", tr("Kind"), lambda s: kind_names().get(s.row.kind, s.row.kind)),
            Column("issued_on", tr("Issued on"), lambda s: format_date(s.row.issued_on)),
            Column("status", tr("Status"),
                   lambda s: status_names().get(s.row.status, s.row.status)),
            Column("issuer", tr("Issuer"), lambda s: country_name(s.row.country)),
        ]
        super().__init__(columns, parent=parent, muted=self.is_partners, tooltip=self._tooltip_text,
                         sort_keys={"level": lambda s: s.row.aqrf_level,
                                    "issued_on": lambda s: s.row.issued_on,
                                    "number": lambda s: s.row.number})

    def is_partners(self, shown: ShownCertificate) -> bool:
        return shown.row.country != self.home_country

    def _tooltip_text(self, shown: ShownCertificate) -> str | None:
        row = shown.row
        if row.status == "revoked":
            return tr("Revoked on {date}: {reason}").format(date=format_date(row.revoked_on),
                                                           reason=row.revoked_reason or "")
        if self.is_partners(shown):
            return tr("Issued by {country}: read-only here").format(
                country=country_name(row.country))
        return None
