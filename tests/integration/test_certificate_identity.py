"""The ministry's national-language name and logo on this node's certificates: set, cleared,
checked, kept in the database (so a copied database prints the same), and printed."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date

import pytest
from PIL import Image

from mrs_desktop.db.store import open_store
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.errors import InputRejected, NoNode
from mrs_desktop.services.assessments import record_assessment
from mrs_desktop.services.certificate_identity import (KEEP, certificate_identity, read_logo,
                                                       set_certificate_identity)
from mrs_desktop.services.certificates import certificate_views, issue_certificates, print_certificates

NATIVE = "ក្រសួងការងារ និងបណ្តុះបណ្តាលវិជ្ជាជីវៈ"


def image_bytes(kind: str = "PNG", size: tuple[int, int] = (200, 120)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (28, 51, 97)).save(out, kind)
    return out.getvalue()


def test_set_keep_and_clear(store):
    logo = image_bytes()
    identity = set_certificate_identity(UnitOfWork(store), organisation_native=f"  {NATIVE} ", logo=logo)
    assert (identity.organisation, identity.organisation_native, identity.logo) == (
        "Ministry of Labour and Vocational Training", NATIVE, logo)
    assert identity.logo_info.describe().startswith("PNG, 200 × 120 pixels")
    kept = set_certificate_identity(UnitOfWork(store), organisation_native=KEEP, logo=None)
    assert (kept.organisation_native, kept.logo) == (NATIVE, None)
    cleared = set_certificate_identity(UnitOfWork(store), organisation_native="", logo=KEEP)
    assert certificate_identity(store) == cleared and cleared.organisation_native is None


def test_the_logo_lives_in_the_database_not_in_a_file(store, db_path, tmp_path):
    path = tmp_path / "emblem.jpg"
    path.write_bytes(image_bytes("JPEG"))
    set_certificate_identity(UnitOfWork(store), logo=read_logo(path))
    path.unlink()  # the file the user picked is gone ...
    copy = tmp_path / "new-laptop" / "mrs.sqlite"
    copy.parent.mkdir()
    store.close()
    shutil.copy(db_path, copy)  # ... and the database is moved to another laptop
    moved = open_store(copy)
    try:
        assert certificate_identity(moved).logo_info.format == "JPEG"
    finally:
        moved.close()


@pytest.mark.parametrize("data, message", [
    (image_bytes("GIF"), "GIF image; a logo must be PNG or JPEG"),
    (b"not an image at all", "is not a PNG or JPEG image"),
    (image_bytes()[:200], "damaged or cut short"),
    (image_bytes(size=(20, 400)), "20 × 400 pixels; a logo must be between 32 and 4096"),
    (image_bytes("BMP", (1200, 1200)), "MB; a logo may be at most 2 MB"),
])
def test_a_logo_that_cannot_go_on_a_certificate_is_refused(store, data, message):
    with pytest.raises(InputRejected, match=message):
        set_certificate_identity(UnitOfWork(store), logo=data)
    assert certificate_identity(store).logo is None


def test_read_logo_names_the_file(tmp_path):
    with pytest.raises(InputRejected, match="there is no file"):
        read_logo(tmp_path / "missing.png")
    (tmp_path / "notes.png").write_text("hello")
    with pytest.raises(InputRejected, match="the logo notes.png is not a PNG or JPEG image"):
        read_logo(tmp_path / "notes.png")
    (tmp_path / "empty.png").write_bytes(b"")
    with pytest.raises(InputRejected, match="the logo empty.png is empty"):
        read_logo(tmp_path / "empty.png")


def test_a_node_is_needed(bare_store):
    with pytest.raises(NoNode):
        set_certificate_identity(UnitOfWork(bare_store), organisation_native="x")


def test_printed_certificates_show_the_native_name_and_the_logo(store, tmp_path):
    values = {"family_name": "Sok", "given_names": "Dara", "name_native": "សុខ ដារា",
              "nationality": "KHM", "id_document_no": "N1", "occupation_code": "CON-TIL-2",
              "occupation_title": "Tiler", "aqrf_level": 2, "assessed_on": "2026-05-03"}
    for doc in ("N1", "N2"):
        record_assessment(UnitOfWork(store), {**values, "id_document_no": doc}, {"U1": "C"})
    issue_certificates(UnitOfWork(store), all_eligible=True, today=date(2026, 5, 12))
    logo = image_bytes(size=(300, 300))
    set_certificate_identity(UnitOfWork(store), organisation_native=NATIVE, logo=logo)
    first, second = certificate_views(store)
    assert first.logo is second.logo == logo  # read once for the batch
    pdf = tmp_path / "certs.pdf"
    assert print_certificates(store, pdf) == 2
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count(NATIVE) == 2
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                            check=True).stdout
    assert sum(" 300   300 " in line for line in images.splitlines()) == 2  # one form, on both pages
