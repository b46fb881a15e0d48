"""Render a parsed report as a PDF the way a portal publishes one: a Word
document exported to PDF, with a running header, page numbers in the footer
and ruled tables merged like the official template (reportlab, built-in CID
font STSong-Light, so nothing is fetched).

Table 三 is cut in two across a page break in the middle of its row labels,
as Word breaks a long table: a merged label cell is cut at the page foot and
carries on, blank, on the next page.  With `repeat_header` the continuation
starts with the header rows again (Word's 重复标题行); with `cut_row` the row
at the break is itself cut in two (Word's default 允许跨页断行).

Also small pages for edge cases: a scan without text (render_scan), text in a
ruled frame (render_framed), justified official-document text (render_justified).
"""

from __future__ import annotations

import io
import re
from functools import cache
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw
from reportlab.lib import pdfencrypt
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import PageBreak, SimpleDocTemplate, TableStyle
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable

from core.document import Paragraph
from core.report import Report
from core.template import Template
from tests.support.render import Span, _headings, _title_lines, layout, place

FONT = "STSong-Light"
_CJK = re.compile("[\u2014-\u201f\u2026\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_Y = 90, 72  # Word's default margins: 3.17 cm, 2.54 cm
BODY_W = PAGE_W - 2 * MARGIN_X

# How the footer writes page n: the styles Word users pick.
PAGE_NUMBERS = {
    "dash": "- {n} -",
    "zh": "第{n}页",
    "bare": "{n}",
    "none": "",
}

Placed = list[tuple[int, int, Span]]
FIGURE = re.compile(r"[0-9.]*")  # a figure or a blank


@cache
def _font() -> str:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def _style(name: str, size: float, align: int = TA_LEFT, indent: float = 0) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=_font(),
        fontSize=size,
        leading=size * 1.6,
        alignment=align,
        firstLineIndent=indent,
        wordWrap="CJK",
        spaceAfter=size * 0.2,
    )


def _markup(text: str) -> str:
    return escape(text.strip().replace("\xa0", " ")).replace("\n", "<br/>")


# ---------------------------------------------------------------- tables
def _cut(placed: Placed, at: int, repeat: int = 0) -> tuple[Placed, Placed]:
    """Cut a placed table before row `at`: a span across the cut ends at the
    page foot and carries on, blank, at the top of the next part; the first
    `repeat` rows are written again on top of the next part."""
    head: Placed = []
    tail: Placed = [(r, c, s) for r, c, s in placed if r < repeat]
    for r, c, span in placed:
        if r < at <= r + span.rowspan - 1:
            head.append((r, c, Span(span.text, at - r, span.colspan, span.header)))
            rest = r + span.rowspan - at
            tail.append((repeat, c, Span("", rest, span.colspan, span.header)))
        elif r < at:
            head.append((r, c, span))
        else:
            tail.append((r - at + repeat, c, span))
    return head, tail


def _split_row(placed: Placed, k: int, figures: str) -> Placed:
    """Row k cut in two as Word cuts a row at a page break: each label's
    characters shared between the halves, the figures in one half ("above",
    "below"; "split": the last column's below, the others above, as a
    converter that sets figures at the foot of a tall cell cuts them), the
    other half blank; a cell spanning down from row k or over it spans both.
    "header_runs_on": a row of labels whose short labels fit above the
    break and whose long ones run on below it."""
    out: Placed = []
    last = max(
        (c for r, c, span in placed if r == k and FIGURE.fullmatch(span.text.strip())),
        default=-1,
    )
    for r, c, span in placed:
        if r < k <= r + span.rowspan - 1 or (r == k and span.rowspan > 1):
            out.append((r, c, Span(span.text, span.rowspan + 1, span.colspan, span.header)))
        elif r == k and FIGURE.fullmatch(span.text.strip()):
            below = figures == "below" or (figures == "split" and c == last)
            upper, lower = ("", span.text) if below else (span.text, "")
            out += [(r, c, Span(upper, 1, span.colspan)), (r + 1, c, Span(lower, 1, span.colspan))]
        elif r == k and figures == "header_runs_on" and len(span.text) <= 4:
            # a short label fits above the break; only the long ones run on
            out += [
                (r, c, Span(span.text, 1, span.colspan, span.header)),
                (r + 1, c, Span("", 1, span.colspan, span.header)),
            ]
        elif r == k:
            half = len(span.text) // 2
            out += [
                (r, c, Span(span.text[:half], 1, span.colspan, span.header)),
                (r + 1, c, Span(span.text[half:], 1, span.colspan, span.header)),
            ]
        else:
            out.append((r + 1 if r > k else r, c, span))
    return out


