"""The desktop app (`mrs-desktop`): the only part of MRS Desktop that imports Qt (PySide6)."""
