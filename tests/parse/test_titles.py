"""Titles as agencies really write them, and who the issuer is."""

from __future__ import annotations

import pytest

from core.parse.meta import issuer_kind, split_title


@pytest.mark.parametrize(
    ("title", "agency", "year"),
    [
        ("东风区司法局2023年政府信息公开工作年度报告", "东风区司法局", 2023),
        ("东风区司法局2023年度政府信息公开工作年度报告", "东风区司法局", 2023),
        ("东风区司法局二〇二三年政府信息公开工作年度报告", "东风区司法局", 2023),
        ("2023年东风区司法局政府信息公开工作年度报告", "东风区司法局", 2023),
        ("东风区司法局政府信息公开工作2023年度报告", "东风区司法局", 2023),
        ("正宁县司法局关于2022年度政府信息公开工作的报告", "正宁县司法局", 2022),
        ("区司法局2019年政府信息公开年度报告", "区司法局", 2019),
        (
            "某市人民政府办公室（市政务服务数据管理局）2024年政府信息公开工作年度报告",
            "某市人民政府办公室（市政务服务数据管理局）",
            2024,
        ),
    ],
)
def test_agency_and_year_come_out_of_the_title(title, agency, year):
    assert split_title(title) == (agency, year)


@pytest.mark.parametrize(
    ("agency", "kind"),
    [
        ("硚口区司法局", "department"),
        ("某县人民政府办公室", "department"),
        ("某市发展和改革委员会", "department"),
        ("某市人民政府办公室（市政务服务数据管理局）", "department"),
        ("清河县人民政府", "government"),
        ("某镇人民政府", "township"),
        ("某街道办事处", "township"),
        ("上海市", "government"),
        ("淮安市洪泽区", "government"),
        ("平潭综合实验区", "government"),
        ("某某镇", "unknown"),
        ("全市", "unknown"),
        ("平潭综合实验区交通与建设局", "department"),
        (None, "unknown"),
    ],
)
def test_the_issuer_kind_follows_the_agency_name(agency, kind):
    assert issuer_kind(agency) == kind


def _report(lines: list[str]):
    from core.parse import parse_bytes

    clean = (
        __import__("pathlib").Path(__file__).parents[1] / "fixtures" / "clean_2021.txt"
    ).read_text(encoding="utf-8")
    body = clean.split("\n", 2)[2]  # without the title line
    return parse_bytes(("\n".join(lines) + "\n" + body).encode("utf-8"), "r.txt")


def test_portal_metadata_lines_before_the_title_are_passed_over():
    r = _report(
        [
            "索引号：11350000-00/2025-00012",
            "发布机构：清河市生态环境局",
            "信息名称：清河市生态环境局2024年政府信息公开工作年度报告",
            "发布日期：2025-01-20",
        ]
    )
    assert (r.title, r.agency, r.year) == (
        "清河市生态环境局2024年政府信息公开工作年度报告",
        "清河市生态环境局",
        2024,
    )


def test_a_sentence_that_mentions_the_annual_report_is_not_a_title():
    r = _report(["现将本机关年度报告公布如下：", "清河市生态环境局2024年政府信息公开工作年度报告"])
    assert r.title == "清河市生态环境局2024年政府信息公开工作年度报告"


def test_agency_and_date_on_one_closing_line():
    from core.parse import parse_bytes

    path = __import__("pathlib").Path(__file__).parents[1] / "fixtures" / "clean_2021.txt"
    text = path.read_text(encoding="utf-8").replace(
        "清河市生态环境局\n2025年1月20日", "清河市生态环境局　2025年1月20日"
    )
    r = parse_bytes(text.encode("utf-8"), "r.txt")
    from datetime import date

    assert r.closing_date == date(2025, 1, 20)


def test_a_heading_numbered_with_a_space_instead_of_a_comma_is_still_a_section():
    from core.parse import parse_bytes

    path = __import__("pathlib").Path(__file__).parents[1] / "fixtures" / "clean_2021.txt"
    text = path.read_text(encoding="utf-8").replace(
        "二、主动公开政府信息情况", "二　主动公开政府信息情况"
    )
    r = parse_bytes(text.encode("utf-8"), "r.txt")
    s2 = r.section("s2")
    assert s2 is not None and not s2.standard_numbering


NAVIGATION = [
    "国务院 省政府 省人大 省政协",
    "移动版",
    "登录 注册",
    "•  首页",
    "•  政务公开",
    "•  办事服务",
    "•  互动交流",
    "政府信息公开 领导之窗 政府机构 要闻 政府会议 最新文件 政策文件库",
    "12345 便民惠企服务平台 在线访谈 网上调查",
    "历史搜索：",
    "长者模式 退出长者模式 无障碍浏览",
    "当前位置：",
    "•  首页",
    "•  清河市生态环境局",
    "•  政府信息公开年报",
]


def test_a_title_below_a_printed_portals_navigation_is_found():
    # a portal page printed to PDF: the navigation stands above the article
    r = _report(
        [
            *NAVIGATION,
            "清河市生态环境局2024年政府信息公开工作年度报告",
            "来源：市生态环境局 时间：2025-01-20",
        ]
    )
    assert (r.title, r.agency, r.year) == (
        "清河市生态环境局2024年政府信息公开工作年度报告",
        "清河市生态环境局",
        2024,
    )


def test_far_down_only_a_title_naming_agency_and_year_is_taken():
    # a navigation item or a line naming the genre alone is no title
    r = _report([*NAVIGATION, "•  2024年政府信息公开工作年度报告", "政府信息公开工作年度报告"])
    assert r.title is None


def test_the_site_name_a_page_header_adds_after_the_title_is_dropped():
    r = _report(["清河市生态环境局2024年政府信息公开工作年度报告-清河市生态环境局网站"])
    assert (r.title, r.agency) == (
        "清河市生态环境局2024年政府信息公开工作年度报告",
        "清河市生态环境局",
    )
