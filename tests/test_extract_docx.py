"""The .docx extractor on real Word files built with python-docx."""

from __future__ import annotations

import io
import random
import zipfile

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from core.document import Location, Paragraph, Table, UnreadableFile
from core.extract import extract


def _save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _run(text: str, deleted: bool = False):
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.text = text
    r.append(t)
    return r


def _change(tag: str, text: str, author: str, ident: int):
    el = OxmlElement(tag)
    el.set(qn("w:id"), str(ident))
    el.set(qn("w:author"), author)
    el.set(qn("w:date"), "2025-01-08T10:00:00Z")
    el.append(_run(text, deleted=tag == "w:del"))
    return el


def _bookmark(paragraph, name: str, ident: int = 0) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    paragraph._p.insert(0, start)
    paragraph._p.append(end)


def _grid(table: Table) -> list[list[tuple[str, bool]]]:
    return [[(c.text, c.merged) for c in row] for row in table.rows]


def test_paragraphs_and_tables_come_out_in_document_order():
    document = docx.Document()
    document.add_paragraph("东风区司法局2023年政府信息公开工作年度报告")
    document.add_paragraph("二、主动公开政府信息情况")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "信息内容"
    table.cell(0, 1).text = "本年制发件数"
    table.cell(1, 0).text = "规章"
    table.cell(1, 1).text = "0"
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    doc = extract(_save(document), "report.docx")
    kinds = [
        (type(b).__name__, b.text if isinstance(b, Paragraph) else b.index) for b in doc.blocks
    ]
    assert kinds == [
        ("Paragraph", "东风区司法局2023年政府信息公开工作年度报告"),
        ("Paragraph", "二、主动公开政府信息情况"),
        ("Table", 0),
        ("Paragraph", "三、收到和处理政府信息公开申请情况"),
    ]
    assert doc.source == "docx"
    assert [p.location for p in doc.paragraphs] == [Location(paragraph=i) for i in (0, 1, 2)]
    assert _grid(doc.tables[0]) == [
        [("信息内容", False), ("本年制发件数", False)],
        [("规章", False), ("0", False)],
    ]
    assert doc.tables[0].rows[1][1].location == Location(table=0, row=1, cell=1)


def test_merged_cells_fill_every_grid_slot_with_the_origin_text():
    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(1, 1)).text = "注"  # 2×2 block
    table.cell(0, 2).merge(table.cell(0, 3)).text = "申请人情况"  # gridSpan
    table.cell(1, 2).text = "自然人"
    table.cell(1, 3).text = "总计"
    table.cell(2, 0).merge(table.cell(3, 0)).text = "三、本年度办理结果"  # vMerge
    table.cell(2, 1).text = "（一）予以公开"
    table.cell(3, 1).text = "（二）部分公开"
    for r in (2, 3):
        table.cell(r, 2).text = "0"
        table.cell(r, 3).text = ""
    doc = extract(_save(document), "merged.docx")
    assert _grid(doc.tables[0]) == [
        [("注", False), ("注", True), ("申请人情况", False), ("申请人情况", True)],
        [("注", True), ("注", True), ("自然人", False), ("总计", False)],
        [("三、本年度办理结果", False), ("（一）予以公开", False), ("0", False), ("", False)],
        [("三、本年度办理结果", True), ("（二）部分公开", False), ("0", False), ("", False)],
    ]
    assert doc.tables[0].rows[3][0].location == Location(table=0, row=3, cell=0)


def test_a_cell_of_several_paragraphs_joins_them_with_newlines():
    document = docx.Document()
    cell = document.add_table(rows=1, cols=2).cell(0, 0)
    cell.text = "本年新"
    cell.add_paragraph("制作数量")
    doc = extract(_save(document), "cell.docx")
    assert doc.tables[0].rows[0][0].text == "本年新\n制作数量"


def test_a_soft_line_break_splits_a_paragraph_into_lines_at_one_location():
    document = docx.Document()
    p = document.add_paragraph("硚口区司法局2024年政府")
    p.add_run().add_break()
    p.add_run("信息公开工作年度报告")
    doc = extract(_save(document), "title.docx")
    assert [(p.text, p.location) for p in doc.paragraphs] == [
        ("硚口区司法局2024年政府", Location(paragraph=0)),
        ("信息公开工作年度报告", Location(paragraph=0)),
    ]


def test_a_nested_table_follows_its_outer_table_and_stays_out_of_the_cell_text():
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外"
    outer.cell(0, 1).text = "说明"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "行政许可"
    inner.cell(0, 1).text = "7"
    doc = extract(_save(document), "nested.docx")
    assert [t.index for t in doc.tables] == [0, 1]
    assert _grid(doc.tables[0]) == [[("外", False), ("说明", False)]]
    assert _grid(doc.tables[1]) == [[("行政许可", False), ("7", False)]]


