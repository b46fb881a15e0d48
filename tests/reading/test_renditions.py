"""The same real reports in the other forms users send them in: every portal
page of the corpus printed to PDF (with and without the rules of its
tables), saved as .docx and saved as text (by
LibreOffice, see tests/support/renditions.py), scored against the page's own
truth files.

A printed page carries the portal's navigation above the article and cuts
its tables at page breaks; a saved page turns the portal's anchors into
bookmarks.  None of that may become a wrong cell or an error blamed on the
report."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest

from core.extract import legacy
from tests.support import renditions

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import accuracy  # noqa: E402

pytestmark = pytest.mark.skipif(
    legacy.soffice() is None, reason="LibreOffice (soffice) is not installed on this machine"
)

# Where the printed page and its article name the report differently and the
# truth follows the article, which only the page's markup tells apart.
METADATA_DISPUTES = {
    # the page header says 年度报告, the article's own title 工作报告
    "pingtan-gongan-2014",
    # the title names the bureau's 办公室; the page's header names the bureau
    "pingtan-zhifa-2017",
}


# Renditions in which LibreOffice's own conversion loses part of the report
# (not our reading of it): held to no wrong cell and no false error only.
CONVERSION_LOSSES = {
    # a kiosk's HTML fragment: printed with an empty first page that drops
    # the title, and without the left rules of cells styled
    # "border-left: …; border-image: initial" (tables 二 and 三 lose them)
    ("shanghai-2020", "pdf"),
    ("shanghai-2020", "pdf-unruled"),
}


@cache
def scored(kind: str) -> dict[str, accuracy.ReportScore]:
    import tempfile

    out = Path(tempfile.mkdtemp(prefix=f"nianbao-{kind}-"))
    fmt, _, style = kind.partition("-")
    made = renditions.render(renditions.portal_pages(), fmt, out, rules=style != "unruled")
    assert len(made) == len(renditions.portal_pages()), "LibreOffice converted every page"
    return {p.stem: accuracy.score_report(p) for p in made}


def _stems() -> list[str]:
    return [p.stem for p in renditions.portal_pages()]


def _conversion_comment(message: str) -> bool:
    # LibreOffice keeps the <meta> tags it cannot place as comments in the
    # .docx it makes ("HTML: <meta …>"): residue of our conversion, not of the report
    return "HTML: <meta" in message


KINDS = ["pdf", "pdf-unruled", "docx", "txt"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("stem", _stems())
def test_a_page_in_another_form_reads_no_cell_wrong_and_gets_no_false_error(kind, stem):
    s = scored(kind)[stem]
    assert s.readable, s.error
    assert s.cells_wrong == 0, s.wrong_cells
    false = [
        (f.code, f.message)
        for f in s.findings
        if f.severity == "error" and f.verdict == "false" and not _conversion_comment(f.message)
    ]
    assert false == []
    if stem not in METADATA_DISPUTES and (stem, kind) not in CONVERSION_LOSSES:
        assert s.meta_exact, s.meta_detail


# Plain text loses what a blank cell was: a row with blanks cannot be placed
# and is declined (the reading says so), never guessed.
# A table printed without rules is words on lines: a row whose label and
# figures cannot be told apart for sure is declined (the reading says so).
SHARE_READ = {"pdf": 0.99, "pdf-unruled": 0.85, "docx": 0.99, "txt": 0.97}


@pytest.mark.parametrize("kind", sorted(SHARE_READ))
def test_the_renditions_read_nearly_every_cell_the_page_does(kind):
    scores = [s for stem, s in scored(kind).items() if (stem, kind) not in CONVERSION_LOSSES]
    truth = sum(s.cells_truth for s in scores)
    exact = sum(s.cells_exact for s in scores)
    assert exact / truth >= SHARE_READ[kind], (exact, truth)
