"""Finding stored records by natural key before an import: few keys (index) or many (one pass)."""

from __future__ import annotations

from mrs_desktop.db import bulk
from mrs_desktop.db.models import Assessor
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.services.spreadsheets.common import load_by_keys

COLUMNS = ("id", "country", "assessor_ref", "family_name")


def person(country: str, ref: str) -> dict:
    return {"country": country, "assessor_ref": ref, "family_name": f"Family {ref}", "given_names": None,
            "name_native": None, "sex": None, "date_of_birth": None, "email": None, "phone": None,
            "organisation": None, "search_text": ref}


def stored_register(store) -> dict[tuple[str, str], str]:
    rows = [person("KHM", f"K{n:02d}") for n in range(20)] + [person("THA", f"K{n:02d}") for n in range(3)]
    with UnitOfWork(store) as uow:
        ids = bulk.insert_rows(uow.session, uow.writer, Assessor,
                               [dict(r, origin=uuid7()) if r["country"] == "THA" else r for r in rows])
        uow.commit()
    return {(r["country"], r["assessor_ref"]): i for r, i in zip(rows, ids)}


def lookup(store, keys):
    with UnitOfWork(store) as uow:
        return load_by_keys(uow.session, "assessor", COLUMNS, "country", "assessor_ref", keys)


def test_a_few_keys_and_many_keys_find_the_same_records(store):
    ids = stored_register(store)
    few = [("KHM", "K03"), ("THA", "K01"), ("KHM", "K99"), ("LAO", "K03")]  # one look-up per key
    many = few + [("KHM", f"K{n:02d}") for n in range(5, 20)] + [("THA", "k02")]  # one pass
    found_few, found_many = lookup(store, few), lookup(store, many)
    assert set(found_few) == {("KHM", "K03"), ("THA", "K01")}
    assert set(found_many) == {("KHM", "K03"), ("THA", "K01")} | {("KHM", f"K{n:02d}") for n in range(5, 20)}
    for key, record in found_many.items():
        assert record == {"id": ids[key], "country": key[0], "assessor_ref": key[1],
                          "family_name": f"Family {key[1]}"}
    assert {k: found_many[k] for k in found_few} == found_few


def test_an_empty_register_finds_nothing(store):
    assert lookup(store, [("KHM", "K01")]) == {}
