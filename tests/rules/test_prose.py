"""The prose is read as sentences: lines a conversion wrapped are joined,
headings and items are not, and a sentence ends at 。！？ (not at "；")."""

from __future__ import annotations

from core.document import Location, Paragraph
from core.rules.prose import split_sentences


def lines(*texts: str) -> list[Paragraph]:
    return [Paragraph(t, Location(line=i + 1)) for i, t in enumerate(texts)]


def test_lines_a_pdf_wrapped_are_one_sentence_again():
    found = split_sentences(
        "s1",
        lines(
            "2024 年市科委有 1 件涉及政府信息公开工作的行政复",
            "议，该行政复议件未被复议审查机关纠错。涉及的行政诉讼数为",
            "0 件。",
        ),
    )
    assert [s.quote for s in found] == [
        "2024 年市科委有 1 件涉及政府信息公开工作的行政复议，该行政复议件未被复议审查机关纠错。",
        "涉及的行政诉讼数为0 件。",
    ]
    assert found[0].paragraph_at(0).location.line == 1
    assert found[1].paragraph_at(0).location.line == 2


def test_a_heading_and_the_items_after_it_stand_alone():
    found = split_sentences(
        "s5", lines("（一）主要问题", "市科委 2024 年根据本市机构改革工作安排调整了内设机构。")
    )
    assert [s.quote for s in found] == [
        "（一）主要问题",
        "市科委 2024 年根据本市机构改革工作安排调整了内设机构。",
    ]


def test_a_line_ending_with_a_comma_goes_on_even_when_short():
    found = split_sentences(None, lines("全年受理申请5件，", "办结5件。"))
    assert [s.quote for s in found] == ["全年受理申请5件，办结5件。"]


def test_figures_broken_across_lines_are_not_glued_into_one_number():
    found = split_sentences(None, lines("其中国土资源城乡建设环保能源类信息 45", "0条属于其他。"))
    assert found[0].quote == "其中国土资源城乡建设环保能源类信息 45 0条属于其他。"


def test_a_semicolon_does_not_end_the_sentence():
    found = split_sentences(None, lines("共收到申请10件，其中自然人8件；法人2件。下一句。"))
    assert [s.quote for s in found] == ["共收到申请10件，其中自然人8件；法人2件。", "下一句。"]


def test_paragraphs_that_end_their_sentences_are_never_joined():
    found = split_sentences(None, lines("第一段写完了。", "第二段也写完了。"))
    assert [s.paragraph_at(0).location.line for s in found] == [1, 2]


def test_a_statement_a_pdf_broke_over_two_lines_is_read_whole():
    from pathlib import Path

    from core.check import check_report
    from core.parse import parse_bytes

    text = (Path(__file__).parents[1] / "fixtures" / "clean_2021.txt").read_text(encoding="utf-8")
    fee = "（一）政府信息处理费收取情况\n2024年，本局未收取政府信息公开信息处理费。\n"
    assert fee in text
    # the fee statement, its line broken inside 处理费 as a PDF's text layer breaks it
    broken = text.replace(
        fee, "2024年本局依照国办函〔2020〕109号规定办理，全年产生的信息处\n理费为零。\n"
    )
    report = parse_bytes(broken.encode("utf-8"), "r.txt")
    assert "S7-FEE" not in [d.code for d in check_report(report)]
