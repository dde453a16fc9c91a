"""Exporting records: the file asked for, written on the worker for the given ids, reported in the status bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.gui import export, settings
from mrs_desktop.gui.context import AppContext
from mrs_desktop.services import spreadsheets

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "spreadsheets"


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    """QSettings keeps the first user folder it saw for the whole process: point it here."""
    before = Path(settings.qsettings().fileName()).parent.parent
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(before))


@pytest.fixture
def ctx(store):
    spreadsheets.import_assessors(UnitOfWork(store), FIXTURES / "assessors.csv")
    context = AppContext(store)
    yield context
    context.runner.wait()


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: records what it was asked, answers `answer`."""

    def __init__(self, answer: str, chosen_filter: str = "Excel workbook (*.xlsx)"):
        self.answer, self.filter, self.asked = answer, chosen_filter, []

    def __call__(self, parent, caption, directory, filters):
        self.asked.append((caption, directory, filters))
        return self.answer, self.filter


def assessor_ids(store, *refs: str) -> list[str]:
    with store.engine.connect() as conn:
        return [conn.exec_driver_sql("SELECT id FROM assessor WHERE assessor_ref = ?", (ref,)).scalar()
                for ref in refs]


def test_the_given_records_are_written_on_the_worker(qtbot, ctx, store, tmp_path, monkeypatch):
    target = tmp_path / "chosen.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(str(target)))
    ids = assessor_ids(store, "KHM-A-0001", "KHM-A-0002")
    with qtbot.waitSignal(ctx.status_message, timeout=10_000) as said:
        export.export_records(ctx, None, "assessors", ids)
        assert ctx.runner.busy  # it runs on the worker; the window goes on
    assert said.args[0] == f"Exported 3 rows to {target}"  # one row per accreditation
    table = spreadsheets.read_table(target)
    assert table.header == spreadsheets.template_columns("assessors")
    refs = [cells[0] for _n, cells in table.rows]
    assert refs == ["KHM-A-0001", "KHM-A-0001", "KHM-A-0002"]


def test_without_ids_everything_is_exported_and_a_csv_filter_names_the_file(qtbot, ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(str(tmp_path / "all"), "CSV UTF-8 (*.csv)"))
    with qtbot.waitSignal(ctx.status_message, timeout=10_000) as said:
        export.export_records(ctx, None, "assessors", None)
    written = tmp_path / "all.csv"
    assert said.args[0] == f"Exported 7 rows to {written}"
    assert written.read_bytes().startswith(b"\xef\xbb\xbfassessor_ref,")  # UTF-8 with BOM, for Excel


def test_the_dialog_opens_in_the_preferred_export_folder(ctx, tmp_path, monkeypatch):
    dialog = SaveDialog("")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    export.export_records(ctx, None, "trainings", None)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(dialog.asked[-1][1]).parent in (Path(documents), Path.home())
    settings.EXPORT_FOLDER.set(str(tmp_path))
    export.export_records(ctx, None, "action-items", None)
    caption, suggested, filters = dialog.asked[-1]
    assert Path(suggested).parent == tmp_path and Path(suggested).name.startswith("action-items-")
    assert caption == "Export the action items" and "*.xlsx" in filters and "*.csv" in filters
    assert not ctx.runner.busy  # the dialog was cancelled: nothing runs


def test_an_empty_view_exports_nothing_and_says_so(qtbot, ctx, monkeypatch):
    dialog = SaveDialog("never used")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    with qtbot.waitSignal(ctx.status_message) as said:
        export.export_records(ctx, None, "assessors", [])
    assert "Nothing to export" in said.args[0] and dialog.asked == []


def test_a_refused_file_name_is_explained(qtbot, ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(str(tmp_path / "missing" / "x.csv")))
    explained = []
    monkeypatch.setattr(ctx, "explain", lambda exc, parent: explained.append(exc))
    export.export_records(ctx, None, "assessors", None)
    qtbot.waitUntil(lambda: not ctx.runner.busy)
    assert explained and isinstance(explained[0], OSError)
    assert not (tmp_path / "missing").exists()


def test_the_export_shows_a_progress_dialog_with_its_label(ctx, tmp_path, monkeypatch, qtbot):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(str(tmp_path / "x.xlsx")))
    parent = QWidget()
    qtbot.addWidget(parent)
    export.export_records(ctx, parent, "trainings", None)
    dialog = parent.findChild(QProgressDialog)
    assert dialog.labelText() == "Exporting the trainings to x.xlsx…"
    qtbot.waitUntil(lambda: not ctx.runner.busy)
