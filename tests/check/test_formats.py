"""A report checked from .docx, HTML or PDF gives the defects of its .txt version
(the files are built from each seed: python-docx, a portal page, reportlab)."""

from __future__ import annotations

import pytest

from core.check import check_report
from core.parse import parse_bytes, parse_file
from core.template import load_template
from tests.conftest import SEEDS
from tests.rules.cases import CLEAN, as_docx
from tests.support.render import render_docx, render_html

FILES = {**SEEDS, "clean": CLEAN}


def key(d):
    loc = d.location
    return (d.code, d.severity, loc.section, loc.table, loc.row, loc.column)


def checked(name: str):
    report = parse_file(FILES[name])
    template = load_template("2019" if report.format_version == "2019" else "2021")
    return report, template, [key(d) for d in check_report(report)]


@pytest.mark.parametrize("name", sorted(FILES))
def test_docx_gives_the_defects_of_the_text_version(name):
    report, template, from_text = checked(name)
    from_docx = [
        key(d) for d in check_report(parse_bytes(render_docx(report, template), f"{name}.docx"))
    ]
    # Word's hidden _GoBack bookmark is invisible in a .docx; in text it shows.
    assert sorted(from_docx) == sorted(k for k in from_text if k[0] != "S9-BOOKMARK")


@pytest.mark.parametrize("name", sorted(FILES))
def test_html_gives_the_defects_of_the_text_version(name):
    report, template, from_text = checked(name)
    page = render_html(report, template)
    data = page.encode("utf-8") if isinstance(page, str) else page
    from_html = [key(d) for d in check_report(parse_bytes(data, f"{name}.html"))]
    # The portal page carries no Word residue.
    assert sorted(from_html) == sorted(
        k for k in from_text if not k[0].startswith("S9-") or k[0] == "S9-PAGE-NUMBER"
    )


def test_a_word_comment_in_docx_is_reported_with_its_author():
    report, template, _ = checked("001")
    defects = check_report(parse_bytes(render_docx(report, template), "001.docx"))
    comment = next(d for d in defects if d.code == "S9-COMMENT")
    assert comment.evidence["author"] == "707"
    assert comment.location.paragraph is not None


def test_a_tracked_insertion_in_docx_is_reported():
    data = as_docx(CLEAN.read_text(encoding="utf-8"), insertion="上述问题已整改到位")
    defects = check_report(parse_bytes(data, "tracked.docx"))
    assert [
        (d.code, d.severity, d.evidence["author"]) for d in defects if d.code == "S9-TRACKED"
    ] == [("S9-TRACKED", "error", "审核人")]


@pytest.mark.parametrize("name", sorted(FILES))
def test_pdf_gives_the_defects_of_the_text_version(name):
    from tests.support.render_pdf import render_pdf

    report, template, from_text = checked(name)
    from_pdf = [
        key(d) for d in check_report(parse_bytes(render_pdf(report, template), f"{name}.pdf"))
    ]
    # The PDF carries no Word residue, and its page numbers are pages.
    assert sorted(from_pdf) == sorted(k for k in from_text if not k[0].startswith("S9-"))


def _with_bookmarks(data: bytes, names: list[str], visible: str | None = None) -> bytes:
    """The .docx with named bookmarks around its first paragraphs (as a 公文
    template marks its 标题 and 正文) and, with `visible`, that marker typed
    into the text of a later paragraph."""
    import io

    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    for ident, (name, paragraph) in enumerate(zip(names, paragraphs, strict=False), start=700):
        start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
        start.set(qn("w:id"), str(ident))
        start.set(qn("w:name"), name)
        end.set(qn("w:id"), str(ident))
        paragraph._p.insert(0, start)
        paragraph._p.append(end)
    if visible:
        paragraphs[5].runs[0].text = visible + paragraphs[5].runs[0].text
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_named_bookmarks_in_a_docx_are_invisible_and_not_residue():
    data = _with_bookmarks(as_docx(CLEAN.read_text(encoding="utf-8")), ["标题", "正文", "PO_1"])
    report = parse_bytes(data, "template.docx")
    assert [r.text for r in report.document.residues if r.kind == "bookmark"] == [
        "标题",
        "正文",
        "PO_1",
    ]
    assert [d for d in check_report(report) if d.code == "S9-BOOKMARK"] == []


def test_a_bookmark_marker_typed_into_a_docx_is_still_residue():
    data = _with_bookmarks(
        as_docx(CLEAN.read_text(encoding="utf-8")), ["正文"], visible="[bookmark: _GoBack]"
    )
    defects = check_report(parse_bytes(data, "pasted.docx"))
    assert [(d.code, d.severity) for d in defects if d.code == "S9-BOOKMARK"] == [
        ("S9-BOOKMARK", "error")
    ]
