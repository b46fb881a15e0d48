"""Each seed rendered as .docx, HTML and Markdown (tables shaped like the
official template) reads to exactly the facts and metadata of its .txt."""

from __future__ import annotations

from functools import cache

import pytest

from core.extract import extract
from core.parse import parse_bytes, parse_file
from core.report import Report
from core.template import load_template
from tests.conftest import SEEDS
from tests.support.render import render_docx, render_html, render_markdown

# seed -> (encoding, charset declared in a <meta>)
HTML_ENCODING = {"001": ("gbk", True), "003": ("gb18030", False), "004": ("utf-8", False)}


@cache
def _txt(seed: str) -> Report:
    return parse_file(SEEDS[seed])


def _template(report: Report):
    return load_template(report.format_version if report.format_version == "2019" else "2021")


@cache
def _built(seed: str, kind: str) -> bytes:
    report = _txt(seed)
    if kind == "docx":
        return render_docx(report, _template(report))
    if kind == "md":
        return render_markdown(report, _template(report))
    encoding, declare = HTML_ENCODING.get(seed, ("utf-8", True))
    return render_html(report, _template(report), encoding=encoding, declare=declare)


def _facts(report: Report) -> dict[str, tuple]:
    return {k: (f.value, f.status) for k, f in report.facts.items()}


def _meta(report: Report) -> tuple:
    return (report.title, report.agency, report.year, report.closing_date, report.format_version)


def _agree(seed: str, kind: str) -> Report:
    built = parse_bytes(_built(seed, kind), f"{SEEDS[seed].stem}.{kind}")
    txt = _txt(seed)
    assert _meta(built) == _meta(txt)
    assert _facts(built) == _facts(txt)
    return built


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_a_docx_of_each_seed_reads_to_the_same_facts_as_its_text(seed):
    report = _agree(seed, "docx")
    assert report.document.source == "docx"


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_an_html_page_of_each_seed_reads_to_the_same_facts_as_its_text(seed):
    report = _agree(seed, "html")
    assert report.document.source == "html"


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_a_markdown_copy_of_each_seed_reads_to_the_same_facts_as_its_text(seed):
    report = _agree(seed, "md")
    assert report.document.source == "md"


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_markdown_with_merged_html_tables_reads_to_the_same_facts_as_the_text(seed):
    txt = _txt(seed)
    data = render_markdown(txt, _template(txt), html_tables=True)
    assert b"rowspan=" in data
    built = parse_bytes(data, f"{seed}.md")
    assert _meta(built) == _meta(txt)
    assert _facts(built) == _facts(txt)


def test_the_seed_facts_compared_are_the_full_tables():
    assert {s: len(_txt(s).facts) for s in SEEDS} == {
        "000": 200,
        "001": 200,
        "002": 200,
        "003": 200,
        "004": 198,
    }


def test_the_gbk_page_declares_gbk_and_reads():
    data = _built("001", "html")
    assert b'<meta charset="gbk">' in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = extract(data, "001.html")
    assert doc.encoding == "gb18030"
    assert doc.paragraphs[0].text == "硚口区司法局2024年政府"


def test_the_undeclared_gb18030_page_reads():
    data = _built("003", "html")
    assert b"charset" not in data.lower()
    doc = extract(data, "003.html")
    assert doc.encoding == "gb18030"
    assert doc.paragraphs[0].text == "许昌市司法局 2023 年政府信息公开工作年度报告"


def test_the_portal_around_the_article_is_left_out():
    doc = extract(_built("000", "html"), "000.html")
    texts = [p.text for p in doc.paragraphs]
    assert not any(
        "首页" in t or "信息公开目录" in t or "ICP" in t or "办事日历" in t for t in texts
    )
    assert len(doc.tables) == 3


def test_the_html_tables_use_rowspan_colspan_and_nbsp_blanks():
    page = _built("002", "html").decode("utf-8")
    assert 'rowspan="3" colspan="3"' in page  # the note over table 三's header rows
    assert 'colspan="10"' in page  # 行政诉讼 over its two groups
    assert '<td valign="middle"><p align="center">&nbsp;</p></td>' in page


def test_the_docx_tables_are_merged_like_the_official_template():
    doc = extract(_built("000", "docx"), "000.docx")
    t2, t3, t4 = doc.tables
    assert [c.merged for c in t2.rows[0]] == [False, True, True, True]  # block title row
    note = [[c.merged for c in row[:3]] for row in t3.rows[:3]]
    assert note == [[False, True, True], [True, True, True], [True, True, True]]
    assert [c.text for c in t3.rows[1][3:]] == ["自然人", *["法人或其他组织"] * 5, "总计"]
    assert [c.merged for c in t3.rows[2][3:]] == [True, False, False, False, False, False, True]
    results = [row[0] for row in t3.rows[5:27]]  # 三、本年度办理结果 down its 22 rows
    assert {c.text for c in results} == {"三、本年度办理结果"}
    assert [c.merged for c in results] == [False] + [True] * 21
    denied = [row[1] for row in t3.rows[7:15]]  # （三）不予公开 over its 8 sub-rows
    assert {c.text for c in denied} == {"（三）不予公开"}
    assert [c.text for c in t4.rows[0][:6]] == ["行政复议"] * 5 + ["行政诉讼"]
    assert [c.text for c in t4.rows[1][5:11]] == ["未经复议直接起诉"] * 5 + ["复议后起诉"]
    assert [c.merged for c in t4.rows[2][:6]] == [True] * 5 + [False]


def test_word_residue_of_a_seed_survives_in_its_docx():
    doc = extract(_built("001", "docx"), "001.docx")
    assert [(r.kind, r.author) for r in doc.residues] == [("comment", "707"), ("bookmark", None)]
    assert doc.residues[0].text == "此处上年度应指2023年，而不是2024年。"


def test_an_html_page_with_an_unknown_container_name_reads_the_same():
    report = _txt("002")
    page = render_html(report, _template(report), container="wz-box")
    built = parse_bytes(page, "002.html")
    assert _meta(built) == _meta(report)
    assert _facts(built) == _facts(report)
