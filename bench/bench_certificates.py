"""Benchmark: 1,000 certificates with shaped names and QR codes into one PDF (issue 5: <= 3 s, and
<= 10x the same pages without QR codes, measured in the same run).

Names are 1,000 distinct names, 200 in each of Khmer, Lao, Myanmar, Thai and Vietnamese, so no
shaping is reused between holders. The baseline draws the same pages with the QR step left out.
A third figure draws the QR codes as vector paths instead of 1-bit image masks (the alternative).
`python -m bench.bench_certificates --samples DIR` writes one sample PDF per script instead.
"""

from __future__ import annotations

import base64
import hashlib
import os
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from unittest import mock

from bench.common import Result, best_of
from mrs_desktop.documents.qr import draw_qr_path

N = 1000
TARGET_S, TARGET_RATIO = 3.0, 10.0

# (country, ministry, ministry in its language, given names, family names, Latin spellings)
PEOPLE = {
    "KHM": ("Ministry of Labour and Vocational Training", "ក្រសួងការងារ និងបណ្តុះបណ្តាលវិជ្ជាជីវៈ",
            ["សុខ", "ចាន់", "ស្រីមុំ", "វណ្ណា", "សុភា", "ពិសិដ្ឋ", "រតនា", "បុប្ផា", "ស្រីនាង", "កញ្ញា"],
            ["ចាន់ថា", "សុវណ្ណ", "គឹមហួរ", "ពេជ្រ", "ស្រ៊ុន", "ហេង", "ម៉ៅ", "អ៊ុំ", "ខៀវ", "ទេព",
             "នួន", "ស៊ីម", "ជា", "សំ", "ឡុង", "ប៊ុន", "ឈឹម", "វង្ស", "កែវ", "សេង"]),
    "LAO": ("Ministry of Labour and Social Welfare", "ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ",
            ["ສົມພອນ", "ບຸນມີ", "ຄຳຫຼ້າ", "ວັນນະ", "ສີສະຫວາດ", "ພອນໄຊ", "ນ້ອຍ", "ແສງ", "ດາວວອນ", "ຈັນທະລາ"],
            ["ແກ້ວມະນີ", "ສີລາວົງ", "ພົມມະຈັນ", "ວົງສະຫວັນ", "ອິນທະວົງ", "ສຸລິຍະ", "ຈັນທະວົງ", "ໄຊຍະສອນ",
             "ພິມມະສອນ", "ຄຳພູວົງ", "ບຸບຜາ", "ສຸວັນນະ", "ທຳມະວົງ", "ແສງສະຫວ່າງ", "ພູມມະລາ", "ດວງສະຫວັນ",
             "ສີຫາລາດ", "ວິໄລ", "ຈັນສະໝອນ", "ອຸ່ນເຮືອນ"]),
    "MMR": ("Ministry of Labour", "အလုပ်သမားဝန်ကြီးဌာန",
            ["အောင်", "ကျော်", "မြင့်", "သန်း", "ခင်", "စိုး", "နွယ်", "ဇော်", "ထွန်း", "မောင်"],
            ["ကျော်မြင့်", "သူဇာ", "မင်းထက်", "ဝင်းနိုင်", "ချိုချို", "လှိုင်", "ဇော်ဝင်း", "ညီညီ", "ထက်ထက်",
             "ဖြိုး", "စန္ဒာ", "ရွှေ", "နန္ဒာ", "ကြည်", "မျိုး", "သက်", "ပြည့်", "ဦး", "ရဲ", "ဟိန်း"]),
    "THA": ("Department of Skill Development, Ministry of Labour", "กรมพัฒนาฝีมือแรงงาน กระทรวงแรงงาน",
            ["สมชาย", "สมศรี", "ประยุทธ์", "วิไล", "ณัฐพล", "กิตติ", "สุดารัตน์", "ธนพร", "ปิยะ", "อรุณี"],
            ["ใจดี", "รักไทย", "ศรีสุข", "วงศ์ใหญ่", "ทองคำ", "แก้วมณี", "สุขสวัสดิ์", "บุญมา", "มีสุข",
             "พรหมมา", "ศักดิ์ดี", "ชัยมงคล", "สายทอง", "เพ็ชรรัตน์", "นิลวงศ์", "อินทร์แก้ว", "จันทร์เพ็ญ",
             "ดวงดี", "ทองดี", "ปัญญาดี"]),
    "VNM": ("Ministry of Labour, Invalids and Social Affairs", "Bộ Lao động – Thương binh và Xã hội",
            ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"],
            ["Thị Hương", "Văn Đức", "Thị Ngọc Ánh", "Minh Tuấn", "Quốc Bảo", "Thu Thủy", "Hữu Nghĩa",
             "Thị Mỹ Dung", "Đình Khải", "Xuân Trường", "Thanh Hằng", "Công Phượng", "Thị Yến",
             "Văn Lộc", "Hải Đăng", "Bích Ngọc", "Gia Huy", "Khánh Linh", "Trọng Nhân", "Diệu Thúy"]),
}
# Romanised spelling of each script's first name (the samples); later holders get a number added.
LATIN = {"KHM": "Sok Chantha", "LAO": "Somphone Keomany", "MMR": "Aung Kyaw Myint",
         "THA": "Somchai Jaidee"}
