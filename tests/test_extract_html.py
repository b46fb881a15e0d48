"""The HTML extractor on pages shaped like government portals publish them."""

from __future__ import annotations

import pytest

from core.document import Location, Paragraph
from core.extract import extract
from core.extract.html_charset import decode

ARTICLE = """<h1>东风区司法局2023年政府信息公开工作年度报告</h1>
<p>一、总体情况</p>
<p>　　全年新收到政府信息公开申请0件。<br>第二行</p>
<table border="1">
<tr><td rowspan="2" colspan="2">注</td><td colspan="2">申请人情况</td></tr>
<tr><td>自然人</td><td>总计</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>&nbsp;</td><td>0</td></tr>
<tr><td>（二）部分公开</td><td></td><td>本年新<br>制作数量</td></tr>
</table>
<p>东风区司法局</p>"""


def _page(article: str, container: str = 'div id="zoom"', charset: str = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"""<!DOCTYPE html><html><head>{meta}<title>年报</title>
<script>var nav = "不是正文";</script><style>p {{ color: red }}</style></head><body>
<header><div class="logo">东风区人民政府门户网站</div></header>
<nav><a href="/">首页</a> &gt; <a href="/xxgk">信息公开</a></nav>
<div class="main-wrap">
<div class="left"><ul><li><a href="/a">政府信息公开指南</a></li><li><a href="/b">政府信息公开制度</a></li>
<li><a href="/c">政府信息公开年报</a></li></ul>
<table><tr><td>日</td><td>一</td><td>二</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table></div>
<{container}>{article}</{container.split()[0]}>
</div>
<footer><p>主办：东风区人民政府办公室 电话：0000-1234567</p></footer>
</body></html>"""


def _grid(table):
    return [[(c.text, c.merged) for c in row] for row in table.rows]


def test_rowspan_and_colspan_resolve_into_the_grid():
    doc = extract(_page(ARTICLE).encode("utf-8"), "report.html")
    assert _grid(doc.tables[0]) == [
        [("注", False), ("注", True), ("申请人情况", False), ("申请人情况", True)],
        [("注", True), ("注", True), ("自然人", False), ("总计", False)],
        [("三、本年度办理结果", False), ("（一）予以公开", False), ("\xa0", False), ("0", False)],
        [
            ("三、本年度办理结果", True),
            ("（二）部分公开", False),
            ("", False),
            ("本年新\n制作数量", False),
        ],
    ]
    assert doc.tables[0].rows[3][0].location == Location(table=0, row=3, cell=0)


def test_the_article_is_read_without_navigation_header_footer_or_sidebar():
    doc = extract(_page(ARTICLE).encode("utf-8"), "report.html")
    assert [(type(b).__name__, getattr(b, "text", None)) for b in doc.blocks] == [
        ("Paragraph", "东风区司法局2023年政府信息公开工作年度报告"),
        ("Paragraph", "一、总体情况"),
        ("Paragraph", "全年新收到政府信息公开申请0件。"),
        ("Paragraph", "第二行"),
        ("Table", None),
        ("Paragraph", "东风区司法局"),
    ]
    assert [p.location for p in doc.paragraphs] == [Location(paragraph=i) for i in range(5)]
    assert doc.paragraphs[0].style == "h1"
    assert doc.source == "html"


@pytest.mark.parametrize(
    "container", ['div class="TRS_Editor"', 'div class="wenzhang-body"', "article"]
)
def test_the_article_is_found_with_or_without_a_known_container_name(container):
    doc = extract(_page(ARTICLE, container).encode("utf-8"), "report.html")
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "东风区司法局2023年政府信息公开工作年度报告"
    assert texts[-1] == "东风区司法局"
    assert not any("指南" in t or "主办" in t or "首页" in t for t in texts)
    assert len(doc.tables) == 1


def test_a_title_just_outside_the_content_container_is_kept():
    article = ARTICLE.replace("<h1>东风区司法局2023年政府信息公开工作年度报告</h1>", "")
    page = (
        _page(article, 'div class="TRS_Editor"')
        .replace(
            '<div class="TRS_Editor">',
            '<div class="detail"><h2>东风区司法局2023年政府信息公开工作年度报告</h2><div class="TRS_Editor">',
        )
        .replace("</div>\n</div>\n<footer>", "</div></div>\n</div>\n<footer>")
    )
    doc = extract(page.encode("utf-8"), "report.html")
    assert doc.paragraphs[0].text == "东风区司法局2023年政府信息公开工作年度报告"


def test_a_frame_table_around_the_article_is_unwrapped():
    framed = f'<table width="100%"><tr><td>{ARTICLE}</td></tr></table>'
    doc = extract(_page(framed).encode("utf-8"), "report.html")
    assert len(doc.tables) == 1
    assert doc.paragraphs[0].text == "东风区司法局2023年政府信息公开工作年度报告"
    assert _grid(doc.tables[0])[1][2] == ("自然人", False)


def test_a_gbk_page_with_its_charset_declared_reads():
    doc = extract(_page(ARTICLE, charset="gbk").encode("gbk"), "report.htm")
    assert doc.paragraphs[0].text == "东风区司法局2023年政府信息公开工作年度报告"
    assert doc.encoding == "gb18030"


def test_a_gb2312_declaration_is_read_as_gb18030():
    # 䶮 (U+4DAE) is outside GB2312 and GBK; only GB18030 has it.
    page = _page(ARTICLE.replace("东风区", "䶮风区"), charset="gb2312")
    doc = extract(page.encode("gb18030"), "report.html")
    assert doc.paragraphs[0].text == "䶮风区司法局2023年政府信息公开工作年度报告"


def test_an_http_equiv_declaration_is_honoured():
    page = _page(ARTICLE, charset="").replace(
        "<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=GB2312">'
    )
    assert decode(page.encode("gb18030")) == (page, "gb18030")


def test_an_undeclared_gb18030_page_is_detected():
    doc = extract(_page(ARTICLE, charset="").encode("gb18030"), "report.html")
    assert doc.paragraphs[0].text == "东风区司法局2023年政府信息公开工作年度报告"


def test_a_utf8_page_that_claims_gbk_still_reads():
    doc = extract(_page(ARTICLE, charset="gbk").encode("utf-8"), "report.html")
    assert doc.paragraphs[0].text == "东风区司法局2023年政府信息公开工作年度报告"
    assert doc.encoding == "utf-8"


def test_undecodable_bytes_never_crash():
    data = b"<html><body><p>" + bytes(range(128, 256)) * 4 + b"</p></body></html>"
    doc = extract(data, "garbage.html")
    assert all(isinstance(b, Paragraph) for b in doc.blocks)


def test_a_chinese_line_wrapped_in_the_source_reads_without_a_space():
    page = _page(
        "<p>东风区司法局2023年\n    政府信息公开工作年度报告</p><p>2023 年</p>" + "文字" * 50
    )
    doc = extract(page.encode("utf-8"), "wrap.html")
    assert [p.text for p in doc.paragraphs][:2] == [
        "东风区司法局2023年政府信息公开工作年度报告",
        "2023 年",
    ]


def test_a_title_in_a_div_named_title_outside_the_container_is_kept():
    article = ARTICLE.replace("<h1>东风区司法局2023年政府信息公开工作年度报告</h1>", "")
    page = (
        _page(article, 'div class="TRS_Editor"')
        .replace(
            '<div class="TRS_Editor">',
            '<div class="con"><div class="article-tit">东风区司法局2023年政府信息公开工作年度报告</div>'
            '<div class="TRS_Editor">',
        )
        .replace("</div>\n</div>\n<footer>", "</div></div>\n</div>\n<footer>")
    )
    doc = extract(page.encode("utf-8"), "report.html")
    assert doc.paragraphs[0].text == "东风区司法局2023年政府信息公开工作年度报告"


def test_a_page_saved_from_word_reads_its_cells():
    article = """<p class=MsoNormal align=center><b><span style='font-size:22.0pt'>东风区司法局2023年政府信息公开工作年度报告<o:p></o:p></span></b></p>
<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>
<tr><td width=100 rowspan=2><p class=MsoNormal><span lang=EN-US>规章<o:p></o:p></span></p></td>
<td><p class=MsoNormal align=center><span lang=EN-US>0<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></td></tr>
<tr><td><p class=MsoNormal>本年新<br>制作数量</p></td><td><p class=MsoNormal><span>1</span><span>2</span></p></td></tr>
<tr><td>a</td><td>b</td><td>c</td></tr><tr><td>a</td><td>b</td><td>c</td></tr>
</table>"""
    doc = extract(_page(article, 'div class="WordSection1"').encode("utf-8"), "word.htm")
    assert doc.paragraphs[0].text == "东风区司法局2023年政府信息公开工作年度报告"
    assert _grid(doc.tables[0])[:2] == [
        [("规章", False), ("0", False), ("\xa0", False)],
        [("规章", True), ("本年新\n制作数量", False), ("12", False)],
    ]
