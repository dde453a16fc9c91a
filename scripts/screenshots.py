"""Screenshots of the app as a person sees it, for docs/screenshots/ (and for reviewing changes).

Run under a virtual display, after installing its system packages once:

    sh scripts/system-deps.sh screenshots
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py

Everything happens in a temporary folder: a database holding a Cambodian node and the demo
data (services.demo, "small"), a small spreadsheet to import, and the window settings, so no
real data or layout is touched. It visits every page and dialog of the main window as a focal
point would on a 1366×768 laptop, through the pages' own methods; docs/screenshots/README.md
says what each picture shows. A screen that cannot be shot is reported and the others are still
taken; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget, QWizard

from mrs_desktop.db.store import Store, open_store
from mrs_desktop.gui import look
from mrs_desktop.gui.dialogs.first_run import FirstRunWizard
from mrs_desktop.gui.main_window import MainWindow
from mrs_desktop.services import action_plans_queries as queries
from mrs_desktop.services.assessment_queries import occupation_units as assessment_units
from mrs_desktop.services.demo import load_demo
from mrs_desktop.services.node import init_node
from mrs_desktop.services.search import AssessorQuery, search_assessors

ROOT = Path(__file__).resolve().parents[1]
# A maximised window on a 1366×768 screen, less the title bar and the task bar.
WINDOW_SIZE = (1366, 700)
# What the tour shows, in order; each is a method of Tour ("status-suspend": status_suspend).
SCENES = ("dashboard", "assessors", "assessors-partners", "assessor-editor", "assessor-new",
          "status-suspend", "trainings", "training-editor", "assessments", "assessment-editor",
          "certificates", "certificate-verify-valid", "certificate-verify-tampered",
          "certificate-print-preview",
          "action-plans", "item-editor",
          "progress-update", "equivalences", "equivalence-editor", "sync-trust", "sync-import-preview",
          "sync-conflicts", "sync", "import-wizard", "preferences", "about")
EXTRA_ASSESSMENTS = [  # family, given, native, document, outcomes (only if the demo has none)
    ("Sok", "Dara", "សុខ ដារា", "N0012345", ("C", "C", "C")),
    ("Chan", "Sophea", "ចាន់ សុភា", "N0022222", ("C", "NYC", "RPL_G")),
    ("Keo", "Vanna", "កែវ វណ្ណា", "N0033333", ("NYC", "W", "NYC")),
]
KHMER_PREFIX = "សុ"  # "So…": Sok, Sophea, Sophal — a search typed in the national script

# The ministry's own spreadsheet: its column names, not the template's, two columns the
# wizard cannot guess (named below), two it should leave out, and one row with two mistakes.
SAMPLE_HEADER = ["No.", "Assessor ID", "Surname", "Given names", "Name in Khmer", "Gender",
                 "Date of birth", "Institution", "Sector", "Occupation code", "Occupation",
                 "AQRF level", "Accreditation number", "Issue date", "Expiry date", "Remarks"]
SAMPLE_ROWS = [
    ["1", "KHM-A-9001", "Sok", "Dara", "សុខ ដារា", "male", "1980-05-14",
     "National Polytechnic Institute of Cambodia", "Construction", "CON-MAS-2", "Mason", "2",
     "KHM-ACC-9001", "2024-01-10", "2027-01-09", ""],
    ["2", "KHM-A-9002", "Chan", "Sophea", "ចាន់ សុភា", "female", "1986-11-02",
     "Don Bosco Technical School", "Tourism and hospitality", "TOU-FBS-2",
     "Food and beverage server", "2", "KHM-ACC-9002", "2023-03-15", "2026-03-14", "renewed 2023"],
    ["3", "KHM-A-9003", "Prak", "Veasna", "ប្រាក់ វាសនា", "male", "1979-08-30",
     "ITI Phnom Penh", "Automotive", "AUT-MEC-3", "Light vehicle mechanic", "9",  # no level 9
     "KHM-ACC-9003", "2024-06-01", "2024-05-31", ""],  # expires before it was issued
    ["4", "KHM-A-9004", "Meas", "Malis", "មាស ម្លិះ", "female", "1991-01-20",
     "Preah Kossomak Polytechnic Institute", "Garments and textiles", "GAR-SEW-2",
     "Sewing machine operator", "2", "KHM-ACC-9004", "2024-02-01", "2027-01-31", ""],
]
SAMPLE_MAPPING = {"Name in Khmer": "name_native", "Occupation": "occupation_title"}


# Waiting -----------------------------------------------------------------------------------------

def pause(ms: int) -> None:
    """Let the app run for `ms`. An event loop, not QTest.qWait, which holds the GIL and would
    slow the worker thread down about fifteen times."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(done: Callable[[], bool], timeout: float = 30.0, what: str = "the app") -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        pause(50)


