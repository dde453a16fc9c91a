"""Spreadsheet import and export of the registers (template format 1, docs/spreadsheet-templates.md).

Imports are all or nothing: every bad row is reported with its field and row number, and a
file with any error changes nothing. Importing the same file twice changes nothing.
"""

from .action_items import import_action_items
from .assessors import import_assessors
from .common import ImportResult
from .export import export_action_items, export_assessors, export_trainings
from .reader import Table, read_table
from .templates import KINDS, TEMPLATE_FORMAT, guess_mapping, template_columns, write_template
from .trainings import import_trainings

__all__ = [
    "KINDS", "TEMPLATE_FORMAT", "ImportResult", "Table", "export_action_items", "export_assessors",
    "export_trainings", "guess_mapping", "import_action_items", "import_assessors",
    "import_trainings", "read_table", "template_columns", "write_template",
]
