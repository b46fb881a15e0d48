"""The Markdown extractor: lines as paragraphs, pipe rows as tables."""

from __future__ import annotations

import codecs

from core.document import Location
from core.extract import extract

REPORT = """# 东风区司法局2023年政府信息公开工作年度报告

## 一、总体情况
全年新收到政府信息公开申请0件。

| 信息内容 | 本年制发件数 | 本年废止件数 |
|---|:---:|---:|
| 规章 | 0 | &nbsp; |
| 行政\\|规范性文件 | 本年新<br>制作数量 | / |

[bookmark: _GoBack]**二、主动公开政府信息情况**
"""


def test_lines_become_paragraphs_with_heading_marks_stripped():
    doc = extract(REPORT.encode("utf-8"), "report.md")
    assert [(p.text, p.location, p.style) for p in doc.paragraphs] == [
        ("东风区司法局2023年政府信息公开工作年度报告", Location(line=1), "h1"),
        ("一、总体情况", Location(line=3), "h2"),
        ("全年新收到政府信息公开申请0件。", Location(line=4), None),
        ("二、主动公开政府信息情况", Location(line=11), None),
    ]
    assert doc.source == "md"


def test_pipe_rows_become_a_table_without_the_separator_row():
    doc = extract(REPORT.encode("utf-8"), "report.md")
    (table,) = doc.tables
    assert [[c.text for c in row] for row in table.rows] == [
        ["信息内容", "本年制发件数", "本年废止件数"],
        ["规章", "0", "\xa0"],
        ["行政|规范性文件", "本年新\n制作数量", "/"],
    ]
    assert table.rows[2][1].location == Location(line=9, table=0, row=2, cell=1)
    assert table.location == Location(line=6, table=0)


def test_a_table_sits_between_the_paragraphs_around_it():
    doc = extract(REPORT.encode("utf-8"), "report.md")
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Paragraph", "Table", "Paragraph"]


def test_word_residue_markers_are_recorded():
    doc = extract(REPORT.encode("utf-8"), "report.md")
    assert [(r.kind, r.location) for r in doc.residues] == [("bookmark", Location(line=11))]


def test_gb18030_and_bom_encodings_read():
    gb = extract(REPORT.encode("gb18030"), "report.md")
    bom = extract(codecs.BOM_UTF8 + REPORT.encode("utf-8"), "report.md")
    assert (
        gb.paragraphs[0].text
        == bom.paragraphs[0].text
        == "东风区司法局2023年政府信息公开工作年度报告"
    )
    assert gb.encoding == "gb18030"


def test_a_bar_in_running_text_is_not_a_table():
    doc = extract("收费 | 减免情况说明\n下一行\n".encode(), "note.md")
    assert doc.tables == []
    assert [p.text for p in doc.paragraphs] == ["收费 | 减免情况说明", "下一行"]


def test_rows_without_outer_bars_form_a_table_after_a_separator():
    doc = extract("信息内容 | 本年处理决定数量\n--- | ---\n行政许可 | 4\n".encode(), "t.md")
    assert [[c.text for c in row] for row in doc.tables[0].rows] == [
        ["信息内容", "本年处理决定数量"],
        ["行政许可", "4"],
    ]


def test_rules_underlines_bullets_and_quotes_leave_only_text():
    md = "东风区司法局2023年政府信息公开工作年度报告\n===\n\n- 一、总体情况\n> 引用的一句话\n***\n1.属于国家秘密\n"
    doc = extract(md.encode(), "marks.md")
    assert [p.text for p in doc.paragraphs] == [
        "东风区司法局2023年政府信息公开工作年度报告",
        "一、总体情况",
        "引用的一句话",
        "1.属于国家秘密",
    ]


def test_an_embedded_html_table_with_merged_cells_reads_on_its_grid():
    md = """四、政府信息公开行政复议、行政诉讼情况

<table>
<tr><td colspan="2">行政复议</td><td>行政诉讼</td></tr>
<tr><td>结果维持</td><td>总计</td><td rowspan="2">&nbsp;</td></tr>
<tr><td>0</td><td>0</td></tr>
</table>

五、存在的主要问题及改进情况
"""
    doc = extract(md.encode(), "t4.md")
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table", "Paragraph"]
    (table,) = doc.tables
    assert [[(c.text, c.merged) for c in row] for row in table.rows] == [
        [("行政复议", False), ("行政复议", True), ("行政诉讼", False)],
        [("结果维持", False), ("总计", False), ("\xa0", False)],
        [("0", False), ("0", False), ("\xa0", True)],
    ]
    assert table.rows[2][1].location == Location(line=6, table=0, row=2, cell=1)
    assert doc.paragraphs[-1].location == Location(line=9)
