"""TT1–TT9 and TT12: figures stated in the text against the tables.

Every statement in the text is checked, not only the first; numbers may be
written in Arabic or Chinese numerals.  The text is read as prose: a
sentence is read whole (wrapped lines joined, across "；"), a statement
about another year, an approximate figure ("20余件") or a negation of
something else ("未被复议机关纠错") is not compared, combined categories
("予以公开及部分公开5件") are compared with their sum, and a statement
that can mean more than one figure ("受理" = new, or new + carried over)
agrees when it equals any of them.  Prose is never certain: at most a
warning, quoting the whole sentence.  Patterns live in data/rules.toml."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from core.defect import Defect, DefectLocation
from core.report import Number
from core.rules.context import FIGURE_SECTIONS, Context, compiled, equal, label
from core.rules.prose import Sentence
from core.rules.registry import CELLS, SINCE_2019, SINCE_2021, STRUCTURE, check, define
from core.template import load_template
from core.textnum import number_at

TABLE_RULES = ("TT1", "TT2", "TT3", "TT4", "TT5", "TT6", "TT7", "TT8", "TT9")
for _code in TABLE_RULES:
    define(_code, "consistency", "warning", basis="prose", eras=SINCE_2019, reads=CELLS)
define(
    "TT12",
    "consistency",
    "warning",
    basis="heuristic",
    eras=SINCE_2021,
    reads=(*CELLS, *STRUCTURE),
)


@dataclass(frozen=True)
class Statement:
    sentence: Sentence
    value: Number
    text: str  # the matched words
    start: int  # where they start in the sentence
    keys: tuple[str, ...] = ()  # the cells it speaks of, when it names them (categories)


def other_year(ctx: Context, text: str) -> bool:
    """Does the text speak of another year than the report's (or the next)?"""
    year = ctx.report.year
    years = {
        int(m.group("year"))
        for m in compiled(ctx.template.lexicon["year"]["mention"]).finditer(text)
    }
    return bool(years) and year is not None and year not in years and year + 1 not in years


def clause_at(text: str, pos: int) -> str:
    """The clause (between commas and stops) around `pos`."""
    start = max(text.rfind(c, 0, pos) for c in "，,。；;\n") + 1
    ends = [i for i in (text.find(c, pos) for c in "，,。；;\n") if i >= 0]
    return text[start : min(ends) if ends else len(text)]


@cache
def _category_pattern(words: tuple[str, ...], link: str, tail: str) -> str:
    alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return f"(?P<cats>(?:{alt})(?:\\s*(?:{link})\\s*(?:{alt}))*){tail}"


def statements(ctx: Context, target: dict[str, Any]) -> list[Statement]:
    """Every statement in the text matching `target`'s patterns."""
    out: dict[tuple[int, int], Statement] = {}
    rx = {
        name: compiled(target[name]) if target.get(name) else None
        for name in ("exclude", "exclude_sentence", "skip_clause", "require", "zero_unless")
    }
    patterns = [(p, False) for p in target.get("patterns", ())]
    patterns += [(p, True) for p in target.get("zero_patterns", ())]
    cats = target.get("categories")
    if cats:
        words = tuple(w for c in cats for w in c["words"])
        patterns.append((_category_pattern(words, target["link"], target["tail"]), False))
    for pattern, zero in patterns:
        for sent, m in ctx.find_sentences(pattern, FIGURE_SECTIONS):
            text = sent.text
            if rx["exclude"] and rx["exclude"].search(m.group(0)):
                continue
            if rx["exclude_sentence"] and rx["exclude_sentence"].search(text):
                continue
            if rx["skip_clause"] and rx["skip_clause"].search(clause_at(text, m.start())):
                continue
            if rx["require"] and sent.section not in target.get("sections", ()):
                if not rx["require"].search(text):
                    continue
            if other_year(ctx, text):
                continue
            if zero:
                if rx["zero_unless"] and rx["zero_unless"].search(clause_at(text, m.start())):
                    continue  # the clause also states a count: the negation is of something else
                value: Number = 0
            else:
                n = number_at(m, text)
                if n is None or n.approximate:
                    continue
                value = n.value
            keys: tuple[str, ...] = ()
            if cats and "cats" in m.groupdict() and m.group("cats"):
                keys = _category_keys(cats, m.group("cats"))
                if not keys:
                    continue
            out[(id(sent), m.start())] = Statement(sent, value, m.group(0), m.start(), keys)
    order = {id(s): i for i, s in enumerate(ctx.sentences(FIGURE_SECTIONS))}
    return sorted(out.values(), key=lambda s: (order[id(s.sentence)], s.start))


def _category_keys(cats: list[dict[str, Any]], written: str) -> tuple[str, ...]:
    """The cell keys of the categories named in `written` ("予以公开及部分公开")."""
    keys: list[str] = []
    rest = written
    for c in sorted(cats, key=lambda c: -max(len(w) for w in c["words"])):
        for w in sorted(c["words"], key=len, reverse=True):
            if w in rest:
                keys.extend(c["keys"])
                rest = rest.replace(w, "\0")
    return tuple(keys)


def expand(ctx: Context, keys: list[str] | tuple[str, ...]) -> list[str]:
    return _expand(ctx.template.version, tuple(keys))


@cache
def _expand(version: str, keys: tuple[str, ...]) -> list[str]:
    cells = load_template(version).cell_keys()
    out: list[str] = []
    for k in keys:
        out.extend(fnmatch.filter(cells, k) if "*" in k else [k])
    return out


def _readings(ctx: Context, target: dict[str, Any], own: tuple[str, ...]) -> list[list[str]]:
    """The cell sets a statement may speak of: its own keys, or the target's
    keys and their alternatives."""
    if own:
        return [expand(ctx, own)]
    return [expand(ctx, k) for k in [target["keys"], *target.get("or_keys", ())]]


@check(*TABLE_RULES)
def text_versus_table(ctx: Context) -> Iterator[Defect]:
    for code in TABLE_RULES:
        for target in ctx.params(code).get("targets", ()):
            for s in statements(ctx, target):
                readings = [r for r in _readings(ctx, target, s.keys) if r]
                values = [ctx.sum(r) for r in readings]
                if not readings or any(v is None for v in values):
                    continue  # blank or missing cells: C1/C4 report them
                if any(equal(s.value, v) for v in values):
                    continue
                keys, table_value = readings[0], values[0]
                rows = {k.rpartition(".")[0] for k in keys}
                cols = {k.rpartition(".")[2] for k in keys}
                yield ctx.defect(
                    code,
                    s.sentence.location(
                        s.start,
                        table=keys[0].split(".", 1)[0],
                        row=rows.pop() if len(rows) == 1 else None,
                        column=cols.pop() if len(cols) == 1 else None,
                    ),
                    {
                        "text": s.sentence.quote,
                        "stated": s.value,
                        "expected": table_value,
                        "actual": s.value,
                        "cells": {k: ctx.fact(k).raw for k in keys if ctx.fact(k)},
                    },
                    what=_what(ctx, target, s),
                    stated=s.value,
                    table_value=table_value,
                    quote=s.sentence.quote,
                )


def _what(ctx: Context, target: dict[str, Any], s: Statement) -> dict[str, str]:
    if s.keys and target.get("categories"):
        names = [
            c["label"]
            for c in target["categories"]
            if any(k in s.keys for k in c["keys"]) and c.get("label")
        ]
        seen = list(dict.fromkeys(n["zh"] for n in names))
        en = list(dict.fromkeys(n["en"] for n in names))
        return label("、".join(seen), " + ".join(en))
    return label(target["label"]["zh"], target["label"]["en"])


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
