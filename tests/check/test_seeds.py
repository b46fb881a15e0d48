"""Each seed's defects of format-spec §6 come out with the right category
and location — and nothing else."""

from __future__ import annotations

from functools import cache

import pytest

from core.check import check_report
from core.parse import parse_file
from tests.conftest import SEEDS


@cache
def defects(seed: str):
    return check_report(parse_file(SEEDS[seed]))


def flat(seed: str):
    return [(d.code, d.severity, d.location.section, d.location.line) for d in defects(seed)]


def test_seed_000_dongfeng_2023():
    assert flat("000") == [
        ("S9-BOOKMARK", "error", "s5", 416),  # [bookmark: _GoBack]
        ("S2-NUMBERING", "warning", "s1", 4),  # 1、 总体情况
        # no review of 2022's problems: reviewers' practice, not a clause of the form
        ("S6-PREV-YEAR", "warning", "s5", 410),
        ("S9-PAGE-NUMBER", "warning", "s6", 422),  # a lone "1" on the last line
        ("S10-PUNCT", "info", "s1", 9),  # 申请0件.
        ("S4-LABEL", "info", "s1", 10),  # 政务信息管理
        ("S8-NO-DATE", "info", "s6", 422),  # where the closing date belongs
    ]


def test_seed_001_qiaokou_2024():
    assert flat("001") == [
        ("S9-COMMENT", "error", "s5", 411),  # Comment by 707
        ("S9-BOOKMARK", "error", "s5", 412),
        ("S10-NUMBERING", "warning", "s1", 9),  # （1） then （二）
        ("S10-ANNOTATION", "warning", "s3", 65),  # 申请0件（其他处理）
        ("S10-PUNCT", "info", "s1", 8),
        # 文件14条 vs 信息20余篇: the two figures count different things, so a note
        ("TT11", "info", "s6", 422),
    ]


def test_seed_002_zhengning_2022():
    assert flat("002") == [
        ("S1-TITLE", "error", None, 1),  # 关于2022年度…的报告
        ("S9-BOOKMARK", "error", None, 2),
        ("C1", "error", "s2", 19),  # table 二 blank
        ("C1", "error", "s3", 82),  # table 三 blank
        ("S7-FEE", "error", "s6", 409),  # 无其他需要报告的事项: nothing on fees at all
        ("S4-ASPECTS", "warning", "s1", 5),
        ("S10-NUMBERING", "warning", "s2", 58),  # (二) beside （一）
        ("S10-GARBLED", "warning", "s2", 60),  # 共收未收到
        ("C3", "warning", "s4", 353),  # 维持
        ("C3", "warning", "s4", 354),  # 撤销或纠错
        ("T4-SCOPE", "warning", "s4", 391),  # 15 cases, no request
        ("TT7", "warning", "s4", 404),  # 13 vs 12
        ("TT8", "warning", "s4", 404),  # 无一审行政应诉案件 vs 3
        ("S6-PREV-YEAR", "warning", "s5", 405),  # reviewers' practice: a warning
        ("S11-PADDING", "info", None, 4),
        ("S12-MISPLACED", "info", "s2", 56),
    ]


def test_seed_003_xuchang_2023():
    assert flat("003") == [
        # 3585 ≠ 750 + 1774 + 861: both figures read out of prose, so a warning
        ("TT10", "warning", "s1", 11),
        ("C3", "warning", "s2", 32),  # 本年度止件数
        ("S6-MEASURES", "warning", "s5", 84),
        ("S6-PREV-YEAR", "warning", "s5", 84),
        ("S8-NO-DATE", "info", "s6", 90),
    ]


def test_seed_004_district_2019():
    assert flat("004") == [
        ("S1-AGENCY", "error", None, 1),  # 区司法局
        ("S3-OLD-HEADINGS", "error", "s1", 4),  # 概述 … 八、
        ("C1", "error", "s3", 105),
        ("C1", "error", "s4", 377),
        # no 工作: the annual report's name worded otherwise, not another genre
        ("S1-TITLE", "warning", None, 1),
        # the review of last year's problems comes with the 2021 form: a note for 2019
        ("S6-PREV-YEAR", "info", "s5", 402),
        ("S8-NO-DATE", "info", "s5", 407),
    ]


@pytest.mark.parametrize(
    ("seed", "code", "category"),
    [
        ("000", "S9-BOOKMARK", "residue"),
        ("000", "S2-NUMBERING", "structure"),
        ("000", "S6-PREV-YEAR", "structure"),
        ("001", "S9-COMMENT", "residue"),
        ("001", "S9-BOOKMARK", "residue"),
        ("002", "S1-TITLE", "title"),
        ("002", "C1", "blank_cell"),
        ("002", "C3", "table_format"),
        ("002", "T4-SCOPE", "consistency"),
        ("002", "S7-FEE", "structure"),
        ("003", "C3", "table_format"),
        ("003", "TT10", "consistency"),
        ("004", "S1-AGENCY", "title"),
        ("004", "S3-OLD-HEADINGS", "format_version"),
        ("004", "C1", "blank_cell"),
    ],
)
def test_seed_defects_carry_their_category(seed, code, category):
    assert {d.category for d in defects(seed) if d.code == code} == {category}


def test_the_review_comment_of_001_is_quoted_with_its_author():
    d = next(d for d in defects("001") if d.code == "S9-COMMENT")
    assert d.evidence["author"] == "707"
    assert d.evidence["text"].startswith("此处上年度应指2023年")


def test_002_blank_cells_are_named_table_by_table():
    t2, t3 = [d for d in defects("002") if d.code == "C1"]
    assert (t2.location.table, len(t2.evidence["cells"])) == ("t2", 10)
    assert (t3.location.table, len(t3.evidence["cells"])) == ("t3", 175)
    assert "t3.new_received.natural_person" in t3.evidence["cells"]


def test_004_blank_cells_spare_the_filled_totals():
    t3 = next(d for d in defects("004") if d.code == "C1" and d.location.table == "t3")
    cells = t3.evidence["cells"]
    assert "t3.new_received.total" not in cells and "t3.results_total.total" not in cells
    assert "t3.granted.total" in cells


def test_003_sum_in_text_gives_expected_and_actual():
    d = next(d for d in defects("003") if d.code == "TT10")
    assert (d.evidence["actual"], d.evidence["expected"], d.evidence["parts"]) == (
        3585,
        3385,
        [750, 1774, 861],
    )


def test_002_reports_the_scope_of_table_4_with_the_other_work_named():
    d = next(d for d in defects("002") if d.code == "T4-SCOPE")
    assert d.evidence["cells"] == {"t4.review.total": 12, "t4.lit_after_review.total": 3}
    assert "代表县政府" in d.evidence["other_work"]
