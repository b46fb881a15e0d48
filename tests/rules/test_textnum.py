"""Numbers in Chinese text: Arabic and Chinese numerals, spaces, units."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.textnum import chinese_to_int, compile_with_number, find_numbers, number_at, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0),
        ("3585", 3585),
        ("３５８５", 3585),
        ("3,585", 3585),
        ("12.5", Decimal("12.5")),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百零五", 105),
        ("两千三百", 2300),
        ("一万二千", 12000),
        ("二〇二三", 2023),
        ("零", 0),
    ],
)
def test_a_number_is_read_as_written(text, value):
    assert parse_number(text) == value


def test_a_word_is_not_a_number():
    assert parse_number("件") is None
    assert chinese_to_int("") is None


def test_numbers_with_a_unit_are_found_with_spaces_between():
    found = find_numbers("主动公开政务信息 3585 条，其中网站 750 条，微博 861 条", "条")
    assert [n.value for n in found] == [3585, 750, 861]


def test_numbers_followed_by_another_unit_are_left_out():
    assert [n.value for n in find_numbers("12345 和 12348 两个平台，共 5 条", "条")] == [5]


def test_zero_and_chinese_numerals_are_found_before_jian():
    assert [n.value for n in find_numbers("新收申请0件，办结十二件", "件")] == [0, 12]


def test_an_approximate_number_is_marked():
    pattern = compile_with_number(r"共计{num}\s*余?篇")
    text = "发布公开信息共计20余篇"
    n = number_at(pattern.search(text), text)
    assert (n.value, n.approximate) == (20, True)


@pytest.mark.parametrize(
    "text",
    ["共受理申请约20件", "超过20件", "受理申请20件以上", "20件左右", "20余件", "近20件", "20多件"],
)
def test_a_figure_with_a_word_of_approximation_is_marked(text):
    n = find_numbers(text, "件")[0]
    assert (n.value, n.approximate) == (20, True)


@pytest.mark.parametrize("text", ["共受理申请20件", "受理申请20件，以上申请均已办结"])
def test_a_plain_figure_is_exact(text):
    assert find_numbers(text, "件")[0].approximate is False
