"""`mrs import assessments`, `mrs cert issue|list|print|revoke|verify`: a result sheet to printed
certificates whose QR code, read back from the PDF page, verifies; exit 3 for anything not valid."""

from __future__ import annotations

import json
import subprocess

import zxingcpp
from PIL import Image

from mrs_desktop.cli.main import main

SHEET = """family_name,given_names,name_native,nationality,id_document_no,occupation_code,occupation_title,aqrf_level,assessed_on,unit_code,unit_title,outcome
Sok,Dara,សុខ ដារា,KHM,N0001,CON-TIL-2,Tiler,2,2026-05-03,CON-TIL-2-01,Prepare surfaces,C
Sok,Dara,,KHM,N0001,CON-TIL-2,,2,2026-05-03,CON-TIL-2-02,Install wall tiles,C
Chan,Sophea,ចាន់ សុភា,KHM,N0002,CON-TIL-2,Tiler,2,2026-05-03,CON-TIL-2-01,,NYC
"""


def run(capsys, db, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["--db", str(db), *argv])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_a_result_sheet_to_a_verified_printed_certificate(capsys, tmp_path):
    db = tmp_path / "mrs.sqlite"
    assert run(capsys, db, "init", "--country", "KHM", "--organisation", "MoLVT")[0] == 0
    sheet = tmp_path / "results.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    code, out, _ = run(capsys, db, "import", "assessments", str(sheet), "--dry-run")
    assert code == 0 and "dry run" in out and "2 assessments added" in out
    code, out, _ = run(capsys, db, "import", "assessments", str(sheet))
    assert code == 0 and "3 unit results added" in out

    code, out, _ = run(capsys, db, "cert", "issue", "--all-eligible")
    assert code == 0 and "(1 certificate issued)" in out  # Chan is not yet competent
    code, out, _ = run(capsys, db, "cert", "list", "--json")
    [cert] = json.loads(out)
    assert cert["kind"] == "full" and cert["payload"].startswith("MRS1:")

    pdf = tmp_path / "certs.pdf"
    code, out, err = run(capsys, db, "cert", "print", str(pdf))
    assert code == 0, err
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "page")], check=True)
    [page] = sorted(tmp_path.glob("page-*.png"))
    [qr] = zxingcpp.read_barcodes(Image.open(page))
    assert qr.text == cert["payload"]

    code, out, _ = run(capsys, db, "cert", "verify", qr.text)
    assert code == 0 and out.startswith("Valid:") and cert["number"] in out
    code, out, _ = run(capsys, db, "cert", "verify", qr.text[:-3] + "AAA")
    assert code == 3 and out.startswith("Tampered:")

    code, out, _ = run(capsys, db, "cert", "revoke", cert["number"], "--reason", "wrong holder")
    assert code == 0
    code, out, _ = run(capsys, db, "cert", "verify", cert["number"])
    assert code == 3 and out.startswith("Revoked:") and "wrong holder" in out
    code, _, err = run(capsys, db, "cert", "revoke", cert["number"], "--reason", "again")
    assert code == 3 and "already revoked" in err


def test_a_bad_sheet_exits_3_and_names_the_row(capsys, tmp_path):
    db = tmp_path / "mrs.sqlite"
    run(capsys, db, "init", "--country", "KHM", "--organisation", "MoLVT")
    sheet = tmp_path / "bad.csv"
    sheet.write_text(SHEET.replace(",C\n", ",passed\n", 1), encoding="utf-8")
    code, out, err = run(capsys, db, "import", "assessments", str(sheet))
    assert code == 3 and "row 2, outcome" in err
    code, _, err = run(capsys, db, "cert", "issue")
    assert code == 3 and "--all-eligible" in err
