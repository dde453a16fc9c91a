"""The pieces under a certificate: script runs, shrink to fit, the units' layout, the labels."""

from __future__ import annotations

from mrs_desktop.documents.certificate import MARGIN, UNITS_BOTTOM, UNITS_WIDTH, unit_layout
from mrs_desktop.documents.fonts import fit_size, script_runs, shape_line
from mrs_desktop.documents.labels import LABELS, national_labels


def test_text_splits_into_runs_each_font_can_draw():
    # Punctuation stays in the run it sits in while that font has it (Noto Khmer has "(").
    assert script_runs("Mr សុខ ចាន់ថា (KHM)") == [("latin", "Mr "), ("khmer", "សុខ ចាន់ថា ("),
                                                  ("latin", "KHM)")]
    assert script_runs("ระดับ AQRF 2") == [("thai", "ระดับ "), ("latin", "AQRF 2")]


def test_combining_marks_stay_with_their_letter():
    assert script_runs("Tra\u0302\u0300n") == [("latin", "Tra\u0302\u0300n")]


def test_shaping_changes_widths_where_the_script_needs_it():
    # A Khmer subscript consonant takes no width of its own once shaped.
    assert shape_line("ក្ត").width(10) < shape_line("កត").width(10)


def test_a_line_shrinks_only_when_it_is_too_wide():
    line = shape_line("Somchai Jaidee")
    assert fit_size(line, 1000, 30) == 30
    size = fit_size(line, 100, 30)
    assert size < 30 and abs(line.width(size) - 100) < 0.01


def test_units_fill_columns_inside_their_area():
    for count in (1, 6, 12, 30, 45, 200):
        slots = unit_layout(count)
        assert 0 < len(slots) <= count
        for x, y, size, width, _ in slots:
            assert x >= MARGIN and x + width <= MARGIN + UNITS_WIDTH + 0.01
            assert y >= UNITS_BOTTOM and size >= 6.5
    assert len(unit_layout(6)) == 6 and len({s[0] for s in unit_layout(6)}) == 1
    assert len({s[0] for s in unit_layout(12)}) == 2


def test_every_member_state_has_its_labels():
    for country in ("BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "THA", "VNM"):
        assert set(national_labels(country)) == set(LABELS)
    assert national_labels("SGP") == {}  # English is the language of its certificates
