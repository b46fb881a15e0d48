"""Text-based PDF reports, as portals publish them (Word exported to PDF):
each seed rendered as a PDF with ruled, merged tables, running headers and
page numbers reads to exactly the facts and metadata of its .txt."""

from __future__ import annotations

import io
import os
import re
from functools import cache

import pdfplumber
import pytest

from core.document import Location, Paragraph, UnreadableFile
from core.extract import extract
from core.messages import message
from core.parse import parse_bytes, parse_file
from core.report import Report
from core.template import load_template
from tests.conftest import FIXTURES, SEEDS
from tests.support.render import layout
from tests.support.render_pdf import render_framed, render_justified, render_pdf, render_scan

REPORTS = {**SEEDS, "clean": FIXTURES / "clean_2021.txt"}
PAGE_NUMBER = re.compile(r"-\s*\d+\s*-|第\d+页|\d+")


@cache
def _txt(name: str) -> Report:
    return parse_file(REPORTS[name])


def _template(report: Report):
    return load_template(report.format_version if report.format_version == "2019" else "2021")


@cache
def _pdf(name: str, **options) -> bytes:
    report = _txt(name)
    return render_pdf(report, _template(report), **options)


@cache
def _parsed(name: str, **options) -> Report:
    return parse_bytes(_pdf(name, **options), f"{name}.pdf")


def _facts(report: Report) -> dict[str, tuple]:
    return {k: (f.value, f.status) for k, f in report.facts.items()}


def _meta(report: Report) -> tuple:
    return (report.title, report.agency, report.year, report.closing_date, report.format_version)


def _text_paragraphs(name: str) -> list[str]:
    """The paragraphs of the .txt, as the PDF was written from them."""
    report = _txt(name)
    items = layout(report, _template(report))
    return ["".join(i.text.split()) for i in items if isinstance(i, Paragraph) and i.text.strip()]


# ---------------------------------------------------------------- the seeds
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_a_pdf_of_each_report_reads_to_the_same_facts_as_its_text(name):
    pdf, txt = _parsed(name), _txt(name)
    assert pdf.document.source == "pdf"
    assert _meta(pdf) == _meta(txt)
    assert _facts(pdf) == _facts(txt)
    assert len(pdf.facts) in (198, 200)


@pytest.mark.parametrize("name", ["001", "002", "003", "004", "clean"])
def test_wrapped_lines_join_back_into_the_paragraphs_of_the_text(name):
    got = ["".join(p.text.split()) for p in _parsed(name).document.paragraphs]
    assert got == _text_paragraphs(name)


def test_justified_chinese_text_reads_without_spaces_and_joins_over_pages():
    paragraphs = [
        "2023年，我局通过“诚信东风”APP和政府网站主动公开政府信息403条，其中规范性文件12件、"
        "政策解读8篇，回应社会关切15次。全年新收到政府信息公开申请0件，上年结转申请0件。" * 3,
        "（一）主动公开情况",
        "我局严格执行“分级审核、先审后发”程序（GB/T 9704-2012），确保信息发布准确、安全、高效。"
        * 4,
    ] * 3
    doc = extract(render_justified(paragraphs), "official.pdf")
    # paragraphs 4 and 9 run over a page break ("- 1 -", "- 2 -" in between)
    assert [p.text for p in doc.paragraphs] == paragraphs
    assert [p.location.page for p in doc.paragraphs] == [1, 1, 1, 1, 2, 2, 2, 2, 2]
    assert [p.location.line for p in doc.paragraphs][:4] == [1, 11, 12, 19]  # every line counts


def test_a_page_number_left_in_the_text_is_dropped_like_a_footer():
    # seed 000 ends with a stray "1": the page number Word's text export kept
    want = _text_paragraphs("000")
    assert want[-1] == "1"
    assert ["".join(p.text.split()) for p in _parsed("000").document.paragraphs] == want[:-1]