def _widths(key: str, cols: int) -> list[float]:
    """Column widths: label columns wide, figure columns narrow."""
    if key == "t2":
        label = BODY_W * 0.34
        return [label] + [(BODY_W - label) / (cols - 1)] * (cols - 1)
    if key == "t3":
        labels = [BODY_W * 0.09, BODY_W * 0.11, BODY_W * 0.22]
        rest = (BODY_W - sum(labels)) / (cols - 3)
        return labels + [rest] * (cols - 3)
    return [BODY_W / cols] * cols


def _pdf_table(key: str, placed: Placed) -> PdfTable:
    rows = max(r + s.rowspan for r, _, s in placed)
    cols = max(c + s.colspan for _, c, s in placed)
    cell = _style("cell", 8 if key == "t4" else 9, TA_CENTER)
    cell.spaceAfter = 0
    cell.leading = cell.fontSize * 1.25
    data: list[list[object]] = [[""] * cols for _ in range(rows)]
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    for r, c, span in placed:
        if span.text.strip():
            data[r][c] = PdfParagraph(_markup(span.text), cell)
        if span.rowspan > 1 or span.colspan > 1:
            far = (c + span.colspan - 1, r + span.rowspan - 1)
            commands.append(("SPAN", (c, r), far))
    return PdfTable(data, colWidths=_widths(key, cols), style=TableStyle(commands))


def _table_flowables(
    key: str, shape: list[list[Span]], repeat_header: bool, cut_row: str | None
) -> list:
    placed = place(shape)
    if key != "t3":
        return [_pdf_table(key, placed)]
    header = 3  # table 三's header rows
    rows = max(r + s.rowspan for r, _, s in placed)
    at = header + (rows - header) // 2  # inside 三、本年度办理结果
    if cut_row == "header_runs_on":
        at = header - 1  # the applicant columns' header row (商业企业 … 其他)
    if cut_row:
        placed = _split_row(placed, at, cut_row.removeprefix("figures_"))
        at += 1
    head, tail = _cut(placed, at, header if repeat_header else 0)
    return [_pdf_table(key, head), PageBreak(), _pdf_table(key, tail)]


# ---------------------------------------------------------------- pages
def _decorate(header: str, numbers: str):
    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(_font(), 9)
        if header:
            canvas.drawCentredString(PAGE_W / 2, PAGE_H - 42, header)
            canvas.setLineWidth(0.5)
            canvas.line(MARGIN_X, PAGE_H - 47, PAGE_W - MARGIN_X, PAGE_H - 47)
        text = PAGE_NUMBERS[numbers].format(n=doc.page)
        if text:
            canvas.drawCentredString(PAGE_W / 2, 36, text)
        canvas.restoreState()

    return on_page


def render_pdf(
    report: Report,
    template: Template,
    *,
    numbers: str = "dash",
    header: str | None = None,
    repeat_header: bool = False,
    cut_row: str | None = None,
    passwords: tuple[str, str] | None = None,
) -> bytes:
    """The report as a PDF exported from Word.  `numbers` picks the footer's
    page-number style (see PAGE_NUMBERS); `header` is the running header
    (default: the report's title; "" for none); `cut_row` ("figures_above",
    "figures_below" or "figures_split"; "header_runs_on": the header row of
    the applicant columns, its long labels running on) cuts the row at table 三's page break in two, as
    Word does by default; `passwords` (user, owner) encrypt the file (an
    empty user password opens it without asking)."""
    title_lines = _title_lines(report)
    headings = _headings(report)
    closing = report.closing_location.line if report.closing_location else None
    styles = {
        "title": _style("title", 18, TA_CENTER),
        "heading": _style("heading", 14),
        "body": _style("body", 12, indent=24),
        "closing": _style("closing", 12, TA_RIGHT),
    }
    story: list = []
    for item in layout(report, template):
        if isinstance(item, Paragraph):
            if not item.text.strip():
                continue
            line = item.location.line
            if line in title_lines:
                kind = "title"
            elif line in headings:
                kind = "heading"
            elif closing is not None and line is not None and closing - 1 <= line <= closing:
                kind = "closing"
            else:
                kind = "body"
            story.append(PdfParagraph(_markup(item.text), styles[kind]))
        else:
            story += _table_flowables(item[0], item[1], repeat_header, cut_row)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_Y,
        bottomMargin=MARGIN_Y,
        title=report.title or "",
        author=report.agency or "",
        invariant=True,
        encrypt=pdfencrypt.StandardEncryption(*passwords, strength=128) if passwords else None,
    )
    running = (report.title or "") if header is None else header
    on_page = _decorate(running.replace("\n", ""), numbers)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()


