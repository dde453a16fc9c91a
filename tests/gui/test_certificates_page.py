"""The certificates page on the demo database (node: KHM), offscreen: the list and its filters,
revoking (and undoing it), the verify dialog's verdicts, and the print preview, printing and
Save as PDF."""

from __future__ import annotations

import subprocess
from dataclasses import replace

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from mrs_desktop.gui.context import AppContext
from mrs_desktop.gui.main_window import MainWindow
from mrs_desktop.gui.pages.certificates import CertificatesPage
from mrs_desktop.services.certificates import list_certificates
from mrs_desktop.services.demo import load_demo
from mrs_desktop.sync import qr_payload
from mrs_desktop.sync.keys import NodeKey


@pytest.fixture
def ctx(store):
    load_demo(store, "small")
    return AppContext(store)


@pytest.fixture
def page(qtbot, ctx):
    shown = CertificatesPage(ctx)
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    shown.show()
    idle(qtbot, ctx)
    yield shown
    ctx.runner.wait()
    for dialog in (shown.preview, shown.verify_dialog, shown.revoke_dialog):
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.close()


def idle(qtbot, ctx):
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=20_000)


def numbers(page) -> list[str]:
    return [page.model.row(r).row.number for r in range(page.model.rowCount())]


def select(page, number: str):
    page.table.selectRow(numbers(page).index(number))
    return page.current()


def valid_number(store) -> str:
    return next(r.number for r in list_certificates(store) if r.status == "valid")


def answer_yes(monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kw: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    return asked


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_info(path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


# The list -----------------------------------------------------------------------------------------

def test_the_page_lists_every_certificate_with_both_scripts_of_the_name(page, store, qtmodeltester):
    rows = list_certificates(store)
    assert page.count.text() == f"{len(rows)} certificates" and len(rows) > 20
    assert numbers(page) == [r.number for r in rows]  # newest number first
    first = rows[0]
    texts = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert texts[:3] == [first.number, first.holder, first.holder_native or ""]
    assert texts[-2:] == ["Valid" if first.status == "valid" else "Revoked", "Cambodia"]
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(texts))]
    assert headers == ["Number", "Holder", "Name in own script", "Occupation", "AQRF level", "Kind",
                       "Issued on", "Status", "Issuer"]
    qtmodeltester.check(page.model)
    page.model.sort(0)  # sorting moves rows without a reset: the tester watches it too
    assert numbers(page) == sorted(r.number for r in rows)


def test_search_narrows_as_she_types_in_any_script_and_the_status_filter(page, store):
    rows = list_certificates(store)
    native = next(r for r in rows if r.holder_native)
    page.search.setText(native.holder_native[:3])
    assert native.number in numbers(page)
    assert all(native.holder_native[:3] in (page.model.row_by_id(n).row.holder_native or "")
               for n in numbers(page))
    page.search.setText(rows[0].number.lower())
    assert numbers(page) == [rows[0].number]
    page.search.clear()
    page.apply_filter({"status": "revoked"})
    revoked = [r.number for r in rows if r.status == "revoked"]
    assert numbers(page) == revoked and page.count.text() == (
        "1 certificate" if len(revoked) == 1 else f"{len(revoked)} certificates")


def test_the_details_show_units_revocation_and_copy_the_qr_text(page, store):
    revoked = next(r for r in list_certificates(store) if r.status == "revoked")
    select(page, revoked.number)
    fields = page.details.fields
    assert fields["number"].text() == f"{revoked.number} · Revoked"
    assert fields["units"].text() == ", ".join(revoked.units)
    assert revoked.revoked_reason in fields["revoked"].text()
    assert page.details.payload.toPlainText() == revoked.payload
    page.details.copy_button.click()
    assert QApplication.clipboard().text() == revoked.payload
    assert not page.revoke_button.isEnabled()  # already revoked


# Revoking -----------------------------------------------------------------------------------------

