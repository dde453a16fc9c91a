"""GUI fixtures: each test gets its own QSettings INI folder.

Qt reads XDG_CONFIG_HOME once per process, so the autouse environment redirect in
tests/conftest.py is not enough for QSettings; setPath points it at the test's temp folder.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from mrs_desktop.gui import dates


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    dates.forget_style()  # the date style kept from the last test's settings
    yield folder
    dates.forget_style()