def render_scan(pages: int = 2) -> bytes:
    """A scanned report: each page one grey picture, no text layer."""
    buf = io.BytesIO()
    c = pdfcanvas.Canvas(buf, pagesize=A4, invariant=True)
    for n in range(pages):
        picture = Image.new("L", (595, 842), 255)
        draw = ImageDraw.Draw(picture)
        for y in range(100, 760, 24):  # lines of "text" as a scanner sees them
            draw.rectangle((90, y, 505 - (y * 7 + n) % 120, y + 10), fill=40)
        c.drawImage(ImageReader(picture), 0, 0, PAGE_W, PAGE_H)
        c.showPage()
    c.save()
    return buf.getvalue()


def render_framed(
    text: list[str], *, font: str | None = None, passwords: tuple[str, str] | None = None
) -> bytes:
    """One page: lines of text inside a ruled box (a frame, not a table) and
    a line below it.  `font` defaults to STSong-Light."""
    buf = io.BytesIO()
    encrypt = pdfencrypt.StandardEncryption(*passwords, strength=128) if passwords else None
    c = pdfcanvas.Canvas(buf, pagesize=A4, invariant=True, encrypt=encrypt)
    c.setFont(font or _font(), 12)
    y = PAGE_H - 120
    for line in text:
        c.drawString(MARGIN_X + 10, y, line)
        y -= 20
    c.rect(MARGIN_X, y, BODY_W, PAGE_H - 100 - y)
    c.drawString(MARGIN_X, y - 40, text[-1])
    c.showPage()
    c.save()
    return buf.getvalue()


def _wrap(text: str, first: float, rest: float, size: float) -> list[str]:
    """Greedy line breaks as Word makes them: anywhere between Chinese
    characters, never inside a run of Latin letters or digits."""
    lines, line = [], ""
    for ch in re.findall(r"[A-Za-z0-9/.%-]+|.", text):
        width = first if not lines else rest
        if line and not ch.isspace() and pdfmetrics.stringWidth(line + ch, _font(), size) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines


def render_justified(paragraphs: list[str], *, size: float = 16, pitch: float = 28) -> bytes:
    """Paragraphs set as an official document in Word: 16 pt type on a 28 pt
    line pitch, first lines indented two characters, every line but the last
    of a paragraph justified by spreading its characters to the right margin,
    page numbers "- n -" in the footer."""
    buf = io.BytesIO()
    c = pdfcanvas.Canvas(buf, pagesize=A4, invariant=True)
    top = PAGE_H - MARGIN_Y - size
    y, page = top, 1

    def footer() -> None:
        c.setFont(_font(), 12)
        c.drawCentredString(PAGE_W / 2, 40, f"- {page} -")

    for text in paragraphs:
        lines = _wrap(text, BODY_W - 2 * size, BODY_W, size)
        for i, line in enumerate(lines):
            if y < MARGIN_Y:
                footer()
                c.showPage()
                y, page = top, page + 1
            x = MARGIN_X + (2 * size if i == 0 else 0)
            spare = MARGIN_X + BODY_W - x - pdfmetrics.stringWidth(line, _font(), size)
            # Word spreads a justified line at the gaps next to Chinese
            # characters, never inside a run of Latin letters or digits
            gaps = [_CJK.match(a) or _CJK.match(b) for a, b in zip(line, line[1:], strict=False)]
            extra = 0 if i == len(lines) - 1 or not any(gaps) else spare / sum(map(bool, gaps))
            c.setFont(_font(), size)
            for k, ch in enumerate(line):
                c.drawString(x, y, ch)
                x += pdfmetrics.stringWidth(ch, _font(), size)
                x += extra if k < len(gaps) and gaps[k] else 0
            y -= pitch
    footer()
    c.showPage()
    c.save()
    return buf.getvalue()
