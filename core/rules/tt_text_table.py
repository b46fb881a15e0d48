"""TT1–TT12: figures stated in the text against the tables and against each
other.  Every statement in the text is checked, not only the first; numbers
may be written in Arabic or Chinese numerals.  Patterns live in data/rules.toml."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from core.defect import Defect, DefectLocation
from core.document import Paragraph
from core.report import Number
from core.rules.context import FIGURE_SECTIONS, Context, clauses, compiled, equal, label
from core.rules.registry import check, define
from core.template import load_template
from core.textnum import find_numbers, number_at

_TABLE_RULES = {
    "TT1": "error",
    "TT2": "error",
    "TT3": "error",
    "TT4": "warning",
    "TT5": "error",
    "TT6": "error",
    "TT7": "error",
    "TT8": "error",
    "TT9": "warning",
}
for _code, _sev in _TABLE_RULES.items():
    define(_code, "consistency", _sev, also=("warning",) if _sev == "error" else ())
define("TT10", "consistency", "error")
define("TT11", "consistency", "warning")
define("TT12", "consistency", "warning")


@dataclass(frozen=True)
class Statement:
    section: str | None
    paragraph: Paragraph
    sentence: str
    value: Number
    text: str  # the matched words
    start: int

    def location(self, **keys: str | None) -> DefectLocation:
        return DefectLocation.at(self.paragraph.location, section=self.section, **keys)


def _sentence_at(text: str, pos: int) -> str:
    for a, b in clauses(text):
        if a <= pos < b:
            return text[a:b]
    return text


def _clause_at(text: str, pos: int) -> str:
    start = max(text.rfind(c, 0, pos) for c in "，,。；;\n") + 1
    ends = [i for i in (text.find(c, pos) for c in "，,。；;\n") if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def _other_year(ctx: Context, sentence: str) -> bool:
    """Does the sentence speak of another year than the report's (or the next)?"""
    year = ctx.report.year
    years = {
        int(m.group("year"))
        for m in compiled(ctx.template.lexicon["year"]["mention"]).finditer(sentence)
    }
    return bool(years) and year is not None and year not in years and year + 1 not in years


def statements(ctx: Context, target: dict) -> list[Statement]:
    """Every statement in the text matching `target`'s patterns."""
    out: dict[tuple[int, int, int], Statement] = {}
    exclude = compiled(target["exclude"]) if target.get("exclude") else None
    exclude_sentence = (
        compiled(target["exclude_sentence"]) if target.get("exclude_sentence") else None
    )
    skip_clause = compiled(target["skip_clause"]) if target.get("skip_clause") else None
    kinds = [(p, False) for p in target.get("patterns", ())] + [
        (p, True) for p in target.get("zero_patterns", ())
    ]
    order = ctx.order(FIGURE_SECTIONS)
    for pattern, zero in kinds:
        for section, para, m in ctx.find(pattern, FIGURE_SECTIONS):
            text = para.text
            if exclude and exclude.search(m.group(0)):
                continue
            sentence = _sentence_at(text, m.start())
            if exclude_sentence and exclude_sentence.search(sentence):
                continue
            if skip_clause and skip_clause.search(_clause_at(text, m.start())):
                continue
            if _other_year(ctx, sentence):
                continue
            if zero:
                value: Number = 0
            else:
                n = number_at(m, text)
                if n is None or n.approximate:
                    continue
                value = n.value
            key = (id(para), m.start(), m.end())
            out[key] = Statement(section, para, sentence.strip(), value, m.group(0), m.start())
    return sorted(out.values(), key=lambda s: (order[id(s.paragraph)], s.start))


def expand(ctx: Context, keys: list[str]) -> list[str]:
    return _expand(ctx.template.version, tuple(keys))


@cache
def _expand(version: str, keys: tuple[str, ...]) -> list[str]:
    cells = load_template(version).cell_keys()
    out: list[str] = []
    for k in keys:
        out.extend(fnmatch.filter(cells, k) if "*" in k else [k])
    return out


def _target_location(ctx: Context, stmt: Statement, keys: list[str]) -> DefectLocation:
    table = keys[0].split(".", 1)[0]
    rows = {k.rpartition(".")[0] for k in keys}
    cols = {k.rpartition(".")[2] for k in keys}
    return stmt.location(
        table=table,
        row=rows.pop() if len(rows) == 1 else None,
        column=cols.pop() if len(cols) == 1 else None,
    )


