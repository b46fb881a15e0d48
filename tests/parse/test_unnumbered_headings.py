"""Headings whose number Word draws (automatic numbering) or that have none."""

from __future__ import annotations

import io
import re

import docx

from core.check import check_report
from core.parse import parse_bytes, parse_file
from core.template import load_template
from tests.support.render import render_docx

HEADING = re.compile(r"^[一二三四五六]、")


def _clean_docx_with(number_style: str) -> bytes:
    """The clean fixture as .docx, its six headings without the typed 一、…六、:
    numbered by a Word heading style, by a list (w:numPr), or not at all."""
    report = parse_file("tests/fixtures/clean_2021.txt")
    document = docx.Document(io.BytesIO(render_docx(report, load_template("2021"))))
    for p in document.paragraphs:
        if HEADING.match(p.text):
            text = HEADING.sub("", p.text)
            for run in p.runs[1:]:
                run.text = ""
            p.runs[0].text = text
            p.style = document.styles["Normal"]
            if number_style == "style":
                p.style = document.styles["Heading 1"]
            elif number_style == "list":
                ppr = p._p.get_or_add_pPr()
                num = ppr.makeelement(docx.oxml.ns.qn("w:numPr"), {})
                num_id = num.makeelement(
                    docx.oxml.ns.qn("w:numId"), {docx.oxml.ns.qn("w:val"): "3"}
                )
                num.append(num_id)
                ppr.append(num)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_headings_numbered_by_a_word_heading_style_are_the_six_sections():
    report = parse_bytes(_clean_docx_with("style"), "auto.docx")
    assert [s.key for s in report.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert all(s.standard_numbering and s.numbering == "" for s in report.sections)
    assert not [d for d in check_report(report) if d.code.startswith("S2")]


def test_headings_numbered_by_a_word_list_are_the_six_sections():
    report = parse_bytes(_clean_docx_with("list"), "list.docx")
    assert [s.key for s in report.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert not [d for d in check_report(report) if d.code.startswith("S2")]


def test_headings_typed_without_any_number_are_found_and_reported():
    report = parse_bytes(_clean_docx_with("none"), "bare.docx")
    assert [s.key for s in report.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    numbering = [d for d in check_report(report) if d.code == "S2-NUMBERING"]
    assert len(numbering) == 6
