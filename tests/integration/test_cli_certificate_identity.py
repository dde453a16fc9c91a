"""`mrs node certificate-identity`: shows, sets and clears the ministry's national-language name
and logo; a bad logo file is refused with exit 3 and nothing changes."""

from __future__ import annotations

import io

from PIL import Image

from mrs_desktop.cli.main import main


def run(capsys, db, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["--db", str(db), *argv])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_show_set_and_clear(capsys, tmp_path):
    db = tmp_path / "mrs.sqlite"
    assert run(capsys, db, "init", "--country", "THA", "--organisation", "Department of Skill Development")[0] == 0
    code, out, _ = run(capsys, db, "node", "certificate-identity")
    assert code == 0 and "(none: English only)" in out and "logo:" in out and "Saved" not in out
    logo = tmp_path / "dsd.png"
    Image.new("RGBA", (240, 240), (28, 51, 97, 255)).save(logo)
    code, out, _ = run(capsys, db, "node", "certificate-identity", "--organisation-native",
                       "กรมพัฒนาฝีมือแรงงาน", "--logo", str(logo))
    assert code == 0 and "Saved" in out and "กรมพัฒนาฝีมือแรงงาน" in out and "PNG, 240 × 240 pixels" in out
    code, out, _ = run(capsys, db, "node", "certificate-identity", "--no-logo")
    assert code == 0 and "กรมพัฒนาฝีมือแรงงาน" in out and "logo:                         (none)" in out
    code, out, _ = run(capsys, db, "node", "certificate-identity", "--no-organisation-native")
    assert code == 0 and "(none: English only)" in out


def test_a_bad_logo_is_refused(capsys, tmp_path):
    db = tmp_path / "mrs.sqlite"
    run(capsys, db, "init", "--country", "LAO", "--organisation", "MoLSW")
    gif = tmp_path / "emblem.gif"
    out = io.BytesIO()
    Image.new("RGB", (100, 100)).save(out, "GIF")
    gif.write_bytes(out.getvalue())
    code, out, err = run(capsys, db, "node", "certificate-identity", "--organisation-native", "x",
                         "--logo", str(gif))
    assert code == 3 and "emblem.gif is a GIF image; a logo must be PNG or JPEG" in err
    code, out, _ = run(capsys, db, "node", "certificate-identity")
    assert "(none: English only)" in out  # nothing changed
    code, _, err = run(capsys, db, "node", "certificate-identity", "--logo", "a.png", "--no-logo")
    assert code == 2 and "not allowed with" in err