@pytest.mark.parametrize(
    ("name", "numbers", "header"),
    [("002", "zh", None), ("003", "bare", ""), ("clean", "dash", "清河市政务公开专栏")],
)
def test_running_headers_and_page_numbers_are_not_paragraphs(name, numbers, header):
    report = _parsed(name, numbers=numbers, header=header)
    texts = [p.text for p in report.document.paragraphs]
    assert not [t for t in texts if PAGE_NUMBER.fullmatch("".join(t.split()))]
    assert "清河市政务公开专栏" not in texts
    assert ["".join(t.split()) for t in texts] == _text_paragraphs(name)  # nothing else either
    assert _facts(report) == _facts(_txt(name))
    pages = {p.location.page for p in report.document.paragraphs}
    assert len(pages) >= 3  # the pages were really numbered and headed


def test_paragraphs_carry_a_running_line_number_and_their_page():
    paragraphs = _parsed("001").document.paragraphs
    assert paragraphs[0].location == Location(line=1, page=1)
    assert paragraphs[1].location == Location(line=2, page=1)  # 001's title is two lines
    lines = [p.location.line for p in paragraphs]
    assert lines == sorted(set(lines))
    pages = [p.location.page for p in paragraphs]
    assert pages == sorted(pages) and pages[-1] >= 4
    # a paragraph wrapped over lines counts them all: the next starts further on
    assert any(b - a > 1 for a, b in zip(lines, lines[1:], strict=False))


# ---------------------------------------------------------------- tables
def test_table_three_cut_by_a_page_break_is_one_table_again():
    report = _parsed("000")
    assert len(report.document.tables) == 3
    first = report.facts["t3.new_received.natural_person"].location
    last = report.facts["t3.carried_forward.total"].location
    assert first.table == last.table == 1
    assert last.page == first.page + 1
    assert (first.row, first.cell, last.row, last.cell) == (3, 3, 27, 9)
    table = report.document.tables[1]
    assert {len(row) for row in table.rows} == {10}
    assert sorted({c.location.page for row in table.rows for c in row}) == [2, 3]


def test_header_rows_repeated_on_the_next_page_are_dropped_when_joining():
    plain, repeated = _parsed("002"), _parsed("002", repeat_header=True)
    assert _pdf("002", repeat_header=True) != _pdf("002")
    assert _facts(repeated) == _facts(_txt("002"))
    rows = [len(t.rows) for t in repeated.document.tables]
    assert rows == [len(t.rows) for t in plain.document.tables]


@pytest.mark.parametrize(
    ("name", "cut_row"),
    [
        ("000", "figures_above"),
        ("001", "figures_below"),
        ("002", "figures_above"),
        ("004", "figures_below"),
        ("000", "figures_split"),
        ("003", "figures_split"),
        ("002", "figures_split"),
        ("000", "header_runs_on"),
        ("001", "header_runs_on"),
    ],
)
def test_a_row_cut_in_two_by_the_page_break_is_one_row_again(name, cut_row):
    report = _parsed(name, cut_row=cut_row)
    assert _facts(report) == _facts(_txt(name))
    assert len(report.document.tables[1].rows) == len(_parsed(name).document.tables[1].rows)
    assert report.unmatched_rows == _txt(name).unmatched_rows


def test_a_merged_label_cut_by_the_page_break_covers_its_rows_on_the_next_page():
    t3 = _parsed("000", cut_row="figures_above").document.tables[1]
    results = [row[0] for row in t3.rows[5:27]]  # 三、本年度办理结果 down its 22 rows
    assert {c.text for c in results} == {"三、本\n年度办\n理结果"}
    assert [c.merged for c in results] == [False] + [True] * 21
    assert {c.location.page for c in results} == {2, 3}
    unable = [row[1] for row in t3.rows[15:18]]  # （四）无法提供, cut after its first row
    assert [(c.text, c.merged, c.location.page) for c in unable] == [
        ("（四）无\n法提供", False, 2),
        ("（四）无\n法提供", True, 3),
        ("（四）无\n法提供", True, 3),
    ]
    assert t3.rows[15][2].text == "1.本机关不掌\n握相关政府信息"  # both halves of the cut row


