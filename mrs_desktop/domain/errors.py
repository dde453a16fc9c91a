"""Errors a user can cause, each with a message that says what is wrong and where."""

from __future__ import annotations

from dataclasses import dataclass


class MrsError(Exception):
    """A problem the user can understand and fix; `exit_code` follows DESIGN.md section 5."""

    exit_code = 1


class InputRejected(MrsError):
    """The input was refused as a whole and nothing was changed."""

    exit_code = 3


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str
    row: int | None = None  # spreadsheet row as the user sees it (the header is row 1)

    def __str__(self) -> str:
        where = f"row {self.row}, " if self.row is not None else ""
        return f"{where}{self.field}: {self.message}"


class ValidationError(InputRejected):
    """One or more fields are invalid; each error names its field (and row, for imports)."""

    def __init__(self, errors: list[FieldError] | FieldError, summary: str | None = None):
        self.errors = [errors] if isinstance(errors, FieldError) else list(errors)
        self.summary = summary or "; ".join(str(e) for e in self.errors[:5])
        if len(self.errors) > 5:
            self.summary += f"; and {len(self.errors) - 5} more"
        super().__init__(self.summary)


class NotFound(InputRejected):
    """A record named by the user does not exist."""


class AlreadyExists(InputRejected):
    """The user asked to create something that is already there."""


class StoreProblem(InputRejected):
    """The database file cannot be used as it is (not SQLite, newer schema, damaged)."""


class NoNode(MrsError):
    """The database has no node identity yet: `mrs init` (or the first-run wizard) creates it."""

    exit_code = 3
