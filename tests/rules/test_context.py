"""Helpers the rules share: the cheap pre-test of data-file patterns."""

from __future__ import annotations

import pytest

from core.rules.context import required_word


@pytest.mark.parametrize(
    ("pattern", "word"),
    [
        (r"新收(?:到)?[^，。；]{0,20}?(?:申请|信息公开)[^，。]{0,8}?{num}\s*件", "新收"),
        (r"上一?年度?结转[^，。]{0,16}?{num}\s*件", "结转"),
        (r"(?:未(?!经)|无(?!论)|没有)[^。；]{0,20}?复议(?!纠错)", "复议"),
        (r"制发[^，。]{0,8}?规范性文件{num}\s*件", "规范性文件"),
        (r"年{0,2}报告", "报告"),
        (r"XX+", ""),
        (r"甲|乙", ""),
    ],
)
def test_the_word_every_match_needs_is_found_conservatively(pattern, word):
    assert required_word(pattern) == word