def test_revoke_needs_a_reason_asks_first_and_shows_the_status_and_reason(qtbot, page, ctx, store,
                                                                           monkeypatch):
    number = valid_number(store)
    select(page, number)
    assert page.revoke_button.isEnabled()
    page.revoke()
    dialog = page.revoke_dialog
    assert number in dialog.ui.certificate.text()
    assert not dialog.ok.isEnabled()  # no reason yet
    dialog.ui.reason.setText("Issued to the wrong person")
    dialog.ui.reason.textEdited.emit(dialog.ui.reason.text())
    assert dialog.ok.isEnabled()
    asked = answer_yes(monkeypatch)
    with qtbot.waitSignal(ctx.changes_applied, timeout=10_000):
        dialog.ok.click()
    assert number in asked[0] and "Issued to the wrong person" in asked[0]
    idle(qtbot, ctx)
    row = page.current()
    assert (row.number, row.status, row.revoked_reason) == (number, "revoked",
                                                             "Issued to the wrong person")
    assert "Issued to the wrong person" in page.details.fields["revoked"].text()
    assert ctx.undo.undo_label == "Revoke certificate"
    with qtbot.waitSignal(ctx.changes_applied, timeout=10_000):
        ctx.undo_last()
    idle(qtbot, ctx)  # the page re-reads on the worker
    assert page.current().status == "valid"


def test_saying_no_revokes_nothing(qtbot, page, ctx, store, monkeypatch):
    number = valid_number(store)
    select(page, number)
    page.revoke()
    page.revoke_dialog.ui.reason.setText("typo")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.revoke_dialog.ok.click()
    idle(qtbot, ctx)
    assert page.revoke_dialog.isVisible()
    assert next(r for r in list_certificates(store) if r.number == number).status == "valid"


# Verifying ----------------------------------------------------------------------------------------

def test_verify_a_valid_number_a_tampered_payload_and_a_revoked_one(qtbot, page, store):
    page.verify()
    dialog = page.verify_dialog
    good = next(r for r in list_certificates(store) if r.status == "valid")
    shown = dialog.verify_text(good.number)
    assert (shown.word, shown.tone) == ("Valid", "good")
    assert shown.sentence.startswith(
        f"Valid — issued by Cambodia, Ministry of Labour and Vocational Training, on "
        f"{good.issued_on.isoformat()}; {good.occupation_title}, AQRF level {good.aqrf_level}")
    assert shown.sentence.endswith("not revoked (issued here)")
    assert dialog.word.text() == "Valid" and dialog.sentence.text() == shown.sentence
    assert dialog.details.isVisible() and dialog.fields["holder"].text() == good.holder

    _, signed, signature = qr_payload.decode(good.payload)
    body = signed[len(qr_payload.PREFIX):]
    edited = body.replace(good.holder.encode(), good.holder.upper().encode())  # the name edited
    assert edited != body
    shown = dialog.verify_text(qr_payload.PREFIX + qr_payload.b45encode(edited + signature))
    assert (shown.word, shown.tone) == ("Tampered", "bad")
    assert "forged or altered" in shown.sentence and not dialog.details.isVisible()

    revoked = next(r for r in list_certificates(store) if r.status == "revoked")
    shown = dialog.verify_text(revoked.payload)
    assert (shown.word, shown.tone) == ("Revoked", "bad")
    assert shown.sentence.startswith(f"Revoked on {revoked.revoked_on.isoformat()} "
                                     f"(reason: {revoked.revoked_reason})")

    fields = qr_payload.decode(good.payload)[0]
    stranger = qr_payload.encode(replace(fields, issuer_key_id=""), NodeKey.generate())
    assert dialog.verify_text(stranger).word == "Untrusted"
    shown = dialog.verify_text("KHM-2026-999999")
    assert (shown.word, shown.tone) == ("Unknown", "doubt")


def test_a_whole_number_is_verified_as_she_types_a_partial_one_is_not(qtbot, page, store):
    page.verify()
    dialog = page.verify_dialog
    number = valid_number(store)
    dialog.text.setPlainText(number[:-1])
    qtbot.wait(400)
    assert dialog.shown is None
    dialog.text.setPlainText(number)
    qtbot.waitUntil(lambda: dialog.shown is not None, timeout=2_000)
    assert dialog.shown.word == "Valid"


