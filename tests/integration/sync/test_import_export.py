"""Exporting and importing between trusted nodes: repeats and order change nothing, a child
waits for its parent, partners' records are read-only, undo, encryption, incremental export
after an acknowledgement, and a missing bundle showing as a gap."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
import zstandard

from mrs_desktop.cli.main import main
from mrs_desktop.db.models import REGISTERS
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import InputRejected
from mrs_desktop.services import action_plans, assessors
from mrs_desktop.services.sync import export, inbound
from mrs_desktop.services.sync.conflicts import list_conflicts
from mrs_desktop.services.sync.status import sync_status
from mrs_desktop.sync import bundle, keys
from mrs_desktop.sync.bundle import BundleRejected

from tests.integration.sync.conftest import copy_template, plan_and_items


def data(store) -> dict[str, list]:
    """Every synced table, its field clocks and conflicts: what an import may change."""
    conn = sqlite3.connect(store.path)
    try:
        out = {r: conn.execute(f"SELECT * FROM {r} ORDER BY id").fetchall() for r in REGISTERS}
        out["field_clock"] = conn.execute("SELECT * FROM field_clock ORDER BY register, row_id, field").fetchall()
        out["conflict"] = sorted(conn.execute(
            "SELECT register, row_id, field, kept_value, kept_stamp, lost_value, lost_stamp FROM conflict"))
        out["held"] = conn.execute("SELECT register, row_id, stamp FROM held_record ORDER BY row_id").fetchall()
        return out
    finally:
        conn.close()


def add_assessor(store, n: int) -> str:
    country = store.node.country
    return assessors.add_assessor(UnitOfWork(store), {"family_name": f"Family {n}", "given_names": country,
                                                      "assessor_ref": f"{country}-{n}"}).primary


def send(sender, to: str, folder: Path, name: str, **options) -> Path:
    return export.export_bundle(sender, folder / f"{name}.mrsbundle", to=[to], **options).path


def acknowledge(sender, receiver, folder: Path, name: str) -> None:
    """The receiver's next bundle tells the sender what it holds."""
    inbound.import_bundle(sender, send(receiver, sender.node.country, folder, name))


def test_same_bundle_twice_changes_nothing(bare_nodes, tmp_path):
    khm, tha = bare_nodes["KHM"], bare_nodes["THA"]
    add_assessor(khm, 1)
    path = send(khm, "THA", tmp_path, "b1")
    first = inbound.import_bundle(tha, path)
    assert first.totals["new"] == 1
    once = data(tha)
    again = inbound.import_bundle(tha, path)
    assert again.totals["new"] == again.totals["updated"] == again.totals["conflicts"] == 0
    assert any("imported before" in w for w in again.warnings)
    assert data(tha) == once


def test_two_bundles_in_either_order_give_the_same_state(shared_nodes, templates, tmp_path):
    """Owned records of two senders and concurrent edits of one shared item, both orders."""
    khm, lao = shared_nodes["KHM"], shared_nodes["LAO"]
    _plan, items = plan_and_items(khm)
    add_assessor(khm, 1)
    add_assessor(lao, 1)
    action_plans.update_item(UnitOfWork(khm), items[0], {"status": "done", "percent": 100})
    action_plans.update_item(UnitOfWork(lao), items[0], {"status": "blocked"})
    action_plans.update_item(UnitOfWork(lao), items[1], {"description": "Compare curricula"})
    from_khm, from_lao = send(khm, "THA", tmp_path, "khm"), send(lao, "THA", tmp_path, "lao")
    states = []
    for order in ((from_khm, from_lao), (from_lao, from_khm)):
        copy = copy_template(templates["shared"], tmp_path / f"tha-{len(states)}", ("THA",))
        try:
            for path in order:
                inbound.import_bundle(copy["THA"], path)
            states.append(data(copy["THA"]))
        finally:
            copy.close()
    assert states[0] == states[1]
    assert len(states[0]["assessor"]) == 2 and len(states[0]["conflict"]) == 1


def test_a_child_before_its_parent_is_held_then_applied(bare_nodes, templates, tmp_path):
    khm, tha = bare_nodes["KHM"], bare_nodes["THA"]
    # A second copy of THA, as it was before anything arrived: it will get the bundles in the wrong order.
    late = copy_template(templates["bare"], tmp_path / "late", ("THA",))
    try:
        plan = action_plans.add_plan(UnitOfWork(khm), {"title": "Tiling", "plan_ref": "P1",
                                                       "partner_countries": "THA"}, []).primary
        with_plan = send(khm, "THA", tmp_path, "plan")
        inbound.import_bundle(tha, with_plan)
        acknowledge(khm, tha, tmp_path, "ack")
        item = action_plans.add_item(UnitOfWork(khm), plan, {"description": "Map occupations"}).primary
        with_item = send(khm, "THA", tmp_path, "item")
        assert export_counts(with_item) == {"action_item": 1}  # the plan was acknowledged

        held = inbound.import_bundle(late["THA"], with_item)
        assert held.totals["held"] == 1 and held.totals["new"] == 0
        assert [l.reason for l in held.lines if l.outcome == "held"] == [f"waiting for action_plan {plan}"]
        assert sync_status(late["THA"]).held == 1
        assert not rows(late["THA"], "action_item")

        released = inbound.import_bundle(late["THA"], with_plan)
        assert sync_status(late["THA"]).held == 0
        assert rows(late["THA"], "action_item") == [item]
        assert released.totals["new"] >= 2  # the plan and the item it released
    finally:
        late.close()


