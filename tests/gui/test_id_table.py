"""The id-list table model: rows land on their own ids even when a record vanished meanwhile."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from mrs_desktop.gui.models.id_table import PAGE, Column, IdTableModel


@dataclass(frozen=True)
class Record:
    id: str
    name: str


class FakeRegister:
    """A register read by id, as the services do: unknown (removed) ids are left out."""

    def __init__(self, n: int):
        self.records = {f"id-{i}": Record(f"id-{i}", f"Name {i}") for i in range(n)}
        self.asked: list[list[str]] = []

    def fetch(self, ids: list[str]) -> list[Record]:
        self.asked.append(list(ids))
        return [self.records[i] for i in reversed(ids) if i in self.records]  # any order


def model_over(register: FakeRegister, *, fetch=None) -> IdTableModel:
    columns = [Column("id", "Id", lambda r: r.id), Column("name", "Name", lambda r: r.name)]
    model = IdTableModel(columns, fetch or register.fetch)
    model.set_ids(list(register.records))
    return model


def names(model: IdTableModel) -> list[str]:
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def test_a_record_removed_after_the_query_leaves_an_empty_row_not_shifted_rows(qtmodeltester):
    register = FakeRegister(5)
    model = model_over(register)
    del register.records["id-2"]  # removed between reading the ids and painting the rows
    assert names(model) == ["Name 0", "Name 1", "", "Name 3", "Name 4"]
    assert [model.index(row, 0).data() for row in range(5)] == ["id-0", "id-1", "", "id-3", "id-4"]
    assert model.index(2, 1).data(Qt.ItemDataRole.UserRole) == "id-2"  # the row still knows its id
    assert model.row(2) is None and model.row(3) == Record("id-3", "Name 3")
    qtmodeltester.check(model)


def test_a_missing_record_is_not_asked_for_on_every_paint():
    register = FakeRegister(3)
    model = model_over(register)
    del register.records["id-1"]
    for _ in range(3):
        names(model)
    assert register.asked == [["id-0", "id-1", "id-2"]]
    model.forget({"id-1"})  # a change names it: read it again
    register.records["id-1"] = Record("id-1", "Back")
    assert names(model) == ["Name 0", "Back", "Name 2"]
    assert register.asked[-1] == ["id-1"]


def test_pages_are_read_as_the_view_scrolls_and_placed_by_id(qtmodeltester):
    register = FakeRegister(3 * PAGE)
    model = model_over(register)
    for gone in ("id-10", f"id-{2 * PAGE + 7}"):
        del register.records[gone]
    assert model.index(2 * PAGE + 8, 1).data() == f"Name {2 * PAGE + 8}"
    assert model.index(2 * PAGE + 7, 1).data() == ""
    assert model.index(11, 1).data() == "Name 11" and model.index(10, 1).data() == ""
    assert len(register.asked) == 2
    qtmodeltester.check(model)


def test_rows_without_an_id_are_taken_one_per_id_in_order(qtmodeltester):
    register = FakeRegister(4)
    plain = lambda ids: [(i.upper(),) for i in ids]  # noqa: E731 - tuples carry no id
    columns = [Column("code", "Code", lambda r: r[0])]
    model = IdTableModel(columns, plain)
    model.set_ids(list(register.records))
    assert [model.index(row, 0).data() for row in range(4)] == ["ID-0", "ID-1", "ID-2", "ID-3"]
    short = IdTableModel(columns, lambda ids: plain(ids)[:2])  # fewer rows than ids: the rest empty
    short.set_ids(list(register.records))
    assert [short.index(row, 0).data() for row in range(4)] == ["ID-0", "ID-1", "", ""]
    qtmodeltester.check(model)
    qtmodeltester.check(short)
