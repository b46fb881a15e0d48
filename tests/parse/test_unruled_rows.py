"""Rows of a table printed without rules (a PDF of a page whose table has no
borders): the words of each row on a line, a narrow label cell's lines
around its figures, the group label written down the side one piece per
line, the first figure glued to its label by the PDF's word spacing.  The
lines below are as pdfplumber reads such a page of a real report."""

from __future__ import annotations

from core.document import Document, Location, Paragraph
from core.parse import tables

LINES = [
    "三 （一）予以公开 18 0 0 0 0 0 18",
    "、 （二）部分公开（区分处理的，只计这",
    "6 0 0 0 0 0 6",
    "一情形，不计其他情形）",
    "本",
    "度 2.其他法律行政法规禁止公开0 0 0 0 0 0 0",
    "3.危及“三 0 0 0 0 0 0 0",
    "安全一稳",
    "定”",
    "无法提2.没有现成信息需要另行制作0 0 0 0 0 0 0",
    "（五） 1.信访举报投诉类申请 0 0 0 0 0 0 0",
    "4.无正当理由大量反复",
    "予处理 0 0 0 0 0 0 0",
    "申请",
]


def _rows(lines: list[str]):
    doc = Document(
        blocks=[Paragraph(t, Location(line=i + 1)) for i, t in enumerate(lines)], source="pdf"
    )
    return [r for r in tables._spaced_rows(doc) if r.kind == "data"]


def test_each_row_of_an_unruled_table_finds_its_label():
    rows = _rows(LINES)
    keys = [{h.row.key for h in r.hits} for r in rows]
    assert keys == [
        {"t3.granted"},
        {"t3.partial"},
        {"t3.denied.law_prohibited"},
        {"t3.denied.security_stability"},
        {"t3.unable.needs_creation"},
        {"t3.not_processed.petition"},
        {"t3.not_processed.mass_repeat"},
    ]
    assert [[c.text for c in r.values] for r in rows][:3] == [
        ["18", "0", "0", "0", "0", "0", "18"],
        ["6", "0", "0", "0", "0", "0", "6"],
        ["0"] * 7,
    ]


def test_a_line_of_figures_between_two_whole_labels_is_placed_in_neither_row():
    # label / figures / label: either row could own them, so neither does
    rows = _rows(["1.属于国家秘密", "0 0 0 0 0 0 0", "8.属于行政查询事项"])
    assert rows == []


def test_a_label_on_the_line_above_its_figures_takes_them():
    rows = _rows(
        ["1.属于国家秘密", "3 0 0 0 0 0 3", "附注：以上数据截至12月31日，统计口径为全年。"]
    )
    assert [{h.row.key for h in r.hits} for r in rows] == [{"t3.denied.state_secret"}]