def export_counts(path: Path) -> dict[str, int]:
    return bundle.open_bundle(path).manifest["counts"]


def rows(store, register: str) -> list[str]:
    conn = sqlite3.connect(store.path)
    try:
        return [r[0] for r in conn.execute(f"SELECT id FROM {register} ORDER BY id")]
    finally:
        conn.close()


def test_partner_records_are_listed_with_their_country_and_read_only(bare_nodes, tmp_path, capsys):
    khm, tha = bare_nodes["KHM"], bare_nodes["THA"]
    assessor = assessors.add_assessor(UnitOfWork(khm), {"family_name": "Sokha", "given_names": "Chan",
                                                        "assessor_ref": "KH-77"}).primary
    inbound.import_bundle(tha, send(khm, "THA", tmp_path, "b1"))
    tha.close()
    assert main(["--db", str(tha.path), "assessors", "list"]) == 0
    listed = [line for line in capsys.readouterr().out.splitlines() if "Sokha" in line]
    assert len(listed) == 1 and "KHM" in listed[0].split() and "KH-77" in listed[0]
    with pytest.raises(InputRejected, match="belongs to Cambodia: only Cambodia's focal point can change it"):
        assessors.update_assessor(UnitOfWork(tha), assessor, {"family_name": "Changed"})
    with pytest.raises(InputRejected, match="only Cambodia's focal point"):
        assessors.remove_assessor(UnitOfWork(tha), assessor)


def test_undo_last_import_restores_the_state(shared_nodes, tmp_path):
    khm, tha = shared_nodes["KHM"], shared_nodes["THA"]
    _plan, items = plan_and_items(khm)
    add_assessor(khm, 1)
    action_plans.update_item(UnitOfWork(khm), items[0], {"status": "in_progress"})
    before = data(tha)
    done = inbound.import_bundle(tha, send(khm, "THA", tmp_path, "b1"))
    assert done.restore_point and data(tha) != before
    undone = inbound.undo_last_import(tha)
    assert undone.sender_country == "KHM"
    assert data(tha) == before
    with pytest.raises(InputRejected, match="already undone"):
        inbound.undo_last_import(tha)


def test_undo_is_refused_after_a_local_change(bare_nodes, tmp_path):
    khm, tha = bare_nodes["KHM"], bare_nodes["THA"]
    add_assessor(khm, 1)
    inbound.import_bundle(tha, send(khm, "THA", tmp_path, "b1"))
    add_assessor(tha, 1)
    after_change = data(tha)
    with pytest.raises(InputRejected, match=r"1 change\(s\) were made on this computer since"):
        inbound.undo_last_import(tha)
    assert data(tha) == after_change


def test_an_encrypted_bundle_is_readable_only_by_its_recipient(bare_nodes, tmp_path):
    khm, tha, lao = bare_nodes["KHM"], bare_nodes["THA"], bare_nodes["LAO"]
    add_assessor(khm, 1)
    path = send(khm, "THA", tmp_path, "secret", encrypt=True)
    with zipfile.ZipFile(path) as zf:
        stored = zf.read("changes.bin")
    with pytest.raises(zstandard.ZstdError):
        zstandard.ZstdDecompressor().decompress(stored, max_output_size=1 << 20)
    assert b"Family 1" not in path.read_bytes()

    opened = bundle.open_bundle(path)
    lao_box = keys.box_private_key(keys.load_private_key(lao.key_path))
    with pytest.raises(BundleRejected):
        bundle.read_changes(opened, lao_box, node_id=lao.node.id)
    with pytest.raises(BundleRejected, match="made for other nodes"):
        inbound.import_bundle(lao, path)

    done = inbound.import_bundle(tha, path)
    assert done.encrypted and done.totals["new"] == 1


