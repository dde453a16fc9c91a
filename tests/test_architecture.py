"""The layers of DESIGN.md section 2 hold: import-linter's contracts from pyproject.toml pass.

A second test plants violations in a copy of the package and checks the linter reports each
contract broken, so a contract that silently checks nothing fails here too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = ("Layers of DESIGN.md section 2", "Only the GUI imports Qt",
             "The domain uses the standard library only")

# `python -m importlinter.cli` exits 0 without checking anything (the module has no __main__
# block), so call the console script's function the way the `lint-imports` script does.
LINT = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"


def lint_imports(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project), "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-c", LINT, "--no-logo", "--no-cache", "--config", str(project / "pyproject.toml")],
        cwd=project, env=env, capture_output=True, text=True, timeout=120)


def test_import_contracts_are_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in CONTRACTS:
        assert f"{name} KEPT" in result.stdout


def test_each_contract_catches_a_violation(tmp_path):
    shutil.copytree(ROOT / "mrs_desktop", tmp_path / "mrs_desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    pkg = tmp_path / "mrs_desktop"
    (pkg / "services" / "zz_reaches_up.py").write_text("import mrs_desktop.gui\n")
    (pkg / "domain" / "zz_uses_a_library.py").write_text("import sqlalchemy\n")
    # A package that does not exist yet in the real tree is still covered by the Qt contract.
    (pkg / "documents").mkdir(exist_ok=True)
    (pkg / "documents" / "__init__.py").touch()
    (pkg / "documents" / "zz_draws_with_qt.py").write_text("from PySide6 import QtGui\n")

    result = lint_imports(tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    for name in CONTRACTS:
        assert f"{name} BROKEN" in result.stdout
    assert "mrs_desktop.services.zz_reaches_up -> mrs_desktop.gui" in result.stdout
    assert "mrs_desktop.domain.zz_uses_a_library -> sqlalchemy" in result.stdout
    assert "mrs_desktop.documents.zz_draws_with_qt -> PySide6" in result.stdout


def test_the_domain_imports_only_the_standard_library():
    """Stricter than the contract's list of known libraries: any third-party import fails."""
    import grimp

    graph = grimp.build_graph("mrs_desktop", include_external_packages=True, cache_dir=None)
    domain = {"mrs_desktop.domain", *graph.find_descendants("mrs_desktop.domain")}
    outside = {
        imported for module in domain for imported in graph.find_modules_directly_imported_by(module)
        if not imported.startswith("mrs_desktop")
    }
    assert outside, "the graph should at least see the domain's standard-library imports"
    assert outside <= set(sys.stdlib_module_names), outside - set(sys.stdlib_module_names)