def test_merged_cells_are_marked_like_the_docx_and_html_grids():
    t2, t3, t4 = _parsed("000").document.tables
    assert [(c.text, c.merged) for c in t2.rows[0]] == [("第二十条第（一）项", False)] + [
        ("第二十条第（一）项", True)
    ] * 3
    note = [[c.merged for c in row[:3]] for row in t3.rows[:3]]
    assert note == [[False, True, True], [True, True, True], [True, True, True]]
    assert [c.merged for c in t3.rows[2][3:]] == [True, False, False, False, False, False, True]
    assert [c.text for c in t4.rows[0][:6]] == ["行政复议"] * 5 + ["行政诉讼"]
    assert [c.merged for c in t4.rows[2][:6]] == [True] * 5 + [False]
    assert t4.rows[3][14].location == Location(table=2, row=3, cell=14, page=3)


def test_a_table_row_stranded_at_a_page_foot_joins_the_rest_of_its_table():
    # in 004's PDF the first row of table 二 is the last thing on page 1
    doc = _parsed("004").document
    t2 = doc.tables[0]
    assert t2.rows[0][0].text == "第二十条第（一）项"
    assert t2.rows[0][0].location.page == 1
    assert t2.rows[1][0].location.page == 2
    assert "第二十条第（一）项" not in [p.text for p in doc.paragraphs]


def test_a_ruled_frame_around_text_is_read_as_paragraphs():
    doc = extract(
        render_framed(["说明：本报告数据统计期限为", "2023年1月1日至12月31日。"]), "f.pdf"
    )
    assert doc.tables == []
    assert [p.text for p in doc.paragraphs] == [
        "说明：本报告数据统计期限为",
        "2023年1月1日至12月31日。",
        "2023年1月1日至12月31日。",  # the line under the frame
    ]


def test_cell_locations_describe_the_page():
    loc = _parsed("000").facts["t3.carried_forward.total"].location
    assert loc.as_dict() == {"page": 3, "table": 1, "row": 27, "cell": 9}
    assert loc.describe("zh") == "第3页，第2个表格第28行第10列"
    assert loc.describe("en") == "page 3; table 2, row 28, cell 10"


# ---------------------------------------------------------------- unreadable
def test_random_bytes_are_a_damaged_pdf():
    with pytest.raises(UnreadableFile) as err:
        extract(os.urandom(4096), "report.pdf")
    assert err.value.code == "pdf_damaged"


