"""Render a parsed report again as a .docx, an HTML page or Markdown, with
its tables shaped like the official template (see tests/support/shapes.py).

The builders take a Report of a seed (parsed from its .txt) and write the SAME
report: the seed's paragraphs in their order, each statistical table where the
.txt had it, every cell holding its Fact's raw text (blank stays blank, "/"
stays "/").
"""

from __future__ import annotations

import html
import io

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from core.document import Paragraph
from core.report import Report
from core.template import Template
from tests.support.shapes import Shape, Span, heading_lines, layout, place, title_lines

# Older names, used by tests/support/render_pdf.py.
_headings = heading_lines
_title_lines = title_lines
__all__ = ["Span", "layout", "place", "render_docx", "render_html", "render_markdown"]


# ---------------------------------------------------------------- .docx
def _bookmark(paragraph, name: str, ident: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    paragraph._p.insert(0, start)
    paragraph._p.insert(1, end)


def render_docx(report: Report, template: Template) -> bytes:
    """The report as a Word file, tables merged like the official template."""
    document = docx.Document()
    headings = heading_lines(report)
    residues = {r.location.line: r for r in report.document.residues}
    for item in layout(report, template):
        if isinstance(item, Paragraph):
            line = item.location.line
            if line in headings:
                p = document.add_heading(item.text, level=1)
            else:
                p = document.add_paragraph(item.text)
            residue = residues.get(line)
            if residue is not None and residue.kind == "bookmark":
                _bookmark(p, residue.text.strip("[]").split(":")[-1].strip(), line or 0)
            elif residue is not None and residue.kind == "comment" and p.runs:
                document.add_comment(p.runs, text=residue.text, author=residue.author or "")
            continue
        _, shape = item
        _docx_table(document, shape)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _docx_table(document, shape: Shape) -> None:
    spans = place(shape)
    rows = max(r + s.rowspan for r, _, s in spans)
    cols = max(c + s.colspan for _, c, s in spans)
    table = document.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    slots = table._cells  # taken once, before merging: Table.cell() is quadratic
    for r, c, span in spans:
        cell = slots[r * cols + c]
        if span.rowspan > 1 or span.colspan > 1:
            far = slots[(r + span.rowspan - 1) * cols + c + span.colspan - 1]
            cell = cell.merge(far)
        cell.text = span.text


# ---------------------------------------------------------------- HTML
def _esc(text: str) -> str:
    return html.escape(text, quote=False).replace("\xa0", "&nbsp;").replace("\n", "<br>")


def _html_table(shape: Shape) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="0" class="MsoNormalTable">']
    for row in shape:
        out.append("<tr>")
        for span in row:
            attrs = ""
            if span.rowspan > 1:
                attrs += f' rowspan="{span.rowspan}"'
            if span.colspan > 1:
                attrs += f' colspan="{span.colspan}"'
            text = _esc(span.text) if span.text.strip() else "&nbsp;"
            out.append(f'<td{attrs} valign="middle"><p align="center">{text}</p></td>')
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


PORTAL_TOP = """<div class="top"><div class="logo">{site}</div></div>
<header class="head"><h2 class="site-name">{site}</h2><p>今天是 星期一　无障碍浏览　长者模式</p></header>
<nav class="menu"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav>
<nav class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; 年度报告</nav>
"""
SIDEBAR = """<div class="sidebar"><div class="box"><h3>信息公开目录</h3><ul>
<li><a href="/a">政府信息公开指南</a></li><li><a href="/b">政府信息公开制度</a></li>
<li><a href="/c">法定主动公开内容</a></li><li><a href="/d">政府信息公开年报</a></li></ul></div>
<div class="box"><h3>办事日历</h3><table class="cal"><tr><td>一</td><td>二</td><td>三</td></tr>
<tr><td>1</td><td>2</td><td>3</td></tr><tr><td>4</td><td>5</td><td>6</td></tr></table></div></div>
"""
PORTAL_FOOT = """<footer class="foot"><p>主办：{site}　承办：办公室　地址：人民路1号　电话：0000-1234567</p>
<p>网站标识码 0000000000　ICP备00000000号</p></footer>
<script>var _hmt = _hmt || []; document.write("<p>统计</p>");</script>
"""


def render_html(
    report: Report,
    template: Template,
    *,
    encoding: str = "utf-8",
    declare: bool = True,
    container: str = "TRS_Editor",
) -> bytes:
    """The report as a portal publishes it: the article inside navigation,
    header, footer and a sidebar; `declare=False` leaves out the charset."""
    headings = heading_lines(report)
    titles = title_lines(report)
    body: list[str] = []
    title: list[str] = []
    for item in layout(report, template):
        if isinstance(item, Paragraph):
            line = item.location.line
            if line in titles:
                title.append(_esc(item.text))
            elif line in headings:
                body.append(f"<p><strong>{_esc(item.text)}</strong></p>")
            else:
                body.append(f'<p style="text-indent:2em">{_esc(item.text)}</p>')
        else:
            body.append(_html_table(item[1]))
    site = f"{report.agency or '本站'}门户网站"
    meta = f'<meta charset="{encoding}">' if declare else ""
    page = f"""<!DOCTYPE html>
<html><head>{meta}<title>{_esc(report.title or "")}</title>
<style>.sidebar{{float:left}} td{{border:1px solid #000}}</style></head>
<body>
{PORTAL_TOP.format(site=site)}
<div class="wrap">
{SIDEBAR}
<div class="detail"><h1 class="title">{"<br>".join(title)}</h1>
<div class="info">发布日期：2024-01-15　信息来源：{_esc(report.agency or "本站")}　浏览次数：128</div>
<div class="{container}">
{chr(10).join(body)}
</div>
<div class="share"><a href="#">打印本页</a> <a href="#">关闭窗口</a></div>
</div></div>
{PORTAL_FOOT.format(site=site)}
</body></html>
"""
    return page.encode(encoding, errors="xmlcharrefreplace")


# ---------------------------------------------------------------- Markdown
def render_markdown(report: Report, template: Template, *, html_tables: bool = False) -> bytes:
    """The report as Markdown: pipe tables whose rows keep only the cells a
    text copy of Word keeps (a horizontal merge is one cell, a vertical merge
    leaves an empty cell below its origin) — or, with `html_tables`, HTML
    tables with rowspan/colspan, as pandoc writes merged cells."""
    headings = heading_lines(report)
    title_line = report.title_location.line if report.title_location else None
    out: list[str] = []
    for item in layout(report, template):
        if isinstance(item, Paragraph):
            line = item.location.line
            prefix = "# " if line == title_line else "## " if line in headings else ""
            out += [prefix + item.text, ""]
            continue
        if html_tables:
            out += [_html_table(item[1]), ""]
            continue
        rows: dict[int, list[tuple[int, str]]] = {}
        for r, c, span in place(item[1]):
            rows.setdefault(r, []).append((c, span.text))
            for i in range(1, span.rowspan):
                rows.setdefault(r + i, []).append((c, ""))
        for n, r in enumerate(sorted(rows)):
            cells = [_md_cell(t) for _, t in sorted(rows[r])]
            out.append("| " + " | ".join(cells) + " |")
            if n == 0:
                out.append("|" + "---|" * len(cells))
        out.append("")
    return "\n".join(out).encode("utf-8")


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")
