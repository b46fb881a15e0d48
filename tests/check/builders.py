"""Hand-built reports for checker tests that need no parser: a small
department report on 2023 without tables, changed field by field."""

from __future__ import annotations

from datetime import date

from core.document import Document, Location, Paragraph
from core.report import Fact, Report, Section


def paragraph(text: str, line: int) -> Paragraph:
    return Paragraph(text, Location(line=line))


def section(key: str, number: int, heading: str, line: int, *paragraphs: Paragraph) -> Section:
    numeral = "一二三四五六"[number - 1]
    return Section(
        key=key,
        heading=f"{numeral}、{heading}",
        numbering=f"{numeral}、",
        title=heading,
        standard=heading,
        score=100.0,
        location=Location(line=line),
        style="2021",
        standard_numbering=True,
        expected_number=number,
        written_number=number,
        paragraphs=list(paragraphs),
    )


def report(**changes) -> Report:
    """A small department report on 2023 without tables."""
    body = {
        "s1": section(
            "s1",
            1,
            "总体情况",
            3,
            paragraph("（一）主动公开", 4),
            paragraph("（二）依申请公开", 5),
            paragraph("（三）政府信息管理", 6),
            paragraph("（四）政府信息公开平台建设", 7),
            paragraph("（五）监督保障", 8),
            paragraph("全年新收政府信息公开申请2件。", 9),
        ),
        "s2": section("s2", 2, "主动公开政府信息情况", 10),
        "s3": section("s3", 3, "收到和处理政府信息公开申请情况", 11),
        "s4": section("s4", 4, "政府信息公开行政复议、行政诉讼情况", 12),
        "s5": section(
            "s5",
            5,
            "存在的主要问题及改进情况",
            13,
            paragraph(
                "（一）上年度存在的问题及改进情况：2022年报告所列栏目更新不及时的问题已整改。"
                "（二）本年度存在的问题及下年度改进举措：解读形式单一，2024年将增加图解解读。",
                14,
            ),
        ),
        "s6": section("s6", 6, "其他需要报告的事项", 15, paragraph("本年度未收取信息处理费。", 16)),
    }
    fields = {
        "document": Document(blocks=[], source="txt", name="hand.txt"),
        "title": "某县统计局2023年政府信息公开工作年度报告",
        "title_location": Location(line=1),
        "agency": "某县统计局",
        "year": 2023,
        "closing_date": date(2024, 1, 20),
        "closing_location": Location(line=18),
        "issuer_kind": "department",
        "format_version": "2021",
        "heading_style": "2021",
        "sections": list(body.values()),
        "facts": {},
        "labels": [],
        "tables_found": {"t2": False, "t3": False, "t4": False},
        "preamble": [],
    }
    fields.update(changes)
    return Report(**fields)


def fact(key: str, value, line: int, status: str = "number") -> Fact:
    """A cell of the template read at `line`."""
    row, _, column = key.rpartition(".")
    return Fact(
        key,
        key.split(".", 1)[0],
        row,
        column,
        value if status == "number" or status == "inferred" else None,
        "" if value is None else str(value),
        Location(line=line, table=0, row=0, cell=0),
        status,
    )
