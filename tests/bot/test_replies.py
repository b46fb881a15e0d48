"""Replies fit Telegram: summaries, grouping by severity, the 4,096 limit."""

from __future__ import annotations

from types import SimpleNamespace

from bot import replies
from core.defect import DefectLocation


class Stub:
    """A defect as the checker yields it (code, severity, location, texts)."""

    def __init__(self, code, severity, category, line):
        self.code, self.severity, self.category = code, severity, category
        self.location = DefectLocation(line=line)

    def message(self, lang):
        return f"{self.code} message in {lang}"

    def hint(self, lang):
        return f"{self.code} hint in {lang}"


def defect(code, severity, category="structure", line=1):
    return Stub(code, severity, category, line)


def test_split_text_never_exceeds_the_limit_and_prefers_blank_lines():
    text = "\n\n".join(("段落" * 30) for _ in range(10))
    parts = replies.split_text(text, limit=200)
    assert all(len(p) <= 200 for p in parts)
    assert len(parts) == 4
    assert all(para == "段落" * 30 for p in parts for para in p.split("\n\n"))


def test_split_text_cuts_a_single_overlong_line_at_a_sentence_end():
    text = ("这是一句话。" * 100).strip()
    parts = replies.split_text(text, limit=100)
    assert all(len(p) <= 100 for p in parts)
    assert all(p.endswith("。") for p in parts)
    assert "".join(parts) == text


def test_split_text_hard_cuts_text_without_any_separator():
    parts = replies.split_text("x" * 250, limit=100)
    assert [len(p) for p in parts] == [100, 100, 50]


def test_pack_joins_blocks_without_splitting_one_that_fits():
    blocks = ["a" * 60, "b" * 60, "c" * 60]
    assert replies.pack(blocks, limit=130) == ["a" * 60 + "\n\n" + "b" * 60, "c" * 60]


def test_summary_names_agency_year_and_counts_by_severity():
    report = SimpleNamespace(
        title="东风区司法局2023年政府信息公开工作年度报告", agency="东风区司法局", year=2023
    )
    ds = [
        defect("S9", "error"),
        defect("S2", "warning"),
        defect("S8", "info"),
        defect("S9", "error"),
    ]
    text = replies.summary(report, ds, "en")
    assert "东风区司法局" in text and "2023" in text
    assert "2 errors, 1 warnings, 1 notes" in text


def test_defects_are_grouped_errors_first_with_code_location_and_hint():
    ds = [defect("S8", "info", line=3), defect("S9", "error", line=416)]
    [message], attach = replies.check_messages(ds, "zh")
    assert not attach
    assert message.index("[S9]") < message.index("[S8]")
    assert "第416行" in message
    assert "建议：" in message


def test_a_long_defect_list_is_cut_to_two_messages_and_attached_in_full():
    ds = [defect(f"T3-{i}", "error", line=i) for i in range(400)]
    messages, attach = replies.check_messages(ds, "en")
    assert attach
    assert len(messages) <= 2
    assert all(len(m) <= replies.LIMIT for m in messages)
    shown = sum(m.count("[T3-") for m in messages)
    assert f"{400 - shown} more" in messages[-1]
    assert replies.full_text(None, ds, "en").count("[T3-") == 400
