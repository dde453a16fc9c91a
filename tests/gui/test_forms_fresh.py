"""The committed forms (mrs_desktop/gui/forms/ui_*.py) are what pyside6-uic makes of ui/*.ui today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _compiler():
    spec = importlib.util.spec_from_file_location("compile_ui", ROOT / "scripts" / "compile_ui.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


compile_ui = _compiler()


def test_every_form_is_compiled_from_its_current_ui_file():
    ui_files = compile_ui.ui_files()
    assert ui_files, "no ui/*.ui found"
    for ui_file in ui_files:
        committed = compile_ui.form_path(ui_file)
        assert committed.exists(), f"{ui_file.name} was never compiled: run scripts/compile_ui.py"
        fresh = compile_ui.compile_form(ui_file)
        assert compile_ui.comparable(committed.read_text(encoding="utf-8")) == compile_ui.comparable(fresh), (
            f"{committed.name} is stale: run scripts/compile_ui.py")


def test_every_generated_form_has_its_ui_file_and_header():
    sources = {compile_ui.form_path(p).name for p in compile_ui.ui_files()}
    for form in compile_ui.FORMS_DIR.glob("ui_*.py"):
        assert form.name in sources, f"{form.name} has no ui/*.ui source"
        first = form.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# Generated from ui/{form.stem[3:]}.ui by pyside6-uic — do not edit; run scripts/compile_ui.py"


def test_an_edited_ui_file_makes_its_form_stale(tmp_path):
    ui_file = compile_ui.ui_files()[0]
    edited = tmp_path / ui_file.name
    edited.write_text(ui_file.read_text(encoding="utf-8").replace("<string>", "<string>Edited ", 1),
                      encoding="utf-8")
    committed = compile_ui.form_path(ui_file).read_text(encoding="utf-8")
    assert compile_ui.comparable(compile_ui.compile_form(edited)) != compile_ui.comparable(committed)
