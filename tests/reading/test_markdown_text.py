"""A report converted to Markdown is read as Markdown whatever the file is called."""

from __future__ import annotations

from pathlib import Path

from core.extract.markdown import looks_like_markdown
from core.parse import parse_bytes
from tests.conftest import SEEDS

MD = Path(__file__).parents[1] / "corpus" / "shanghai-kewei-2024.md"


def test_a_markdown_conversion_saved_as_txt_gives_the_same_figures_as_md():
    data = MD.read_bytes()
    as_txt, as_md = parse_bytes(data, "report.txt"), parse_bytes(data, "report.md")
    assert as_txt.facts.keys() == as_md.facts.keys() and len(as_txt.facts) > 100
    assert {k: f.value for k, f in as_txt.facts.items()} == {
        k: f.value for k, f in as_md.facts.items()
    }
    assert [s.key for s in as_txt.sections] == [s.key for s in as_md.sections]


def test_markdown_is_told_by_a_pipe_table_or_hash_headings():
    assert looks_like_markdown(["| a | b |", "|---|---|", "| 1 | 2 |"])
    assert looks_like_markdown(["# 一、总体情况", "text", "## 二、主动公开政府信息情况"])
    assert not looks_like_markdown(["一、总体情况", "a | b"])


def test_a_word_text_with_tabs_is_not_taken_for_markdown():
    lines = SEEDS["003"].read_text(encoding="utf-8").split("\n")
    assert not looks_like_markdown(lines)