class Camera:
    """Saves PNGs, and remembers the screens that failed so one broken screen hides no other."""

    def __init__(self, out: Path, only: set[str] | None):
        self.out, self.only = out, only
        self.saved: list[Path] = []
        self.failed: list[str] = []

    def shoot(self, widget: QWidget, name: str) -> Path:
        """`widget` as it looks on screen (a window without the desktop's frame)."""
        widget.show()
        wait_until(lambda: widget.windowHandle() is not None and widget.windowHandle().isExposed(),
                   5, "the window to be shown (is a display, e.g. xvfb-run, available?)")
        pause(250)  # fonts load, layouts settle, queued repaints land
        target = self.out / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not widget.grab().save(str(target)):
            raise RuntimeError(f"could not write {target}")
        print(f"saved {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target} "
              f"({widget.width()}x{widget.height()})")
        self.saved.append(target)
        return target

    def scene(self, name: str, take: Callable[[], None]) -> None:
        if self.only is not None and name not in self.only and name != "main-window":
            return  # (every scene but the first run needs the main window)
        try:
            take()
        except Exception:  # noqa: BLE001 — report it, then go on with the next screen
            print(f"FAILED {name}:", file=sys.stderr)
            traceback.print_exc()
            self.failed.append(name)


def close(dialog: QDialog) -> None:
    """Close without its "discard your changes?" question (done() skips reject())."""
    dialog.done(QDialog.DialogCode.Rejected)
    pause(50)


def type_into(field: QLineEdit, text: str) -> None:
    """As if typed: the form's checks listen to textEdited, which setText() does not send."""
    field.setText(text)
    field.textEdited.emit(text)


# The first run ------------------------------------------------------------------------------------

def first_run(cam: Camera, folder: Path) -> None:
    """The wizard's two pages, filled in as a Cambodian focal point would."""
    store = open_store(folder / "first-run.sqlite")
    wizard = FirstRunWizard(store)
    try:
        cam.shoot(wizard, "first-run")
        wizard.ui.country.setCurrentIndex(wizard.ui.country.findData("KHM"))
        wizard.ui.organisation.setText("Ministry of Labour and Vocational Training")
        wizard.ui.focal_point.setText("Sok Dara")
        wizard.button(QWizard.WizardButton.CommitButton).click()
        cam.shoot(wizard, "first-run-start")
    finally:
        wizard.done(QDialog.DialogCode.Rejected)
        store.close()


# The main window ----------------------------------------------------------------------------------

def demo_store(path: Path) -> Store:
    store = open_store(path)
    init_node(store, country="KHM", organisation="Ministry of Labour and Vocational Training",
              focal_point="Sok Dara")
    load_demo(store, "small")
    return store


