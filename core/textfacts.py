"""Figures the text of a report states about the year's work ("全年主动公开
政府信息52条", "未收取信息处理费"): read from every paragraph with the patterns
of data/textfacts.toml, each with its sentence and the section it is in.

Deterministic and conservative: a figure is read only from a clause that
names it directly, never from a clause about another year or a change
("较上年增加10条")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from core.document import Location, Paragraph
from core.report import Report
from core.template import load_data
from core.textnum import compile_with_number, number_at

_CLAUSE = re.compile(r"[^，,。；;！？!?\n]+")
_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


@dataclass(frozen=True)
class TextFact:
    key: str  # text.proactive, or a table cell key (t3.new_received.total)
    value: int | Decimal
    unit: str  # item | count | times | yuan | piece
    raw: str  # the words it was read from ("主动公开政务信息 3585 条")
    sentence: str
    section: str | None  # s1 … s6, None outside the template's sections
    heading: str | None  # the section's heading as written
    location: Location
    approximate: bool = False  # "20余条"


@dataclass(frozen=True)
class _Spec:
    key: str
    unit: str
    patterns: tuple[re.Pattern[str], ...]
    zero: tuple[re.Pattern[str], ...]
    exclude: tuple[str, ...]
    exclude_patterns: tuple[re.Pattern[str], ...] = ()

    def excludes(self, clause: str) -> bool:
        return any(w in clause for w in self.exclude) or any(
            p.search(clause) for p in self.exclude_patterns
        )


@cache
def specs() -> tuple[_Spec, ...]:
    data = load_data("textfacts.toml")
    common = tuple(data.get("exclude", ()))
    return tuple(
        _Spec(
            f["key"],
            f["unit"],
            tuple(compile_with_number(p) for p in f.get("patterns", ())),
            tuple(re.compile(p) for p in f.get("zero", ())),
            common + tuple(f.get("exclude", ())),
            tuple(re.compile(p) for p in f.get("exclude_patterns", ())),
        )
        for f in data["facts"]
    )


@cache
def labels() -> dict[str, dict[str, str]]:
    """Key → {"zh": …, "en": …} of every text fact."""
    return {f["key"]: f["label"] for f in load_data("textfacts.toml")["facts"]}


@cache
def units() -> dict[str, str]:
    return {f["key"]: f["unit"] for f in load_data("textfacts.toml")["facts"]}


def extract(report: Report) -> list[TextFact]:
    """Every figure the report's paragraphs state, in reading order."""
    where: dict[int, tuple[str | None, str | None]] = {}
    for s in report.sections:
        for p in (*s.subheadings, *s.paragraphs):
            where[id(p)] = (s.key, s.heading)
    out: list[TextFact] = []
    seen: set[tuple[str, str, str]] = set()
    for p in _prose(report):
        section, heading = where.get(id(p), (None, None))
        for fact in _read(p, report.year, section, heading):
            k = (fact.key, str(fact.value), fact.raw)
            if k not in seen:
                seen.add(k)
                out.append(fact)
    return out


def _prose(report: Report):
    """The paragraphs, and table cells that hold running text (a page of
    prose a conversion laid out as a table)."""
    for block in report.document.blocks:
        if isinstance(block, Paragraph):
            yield block
            continue
        for row in block.rows:
            for cell in row:
                if not cell.merged and _is_prose(cell.text):
                    yield Paragraph(cell.text, cell.location)


def _is_prose(text: str) -> bool:
    return len(text) >= 12 and any(c in text for c in "。；，") and sum(map(_cjk, text)) >= 10


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _read(p: Paragraph, year: int | None, section: str | None, heading: str | None):
    text = p.text
    for sm in _SENTENCE.finditer(text):
        sentence = sm.group().strip()
        for cm in _CLAUSE.finditer(sm.group()):
            clause = cm.group()
            if _other_year(clause, year):
                continue
            for spec in specs():
                if spec.excludes(clause):
                    continue
                fact = _match(spec, clause)
                if fact is not None:
                    value, raw, approximate = fact
                    yield TextFact(
                        spec.key,
                        value,
                        spec.unit,
                        raw.strip(),
                        sentence,
                        section,
                        heading,
                        p.location,
                        approximate,
                    )


def _match(spec: _Spec, clause: str):
    for pattern in spec.patterns:
        m = pattern.search(clause)
        if m:
            n = number_at(m, clause)
            if n is not None:
                return n.value, m.group(), n.approximate
    for pattern in spec.zero:
        m = pattern.search(clause)
        if m:
            return 0, m.group(), False
    return None


def _other_year(clause: str, year: int | None) -> bool:
    years = {int(y) for y in _YEAR.findall(clause)}
    return bool(years) and year is not None and not years <= {year, year + 1}
