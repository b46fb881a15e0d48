"""Step 1 of understanding: the question's text normalised (full-width
folded, lower case, Chinese numerals in years and counts as digits) and its
years read in every notation — 2024年, 2024年度, ２０２４年, 二〇二四年, 23年,
2021到2024年, 近三年, 去年 — each with the words it was read from.  The form's
words as readers misspell them (部份公开, 复义; qa.toml `misspellings`) are
written right first, so that the step shows what was read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from core.qa.vocabulary import fold, matcher, qa_data
from core.textnum import chinese_to_int

_CN_DIGITS = "〇零○一二三四五六七八九"
_CN_NUMBER = "一二两三四五六七八九十"
_EN_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twenty": 20,
}
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.])(\s*年度|\s*年)?")
_JOINERS_2D = "、,，和与及到至~\\-—－"
_TWO_DIGIT = re.compile(
    rf"(?<![\d.])(\d{{2}})((?:\s*(?:年度|年)?\s*[{_JOINERS_2D}]\s*\d{{2}})*)(\s*(?:年度|年))"
)


@dataclass
class YearRef:
    value: int
    start: int
    end: int
    how: str  # written | relative | previous | last_n | range | published


@dataclass
class Normalised:
    original: str
    text: str
    years: list[int] = field(default_factory=list)
    refs: list[YearRef] = field(default_factory=list)
    span_years: bool = False  # a range (2021到2024): every year between counts
    previous: bool = False  # "比上年" with no year: the latest and the one before
    claims: list[tuple[int, int, str]] = field(default_factory=list)  # year spans

    def taken(self) -> list[bool]:
        mask = [False] * len(self.text)
        for a, b, _ in self.claims:
            mask[a:b] = [True] * (b - a)
        return mask


def rewrite(question: str, today: date) -> str:
    """The folded question with Chinese-numeral years, two-digit years and
    spelt-out counts written in digits."""
    text = fold(question)
    for wrong, right in _misspellings():
        text = text.replace(wrong, right)
    text = re.sub(r"([a-z])((?:19|20)\d{2})(?!\d)", r"\1 \2", text)  # fy2024: fy, 2024
    text = re.sub(
        rf"([{_CN_DIGITS}]{{4}})(?=\s*年)", lambda m: str(chinese_to_int(m.group(1))), text
    )
    text = re.sub(
        rf"(前|近|最近|过去|这|哪|最多的|最少的|最高的|最低的)([{_CN_NUMBER}]{{1,3}})(?=\s*(?:名|个|位|家|强|年|$|\W))",
        lambda m: m.group(1) + str(chinese_to_int(m.group(2).replace("两", "二"))),
        text,
    )
    text = re.sub(
        r"\b(top|last|past|previous)\s+(" + "|".join(_EN_NUMBERS) + r")\b",
        lambda m: f"{m.group(1)} {_EN_NUMBERS[m.group(2)]}",
        text,
    )

    def four(m: re.Match[str]) -> str:
        pivot = today.year % 100 + 1
        return re.sub(
            r"\d{2}",
            lambda d: str((2000 if int(d.group()) <= pivot else 1900) + int(d.group())),
            m.group(0),
        )

    return _TWO_DIGIT.sub(four, text)


@cache
def _misspellings() -> list[tuple[str, str]]:
    """The form's words as readers misspell them (部份公开, 复义), longest first."""
    pairs = qa_data().get("misspellings", {})
    return sorted(((fold(w), fold(r)) for w, r in pairs.items()), key=lambda p: -len(p[0]))


def normalise(question: str, today: date) -> Normalised:
    """Step 1: the normalised text and its years."""
    n = Normalised(question, rewrite(question, today))
    protected = _protected(n.text)
    _absolute(n)
    _last_n(n, today)
    _relative(n, today, protected)
    _previous(n, protected)
    n.years = sorted(dict.fromkeys(n.years))
    return n