def test_incremental_export_after_an_acknowledgement_sends_only_new_changes(bare_nodes, tmp_path):
    khm, tha = bare_nodes["KHM"], bare_nodes["THA"]
    for n in range(3):
        add_assessor(khm, n)
    first = export.export_bundle(khm, tmp_path / "b1.mrsbundle", to=["THA"])
    assert first.counts["assessor"] == 3
    inbound.import_bundle(tha, first.path)
    # Not yet acknowledged: the next bundle still holds everything.
    assert export.export_bundle(khm, tmp_path / "b2.mrsbundle", to=["THA"]).counts["assessor"] == 3
    acknowledge(khm, tha, tmp_path, "ack")
    assert export.export_bundle(khm, tmp_path / "b3.mrsbundle", to=["THA"]).counts == {}
    newest = add_assessor(khm, 9)
    later = export.export_bundle(khm, tmp_path / "b4.mrsbundle", to=["THA"])
    assert later.counts == {"assessor": 1}
    assert inbound.import_bundle(tha, later.path).lines[0].row_id == newest
    full = export.export_bundle(khm, tmp_path / "b5.mrsbundle", to=["THA"], full=True)
    assert full.counts["assessor"] == 4


def test_a_missing_bundle_shows_as_a_gap_until_it_arrives(bare_nodes, tmp_path):
    """THA acknowledged KHM's first bundle, then lost it (its import undone), so KHM's next
    bundle starts where the lost one ended: the changes in between are missing."""
    khm, tha = bare_nodes["KHM"], bare_nodes["THA"]
    add_assessor(khm, 1)
    lost = send(khm, "THA", tmp_path, "b1")
    inbound.import_bundle(tha, lost)
    acknowledge(khm, tha, tmp_path, "ack")
    inbound.undo_last_import(tha)
    assert sync_status(tha).gaps == []
    add_assessor(khm, 2)
    inbound.import_bundle(tha, send(khm, "THA", tmp_path, "b2"))
    gaps = sync_status(tha).gaps
    assert [(g.country, g.have_upto) for g in gaps] == [("KHM", "")]
    assert gaps[0].next_from == bundle.open_bundle(lost).manifest["ranges"][khm.node.id][1]
    inbound.import_bundle(tha, lost)
    assert sync_status(tha).gaps == []


def test_a_value_that_lost_elsewhere_reaches_its_writer_so_its_next_edit_is_no_conflict(shared_nodes, tmp_path):
    """LAO and THA change one field concurrently; KHM keeps THA's later value and queues LAO's.
    THA must learn that its value has now seen LAO's (the field's version vector grew at KHM,
    though no value changed): otherwise THA's next edit of its own value looks concurrent with
    it, and KHM would queue THA's own earlier value as a conflict."""
    khm, tha, lao = shared_nodes["KHM"], shared_nodes["THA"], shared_nodes["LAO"]
    _plan, items = plan_and_items(khm)
    action_plans.update_item(UnitOfWork(lao), items[0], {"status": "blocked"})
    action_plans.update_item(UnitOfWork(tha), items[0], {"status": "done"})
    inbound.import_bundle(khm, send(tha, "KHM", tmp_path, "tha1"))
    assert inbound.import_bundle(khm, send(lao, "KHM", tmp_path, "lao1")).totals["conflicts"] == 1
    inbound.import_bundle(tha, send(khm, "THA", tmp_path, "khm1"))
    action_plans.update_item(UnitOfWork(tha), items[0], {"status": "in_progress"})
    second = inbound.import_bundle(khm, send(tha, "KHM", tmp_path, "tha2"))
    assert second.totals["conflicts"] == 0, [(c.kept.value, c.lost.value) for c in second.conflicts]
    assert [(c.lost_value, c.lost_by) for c in list_conflicts(khm)] == [("blocked", "LAO")]


def test_a_key_rotation_reaches_a_partner_through_a_bundle(bare_nodes, tmp_path):
    """KHM rotates its key; its next bundle, signed by the new key, carries the statement signed
    by the old one: THA checks it against the key it trusts and moves to the new key."""
    from mrs_desktop.db.models import Peer
    from mrs_desktop.services import peers

    kh, th = bare_nodes["KHM"], bare_nodes["THA"]
    rotated = peers.rotate_key(kh)
    add_assessor(kh, 1)
    preview = inbound.import_bundle(th, send(kh, "THA", tmp_path, "after-rotation"))
    assert preview.applied and preview.totals["new"] >= 1
    assert preview.fingerprint == rotated.new_fingerprint
    with th.session() as s:
        assert s.get(Peer, kh.node.id).public_key == rotated.statement["new_key"]
    add_assessor(kh, 2)  # and the next bundle is accepted without any statement work
    assert inbound.import_bundle(th, send(kh, "THA", tmp_path, "later")).totals["new"] == 1


def test_a_bundle_undone_then_imported_again_is_applied_again(bare_nodes, tmp_path):
    """Known bundles are not compared again, unless the import was undone."""
    khm, tha = bare_nodes["KHM"], bare_nodes["THA"]
    add_assessor(khm, 1)
    path = send(khm, "THA", tmp_path, "b1")
    inbound.import_bundle(tha, path)
    applied = data(tha)
    inbound.undo_last_import(tha)
    again = inbound.import_bundle(tha, path)
    assert again.totals["new"] == 1 and not again.warnings
    assert data(tha)["assessor"] == applied["assessor"]
