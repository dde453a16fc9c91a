"""Certificates: numbers never reused, one valid certificate per assessment, and verification on
this node and on a partner's (genuine, tampered, untrusted, revoked, carried by a bundle)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from mrs_desktop.db.models import Candidate, Certificate, Setting
from mrs_desktop.db.store import open_store
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import InputRejected
from mrs_desktop.services import peers
from mrs_desktop.services.assessments import record_assessment
from mrs_desktop.services.certificates import (issue_certificates, list_certificates,
                                               revoke_certificate, verify)
from mrs_desktop.services.node import init_node
from mrs_desktop.services.sync import export, inbound
from mrs_desktop.sync import qr_payload
from mrs_desktop.sync.cards import read_card
from mrs_desktop.sync.keys import NodeKey

DAY = date(2026, 5, 12)


def assess(store, doc: str, outcomes: dict[str, str]) -> str:
    values = {"family_name": "Sok", "given_names": "Dara", "name_native": "សុខ ដារា",
              "nationality": "KHM", "id_document_no": doc, "occupation_code": "CON-TIL-2",
              "occupation_title": "Tiler", "aqrf_level": 2, "assessed_on": "2026-05-03"}
    return record_assessment(UnitOfWork(store), values, outcomes).assessment_id


def test_full_units_or_no_certificate_by_result(store):
    full = assess(store, "N1", {"CON-TIL-2-01": "C", "CON-TIL-2-02": "CT"})
    part = assess(store, "N2", {"CON-TIL-2-01": "NYC", "CON-TIL-2-02": "C"})
    none = assess(store, "N3", {"CON-TIL-2-01": "NYC"})
    with pytest.raises(InputRejected, match="not yet competent"):
        issue_certificates(UnitOfWork(store), [full, none], today=DAY)
    assert issue_certificates(UnitOfWork(store), all_eligible=True, today=DAY) == [
        "KHM-2026-000001", "KHM-2026-000002"]
    rows = {r.assessment_id: r for r in list_certificates(store)}
    assert (rows[full].kind, rows[full].units) == ("full", ["CON-TIL-2-01", "CON-TIL-2-02"])
    assert (rows[part].kind, rows[part].units) == ("units", ["CON-TIL-2-02"])
    fields = qr_payload.decode(rows[part].payload)[0]
    assert (fields.number, fields.holder_native, fields.units, fields.qualification) == (
        "KHM-2026-000002", "សុខ ដារា", ("CON-TIL-2-02",), None)
    with pytest.raises(InputRejected, match="already has a valid certificate"):
        issue_certificates(UnitOfWork(store), [full], today=DAY)


def test_numbers_are_never_reused_even_after_a_revocation_or_a_lost_counter(store):
    first = assess(store, "N1", {"U1": "C"})
    second = assess(store, "N2", {"U1": "C"})
    [one] = issue_certificates(UnitOfWork(store), [first], today=DAY)
    revoke_certificate(UnitOfWork(store), one, "issued to the wrong person")
    [again] = issue_certificates(UnitOfWork(store), [first], today=DAY)  # reissue when named
    with UnitOfWork(store) as uow:  # a counter lost (an old backup's settings)
        uow.session.execute(Setting.__table__.delete())
        uow.commit()
    [two] = issue_certificates(UnitOfWork(store), [second], today=DAY)
    [next_year] = issue_certificates(UnitOfWork(store), [assess(store, "N3", {"U1": "C"})],
                                     today=date(2027, 1, 2))
    assert (one, again, two, next_year) == ("KHM-2026-000001", "KHM-2026-000002",
                                            "KHM-2026-000003", "KHM-2027-000001")
    assert issue_certificates(UnitOfWork(store), all_eligible=True, today=DAY) == []


def test_verify_by_payload_or_number_tampered_and_untrusted(store):
    [number] = issue_certificates(UnitOfWork(store), [assess(store, "N1", {"U1": "C"})], today=DAY)
    payload = list_certificates(store)[0].payload
    for text in (payload, number, f"  {number.lower()} "):
        answer = verify(store, text)
        assert answer.status == "valid", answer.reason
    assert (answer.issuer_country, answer.aqrf_level, answer.issued_on) == ("KHM", 2, DAY)

    fields = qr_payload.decode(payload)[0]
    forged = qr_payload.encode(replace(fields, holder_latin="Someone Else", issuer_key_id=""),
                               NodeKey.generate())
    assert verify(store, forged).status == "untrusted"
    _, signed, signature = qr_payload.decode(payload)
    edited = signed[len(qr_payload.PREFIX):].replace(b"Sok Dara", b"Sok Dora")  # the name edited
    tampered = verify(store, qr_payload.PREFIX + qr_payload.b45encode(edited + signature))
    assert tampered.status == "tampered" and "forged or altered" in tampered.reason
    altered = payload[:20] + ("A" if payload[20] != "A" else "B") + payload[21:]
    assert verify(store, altered).status == "tampered"
    assert verify(store, "KHM-2026-999999").status == "unknown"


def two_nodes(tmp_path):
    stores = {}
    for country in ("KHM", "THA"):
        store = open_store(tmp_path / f"{country}.sqlite")
        init_node(store, country=country, organisation=f"Ministry of Labour ({country})")
        peers.export_card(store, tmp_path / f"{country}.mrscard")
        stores[country] = store
    for country, other in (("KHM", "THA"), ("THA", "KHM")):
        with UnitOfWork(stores[country]) as uow:
            peers.trust_card(uow, read_card(tmp_path / f"{other}.mrscard"))
            uow.commit()
    return stores["KHM"], stores["THA"]


def send(source, target, path):
    sent = export.export_bundle(source, path)
    inbound.import_bundle(target, sent.path)


def test_a_partner_verifies_and_learns_a_revocation_from_a_bundle(tmp_path):
    khm, tha = two_nodes(tmp_path)
    try:
        [number] = issue_certificates(UnitOfWork(khm), [assess(khm, "N1", {"U1": "C"})], today=DAY)
        payload = list_certificates(khm)[0].payload
        before = verify(tha, payload)
        assert before.status == "unknown" and "genuine" in before.reason  # no bundle yet
        send(khm, tha, tmp_path / "1.mrsbundle")
        answer = verify(tha, payload)
        assert answer.status == "valid", answer.reason
        assert (answer.issuer_organisation, answer.as_of is not None) == (
            "Ministry of Labour (KHM)", True)
        assert verify(tha, number).status == "valid"
        with tha.session() as s:  # the holder's identity document number stays in Cambodia
            assert s.scalar(select(Candidate.id_document_no)) is None
        with khm.session() as s:
            assert s.scalar(select(Candidate.id_document_no)) == "N1"

        revoke_certificate(UnitOfWork(khm), number, "assessment records falsified")
        send(khm, tha, tmp_path / "2.mrsbundle")
        revoked = verify(tha, payload)
        assert revoked.status == "revoked"
        assert "assessment records falsified" in revoked.reason
        with pytest.raises(InputRejected, match="only its issuer"):
            revoke_certificate(UnitOfWork(tha), number, "not ours")
        with tha.session() as s:
            assert s.scalar(select(Certificate.status)) == "revoked"
    finally:
        khm.close()
        tha.close()