def _protected(text: str) -> list[bool]:
    """Characters inside the words of figures (上年结转, 本年新收)."""
    mask = [False] * len(text)
    free = [True] * len(text)
    for name in ("metric", "generic", "column"):
        for _, a, b in matcher(name).cover(text, free):
            mask[a:b] = [True] * (b - a)
    return mask


def _claim(n: Normalised, a: int, b: int, what: str) -> None:
    n.claims.append((a, b, what))


def _absolute(n: Normalised) -> None:
    data = qa_data()["years"]
    ranges = {fold(w) for w in data["range_zh"] + data["range_en"]}
    lists = {fold(w) for w in data["list_zh"] + data["list_en"]}
    starts = "|".join(re.escape(fold(w)) for w in data["range_start_en"])
    opening = re.compile(rf"(?<![a-z])({starts})\s*$")
    published = re.compile(data["published"])
    published_en = re.compile(data["published_en"] + r"\s*$")
    found = list(_YEAR.finditer(n.text))
    for i, m in enumerate(found):
        y = int(m.group(1))
        pub = published.match(n.text, m.end())
        pub_en = published_en.search(n.text, 0, m.start())
        if (pub and m.group(2)) or pub_en:  # 2024年发布的年报: the report of 2023
            end = pub.end(1) if pub and m.group(2) else m.end()
            _claim(n, m.start(), end, "year")
            n.refs.append(YearRef(y - 1, m.start(), end, "published"))
            n.years.append(y - 1)
            continue
        _claim(n, m.start(), m.end(), "year")
        n.refs.append(YearRef(y, m.start(), m.end(), "written"))
        n.years.append(y)
        if not i:
            continue
        prev = found[i - 1]
        between = n.text[prev.end() : m.start()].strip()
        before = opening.search(n.text, 0, prev.start())
        spans_range = between in ranges or (between == "and" and before is not None)
        if spans_range and between:
            n.span_years = True
            lo, hi = sorted((int(prev.group(1)), y))
            n.years.extend(range(lo, hi + 1))
        if between and (spans_range or between in lists):
            _claim(n, prev.end(), m.start(), "year")
            if before is not None:
                _claim(n, before.start(1), before.end(1), "year")


def _last_n(n: Normalised, today: date) -> None:
    for pattern in qa_data()["years"]["last_n"]:
        for m in re.finditer(pattern, n.text):
            count = int(m.group(1))
            if 1 <= count <= 20:
                years = list(range(today.year - count, today.year))
                n.years.extend(years)
                n.span_years = True
                n.refs.append(YearRef(years[-1], m.start(), m.end(), "last_n"))
                _claim(n, m.start(), m.end(), "year")


def _free(n: Normalised, a: int, b: int, protected: list[bool]) -> bool:
    taken = n.taken()
    return not any(taken[a:b]) and not any(protected[a:b])


def _find(word: str, text: str):
    w = fold(word)
    if w.isascii():
        return re.finditer(rf"(?<![a-z]){re.escape(w)}(?![a-z])", text)
    return re.finditer(re.escape(w), text)


def _relative(n: Normalised, today: date, protected: list[bool]) -> None:
    words = qa_data()["years"]["relative"]
    for word, offset in sorted(words.items(), key=lambda kv: -len(kv[0])):
        for m in _find(word, n.text):
            if _free(n, m.start(), m.end(), protected):
                n.years.append(today.year + offset)
                n.refs.append(YearRef(today.year + offset, m.start(), m.end(), "relative"))
                _claim(n, m.start(), m.end(), "year")


def _previous(n: Normalised, protected: list[bool]) -> None:
    words = qa_data()["years"]["previous"]
    for word in sorted(words["zh"] + words["en"], key=len, reverse=True):
        for m in _find(word, n.text):
            if not _free(n, m.start(), m.end(), protected):
                continue
            _claim(n, m.start(), m.end(), "year")
            if n.years:
                base = min(n.years)
                n.years.append(base - 1)
                n.refs.append(YearRef(base - 1, m.start(), m.end(), "previous"))
            else:
                n.previous = True
