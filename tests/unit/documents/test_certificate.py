"""Certificates as a PDF: names in five scripts come back out exactly, QR codes decode, long names
shrink to one line, a batch is one page per certificate, the file is written whole or not at all."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import replace
from datetime import date

import pytest
import zxingcpp
from PIL import Image

from mrs_desktop.documents import CertificateView, national_labels, render_certificates
from mrs_desktop.documents.certificate import MARGIN, WIDTH
from mrs_desktop.domain.errors import InputRejected

NAMES = [  # (country, Latin, native)
    ("KHM", "Sok Chantha", "សុខ ចាន់ថា"),
    ("LAO", "Somphone Keomany", "ສົມພອນ ແກ້ວມະນີ"),
    ("MMR", "Aung Kyaw Myint", "အောင်ကျော်မြင့်"),
    ("THA", "Somchai Jaidee", "สมชาย ใจดี"),
    ("VNM", "Nguyen Thi Huong", "Nguyễn Thị Hương"),
    ("VNM", "Tran Van Duc", unicodedata.normalize("NFD", "Trần Văn Đức")),
]


def view(country: str, latin: str, native: str | None, n: int = 1, **changes) -> CertificateView:
    number = f"{country}-2026-{n:06d}"
    base = CertificateView(
        number=number, holder_name_latin=latin, holder_name_native=native, occupation_title="Tiler",
        aqrf_level=2, kind="units", qualification_title=None,
        units=[("CON-TIL-01", "Prepare surfaces for tiling"), ("CON-TIL-02", "Install wall tiles")],
        assessed_on=date(2026, 5, 3), issued_on=date(2026, 5, 12), assessor_name="Chea Sophal",
        issuer_country=country, issuer_organisation="Ministry of Labour",
        issuer_organisation_native=None, logo=None,
        qr_text=f"MRS1|{number}|Tiler|2|2026-05-12|sig-{n:04d}-" + "x" * 80)
    return replace(base, **changes)


def pages_of(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def page_text(pdf, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("certs")
    views = [view(c, latin, native, n) for n, (c, latin, native) in enumerate(NAMES, start=1)]
    pdf = folder / "batch.pdf"
    assert render_certificates(views, pdf) == len(views)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(folder / "page")], check=True)
    return pdf, views, sorted(folder.glob("page-*.png"))


def test_a_batch_is_one_page_per_certificate(batch):
    pdf, views, images = batch
    assert pages_of(pdf) == len(views) == len(images)
    assert not list(pdf.parent.glob(".*.tmp"))


def test_each_page_has_both_names_exactly_as_given(batch):
    pdf, views, _ = batch
    for page, v in enumerate(views, start=1):
        text = page_text(pdf, page)
        assert v.holder_name_latin in text
        assert v.holder_name_native in text  # the NFD name too, not a recomposed form
        assert v.number in text
        assert national_labels(v.issuer_country)["Certificate number"] in text


def test_each_page_qr_code_decodes_to_its_text(batch):
    _, views, images = batch
    for image, v in zip(images, views):
        found = zxingcpp.read_barcodes(Image.open(image))
        assert [b.text for b in found] == [v.qr_text]


def test_the_qr_code_prints_at_least_3_cm_wide(batch):
    _, _, images = batch
    found = zxingcpp.read_barcodes(Image.open(images[0]))[0]
    width_px = found.position.top_right.x - found.position.top_left.x
    assert width_px / 150 * 2.54 >= 3.0 * 0.97  # 150 dpi; the finder corners sit just inside the edge


def test_a_long_name_shrinks_to_one_line_inside_the_page(tmp_path):
    long_latin = "Princess Sirindhorn Maha Chakri Somchai Jaidee Wongsuwan Sukhumvit Rattanakosin"
    long_native = "สมเด็จพระกนิษฐาธิราชเจ้า กรมสมเด็จพระเทพรัตนราชสุดา สมชาย ใจดี วงศ์สุวรรณ"
    pdf = tmp_path / "long.pdf"
    render_certificates([view("THA", long_latin, long_native)], pdf)

    text = page_text(pdf, 1)
    assert long_latin in text.splitlines() and long_native in text.splitlines()
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    # The name is one marked span: poppler reports it as one box, i.e. one line.
    boxes = re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', bbox)
    (x_min, x_max), = [(float(a), float(b)) for a, b, word in boxes if word == long_latin]
    assert MARGIN - 1 <= x_min and x_max <= WIDTH - MARGIN + 1


def test_many_units_stay_on_the_page_and_say_how_many_are_left_out(tmp_path):
    units = [(f"U{i:02d}", f"Unit of competency number {i}") for i in range(1, 61)]
    pdf = tmp_path / "units.pdf"
    render_certificates([view("KHM", "Sok Chantha", None, units=units)], pdf)
    text = page_text(pdf, 1)
    shown = [code for code, _ in units if re.search(rf"\b{code}\b", text)]
    assert 20 < len(shown) < 60
    assert f"… and {60 - len(shown)} more units" in text
    assert pages_of(pdf) == 1


def test_an_empty_batch_is_rejected_and_writes_nothing(tmp_path):
    with pytest.raises(InputRejected):
        render_certificates([], tmp_path / "none.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_batch_leaves_the_old_file_alone(tmp_path):
    pdf = tmp_path / "certs.pdf"
    pdf.write_bytes(b"old")

    def views():
        yield view("KHM", "Sok Chantha", "សុខ ចាន់ថា")
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        render_certificates(views(), pdf)
    assert pdf.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["certs.pdf"]