def test_the_menu_opens_the_verify_dialog_with_its_shortcut(qtbot, store):
    load_demo(store, "small")
    window = MainWindow(store)
    qtbot.addWidget(window)
    assert window.act_verify_certificate.shortcut().toString() == "Ctrl+Shift+V"
    assert window.act_verify_certificate in window.file_menu.actions()
    window.act_verify_certificate.trigger()
    assert window.verify_dialog.isVisible()
    assert window.verify_dialog.verify_text(valid_number(store)).word == "Valid"
    window.verify_dialog.close()
    window.ctx.runner.wait()


# Printing -----------------------------------------------------------------------------------------

def preview_of(qtbot, page, chosen: list[str] | None = None):
    if chosen:
        page.table.clearSelection()
        for number in chosen:
            page.table.selectionModel().select(
                page.model.index(numbers(page).index(number), 0),
                page.table.selectionModel().SelectionFlag.Select
                | page.table.selectionModel().SelectionFlag.Rows)
    page.print_preview()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=30_000)
    return page.preview


def test_preview_shows_one_page_per_selected_certificate_and_leaves_revoked_ones_out(qtbot, page,
                                                                                     store):
    rows = list_certificates(store)
    valid = [r.number for r in rows if r.status == "valid"][:3]
    revoked = next(r.number for r in rows if r.status == "revoked")
    preview = preview_of(qtbot, page, valid + [revoked])
    assert preview.isVisible() and preview.page_count() == 3
    assert preview.view.document() is preview.document
    assert preview.where.text() == "page 1 of 3"
    assert preview.print_button.shortcut().toString() == "Ctrl+P"
    assert preview.summary.text() == "3 certificates · 1 revoked or partner's certificate left out"
    folder = preview.pdf.parent
    preview.close()
    qtbot.waitUntil(lambda: not folder.exists())  # the temporary PDF goes with the preview


def test_preview_of_all_shown_when_none_is_selected(qtbot, page, store):
    page.apply_filter({"status": "valid", "text": "food"})
    page.table.clearSelection()
    shown = numbers(page)
    assert 1 < len(shown) < 20
    preview = preview_of(qtbot, page)
    assert preview.page_count() == len(shown)


def test_print_to_a_pdf_printer_gives_a4_landscape_pages(qtbot, page, store, tmp_path):
    chosen = [r.number for r in list_certificates(store) if r.status == "valid"][:2]
    preview = preview_of(qtbot, page, chosen)
    printer = preview.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == 2
    info = pdf_info(tmp_path / "printed.pdf")
    assert info["Pages"] == "2"
    assert info["Page size"].startswith("842 x 595 pts")  # A4 landscape


def test_print_respects_a_page_range(qtbot, page, store, tmp_path):
    chosen = [r.number for r in list_certificates(store) if r.status == "valid"][:3]
    preview = preview_of(qtbot, page, chosen)
    printer = preview.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert preview.print_to(printer) == 2
    assert pdf_info(tmp_path / "range.pdf")["Pages"] == "2"


def test_save_as_pdf_copies_the_rendered_certificates(qtbot, page, store, tmp_path, monkeypatch):
    rows = [r for r in list_certificates(store) if r.status == "valid"][:2]
    preview = preview_of(qtbot, page, [r.number for r in rows])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (str(tmp_path / "for the office"), "PDF document (*.pdf)"))
    saved = preview.save_with_dialog()
    assert saved == tmp_path / "for the office.pdf"
    text = pdf_text(saved)
    for row in rows:
        assert row.number in text and row.holder in text
    assert pdf_info(saved)["Pages"] == "2"
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (str(tmp_path / "no such folder" / "x.pdf"), ""))
    assert preview.save_with_dialog() is None
    assert warned and "could not save the certificates to" in warned[0]


