"""The Certificate identity dialog: shows the saved name and logo, refuses a bad logo file in
place, draws a sample certificate, and saves both on OK (nothing on Cancel)."""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtWidgets import QDialog

from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.gui.dialogs.certificate_identity import CertificateIdentityDialog
from mrs_desktop.services.certificate_identity import certificate_identity, set_certificate_identity

NATIVE = "ក្រសួងការងារ និងបណ្តុះបណ្តាលវិជ្ជាជីវៈ"


def png(colour=(28, 51, 97)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (128, 128), colour).save(out, "PNG")
    return out.getvalue()


def open_dialog(qtbot, store) -> CertificateIdentityDialog:
    dialog = CertificateIdentityDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_shows_the_saved_identity_and_a_sample(qtbot, store):
    set_certificate_identity(UnitOfWork(store), organisation_native=NATIVE, logo=png())
    dialog = open_dialog(qtbot, store)
    assert dialog.native.text() == NATIVE
    assert dialog.english.text() == "Ministry of Labour and Vocational Training"
    assert not dialog.logo_preview.pixmap().isNull() and dialog.remove.isEnabled()
    assert "PNG, 128 × 128 pixels" in dialog.logo_about.text()
    sample = dialog.sample.pixmap().toImage()
    assert sample.width() == 420 and 280 < sample.height() < 310
    # The logo's navy shows top left of the sample, where certificates put it.
    navy = [sample.pixelColor(x, y) for x in range(20, 60) for y in range(20, 60)]
    assert any(c.blue() > c.red() + 30 and c.red() < 80 for c in navy)


def test_a_bad_file_is_refused_in_place(qtbot, store, tmp_path):
    dialog = open_dialog(qtbot, store)
    bad = tmp_path / "letter.png"
    bad.write_text("not a picture")
    assert dialog.take_logo_file(bad) is False
    assert dialog.error.isVisible() and "letter.png is not a PNG or JPEG image" in dialog.error.text()
    assert dialog.logo is None and not dialog.remove.isEnabled()
    good = tmp_path / "emblem.png"
    good.write_bytes(png())
    assert dialog.take_logo_file(good) and not dialog.error.isVisible()


def test_ok_saves_and_cancel_does_not(qtbot, store, tmp_path):
    dialog = open_dialog(qtbot, store)
    dialog.native.setText(f" {NATIVE} ")
    (tmp_path / "emblem.png").write_bytes(png())
    dialog.take_logo_file(tmp_path / "emblem.png")
    dialog.reject()
    assert certificate_identity(store).organisation_native is None
    dialog = open_dialog(qtbot, store)
    dialog.native.setText(NATIVE)
    dialog.take_logo_file(tmp_path / "emblem.png")
    dialog.save()
    assert dialog.result() == QDialog.Accepted
    saved = certificate_identity(store)
    assert (saved.organisation_native, saved.logo) == (NATIVE, png())
    dialog = open_dialog(qtbot, store)
    dialog.remove.click()
    dialog.save()
    assert certificate_identity(store).logo is None


def test_the_file_menu_opens_it(qtbot, store, monkeypatch):
    from mrs_desktop.gui.main_window import MainWindow

    window = MainWindow(store)
    qtbot.addWidget(window)
    opened = []
    monkeypatch.setattr(CertificateIdentityDialog, "exec", lambda self: opened.append(self) or 0)
    assert window.act_certificate_identity in window.file_menu.actions()
    window.act_certificate_identity.trigger()
    assert opened and opened[0].native.text() == ""