def test_a_one_cell_frame_table_is_read_as_body_text():
    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    frame.text = "一、总体情况"
    data = frame.add_table(rows=1, cols=2)
    data.cell(0, 0).text = "行政处罚"
    data.cell(0, 1).text = "3"
    doc = extract(_save(document), "frame.docx")
    assert [p.text for p in doc.paragraphs] == ["一、总体情况"]
    assert [_grid(t) for t in doc.tables] == [[[("行政处罚", False), ("3", False)]]]


def test_tracked_changes_read_as_accepted_and_are_recorded_with_their_author():
    document = docx.Document()
    p = document.add_paragraph("全年新收到政府信息公开申请")
    p._p.append(_change("w:del", "5", "李四", 1))
    p._p.append(_change("w:ins", "3", "张三", 2))
    p.add_run("件。")
    doc = extract(_save(document), "changes.docx")
    assert [p.text for p in doc.paragraphs] == ["全年新收到政府信息公开申请3件。"]
    assert [(r.kind, r.text, r.author, r.location) for r in doc.residues] == [
        ("deletion", "5", "李四", Location(paragraph=0)),
        ("insertion", "3", "张三", Location(paragraph=0)),
    ]


def test_a_word_comment_is_recorded_with_author_text_and_anchor():
    document = docx.Document()
    document.add_paragraph("一、总体情况")
    p = document.add_paragraph("上年度存在的问题及改进情况")
    document.add_comment(p.runs, text="此处上年度应指2023年", author="707", initials="Q")
    data = _save(document)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = z.read("word/document.xml").decode()
        assert "commentRangeStart" in body and "word/comments.xml" in z.namelist()
    doc = extract(data, "comment.docx")
    assert [(r.kind, r.text, r.author, r.location) for r in doc.residues] == [
        ("comment", "此处上年度应指2023年", "707", Location(paragraph=1))
    ]
    assert doc.paragraphs[1].text == "上年度存在的问题及改进情况"


def test_a_comment_in_a_table_cell_is_located_at_the_cell():
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "行政许可"
    table.cell(0, 1).text = "12"
    document.add_comment(table.cell(0, 1).paragraphs[0].runs, text="核对数字", author="审核人")
    doc = extract(_save(document), "cell-comment.docx")
    assert [(r.kind, r.text, r.author, r.location) for r in doc.residues] == [
        ("comment", "核对数字", "审核人", Location(table=0, row=0, cell=1))
    ]


def test_bookmarks_are_recorded_by_name():
    document = docx.Document()
    document.add_paragraph("正宁县司法局")
    _bookmark(document.add_paragraph("关于2022年度政府信息公开工作的报告"), "_GoBack")
    doc = extract(_save(document), "bookmark.docx")
    assert [(r.kind, r.text, r.location) for r in doc.residues] == [
        ("bookmark", "_GoBack", Location(paragraph=1))
    ]
    assert doc.paragraphs[1].text == "关于2022年度政府信息公开工作的报告"


def test_paragraph_style_ids_are_kept():
    document = docx.Document()
    document.add_heading("一、总体情况", level=1)
    doc = extract(_save(document), "styles.docx")
    assert [(p.text, p.style) for p in doc.paragraphs] == [("一、总体情况", "Heading1")]


def _valid_docx() -> bytes:
    document = docx.Document()
    for i in range(30):
        document.add_paragraph(f"第{i}段 政府信息公开工作年度报告")
    return _save(document)


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, content in files.items():
            z.writestr(name, content)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "code"),
    [
        pytest.param(random.Random(7).randbytes(4096), "docx_damaged", id="random bytes"),
        pytest.param(_valid_docx()[:3000], "docx_truncated", id="truncated zip"),
        pytest.param(
            _zip({"hello.txt": b"hi"}), "docx_damaged", id="zip without word/document.xml"
        ),
        pytest.param(b"PK\x03\x04" + b"\x00" * 200, "docx_truncated", id="zip header only"),
    ],
)
def test_a_damaged_docx_is_unreadable_as_damaged_or_truncated(data, code):
    with pytest.raises(UnreadableFile) as err:
        extract(data, "broken.docx")
    assert err.value.code == code


def test_a_docx_whose_document_xml_is_not_xml_is_corrupt():
    good = io.BytesIO(_valid_docx())
    with zipfile.ZipFile(good) as z:
        files = {n: z.read(n) for n in z.namelist()}
    files["word/document.xml"] = b"<w:document><w:body><w:p>"
    with pytest.raises(UnreadableFile) as err:
        extract(_zip(files), "broken.docx")
    assert err.value.code == "docx_damaged"


def test_an_old_style_horizontal_merge_reads_like_a_grid_span():
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    table.cell(0, 0).text = "行政许可"
    table.cell(0, 1).text = "5"
    for c, val in ((1, "restart"), (2, "continue")):
        merge = OxmlElement("w:hMerge")
        if val == "restart":
            merge.set(qn("w:val"), val)
        table.cell(0, c)._tc.get_or_add_tcPr().append(merge)
    doc = extract(_save(document), "hmerge.docx")
    assert _grid(doc.tables[0]) == [[("行政许可", False), ("5", False), ("5", True)]]
