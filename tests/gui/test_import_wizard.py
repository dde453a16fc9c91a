"""The spreadsheet import wizard: mapping guessed and remembered, errors previewed, import on the worker."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWizard

from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import ValidationError
from mrs_desktop.gui import settings
from mrs_desktop.gui.context import AppContext
from mrs_desktop.gui.dialogs import import_sample
from mrs_desktop.gui.dialogs.import_sample import RowsModel, layout_key
from mrs_desktop.gui.dialogs.import_wizard import ImportWizard
from mrs_desktop.gui.operations import imports
from mrs_desktop.services import spreadsheets

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "spreadsheets"
MINISTRY_HEADER = "Ref,Surname,First name,Level,Accreditation No.,Issue date,Expiry,Notes"


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    """QSettings keeps the first user folder it saw for the whole process: point it here."""
    before = Path(settings.qsettings().fileName()).parent.parent
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(before))


@pytest.fixture
def ctx(store):
    context = AppContext(store)
    yield context
    context.runner.wait()


def open_wizard(qtbot, ctx, kind="assessors") -> ImportWizard:
    wizard = ImportWizard(ctx, None, kind=kind)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def click(qtbot, wizard: ImportWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_columns(qtbot, wizard: ImportWizard, path: Path) -> None:
    wizard.source.ui.path.setText(str(path))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.columns)


def to_preview(qtbot, ctx, wizard: ImportWizard) -> None:
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.preview
    qtbot.waitUntil(lambda: not ctx.runner.busy and not wizard.busy)


def chosen(wizard: ImportWizard) -> dict[str, str]:
    return {name: combo.currentData() for name, combo in wizard.columns.combos.items()}


def choose(wizard: ImportWizard, column: str, field: str) -> None:
    combo = wizard.columns.combos[column]
    combo.setCurrentIndex(combo.findData(field))


def ministry_file(path: Path, *rows: str, header: str = MINISTRY_HEADER) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def assessor_count(store) -> int:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM assessor").scalar()


def change_log_count(store) -> int:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar()


def test_the_mapping_is_guessed_and_remembered_for_the_same_layout(qtbot, ctx, tmp_path):
    first = ministry_file(tmp_path / "may.csv", "A-1,Sok,Dara,2,ACC-1,2024-01-10,2027-01-09,NPIC")
    wizard = open_wizard(qtbot, ctx)
    to_columns(qtbot, wizard, first)
    assert chosen(wizard) == {"Ref": "assessor_ref", "Surname": "family_name", "First name": "given_names",
                              "Level": "aqrf_level", "Accreditation No.": "accreditation_no",
                              "Issue date": "accredited_on", "Expiry": "valid_until", "Notes": ""}
    assert wizard.columns.ui.columns.item(7, 2).text() == "NPIC"  # the column's first value
    choose(wizard, "Notes", "organisation")
    to_preview(qtbot, ctx, wizard)
    assert wizard.preview.rows_model.headerData(0, Qt.Orientation.Horizontal) == "assessor_ref"

    # Next month's file: the same columns in another order.
    june = "Notes,Ref,Surname,First name,Level,Accreditation No.,Issue date,Expiry"
    second = ministry_file(tmp_path / "june.csv", "ITI,A-2,Chan,Sophea,1,ACC-2,2024-02-01,2027-01-31", header=june)
    again = open_wizard(qtbot, ctx)
    to_columns(qtbot, again, second)
    assert chosen(again)["Notes"] == "organisation"
    assert chosen(again)["Surname"] == "family_name"
    assert settings.qsettings().contains(layout_key("assessors", june.split(",")))

    # Another layout is guessed afresh; so is the same layout for another register.
    other = ministry_file(tmp_path / "other.csv", "A-3,Kim,Ly,2,ACC-3,2024-01-10,2027-01-09,x,y",
                          header=MINISTRY_HEADER + ",Phone")
    third = open_wizard(qtbot, ctx)
    to_columns(qtbot, third, other)
    assert chosen(third)["Notes"] == "" and chosen(third)["Phone"] == "phone"


def test_required_fields_without_a_column_block_next(qtbot, ctx, tmp_path):
    wizard = open_wizard(qtbot, ctx)
    to_columns(qtbot, wizard, ministry_file(tmp_path / "f.csv", "A-1,Sok,Dara,2,ACC-1,2024-01-10,2027-01-09,"))
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled()
    choose(wizard, "Surname", "")
    assert not next_button.isEnabled()
    assert "family_name" in wizard.columns.ui.problems.text()
    choose(wizard, "Notes", "family_name")
    assert next_button.isEnabled()
    choose(wizard, "Ref", "family_name")  # one field for two columns
    assert not next_button.isEnabled()
    assert "family_name is chosen for more than one column" in wizard.columns.ui.problems.text()
    assert "assessor_ref" in wizard.columns.ui.problems.text()  # and Ref's field is now missing


def test_the_preview_shows_every_error_with_its_row_and_changes_nothing(qtbot, ctx, store, tmp_path):
    bad = ministry_file(tmp_path / "bad.csv",
                        "A-1,Sok,Dara,9,ACC-1,2024-01-10,2027-01-09,",
                        "A-2,,Sophea,2,ACC-2,2024-13-01,2027-01-09,",
                        "A-3,Kim,Ly,2,ACC-3,2024-01-10,2023-01-09,",
                        "A-4,Chan,Vy,2,ACC-4,2024-01-10,2027-01-09,")
    before = change_log_count(store)
    wizard = open_wizard(qtbot, ctx)
    to_columns(qtbot, wizard, bad)
    to_preview(qtbot, ctx, wizard)

    model = wizard.preview.errors_model
    shown = [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]
    mapping = wizard.mapping
    with pytest.raises(ValidationError) as expected:
        spreadsheets.import_assessors(UnitOfWork(store), bad, mapping=mapping, dry_run=True)
    assert len(shown) == len(expected.value.errors) >= 3
    rows = {row for row, _column, _problem in shown}
    assert {"2", "3", "4"} <= rows and "5" not in rows
    assert ("2", "Level (aqrf_level)") in {(r, c) for r, c, _p in shown}
    assert ("3", "Surname (family_name)") in {(r, c) for r, c, _p in shown}
    assert any(r == "3" and "accredited_on" in c for r, c, _p in shown)
    # Messages name the file's columns, not the template's field names.
    assert any(r == "4" and "before Issue date 2024-01-10" in p for r, _c, p in shown)
    assert wizard.preview.ui.errors_box.isVisible()
    assert "problems in 3 rows" in wizard.preview.ui.errors_label.text()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert model.rowCount() == len(expected.value.errors)
    # The first rows as they will be read, numbered as the spreadsheet numbers them.
    rows_model = wizard.preview.rows_model
    assert rows_model.rowCount() == 4
    assert rows_model.headerData(0, Qt.Orientation.Vertical) == "2"
    assert rows_model.index(1, 1).data() == ""  # A-2's missing family name
    assert assessor_count(store) == 0 and change_log_count(store) == before


def test_a_good_import_runs_on_the_worker_and_announces_its_changes(qtbot, ctx, store, monkeypatch):
    threads = []
    original = imports.IMPORTERS["assessors"]

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setitem(imports.IMPORTERS, "assessors", recording)
    wizard = open_wizard(qtbot, ctx)
    to_columns(qtbot, wizard, FIXTURES / "assessors.csv")
    to_preview(qtbot, ctx, wizard)
    assert "Ready to import assessors.csv: 7 rows: 6 assessors added" in wizard.preview.ui.summary.text()
    assert not wizard.preview.ui.errors_box.isVisible()
    with qtbot.waitSignal(ctx.changes_applied, timeout=10_000) as applied:
        click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert {"assessor", "accreditation"} <= applied.args[0].registers
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page)
    assert "6 assessors added" in wizard.done_page.ui.summary.text()
    assert assessor_count(store) == 6
    assert len(threads) == 2 and all(t is not threading.main_thread() for t in threads)  # check + import
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()


def test_cancel_stops_the_import_and_writes_nothing(qtbot, ctx, store):
    wizard = open_wizard(qtbot, ctx)
    to_columns(qtbot, wizard, FIXTURES / "assessors.csv")
    to_preview(qtbot, ctx, wizard)
    before = change_log_count(store)
    gate = threading.Event()
    ctx.runner.run(lambda _progress: gate.wait(10))  # holds the worker so Cancel comes first
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    # The check's dialog may still await deletion: take the import's.
    dialog, = [d for d in wizard.findChildren(QProgressDialog) if d.labelText().startswith("Importing")]
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    dialog.findChild(QPushButton).click()  # the progress dialog's Cancel
    gate.set()
    qtbot.waitUntil(lambda: not ctx.runner.busy and not wizard.busy)
    assert wizard.currentPage() is wizard.preview
    assert "Stopped; nothing was changed" in wizard.preview.ui.summary.text()
    assert assessor_count(store) == 0 and change_log_count(store) == before


def test_a_file_that_cannot_be_read_is_explained_on_the_first_page(qtbot, ctx, tmp_path):
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("family_name\nJosé\n".encode("latin-1"))
    wizard = open_wizard(qtbot, ctx)
    wizard.source.ui.path.setText(str(latin1))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: not wizard.busy)
    assert wizard.currentPage() is wizard.source
    assert "not UTF-8" in wizard.source.ui.path_error.text()


def test_the_rows_model_passes_the_model_tester(qtmodeltester):
    model = RowsModel()
    model.set_rows(["Row", "Column", "Problem"], [(2, "aqrf_level", "must be 1 to 8"), (3, "x", None)],
                   [2, 3])
    qtmodeltester.check(model)
    assert model.index(1, 2).data() == "" and model.headerData(1, Qt.Orientation.Vertical) == "3"


def test_a_remembered_mapping_drops_columns_and_fields_that_no_longer_exist(own_settings):
    header = ["Ref", "Surname"]
    import_sample.remember_mapping("assessors", header, {"Ref": "assessor_ref", "Surname": "family_name",
                                                        "Gone": "email"})
    settings.qsettings().setValue(layout_key("trainings", header), '{"Ref": "no_such_field"}')
    assert import_sample.remembered_mapping("assessors", header) == {"Ref": "assessor_ref",
                                                                   "Surname": "family_name"}
    assert import_sample.remembered_mapping("trainings", header) == {}
    assert import_sample.remembered_mapping("action-items", header) is None


@pytest.mark.parametrize("kind, summary", [("trainings", "trainings added"), ("action-items", "action items added")])
def test_each_register_is_previewed_from_its_template(qtbot, ctx, store, kind, summary):
    spreadsheets.import_assessors(UnitOfWork(store), FIXTURES / "assessors.csv")  # trainees are assessors
    wizard = open_wizard(qtbot, ctx, kind=kind)
    assert wizard.kind == kind
    to_columns(qtbot, wizard, FIXTURES / f"{kind}.csv")
    assert all(field == name for name, field in chosen(wizard).items())  # the template's own header
    to_preview(qtbot, ctx, wizard)
    assert summary in wizard.preview.ui.summary.text()
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def test_check_again_reads_the_corrected_file(qtbot, ctx, tmp_path):
    path = ministry_file(tmp_path / "f.csv", "A-1,Sok,Dara,9,ACC-1,2024-01-10,2027-01-09,")
    wizard = open_wizard(qtbot, ctx)
    to_columns(qtbot, wizard, path)
    to_preview(qtbot, ctx, wizard)
    assert wizard.preview.ui.errors_label.text() == "1 problem, in row 2:"
    ministry_file(path, "A-1,Sok,Dara,2,ACC-1,2024-01-10,2027-01-09,", "A-2,Chan,Vy,3,ACC-2,2024-01-10,2027-01-09,")
    qtbot.mouseClick(wizard.preview.ui.check_again, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.busy)
    assert "2 rows: 2 assessors added" in wizard.preview.ui.summary.text()
    assert not wizard.preview.ui.errors_box.isVisible()
    assert wizard.preview.rows_model.rowCount() == 2 and wizard.preview.rows_model.index(0, 3).data() == "2"
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
