"""A report's title, agency and year from wherever its publisher put them."""

from __future__ import annotations

from pathlib import Path

from core.extract import extract
from core.parse import parse_bytes, parse_file
from core.parse.meta import abbreviates, find_title

CORPUS = Path(__file__).parents[1] / "corpus"

PAGE = """<html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="某市交通运输局2024年政府信息公开工作年度报告"/>
<title>某市交通运输局2024年政府信息公开工作年度报告_政府信息公开年报_某市人民政府</title>
</head><body><div class="header"><div class="article_title">{heading}</div></div>
<div class="TRS_Editor"><p>一、总体情况</p><p>2024年，我局认真贯彻……</p>
<p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p>
<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p></div></body></html>"""


def test_a_portal_title_outside_the_article_is_the_reports_title():
    r = parse_file(CORPUS / "pingtan-zone-2024.html")
    assert (r.title, r.agency, r.year) == (
        "平潭综合实验区2024年度政府信息公开工作年度报告",
        "平潭综合实验区",
        2024,
    )
    assert r.title_source == "heading" and r.title_location is None


def test_the_title_comes_from_meta_and_the_page_title_when_there_is_no_title_block():
    page = PAGE.format(heading="").encode("utf-8")
    r = parse_bytes(page, "page.html")
    assert (r.title, r.agency, r.year, r.title_source) == (
        "某市交通运输局2024年政府信息公开工作年度报告",
        "某市交通运输局",
        2024,
        "meta",
    )


def test_the_page_titles_site_suffix_is_not_part_of_the_title():
    page = PAGE.replace(
        '<meta name="ArticleTitle" content="某市交通运输局2024年政府信息公开工作年度报告"/>', ""
    )
    r = parse_bytes(page.format(heading="").encode("utf-8"), "page.html")
    assert (r.title, r.title_source) == (
        "某市交通运输局2024年政府信息公开工作年度报告",
        "html_title",
    )


def test_a_title_in_the_article_wins_and_the_others_are_recorded():
    page = PAGE.format(heading="").replace(
        "<p>一、总体情况</p>",
        "<p>某市交通运输局2024年度政府信息公开工作年度报告</p><p>一、总体情况</p>",
    )
    r = parse_bytes(page.encode("utf-8"), "page.html")
    assert (r.title, r.title_source) == ("某市交通运输局2024年度政府信息公开工作年度报告", "text")
    assert ("meta", "某市交通运输局2024年政府信息公开工作年度报告") in r.other_titles


def test_a_label_line_before_the_title_is_not_part_of_it():
    r = parse_file(CORPUS / "shanghai-kewei-2024.md")
    assert (r.title, r.agency, r.year) == (
        "2024年上海市科委政府信息公开工作年度报告",
        "上海市科委",
        2024,
    )


def test_a_titles_abbreviated_agency_is_expanded_from_the_closing_signature():
    text = (
        "2024年上海市科委政府信息公开工作年度报告\n一、总体情况\n本年度……\n"
        "六、其他需要报告的事项\n无。\n上海市科学技术委员会\n2025年1月20日\n"
    )
    r = parse_bytes(text.encode("utf-8"), "r.txt")
    assert (r.agency, r.agency_source) == ("上海市科学技术委员会", "closing")


def test_abbreviation_needs_the_same_start_and_every_character_in_order():
    assert abbreviates("上海市科委", "上海市科学技术委员会")
    assert not abbreviates("上海市教委", "上海市科学技术委员会")
    assert not abbreviates("科委", "上海市科学技术委员会")


def test_no_title_anywhere_is_no_title():
    doc = extract("一、总体情况\n2024年……\n".encode(), "r.txt")
    assert find_title(doc.paragraphs, doc.title_candidates) == (None, None, None)


def test_a_report_of_2018_or_before_is_the_pre_2019_format():
    r = parse_file(CORPUS / "pingtan-shehui-2015.html")
    assert (r.year, r.format_version) == (2015, "pre2019")
