"""The first-run wizard: it creates the node from what was typed, explains what is missing beside
the field, loads demo data on the worker, and leaves nothing behind when cancelled."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from mrs_desktop.db.store import open_store
from mrs_desktop.gui import app
from mrs_desktop.gui.dialogs import first_run
from mrs_desktop.gui.dialogs.first_run import DEMO, EMPTY, IMPORT, FirstRunWizard
from mrs_desktop.gui.main_window import MainWindow
from mrs_desktop.services.overview import register_counts

COMMIT, FINISH, CANCEL = (QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton,
                          QWizard.WizardButton.CancelButton)


@pytest.fixture(autouse=True)
def _settings_in_this_tests_home(_isolated_user_folders):
    """QSettings keeps the first folder it was given for the whole process: this test's own."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["XDG_CONFIG_HOME"])


@pytest.fixture
def wizard(qtbot, bare_store):
    shown = FirstRunWizard(bare_store)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.runner.wait()


def fill(qtbot, wizard: FirstRunWizard, country: str | None = "KHM", organisation: str = "",
         focal_point: str = "") -> None:
    if country:
        wizard.ui.country.setCurrentIndex(wizard.ui.country.findData(country))
    qtbot.keyClicks(wizard.ui.organisation, organisation)
    qtbot.keyClicks(wizard.ui.focal_point, focal_point)


def test_the_countries_are_the_ten_member_states_by_name_and_none_is_chosen(wizard):
    combo = wizard.ui.country
    names = [combo.itemText(i) for i in range(combo.count())]
    assert len(names) == 10 and names == sorted(names)
    assert names[0] == "Brunei Darussalam" and "Viet Nam" in names
    assert combo.currentIndex() == -1  # she chooses; we do not guess


def test_next_creates_the_node_with_what_was_entered(qtbot, wizard, bare_store):
    fill(qtbot, wizard, "LAO", "Department of Skills Development", "Phonsavanh Keomany")
    qtbot.mouseClick(wizard.button(COMMIT), Qt.MouseButton.LeftButton)
    node = bare_store.node
    assert (node.country, node.organisation, node.focal_point) == (
        "LAO", "Department of Skills Development", "Phonsavanh Keomany")
    assert bare_store.key_path.exists()
    assert wizard.currentPage() is wizard.ui.start_page
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()  # a node is made once


def test_an_empty_organisation_is_explained_beside_its_field_and_nothing_is_made(qtbot, wizard, bare_store):
    fill(qtbot, wizard, "KHM", "   ", "Sok Dara")
    qtbot.mouseClick(wizard.button(COMMIT), Qt.MouseButton.LeftButton)
    assert bare_store.node is None and not bare_store.key_path.exists()
    assert wizard.currentPage() is wizard.ui.node_page
    assert wizard.errors.message_for("organisation") == "is required"
    assert wizard.ui.organisation_error.isVisibleTo(wizard)
    assert wizard.errors.message_for("country") == ""


def test_every_missing_field_is_explained_at_once_and_cleared_when_mended(qtbot, wizard, bare_store):
    fill(qtbot, wizard, None)
    qtbot.mouseClick(wizard.button(COMMIT), Qt.MouseButton.LeftButton)
    assert wizard.errors.message_for("country").startswith("is required")
    assert wizard.errors.message_for("organisation") == "is required"
    fill(qtbot, wizard, "KHM", "Ministry of Labour and Vocational Training")
    qtbot.mouseClick(wizard.button(COMMIT), Qt.MouseButton.LeftButton)
    assert bare_store.node.country == "KHM"
    assert wizard.errors.message_for("country") == ""