def test_a_truncated_pdf_is_a_damaged_pdf():
    data = _pdf("003")
    with pytest.raises(UnreadableFile) as err:
        extract(data[: len(data) // 2], "report.pdf")
    assert err.value.code == "pdf_damaged"


def test_a_scanned_pdf_without_text_is_reported_as_such():
    with pytest.raises(UnreadableFile) as err:
        extract(render_scan(), "scan.pdf")
    assert err.value.code == "no_text"
    assert "扫描" in message("unreadable.no_text", "zh")
    assert "scanned" in message("unreadable.no_text", "en")


def test_a_pdf_locked_with_a_password_is_unreadable():
    report = _txt("003")
    data = render_pdf(report, _template(report), passwords=("secret", "owner"))
    with pytest.raises(UnreadableFile) as err:
        extract(data, "locked.pdf")
    assert err.value.code == "encrypted"
    assert "password" in err.value.detail


def test_a_pdf_restricted_only_by_an_owner_password_reads():
    lines = ["Annual report on government information disclosure", "Statistics for 2023"]
    data = render_framed(lines, font="Helvetica", passwords=("", "owner"))
    assert b"/Encrypt" in data
    assert [p.text for p in extract(data, "restricted.pdf").paragraphs] == [*lines, lines[-1]]


def test_an_encrypted_pdf_whose_font_maps_to_no_characters_is_restricted_not_a_scan():
    # reportlab leaves the CID font's registry unencrypted in an encrypted
    # file, so pdfminer reads every glyph as "(cid:N)": text without letters
    report = _txt("003")
    data = render_pdf(report, _template(report), passwords=("", "owner"))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert "(cid:" in pdf.pages[0].extract_text()
    with pytest.raises(UnreadableFile) as err:
        extract(data, "glyphs.pdf")
    assert err.value.code == "pdf_restricted"
    assert "权限密码" in message("unreadable.pdf_restricted", "zh")


def test_a_pdf_whose_chinese_text_reads_as_one_character_is_garbled_not_judged():
    # a font without a proper character map gives every Chinese glyph one
    # code: the text layer holds the figures and no words
    cjk = re.compile(r"[\u4e00-\u9fff]")
    source = (FIXTURES / "clean_2021.txt").read_text(encoding="utf-8").splitlines()[:14]
    lines = [cjk.sub("平", line)[:38] for line in source if line.strip()]
    with pytest.raises(UnreadableFile) as err:
        extract(render_framed(lines), "garbled.pdf")
    assert err.value.code == "pdf_garbled"
    assert "乱码" in message("unreadable.pdf_garbled", "zh")
    assert "garbled" in message("unreadable.pdf_garbled", "en")
    # the same lines as written read
    real = [line[:38] for line in source if line.strip()]
    assert extract(render_framed(real), "real.pdf").paragraphs


# ------------------------------------------------- the title in the file's properties
def _untitled_pdf(title_property: object = None) -> bytes:
    """clean_2021 without its title line, as a PDF whose properties hold
    `title_property` (a str, or the raw bytes a producer wrote)."""
    import pypdf
    from pypdf.generic import ByteStringObject, NameObject, TextStringObject

    body = (FIXTURES / "clean_2021.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    report = parse_bytes(body.encode("utf-8"), "untitled.txt")
    assert report.title is None
    data = render_pdf(report, load_template("2021"), header="")
    if title_property is None:
        return data
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    value = (
        ByteStringObject(title_property)
        if isinstance(title_property, bytes)
        else TextStringObject(title_property)
    )
    writer._info.get_object()[NameObject("/Title")] = value  # as written, not re-encoded
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


TITLE = "清河市生态环境局2024年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    "stored",
    [
        TITLE,
        f"Microsoft Word - {TITLE}.docx",  # Word's print-to-PDF names the file
        f"{TITLE}_年报_清河市人民政府",  # a browser's save-as-PDF copies the page <title>
        b"\xff\xfe" + TITLE.encode("utf-16-le"),  # WPS: UTF-16 little-endian with its mark
        TITLE.encode("gb18030"),  # a producer's own Chinese bytes
    ],
)
def test_a_title_only_in_the_pdf_properties_names_the_report(stored):
    report = parse_bytes(_untitled_pdf(stored), "untitled.pdf")
    assert (report.title, report.title_source) == (TITLE, "pdf_meta")
    assert (report.agency, report.year) == ("清河市生态环境局", 2024)


def test_a_stored_title_of_another_year_than_the_period_is_not_taken():
    # the properties kept from last year's file the report was written over
    report = parse_bytes(_untitled_pdf(TITLE.replace("2024", "2023")), "untitled.pdf")
    assert report.title is None
    assert report.year == 2024  # the preamble's statistics period


def test_a_title_in_the_text_wins_over_the_stored_one():
    pdf = _pdf("clean")
    report = parse_bytes(pdf, "clean.pdf")
    assert report.title_source == "text"
    assert report.document.title_candidates == [("pdf_meta", _txt("clean").title)]


def _table_without_a_left_rule() -> bytes:
    """A ruled table whose first column has its left rule drawn in the top
    row only (LibreOffice leaves it out so for some cell styles): the text
    of the rows below lies in no drawn cell."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas as pdfcanvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = pdfcanvas.Canvas(buf)
    c.setFont("STSong-Light", 12)
    for i in range(6):
        c.drawString(
            50,
            800 - 16 * i,
            "四、政府信息公开行政复议、行政诉讼情况，本机关本年度的复议和诉讼如下表。",
        )
    for y in (700, 670, 640):
        c.line(50, y, 350, y)
    c.line(50, 700, 50, 670)  # the left rule of the top row only
    for x in (150, 250, 350):
        c.line(x, 700, x, 640)
    for x, y, text in [
        (60, 680, "结果维持"),
        (160, 680, "结果纠正"),
        (260, 680, "总计"),
        (60, 650, "637"),
        (160, 650, "42"),
        (260, 650, "679"),
    ]:
        c.drawString(x, y, text)
    c.save()
    return buf.getvalue()


def test_a_cell_whose_left_rule_is_not_drawn_keeps_its_text():
    doc = extract(_table_without_a_left_rule(), "t.pdf")
    rows = [[cell.text for cell in row] for row in doc.tables[0].rows]
    assert rows == [["结果维持", "结果纠正", "总计"], ["637", "42", "679"]]