def test_nothing_printable_says_so(qtbot, page, store, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    page.apply_filter({"status": "revoked"})
    page.table.clearSelection()
    page.print_preview()
    assert told and "only valid certificates issued here" in told[0]
    assert page.preview is None and not page.ctx.runner.busy


def test_the_verdict_on_a_partners_certificate_reads_as_the_issue_says():
    from datetime import date

    from mrs_desktop.gui.dialogs.certificate_verdict import verdict
    from mrs_desktop.services.certificate_verify import Verification

    answer = Verification(
        "valid", "genuine and not revoked", number="KHM-2026-000123", holder="Sok Dara",
        issuer_country="KHM", issuer_organisation="MoLVT", issued_on=date(2026, 5, 12),
        occupation_code="CON-TIL-2", occupation_title="Tiler", aqrf_level=2,
        recognised_as=["Wall and floor tiler (TH-TIL), AQRF level 2"], as_of="2026-11-01T08:00:00Z")
    shown = verdict(answer, "THA")
    assert (shown.word, shown.tone) == ("Valid", "good")
    assert shown.sentence == (
        "Valid — issued by Cambodia, MoLVT, on 2026-05-12; Tiler, AQRF level 2; recognised in "
        "Thailand as Wall and floor tiler (TH-TIL), AQRF level 2; not revoked as of the last "
        "bundle from Cambodia (2026-11-01)")
    answer.recognised_as, answer.as_of = [], None
    assert verdict(answer, "THA").sentence.endswith(
        "no equivalent occupation agreed in Thailand yet; not revoked as far as known here (no "
        "bundle from Cambodia received yet)")
    answer.status, answer.revoked_on, answer.revoked_reason = "revoked", date(2026, 6, 1), "fraud"
    answer.as_of = "2026-11-01T08:00:00Z"
    shown = verdict(answer, "THA")
    assert (shown.word, shown.tone) == ("Revoked", "bad")
    assert shown.sentence.startswith("Revoked on 2026-06-01 (reason: fraud) — issued by Cambodia")
    assert shown.sentence.endswith("status as of the last bundle from Cambodia (2026-11-01)")


def test_a_partners_certificate_is_read_only_and_verified_as_of_its_last_bundle(qtbot, tmp_path,
                                                                                monkeypatch):
    from mrs_desktop.db.store import open_store
    from mrs_desktop.db.uow import UnitOfWork
    from mrs_desktop.services import peers
    from mrs_desktop.services.assessments import record_assessment
    from mrs_desktop.services.certificates import issue_certificates
    from mrs_desktop.services.node import init_node
    from mrs_desktop.services.sync import export, inbound
    from mrs_desktop.sync.cards import read_card

    stores = {}
    for country in ("KHM", "THA"):
        stores[country] = open_store(tmp_path / f"{country}.sqlite")
        init_node(stores[country], country=country, organisation=f"Ministry of Labour ({country})")
        peers.export_card(stores[country], tmp_path / f"{country}.mrscard")
    khm, tha = stores["KHM"], stores["THA"]
    try:
        for here, other in ((khm, "THA"), (tha, "KHM")):
            with UnitOfWork(here) as uow:
                peers.trust_card(uow, read_card(tmp_path / f"{other}.mrscard"))
                uow.commit()
        assessed = record_assessment(UnitOfWork(khm), {
            "family_name": "Sok", "given_names": "Dara", "name_native": "សុខ ដារា",
            "nationality": "KHM", "id_document_no": "N1", "occupation_code": "CON-TIL-2",
            "occupation_title": "Tiler", "aqrf_level": 2, "assessed_on": "2026-05-03"},
            {"CON-TIL-2-01": "C"}).assessment_id
        [number] = issue_certificates(UnitOfWork(khm), [assessed])
        inbound.import_bundle(tha, export.export_bundle(khm, tmp_path / "1.mrsbundle").path)

        ctx = AppContext(tha)
        page = CertificatesPage(ctx)
        qtbot.addWidget(page)
        idle(qtbot, ctx)
        row = select(page, number)
        assert row.country == "KHM" and page.model.is_partners(page.model.row_by_id(number))
        assert not page.revoke_button.isEnabled() and not page.print_button.isEnabled()
        told = []
        monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
        page.print_preview()
        assert told and page.preview is None
        page.verify()
        shown = page.verify_dialog.verify_text(number)
        assert shown.word == "Valid"
        assert "issued by Cambodia, Ministry of Labour (KHM)" in shown.sentence
        assert "no equivalent occupation agreed in Thailand yet" in shown.sentence
        assert "not revoked as of the last bundle from Cambodia (" in shown.sentence
        page.verify_dialog.close()
        ctx.runner.wait()
    finally:
        khm.close()
        tha.close()
