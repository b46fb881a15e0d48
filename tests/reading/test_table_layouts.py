"""Tables as conversions lay them out: table 四 as three small tables under
their titles; a row rebuilt with fewer cells than the form has."""

from __future__ import annotations

from pathlib import Path

from core.parse import parse_bytes, parse_file

CORPUS = Path(__file__).parents[1] / "corpus"

T4_SPLIT = """# 某县人民政府2025年政府信息公开工作年度报告

## 四、政府信息公开行政复议、行政诉讼情况

### 行政复议
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|---|---|---|---|---|
| 27 | 10 | 9 | 15 | 61 |

### 行政诉讼（未经复议直接起诉）
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|---|---|---|---|---|
| 3 | 0 | 0 | 0 | 3 |

### 行政诉讼（复议后起诉）
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|---|---|---|---|---|
| 8 | 0 | 1 | 1 | 10 |
"""


def test_table_four_in_three_small_tables_is_read_row_by_row():
    r = parse_bytes(T4_SPLIT.encode(), "r.md")
    got = {k: f.value for k, f in r.facts.items() if k.startswith("t4.")}
    assert got["t4.review.total"] == 61 and got["t4.review.pending"] == 15
    assert got["t4.lit_direct.upheld"] == 3 and got["t4.lit_direct.total"] == 3
    assert got["t4.lit_after_review.other"] == 1 and got["t4.lit_after_review.total"] == 10
    assert len(got) == 15


def test_the_real_county_report_with_split_tables_is_read_whole():
    r = parse_file(CORPUS / "shuyang-2025.txt")
    assert len([k for k in r.facts if k.startswith("t4.")]) == 15
    assert r.facts["t4.review.total"].value == 61


def test_a_row_that_lost_a_cell_is_not_read_and_says_so():
    text = T4_SPLIT.replace(
        "## 四、",
        "## 二、主动公开政府信息情况\n\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "|---|---|---|---|\n| 规章 | 22 | 235 |\n| 行政规范性文件 | 3 | 1 | 40 |\n\n## 四、",
    )
    r = parse_bytes(text.encode(), "r.md")
    assert not any(k.startswith("t2.rules.") for k in r.facts)
    assert r.facts["t2.normative_docs.in_force"].value == 40
    assert ("row_short", "t2") in {(d.code, d.table) for d in r.reading.doubts}