UNITS = [("CON-TIL-01", "Prepare surfaces for tiling"), ("CON-TIL-02", "Install wall tiles"),
         ("CON-TIL-03", "Install floor tiles"), ("CON-TIL-04", "Cut and shape tiles"),
         ("CON-TIL-05", "Apply grout and sealants"), ("CON-GEN-01", "Work safely on a construction site"),
         ("CON-GEN-02", "Read and interpret plans and specifications")]


def qr_payload(number: str) -> str:
    """A stand-in of the real payload's size: fields plus a 64-byte Ed25519 signature, base64."""
    signature = base64.urlsafe_b64encode(hashlib.sha512(number.encode()).digest()).decode().rstrip("=")
    return f"MRS1|{number}|Tiler|2|CON-TIL-01,CON-TIL-02,CON-TIL-03|2026-05-12|node-0192f4a3|{signature}"


def views(n: int = N, logo: bytes | None = None) -> list:
    from mrs_desktop.documents import CertificateView

    countries = list(PEOPLE)
    out = []
    for i in range(n):
        country = countries[i % len(countries)]
        ministry, native_ministry, given, family = PEOPLE[country]
        k = i // len(countries)  # 200 per script: every (given, family) pair once
        native = f"{given[k % len(given)]} {family[k // len(given) % len(family)]}"
        latin = native if country == "VNM" else LATIN[country] + (f" {k}" if k else "")
        number = f"{country}-2026-{i + 1:06d}"
        out.append(CertificateView(
            number=number, holder_name_latin=_ascii(latin), holder_name_native=native,
            occupation_title="Tiler", aqrf_level=2, kind="units" if i % 3 else "full",
            qualification_title="Certificate II in Wall and Floor Tiling", units=UNITS[: 3 + i % 5],
            assessed_on=date(2026, 5, 3), issued_on=date(2026, 5, 12), assessor_name="Chea Sophal",
            issuer_country=country, issuer_organisation=ministry,
            issuer_organisation_native=native_ministry, logo=logo, qr_text=qr_payload(number)))
    return out


def _ascii(name: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in plain if not unicodedata.combining(c))


def render(batch, path: Path, qr: str = "path") -> None:
    from mrs_desktop.documents import certificate, render_certificates

    if qr == "none":
        with mock.patch.object(certificate, "draw_qr", lambda *a: None):
            render_certificates(batch, path)
    elif qr == "path":
        with mock.patch.object(certificate, "draw_qr", draw_qr_path):
            render_certificates(batch, path)
    else:
        render_certificates(batch, path)


