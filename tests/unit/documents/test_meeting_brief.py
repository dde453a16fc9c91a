"""The meeting brief PDF, rendered from plain values and read back with pdftotext."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from mrs_desktop.documents.meeting_brief import (BriefChange, BriefItem, BriefUpdate, CountrySection,
                                                 MeetingBrief, render_meeting_brief, summary_line)

SINCE, UNTIL = date(2026, 5, 1), date(2026, 6, 1)


def pdf_text(path: Path) -> list[str]:
    """The text of each page, in reading order with the layout kept (columns stay on one line)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                         text=True).stdout
    return out.split("\f")[:-1]


def item(n: int, **kw) -> BriefItem:
    values = dict(ref=f"KHM-AP-01 / {n}", description=f"Action number {n}", responsible="MoLVT",
                  due=date(2026, 9, 1), status="in_progress", percent=40, overdue=False)
    return BriefItem(**{**values, **kw})


def thailand(items: list[BriefItem]) -> CountrySection:
    return CountrySection(
        "Thailand (THA)", items,
        changes=[BriefChange("KHM-AP-01 / 2", "Pilot assessment", "status, percent changed; 1 progress update")],
        updates=[BriefUpdate(date(2026, 5, 20), "KHM-AP-01 / 2", "Pilot postponed to July", "Sok Dara")])


def brief(*sections: CountrySection) -> MeetingBrief:
    return MeetingBrief("Cambodia", "Ministry of Labour and Vocational Training", SINCE, UNTIL,
                        list(sections))


def test_summary_line_counts_items_by_status_and_overdue():
    section = CountrySection("Lao PDR (LAO)", [item(1, status="not_started"), item(2), item(3),
                                               item(4, status="done"), item(5, overdue=True)])
    assert summary_line(section) == "5 items: 1 not started, 3 in progress, 1 done; 1 overdue"
    assert summary_line(CountrySection("Brunei (BRN)", [item(1)])) == "1 item: 1 in progress"


def test_one_page_brief_has_title_node_range_and_every_part(tmp_path):
    items = [item(1), item(2, description="Pilot assessment", status="blocked", percent=10,
                           due=date(2026, 4, 1), overdue=True)]
    target = tmp_path / "brief.pdf"
    assert render_meeting_brief(brief(thailand(items)), target) == 1
    [page] = pdf_text(target)
    assert "MRS action plans — meeting brief" in page
    assert "Cambodia — Ministry of Labour and Vocational Training" in page
    assert "Changes from 2026-05-01 to 2026-06-01" in page
    assert "2 items: 1 in progress, 1 blocked; 1 overdue" in page
    assert re.search(r"KHM-AP-01 / 2\s+Pilot assessment\s+MoLVT\s+2026-04-01\s+blocked\s+10", page)
    assert re.search(r"^\s+overdue\s*$", page, re.M)  # the marker under the due date, in words
    assert "Changed since 2026-05-01" in page and "status, percent changed; 1 progress update" in page
    assert re.search(r"2026-05-20\s+KHM-AP-01 / 2\s+Pilot postponed to July\s+Sok Dara", page)
    assert "Page 1 of 1" in page


def test_long_tables_run_over_pages_repeating_their_header(tmp_path):
    items = [item(n, description=f"Action number {n} " + "with a longer description " * 3)
             for n in range(1, 91)]
    target = tmp_path / "long.pdf"
    pages = render_meeting_brief(brief(thailand(items)), target)
    text = pdf_text(target)
    assert pages == len(text) >= 3
    for number, page in enumerate(text, 1):
        assert f"Page {number} of {pages}" in page
    with_items = [p for p in text if "Action number" in p]
    assert all(re.search(r"Ref\s+Description\s+Responsible\s+Due\s+Status\s+%", p) for p in with_items)
    every = "".join(text)
    assert all(f"Action number {n} " in every for n in range(1, 91))  # no row lost at a page break


def test_empty_parts_say_so(tmp_path):
    quiet = CountrySection("Viet Nam (VNM)", [item(1)])
    target = tmp_path / "quiet.pdf"
    render_meeting_brief(brief(quiet), target)
    page = pdf_text(target)[0]
    assert "No changes since 2026-05-01." in page and "No progress updates yet." in page
    render_meeting_brief(brief(), target)
    assert "No action items are recorded yet." in pdf_text(target)[0]


def test_text_in_other_scripts_comes_back_out(tmp_path):
    thai = "ภาษาไทย"
    section = CountrySection("Thailand (THA)", [item(1, description=f"Compare standards, {thai} (THA)",
                                                     responsible="กรมพัฒนาฝีมือแรงงาน")])
    target = tmp_path / "scripts.pdf"
    render_meeting_brief(brief(section), target)
    page = pdf_text(target)[0]
    assert "Compare standards," in page and "(THA)" in page