class Tour:
    """The main window on the demo database, and one method per screen it shows."""

    def __init__(self, cam: Camera, folder: Path):
        self.cam, self.folder = cam, folder
        self.window = MainWindow(demo_store(folder / "demo.sqlite"))
        self.window.resize(*WINDOW_SIZE)
        self.window.move(0, 0)
        self.window.show()

    @property
    def ctx(self):
        return self.window.ctx

    def idle(self) -> None:
        wait_until(lambda: not self.ctx.runner.busy, what="the background worker")

    def page(self, name: str):
        page = self.window.show_page(name)
        if page is None:
            raise RuntimeError(f"the main window has no page '{name}'")
        self.idle()
        return page

    def scenes(self) -> list[tuple[str, Callable[[], None]]]:
        return [(name, getattr(self, name.replace("-", "_"))) for name in SCENES]

    # Dashboard and assessors ------------------------------------------------------------------

    def dashboard(self) -> None:
        page = self.page("dashboard")
        wait_until(lambda: page.figures is not None and not page.runner.busy, what="the figures")
        self.cam.shoot(self.window, "dashboard")

    def assessors_page(self, **filters):
        page = self.page("assessors")
        page.apply_filter(filters)
        wait_until(lambda: page.loader.complete and not self.ctx.runner.busy, what="the register")
        return page

    @staticmethod
    def top_rows(page) -> list:
        """The register's rows a 1366×768 screen shows first."""
        return [page.model.row(r) for r in range(min(20, page.model.rowCount()))]

    def _assessor_with_accreditations(self, page, *, active: bool = False) -> str:
        """An own-country assessor near the top with the most accreditations."""
        own = [r for r in self.top_rows(page)
               if not r.read_only and (not active or r.status == "active")]
        if not own:
            raise RuntimeError("no own-country assessor in the first rows of the register")
        return max(own, key=lambda r: r.accreditations).id

    def assessors(self) -> None:
        page = self.assessors_page(text=KHMER_PREFIX)
        page.select_ids([self._assessor_with_accreditations(page)], scroll=True)
        page.table.setFocus()
        self.cam.shoot(self.window, "assessors")

    def assessors_partners(self) -> None:
        """Partner countries' records (read-only here): names in Thai, Lao, Myanmar, Vietnamese."""
        page = self.assessors_page(country="partners")
        partner = max(self.top_rows(page), key=lambda r: r.accreditations)
        page.select_ids([partner.id], scroll=True)
        page.table.setFocus()
        self.cam.shoot(self.window, "assessors-partners")

    def assessor_editor(self) -> None:
        page = self.assessors_page()
        editor = page.actions.open_assessor(self._assessor_with_accreditations(page))
        self.cam.shoot(editor, "assessor-editor")
        close(editor)

    def assessor_new(self) -> None:
        """A new assessor half typed in, with an e-mail address the form does not accept."""
        editor = self.assessors_page().create()
        ui = editor.ui
        for field, text in (("family_name", "Keo"), ("given_names", "Sreymom"),
                            ("name_native", "កែវ ស្រីមុំ"),
                            ("organisation", "Provincial Training Centre Siem Reap"),
                            ("email", "sreymom.keo.gmail.com")):
            type_into(getattr(ui, field), text)
        ui.sex.setCurrentIndex(ui.sex.findData("female"))
        type_into(ui.first_accreditation.ui.accreditation_no, "KHM-ACC-0412")
        ui.email.setFocus()
        self.cam.shoot(editor, "assessor-new")
        close(editor)

    def status_suspend(self) -> None:
        """Three assessors selected: the dialog lists each one's accreditations in force."""
        page = self.assessors_page()
        rows = self.top_rows(page)
        page.select_ids([r.id for r in rows if not r.read_only and r.status == "active"][:3])
        dialog = page.actions.change_status("suspended")
        if dialog is None:
            raise RuntimeError("the selected assessor has nothing to suspend")
        type_into(dialog.ui.reason, "Under review after a complaint from a candidate")
        self.cam.shoot(dialog, "status-suspend")
        close(dialog)

    # Trainings --------------------------------------------------------------------------------

    def trainings(self) -> None:
        page = self.page("trainings")
        page.apply_filter({})
        rows = [page.model.row_by_id(i) for i in page.model.ids()]
        own = [r for r in rows if not page.model.is_partners(r)] or rows
        page.apply_filter({"training": max(own[:15], key=lambda r: r.participant_count).id})
        page.table.setFocus()
        self.cam.shoot(self.window, "trainings")

    def training_editor(self) -> None:
        page = self.page("trainings")
        if page.selected() is None:
            self.trainings()
        page.edit()
        self.cam.shoot(page.editor, "training-editor")
        close(page.editor)

    # Assessments ------------------------------------------------------------------------------

    def _ensure_assessments(self) -> None:
        """The demo records assessments; an older demo did not: record a few through the service."""
        from mrs_desktop.db.uow import UnitOfWork
        from mrs_desktop.services import assessment_queries
        from mrs_desktop.services.assessments import record_assessment

        if assessment_queries.list_assessments(self.ctx.store):
            return
        for family, given, native, doc, outcomes in EXTRA_ASSESSMENTS:
            record_assessment(UnitOfWork(self.ctx.store), {
                "family_name": family, "given_names": given, "name_native": native, "nationality": "KHM",
                "id_document_no": doc, "occupation_code": "CON-TIL-2", "occupation_title": "Tiler",
                "aqrf_level": 2, "centre": "Phnom Penh Tiling Centre", "assessed_on": "2026-05-03"},
                dict(zip(("TIL-01", "TIL-02", "TIL-03"), outcomes)))

    def assessments(self) -> None:
        """The page with a partly competent candidate in the national script selected."""
        self._ensure_assessments()
        page = self.page("assessments")
        page.apply_filter({})
        rows = [page.model.row_by_id(i) for i in page.model.ids()]
        own = [r for r in rows[:12] if not page.model.is_partners(r) and r.name_native] or rows
        chosen = next((r for r in own if r.result == "partly_competent"), own[0])
        page.select_ids([chosen.id])
        page.table.setFocus()
        self.cam.shoot(self.window, "assessments")

    def assessment_editor(self) -> None:
        """Recording by hand: a returning worker, the occupation's units, an assessor warned about."""
        page = self.page("assessments")
        page.create()
        editor, ui = page.editor, page.editor.ui
        try:
            ui.id_document_no.setText("N2468013")
            type_into(ui.family_name, "Chan")
            type_into(ui.given_names, "Sophea")
            type_into(ui.name_native, "ចាន់ សុភា")
            ui.sex.setCurrentIndex(ui.sex.findData("female"))
            occupations = [ui.occupation.combo.itemData(i) for i in range(ui.occupation.combo.count())]
            with_units = [c for c in occupations if assessment_units(self.ctx.store, c)]
            ui.occupation.set_value((with_units or occupations or ["CON-TIL-2"])[0])
            ui.aqrf_level.setCurrentIndex(ui.aqrf_level.findData(2))
            type_into(ui.centre, "Phnom Penh Tiling Centre")
            people = search_assessors(self.ctx.store, AssessorQuery(
                text="", country="KHM", include_partners=False, limit=1))
            if people:
                editor._offer_assessors(people[0].family_name)
                editor._add_offered(people[0].family_name)
            for row, outcome in enumerate(("C", "C", "NYC", "RPL_G")):
                if row < ui.units.rowCount():
                    editor.grid.set_outcome(row, outcome)
            self.cam.shoot(editor, "assessment-editor")
        finally:
            close(editor)

    # Action plans -----------------------------------------------------------------------------

    # Certificates -----------------------------------------------------------------------------

    def certificates_page(self):
        page = self.page("certificates")
        page.apply_filter({})
        wait_until(lambda: not page.loading and not self.ctx.runner.busy, what="the certificates")
        return page

    def _shown_certificates(self, page) -> list:
        return [page.model.row_by_id(i).row for i in page.model.ids()]

    def certificates(self) -> None:
        """The list, with a holder named in her own script selected: details and QR text below."""
        page = self.certificates_page()
        rows = self._shown_certificates(page)
        chosen = next((r for r in rows[:15] if r.holder_native and r.kind == "units"),
                      next((r for r in rows if r.holder_native), rows[0]))
        page.apply_filter({"number": chosen.number})
        page.table.setFocus()
        self.cam.shoot(self.window, "certificates")

    def _verify(self, text: str, name: str) -> None:
        page = self.certificates_page()
        page.verify()
        dialog = page.verify_dialog
        dialog.verify_text(text)
        self.cam.shoot(dialog, name)
        dialog.hide()

    def certificate_verify_valid(self) -> None:
        rows = self._shown_certificates(self.certificates_page())
        chosen = next(r for r in rows if r.status == "valid" and r.holder_native)
        self._verify(chosen.number, "certificate-verify-valid")

    def certificate_verify_tampered(self) -> None:
        """A QR text whose holder's name was edited after signing."""
        from mrs_desktop.sync import qr_payload

        rows = self._shown_certificates(self.certificates_page())
        chosen = next(r for r in rows if r.status == "valid")
        _, signed, signature = qr_payload.decode(chosen.payload)
        body = signed[len(qr_payload.PREFIX):].replace(chosen.holder.encode(),
                                                       chosen.holder.upper().encode())
        self._verify(qr_payload.PREFIX + qr_payload.b45encode(body + signature),
                     "certificate-verify-tampered")

    def certificate_print_preview(self) -> None:
        """Three certificates selected, rendered and previewed inside the app."""
        page = self.certificates_page()
        rows = [r for r in self._shown_certificates(page) if r.status == "valid" and r.holder_native]
        page.apply_filter({"number": rows[0].number})
        selection = page.table.selectionModel()
        for row in rows[1:3]:
            selection.select(page.model.index(page.model.row_of(row.number), 0),
                             selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        page.preview = None
        page.print_preview()
        wait_until(lambda: page.preview is not None, what="the certificates to be rendered")
        preview = page.preview
        preview.resize(1100, 700)
        preview.move(0, 0)
        pause(500)  # QtPdf renders the visible pages in the background
        self.cam.shoot(preview, "certificate-print-preview")
        close(preview)

    def _plan_with_updates(self, page) -> None:
        """Our own plan with the most items; in it, the open item with the most updates."""
        page.apply_filter({"plan_id": None})
        plans = [page.plans_model.row_by_id(i) for i in page.plans_model.ids()]
        own = [p for p in plans if p.owner_country == page.home] or plans
        page.apply_filter({"plan_id": max(own, key=lambda p: p.item_count).id})
        items = [page.items_model.row_by_id(i) for i in page.items_model.ids()]
        open_items = [i for i in items if i.status not in ("done", "cancelled")] or items
        if open_items:
            updates = {i.id: len(queries.item_timeline(self.ctx.store, i.id)) for i in open_items}
            page.select_item(max(updates, key=updates.get))

    def action_plans(self) -> None:
        page = self.page("action_plans")
        self._plan_with_updates(page)
        page.ui.items.setFocus()
        self.cam.shoot(self.window, "action-plans")

    def item_editor(self) -> None:
        page = self.page("action_plans")
        if page.selected_item() is None:
            self._plan_with_updates(page)
        dialog = page.edit_item()
        self.cam.shoot(dialog, "item-editor")
        close(dialog)

    def progress_update(self) -> None:
        page = self.page("action_plans")
        if page.selected_item() is None:
            self._plan_with_updates(page)
        dialog = page.add_update()
        if dialog is None:
            raise RuntimeError("the selected action item takes no progress update")
        dialog.ui.text.setPlainText("The draft memorandum was sent to the partner ministry for "
                                    "comments; a meeting is planned for next month.")
        dialog.ui.newPercent.setValue(60)
        self.cam.shoot(dialog, "progress-update")
        close(dialog)

    # Equivalences -----------------------------------------------------------------------------

    def equivalences(self) -> None:
        page = self.page("equivalences")
        page.apply_filter({})
        ids = page.model.ids()
        if ids:
            page.apply_filter({"equivalence": ids[min(2, len(ids) - 1)]})
        page.table.setFocus()
        self.cam.shoot(self.window, "equivalences")

    def equivalence_editor(self) -> None:
        page = self.page("equivalences")
        if page.selected() is None:
            self.equivalences()
        page.edit()
        self.cam.shoot(page.editor, "equivalence-editor")
        close(page.editor)

    # Sync ---------------------------------------------------------------------------------------

    def _thailand(self) -> Path:
        """Thailand's node trusting Cambodia and back; a bundle from Thailand with two assessors and
        a change to a shared action item that Cambodia changed too (a conflict). Made once."""
        if getattr(self, "_thai_bundle", None) is not None:
            return self._thai_bundle
        from mrs_desktop.db.uow import UnitOfWork
        from mrs_desktop.services import action_plans, assessors, peers
        from mrs_desktop.services.sync import export, inbound
        from mrs_desktop.sync.cards import read_card

        kh, folder = self.ctx.store, self.folder / "sync"
        folder.mkdir(exist_ok=True)
        th = open_store(folder / "th.sqlite")
        init_node(th, country="THA", organisation="Department of Skill Development",
                  focal_point="Somchai Wongsakul")
        for one, other in ((kh, th), (th, kh)):
            card = peers.export_card(other, folder / f"{other.node.country}.mrscard")
            with UnitOfWork(one) as uow:
                peers.trust_card(uow, read_card(folder / f"{card.country}.mrscard"))
        plan_id = action_plans.add_plan(UnitOfWork(kh), {
            "title": "Mutual recognition of tourism assessors", "partner_countries": "THA", "plan_ref": "KT-7"},
            [{"description": "Compare the assessor standards of both countries",
              "partner_country": "THA"}]).primary
        inbound.import_bundle(th, export.export_bundle(kh, folder / "KHM-to-THA.mrsbundle", to=["THA"]).path)
        for ref, family, given, native in (("THA-A-2201", "Srisuk", "Nattaya", "ณัฐยา ศรีสุข"),
                                           ("THA-A-2202", "Chaiyaporn", "Anan", "อนันต์ ชัยพร")):
            assessors.add_assessor(UnitOfWork(th), {"family_name": family, "given_names": given,
                                                    "name_native": native, "assessor_ref": ref})
        with kh.session() as session:
            from mrs_desktop.db.models import ActionItem
            from sqlalchemy import select
            item_id = session.scalars(select(ActionItem.id).where(ActionItem.plan_id == plan_id)).first()
        action_plans.update_item(UnitOfWork(th), item_id, {"status": "in_progress", "percent": 40})
        action_plans.update_item(UnitOfWork(kh), item_id, {"status": "done", "percent": 100})
        self._thai_bundle = export.export_bundle(
            th, folder / f"THA-to-KHM-{time.strftime('%Y-%m-%d')}.mrsbundle", to=["KHM"]).path
        th.close()
        return self._thai_bundle

    def sync_trust(self) -> None:
        """Lao PDR's card opened to be trusted: its fingerprint, to read back by phone."""
        from mrs_desktop.services import peers

        lao = open_store(self.folder / "lao.sqlite")
        init_node(lao, country="LAO", organisation="Ministry of Labour and Social Welfare",
                  focal_point="Khamla Phommavong")
        card = self.folder / "LAO.mrscard"
        peers.export_card(lao, card)
        lao.close()
        dialog = self.page("sync").trust_card(card)
        self.cam.shoot(dialog, "sync-trust")
        close(dialog)

    def _previewed(self):
        page = self.page("sync")
        flow = page.import_bundle(self._thailand())
        wait_until(lambda: flow.preview_dialog is not None, what="the bundle's preview")
        return flow

    def sync_import_preview(self) -> None:
        flow = self._previewed()
        dialog = flow.preview_dialog
        dialog.tabs.setCurrentIndex(1)
        self.cam.shoot(dialog, "sync-import-preview")
        dialog.accept()  # imports it: the next scenes show the result
        wait_until(lambda: flow.done_box is not None, what="the import")
        flow.done_box.done(0)

    def sync_conflicts(self) -> None:
        page = self.page("sync")
        if not page.conflicts_model.rowCount():
            self.sync_import_preview()
        page.tabs.setCurrentIndex(1)
        page.conflicts_table.selectRow(0)
        self.cam.shoot(self.window, "sync-conflicts")

    def sync(self) -> None:
        page = self.page("sync")
        if not page.history_model.rowCount():
            self.sync_import_preview()
        page.tabs.setCurrentIndex(0)
        page.peers_table.selectRow(0)
        self.cam.shoot(self.window, "sync")

    # Import, preferences, about ---------------------------------------------------------------

    def import_wizard(self) -> None:
        """The ministry's file: its columns matched to the template's, then every error found."""
        from mrs_desktop.gui.dialogs.import_wizard import ImportWizard

        path = write_sample(self.folder / "import" / "assessors-ministry.csv")
        self.page("assessors")
        wizard = ImportWizard(self.ctx, self.window, kind="assessors", path=path)
        try:
            wizard.show()
            wizard.next()  # reads the file on the worker, then moves on by itself
            wait_until(lambda: wizard.currentPage() is wizard.columns and not wizard.busy,
                       what="the file to be read")
            for column, field in SAMPLE_MAPPING.items():
                combo = wizard.columns.combos[column]
                combo.setCurrentIndex(combo.findData(field))
            self.cam.shoot(wizard, "import-mapping")
            wizard.next()  # the preview checks every row on the worker
            wait_until(lambda: wizard.currentPage() is wizard.preview and not wizard.busy,
                       what="the preview's check")
            self.cam.shoot(wizard, "import-preview")
        finally:
            close(wizard)

    def preferences(self) -> None:
        from mrs_desktop.gui.dialogs.preferences import PreferencesDialog
        from mrs_desktop.services import maintenance

        dialog = PreferencesDialog(self.window,
                                   backups_folder=maintenance.backups_folder(self.ctx.store))
        self.cam.shoot(dialog, "preferences")
        close(dialog)

    def about(self) -> None:
        from mrs_desktop.gui.dialogs.about import AboutDialog

        dialog = AboutDialog(self.window)
        self.cam.shoot(dialog, "about")
        close(dialog)

    def close(self) -> None:
        self.idle()
        self.window.close()


def write_sample(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8-sig") as f:  # as Excel saves "CSV UTF-8"
        writer = csv.writer(f)
        writer.writerow(SAMPLE_HEADER)
        writer.writerows(SAMPLE_ROWS)
    return path


# Running ------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Save screenshots of MRS Desktop's windows.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", nargs="+", metavar="SCENE", choices=("first-run", *SCENES),
                        help="only these scenes: first-run, " + ", ".join(SCENES))
    args = parser.parse_args(argv)
    if sys.platform == "linux" and not any(map(os.environ.get, ("DISPLAY", "WAYLAND_DISPLAY",
                                                                 "QT_QPA_PLATFORM"))):
        print("No display: run it under xvfb-run (see scripts/screenshots.py).", file=sys.stderr)
        return 2
    app = QApplication(sys.argv[:1])
    app.setApplicationName("MRS Desktop")
    look.apply(app)
    cam = Camera(args.out, set(args.only) if args.only else None)
    with tempfile.TemporaryDirectory(prefix="mrs-screenshots-") as tmp:
        folder = Path(tmp)
        # Window settings of this run only: the user's saved layout is neither used nor changed.
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          str(folder / "config"))
        cam.scene("first-run", lambda: first_run(cam, folder))
        tours: list[Tour] = []
        cam.scene("main-window", lambda: tours.append(Tour(cam, folder)))
        for tour in tours:  # none if the main window could not be opened: that was reported
            for name, take in tour.scenes():
                cam.scene(name, take)
            tour.close()
    print(f"{len(cam.saved)} screenshots in {args.out} (platform {app.platformName()})")
    if cam.failed:
        print(f"FAILED: {', '.join(cam.failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