def run(workdir: Path) -> list[Result]:
    from mrs_desktop.documents.fonts import register_fonts

    workdir.mkdir(parents=True, exist_ok=True)
    register_fonts()
    batch = views()
    repeat = 1 if os.environ.get("MRS_BENCH_QUICK") == "1" else 3
    figures = {mode: best_of(repeat, lambda m=mode: render(batch, workdir / f"certs-{m}.pdf", m))
               for mode in ("none", "mask", "path")}
    sizes = {m: (workdir / f"certs-{m}.pdf").stat().st_size / 1e6 for m in figures}
    with_qr, without = figures["mask"], figures["none"]
    return [
        Result(f"{N:,} certificates, shaped names + QR, one PDF", with_qr, "s",
               f"<= {TARGET_S:g} s and <= {TARGET_RATIO:g}x no QR",
               with_qr <= TARGET_S and with_qr <= TARGET_RATIO * without, baseline=without,
               note=(f"best of {repeat}; 1,000 distinct names in 5 scripts; baseline = same pages "
                     f"without QR; PDF {sizes['mask']:.1f} MB (no QR {sizes['none']:.1f} MB)")),
        Result(f"{N:,} certificates, QR as vector paths instead", figures["path"], "s",
               "(alternative, information)", True, baseline=without,
               note=f"PDF {sizes['path']:.1f} MB; the app draws QR codes as 1-bit image masks"),
    ]


def placeholder_logo() -> bytes:
    """A plain emblem where a ministry's logo goes (samples only; nodes configure their own)."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (256, 256), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 248, 248), fill=(28, 51, 97, 255))
    draw.ellipse((40, 40, 216, 216), outline=(179, 143, 61, 255), width=12)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


# The member states whose national language is written in Latin script (samples only):
# (ministry, ministry in its language, holder).
LATIN_SAMPLES = {
    "BRN": ("Ministry of Education, Technical and Vocational Education",
            "Kementerian Pendidikan, Pendidikan Teknik dan Vokasional", "Nurul Ain binti Haji Ahmad"),
    "IDN": ("Ministry of Manpower", "Kementerian Ketenagakerjaan", "Siti Rahayu Wulandari"),
    "MYS": ("Department of Skills Development, Ministry of Human Resources",
            "Jabatan Pembangunan Kemahiran, Kementerian Sumber Manusia", "Muhammad Hafiz bin Ismail"),
    "PHL": ("Technical Education and Skills Development Authority",
            "Pangasiwaan sa Edukasyong Teknikal at Pagpapaunlad ng Kasanayan", "Maria Cristina Dela Cruz"),
    "SGP": ("SkillsFuture Singapore", None, "Tan Wei Ming"),
}


def write_samples(folder: Path) -> None:
    """One certificate per member state, for docs/certificates/ (see its README)."""
    folder.mkdir(parents=True, exist_ok=True)
    batch = views(5, logo=placeholder_logo())
    for view in batch:
        render([view], folder / f"sample-{view.issuer_country.lower()}.pdf")
    for country, (ministry, native, holder) in LATIN_SAMPLES.items():
        number = f"{country}-2026-000042"
        render([replace(batch[1], number=number, holder_name_latin=holder, holder_name_native=None,
                        issuer_country=country, issuer_organisation=ministry,
                        issuer_organisation_native=native, qr_text=qr_payload(number))],
               folder / f"sample-{country.lower()}.pdf")
    many = replace(batch[0], units=[(f"CON-TIL-{i:02d}", t) for i, (_, t) in enumerate(UNITS * 4, 1)])
    render([many], folder / "sample-many-units.pdf")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--samples"]:
        write_samples(Path(sys.argv[2]))
    else:
        from bench.__main__ import print_table

        print_table(run(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/mrs-bench-certs")))