def test_cancel_on_the_first_page_creates_nothing(qtbot, wizard, bare_store):
    fill(qtbot, wizard, "KHM", "Ministry of Labour and Vocational Training")
    qtbot.mouseClick(wizard.button(CANCEL), Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert wizard.choice is None
    assert bare_store.node is None and not bare_store.key_path.exists()


@pytest.mark.parametrize("button, choice", [("start_empty", EMPTY), ("start_import", IMPORT)])
def test_the_last_page_says_how_to_start(qtbot, wizard, button, choice):
    fill(qtbot, wizard, "KHM", "Ministry of Labour and Vocational Training")
    qtbot.mouseClick(wizard.button(COMMIT), Qt.MouseButton.LeftButton)
    getattr(wizard.ui, button).setChecked(True)
    qtbot.mouseClick(wizard.button(FINISH), Qt.MouseButton.LeftButton)
    assert (wizard.result(), wizard.choice) == (QDialog.DialogCode.Accepted, choice)


def test_demo_data_is_loaded_on_the_worker_before_the_wizard_closes(qtbot, wizard, bare_store):
    fill(qtbot, wizard, "KHM", "Ministry of Labour and Vocational Training")
    qtbot.mouseClick(wizard.button(COMMIT), Qt.MouseButton.LeftButton)
    wizard.ui.start_demo.setChecked(True)
    qtbot.mouseClick(wizard.button(FINISH), Qt.MouseButton.LeftButton)
    assert wizard.busy and not wizard.button(FINISH).isEnabled()
    qtbot.waitUntil(lambda: wizard.choice == DEMO, timeout=20_000)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assessors = next(c for c in register_counts(bare_store) if c.register == "assessor")
    assert assessors.own > 0 and assessors.partners > 0


def test_escape_after_the_node_exists_starts_with_an_empty_register(qtbot, wizard, bare_store):
    fill(qtbot, wizard, "KHM", "Ministry of Labour and Vocational Training")
    qtbot.mouseClick(wizard.button(COMMIT), Qt.MouseButton.LeftButton)
    wizard.ui.start_demo.setChecked(True)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert (wizard.result(), wizard.choice) == (QDialog.DialogCode.Accepted, EMPTY)
    assert not wizard.runner.busy  # Esc is not a choice of demo data


def test_without_the_import_wizard_the_import_choice_is_left_out(qtbot, bare_store):
    wizard = FirstRunWizard(bare_store, can_import=False)
    qtbot.addWidget(wizard)
    assert wizard.ui.start_import.isHidden() and wizard.ui.start_import_note.isHidden()


# app.main on a database without a node -----------------------------------------------------------

def _when_shown(kind, act) -> None:
    """Once a top-level `kind` is visible (a wizard in its own exec loop), do `act` to it."""
    def look():
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if found:
            act(found[0])
        else:
            QTimer.singleShot(20, look)
    QTimer.singleShot(20, look)


def _close_and_quit(window) -> None:
    """Closing the last window posts a Quit; one left queued would end the next test's loop."""
    window.close()
    QApplication.removePostedEvents(QApplication.instance(), QEvent.Type.Quit)
    QApplication.quit()


def test_main_cancelled_on_a_new_database_leaves_no_file(qtbot, tmp_path):
    path = tmp_path / "new.sqlite"
    _when_shown(FirstRunWizard, lambda w: w.button(CANCEL).click())
    assert app.main(["--db", str(path)]) == 0
    assert list(tmp_path.iterdir()) == []


def test_main_cancelled_on_an_existing_empty_database_keeps_it(qtbot, tmp_path):
    path = tmp_path / "kept.sqlite"
    open_store(path).close()
    _when_shown(FirstRunWizard, lambda w: w.button(CANCEL).click())
    assert app.main(["--db", str(path)]) == 0
    assert path.exists()


def test_main_runs_the_wizard_then_opens_the_window_on_the_new_node(qtbot, tmp_path):
    path = tmp_path / "first.sqlite"
    titles = []

    def create(w):
        w.ui.country.setCurrentIndex(w.ui.country.findData("THA"))
        w.ui.organisation.setText("Department of Skill Development")
        w.button(COMMIT).click()
        w.button(FINISH).click()
        _when_shown(MainWindow, close_window)

    def close_window(window):
        titles.append(window.windowTitle())
        _close_and_quit(window)

    _when_shown(FirstRunWizard, create)
    assert app.main(["--db", str(path)]) == 0
    assert titles[0].startswith("MRS Desktop — Thailand, Department of Skill Development")
    store = open_store(path)
    assert store.node.country == "THA"
    store.close()


def test_main_opens_the_import_wizard_when_that_was_the_choice(qtbot, tmp_path, monkeypatch):
    calls = []

    def fake_import(ctx, parent, kind="assessors"):
        calls.append((kind, isinstance(parent, MainWindow), ctx is parent.ctx))
        _close_and_quit(parent)

    monkeypatch.setattr("mrs_desktop.gui.dialogs.import_wizard.run_import_wizard", fake_import)

    def create(w):
        w.ui.country.setCurrentIndex(w.ui.country.findData("KHM"))
        w.ui.organisation.setText("Ministry of Labour and Vocational Training")
        w.button(COMMIT).click()
        w.ui.start_import.setChecked(True)
        w.button(FINISH).click()

    _when_shown(FirstRunWizard, create)
    assert app.main(["--db", str(tmp_path / "import.sqlite")]) == 0
    assert calls == [("assessors", True, True)]


def test_run_first_run_returns_the_choice(qtbot, bare_store):
    def create(w):
        w.ui.country.setCurrentIndex(w.ui.country.findData("VNM"))
        w.ui.organisation.setText("DVET")
        w.button(COMMIT).click()
        w.button(FINISH).click()

    _when_shown(FirstRunWizard, create)
    assert first_run.run_first_run(bare_store) == EMPTY
    assert bare_store.node.country == "VNM"