@check(*_TABLE_RULES)
def text_versus_table(ctx: Context) -> Iterator[Defect]:
    for code in _TABLE_RULES:
        for target in ctx.params(code).get("targets", ()):
            keys = expand(ctx, target["keys"])
            if not keys:
                continue
            table_value = ctx.sum(keys)
            if table_value is None:
                continue  # blank or missing cells: C1/C4 report them
            found = statements(ctx, target)
            wrong = [s for s in found if not equal(s.value, table_value)]
            if not wrong:
                continue
            severity = "warning" if len(wrong) < len(found) else None
            what = label(target["label"]["zh"], target["label"]["en"])
            for s in wrong:
                yield ctx.defect(
                    code,
                    _target_location(ctx, s, keys),
                    {
                        "text": s.sentence,
                        "stated": s.value,
                        "expected": table_value,
                        "actual": s.value,
                        "cells": {k: ctx.fact(k).raw for k in keys if ctx.fact(k)},
                    },
                    severity=severity,
                    what=what,
                    stated=s.value,
                    table_value=table_value,
                    quote=s.text,
                )


@check("TT10")
def parts_of_total(ctx: Context) -> Iterator[Defect]:
    """ "共 N 条，其中 a 条、b 条、c 条" ⇒ N = a + b + c."""
    params = ctx.params("TT10")
    for section, para, m in ctx.find(params["pattern"]):
        text = para.text
        total = number_at(m, text)
        if total is None or total.approximate:
            continue
        unit = m.group("unit")
        rest = text[m.end() :]
        stop = min(
            (i for i in (rest.find("。"), rest.find("；"), rest.find(";")) if i >= 0),
            default=len(rest),
        )
        parts = find_numbers(rest[:stop], unit)
        if len(parts) < params.get("min_parts", 2) or any(n.approximate for n in parts):
            continue  # one part only, or "300余条": nothing to add up
        parts_sum = sum(n.value for n in parts)
        if equal(parts_sum, total.value):
            continue
        quote = text[m.start() : m.end() + stop]
        yield ctx.defect(
            "TT10",
            DefectLocation.at(para.location, section=section),
            {
                "text": quote,
                "expected": parts_sum,
                "actual": total.value,
                "parts": [n.value for n in parts],
            },
            total=total.value,
            parts=" + ".join(str(n.value) for n in parts),
            parts_sum=parts_sum,
            unit=unit,
        )


@check("TT11")
def publication_counts(ctx: Context) -> Iterator[Defect]:
    """The same quantity stated with different figures in different sections."""
    params = ctx.params("TT11")
    found: list[tuple[str | None, Paragraph, int | float, bool, str]] = []
    for pattern in params["patterns"]:
        for section, para, m in ctx.find(pattern, FIGURE_SECTIONS):
            n = number_at(m, para.text)
            if n is not None:
                found.append((section, para, n.value, n.approximate, m.group(0)))
    order = ctx.order(FIGURE_SECTIONS)
    found.sort(key=lambda f: order[id(f[1])])
    if len({f[0] for f in found}) < 2:
        return
    first = found[0]
    for other in found[1:]:
        if other[0] != first[0] and not _agree(first[2], first[3], other[2], other[3]):
            yield ctx.defect(
                "TT11",
                DefectLocation.at(other[1].location, section=other[0]),
                {
                    "first": {"text": first[4], "location": first[1].location.as_dict()},
                    "second": {"text": other[4]},
                },
                first=first[4],
                second=other[4],
            )
            return


def _agree(a: Number, a_approx: bool, b: Number, b_approx: bool) -> bool:
    """Can both statements be true?  "20余" means more than 20."""
    if a_approx and b_approx:
        return True
    if a_approx:
        return b >= a
    if b_approx:
        return a >= b
    return equal(a, b)


@check("TT12")
def fee_notices(ctx: Context) -> Iterator[Defect]:
    """Requests dropped for unpaid fees ⇒ section 六 speaks of the fee notices."""
    params = ctx.params("TT12")
    v = ctx.value(params["key"])
    if not v or v <= 0:
        return
    text = ctx.section_text("s6")
    if any(compiled(p).search(text) for p in params["patterns"]):
        return
    s6 = ctx.report.section("s6")
    yield ctx.defect(
        "TT12",
        DefectLocation.at(s6.location if s6 else None, section="s6"),
        {"cells": {params["key"]: v}},
        count=v,
    )
