"""Catalogue entries a ministry adds by hand: occupations and units of competency (node: KHM)."""

import pytest
from sqlalchemy import select

from mrs_desktop.db.models import ChangeLog, CompetencyUnit, Occupation, Sector
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import AlreadyExists, ValidationError
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.services import catalogue


def _uow(store):
    return UnitOfWork(store)


def _row(store, model, row_id):
    with store.session() as s:
        return s.get(model, row_id)


def _occupation(store, code="CK-01", title="Commis cook", **kw):
    return catalogue.add_occupation(_uow(store), country=kw.pop("country", "KHM"), code=code,
                                    title=title, **kw)


def test_add_occupation_with_a_new_sector(store):
    changes = _occupation(store, sector="Culinary arts")
    assert changes.primary == catalogue.occupation_id("KHM", "CK-01")
    assert changes.registers == {"occupation", "sector"}
    occ = _row(store, Occupation, changes.primary)
    assert (occ.country, occ.code, occ.title) == ("KHM", "CK-01", "Commis cook")
    assert _row(store, Sector, occ.sector_id).name == "Culinary arts"
    with store.session() as s:
        assert s.scalars(select(ChangeLog.op).where(ChangeLog.row_id == occ.id)).all() == ["insert"]
    [row] = catalogue.list_occupations(store, "khm")
    assert (row.code, row.sector) == ("CK-01", "Culinary arts")


def test_country_defaults_to_the_nodes_and_partners_catalogues_are_refused(store):
    assert _occupation(store, country=None).primary == catalogue.occupation_id("KHM", "CK-01")
    with pytest.raises(ValidationError) as err:
        _occupation(store, code="TH-1", country="THA")
    assert [e.field for e in err.value.errors] == ["country"]
    assert "Thailand" in str(err.value)
    assert [o.code for o in catalogue.list_occupations(store)] == ["CK-01"]


def test_occupation_errors_name_fields(store):
    with pytest.raises(ValidationError) as err:
        _occupation(store, code=" ", title="x" * 301, country="XYZ")
    assert {e.field for e in err.value.errors} == {"code", "title", "country"}
    assert catalogue.list_occupations(store) == []


def test_duplicate_codes_are_refused_ignoring_case(store):
    _occupation(store)
    with pytest.raises(AlreadyExists, match="CK-01"):
        _occupation(store, code="ck-01", title="Other")
    assert _row(store, Occupation, catalogue.occupation_id("KHM", "CK-01")).title == "Commis cook"


def test_a_removed_occupation_comes_back_with_the_new_title(store):
    occ_id = _occupation(store).primary
    with store.session() as s:
        s.get(Occupation, occ_id).deleted = True
        s.commit()
    assert catalogue.list_occupations(store) == []
    assert _occupation(store, title="Cook").primary == occ_id
    occ = _row(store, Occupation, occ_id)
    assert (occ.deleted, occ.title) == (False, "Cook")


def test_add_unit_under_an_occupation(store):
    _occupation(store)
    changes = catalogue.add_unit(_uow(store), country="KHM", code="U-01", title="Prepare stocks",
                                 occupation_code="ck-01")
    assert changes.registers == {"competency_unit"}
    unit = _row(store, CompetencyUnit, changes.primary)
    assert (unit.code, unit.occupation_id) == ("U-01", catalogue.occupation_id("KHM", "CK-01"))
    catalogue.add_unit(_uow(store), country=None, code="U-00", title="Work safely")
    rows = catalogue.list_units(store)
    assert [(r.code, r.occupation_code, r.occupation_title) for r in rows] == [
        ("U-00", None, None), ("U-01", "CK-01", "Commis cook")]


def test_add_unit_refusals(store):
    with pytest.raises(ValidationError) as err:
        catalogue.add_unit(_uow(store), country="KHM", code="U-1", title="", occupation_code="NOPE")
    assert {e.field for e in err.value.errors} == {"title", "occupation_code"}
    with pytest.raises(ValidationError) as err:
        catalogue.add_unit(_uow(store), country="LAO", code="U-1", title="x")
    assert [e.field for e in err.value.errors] == ["country"]
    catalogue.add_unit(_uow(store), country="KHM", code="U-1", title="x")
    with pytest.raises(AlreadyExists, match="U-1"):
        catalogue.add_unit(_uow(store), country="KHM", code="u-1", title="y")
    assert len(catalogue.list_units(store)) == 1


def test_list_units_by_country_hides_removed_ones(store):
    catalogue.add_unit(_uow(store), country="KHM", code="U-1", title="x")
    removed = catalogue.add_unit(_uow(store), country="KHM", code="U-2", title="y").primary
    with store.session() as s:
        s.add(CompetencyUnit(id=uuid7(), origin=uuid7(), country="THA", code="TH-U", title="Thai unit"))
        s.get(CompetencyUnit, removed).deleted = True
        s.commit()
    assert [u.code for u in catalogue.list_units(store, "KHM")] == ["U-1"]
    assert [u.code for u in catalogue.list_units(store, "THA")] == ["TH-U"]
    assert [u.country for u in catalogue.list_units(store)] == ["KHM", "THA"]


def test_ensure_functions_still_reuse_existing_entries(store):
    _occupation(store)
    with store.session() as s:
        occ, new = catalogue.ensure_occupation(s, "KHM", "CK-01", "ignored", None)
        assert (new, occ.title) == (False, "Commis cook")
        sector, new = catalogue.ensure_sector(s, "tourism")
        assert (new, sector.code) == (False, "tourism")
