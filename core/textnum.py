"""Numbers written in Chinese text: Arabic digits (half- or full-width, with
thousands separators) and Chinese numerals (十二, 一百零五, 两千), as they
appear in sentences like "新收申请0件", "十二件" or "3585 条"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

_ARABIC = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_CHINESE = r"[零〇○一二两三四五六七八九十百千万亿]+"

# A number in running text.  Use it inside larger patterns as {num}; the
# named group is `num`.
NUMBER = rf"(?P<num>{_ARABIC}|{_CHINESE})"
NUMBER_RE = re.compile(NUMBER)


@dataclass(frozen=True)
class TextNumber:
    value: int | Decimal
    text: str
    start: int
    end: int
    approximate: bool = False  # "20余篇", "十多件"


def chinese_to_int(text: str) -> int | None:
    """十二 → 12, 一百零五 → 105, 两千三百 → 2300, 二〇二三 → 2023; None if not a numeral."""
    if not text:
        return None
    if all(c in _DIGITS for c in text):  # digit by digit: 二〇二三
        return int("".join(str(_DIGITS[c]) for c in text))
    total = section = 0
    number = None
    for c in text:
        if c in _DIGITS:
            number = _DIGITS[c]
        elif c in _UNITS:
            section += (1 if number is None else number) * _UNITS[c]
            number = None
        elif c in _BIG:
            section += number or 0
            total += (section or 1) * _BIG[c]
            section, number = 0, None
        else:
            return None
    return total + section + (number or 0)


def parse_number(text: str) -> int | Decimal | None:
    """The value of one number as written ("3,585", "３５８５", "十二", "0.5"), or None."""
    s = text.strip().translate(_FULLWIDTH)
    if not s:
        return None
    if s[0].isdigit():
        s = s.replace(",", "")
        try:
            return Decimal(s) if "." in s else int(s)
        except (ValueError, InvalidOperation):
            return None
    return chinese_to_int(s)


def compile_with_number(pattern: str) -> re.Pattern[str]:
    """Compile a data-file pattern in which `{num}` stands for a number."""
    return re.compile(pattern.replace("{num}", NUMBER))


def number_at(match: re.Match[str], text: str) -> TextNumber | None:
    """The number captured as group `num` by a pattern from compile_with_number."""
    raw = match.group("num")
    if raw is None:
        return None
    value = parse_number(raw)
    if value is None:
        return None
    start, end = match.span("num")
    return TextNumber(value, raw, start, end, approximate(text, start, end))


# Words that make a figure approximate: before it (约20件, 超过20件) or after
# it, past its unit (20余篇, 20件以上, 20件左右).
_BEFORE = ("约", "近", "逾", "超过", "大约", "将近", "不少于", "不低于", "多达")
_AFTER = ("余", "多", "以上", "左右", "上下", "有余")


def approximate(text: str, start: int, end: int) -> bool:
    """Is the figure at text[start:end] an approximate one?"""
    head = text[max(0, start - 4) : start].rstrip()
    if head.endswith(_BEFORE):
        return True
    tail = text[end : end + 8].lstrip()
    if tail.startswith(_AFTER):
        return True
    unit = re.match(r"[^\s\d，。；、,;]{1,2}?(?=以上|左右|上下|有余)", tail)
    return unit is not None and len(unit.group(0)) <= 2


def find_numbers(text: str, unit: str | None = None) -> list[TextNumber]:
    """Every number in `text`; only those followed by `unit` (spaces allowed) when given."""
    out = []
    for m in NUMBER_RE.finditer(text):
        if unit is not None:
            rest = text[m.end() :].lstrip()
            if rest.startswith(("余", "多")):
                rest = rest[1:].lstrip()
            if not rest.startswith(unit):
                continue
        n = number_at(m, text)
        if n is not None:
            out.append(n)
    return out
