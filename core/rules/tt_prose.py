"""TT10, TT11, TT13–TT15: figures and claims in the prose that contradict
each other or the tables.

TT10 adds up a breakdown ("共 N 条，其中 a 条，b 类 c，其他 d 条"): parts
with or without their unit, across "；", never the figures in brackets, and
silent when the breakdown nests or is approximate.  TT11 compares one
quantity stated in two parts only when both speak of the same thing (the
same noun and channel, not a cumulative figure).  TT13–TT15 catch claims the
tables deny ("所有申请均已办结" with requests carried forward, "均获维持"
with cases corrected or pending) and a text that completes more requests than
it received.  Prose is never certain: at most a warning."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from core.defect import Defect
from core.report import Number
from core.rules.context import FIGURE_SECTIONS, Context, compiled, equal
from core.rules.prose import Sentence
from core.rules.registry import CELLS, SINCE_2019, check, define
from core.rules.tt_text_table import clause_at, other_year
from core.textnum import NUMBER_RE, number_at

define("TT10", "consistency", "warning", basis="prose")
define("TT11", "consistency", "warning", also=("info",), basis="prose")
define("TT13", "consistency", "warning", basis="prose", eras=SINCE_2019, reads=CELLS)
define("TT14", "consistency", "warning", basis="prose", eras=SINCE_2019)
define("TT15", "consistency", "warning", basis="prose", eras=SINCE_2019, reads=CELLS)


@dataclass(frozen=True)
class Part:
    value: Number
    unit: str | None  # None: a bare figure ("信息 45，")


def _parts(rest: str, params: dict[str, Any], arabic: bool, unit: str) -> list[Part] | None:
    """The figures of a breakdown, or None when it cannot be read safely.
    A total in Arabic digits has its parts in Arabic digits: a Chinese
    numeral there is part of a word ("统一", "一是")."""
    units = params["part_units"]
    bare_end = params["bare_end"]
    nested = compiled(params["nested"])
    depth = 0
    parts: list[Part] = []
    pos = 0
    for m in NUMBER_RE.finditer(rest):
        between = rest[pos : m.start()]
        for ch in between:
            if ch in "（(":
                depth += 1
            elif ch in "）)" and depth:
                depth -= 1
        pos = m.end()
        if arabic != m.group("num")[0].isdigit():
            continue
        if parts and nested.search(between):
            return None  # a breakdown of a part: nested, ambiguous
        if depth:
            continue  # a figure in brackets explains a part
        tail = rest[m.end() :].lstrip()
        if tail[:1] in ("余", "多") or between.rstrip().endswith(("约", "近")):
            return None
        if between.rstrip().endswith("第"):
            continue  # an ordinal
        written = next((u for u in units if tail.startswith(u)), None)
        if written is not None and written != unit:
            return None  # a count of something else: the breakdown has ended or mixes units
        if written is not None:
            n = number_at(m, rest)
            if n is not None:
                parts.append(Part(n.value, written))
        elif (not tail or tail[0] in bare_end) and arabic:
            n = number_at(m, rest)
            if n is not None and not between.rstrip().endswith(tuple(params["not_bare_after"])):
                parts.append(Part(n.value, None))
    return parts


@check("TT10")
def parts_of_total(ctx: Context) -> Iterator[Defect]:
    """ "共 N 条，其中 a 条、b 条、c 条" ⇒ N = a + b + c."""
    params = ctx.params("TT10")
    other = compiled(params["catch_all"])
    for sent, m in ctx.find_sentences(params["pattern"]):
        total = number_at(m, sent.text)
        if total is None or total.approximate:
            continue
        rest = sent.text[m.end() :]
        parts = _parts(rest, params, m.group("num")[0].isdigit(), m.group("unit"))
        if parts is None or len(parts) < params["min_parts"]:
            continue
        sums, running = [], 0
        for p in parts:
            running += p.value
            sums.append(running)
        if any(equal(s, total.value) for s in sums[1:]):
            continue
        parts_sum = sums[-1]
        if any(equal(parts_sum - total.value, p.value) for p in parts):
            continue  # one part is counted inside another: overlapping categories
        exhaustive = bool(other.search(rest)) or parts_sum > total.value
        if not exhaustive and parts_sum < total.value * params["min_share"]:
            continue  # "其中" names only some parts
        yield ctx.defect(
            "TT10",
            sent.location(m.start()),
            {
                "text": sent.quote,
                "expected": parts_sum,
                "actual": total.value,
                "parts": [p.value for p in parts],
            },
            total=total.value,
            parts=" + ".join(str(p.value) for p in parts),
            parts_sum=parts_sum,
            unit=m.group("unit"),
            quote=sent.quote,
        )


@dataclass(frozen=True)
class Count:
    sentence: Sentence
    value: Number
    approximate: bool
    words: str
    noun: str
    channels: frozenset[str]
    partial: bool


@check("TT11")
def publication_counts(ctx: Context) -> Iterator[Defect]:
    """The same quantity stated with different figures in different sections."""
    params = ctx.params("TT11")
    skip = compiled(params["skip"])
    part = compiled(params["part"])
    found: list[Count] = []
    for pattern in params["patterns"]:
        for sent, m in ctx.find_sentences(pattern, FIGURE_SECTIONS):
            n = number_at(m, sent.text)
            if n is None or skip.search(sent.text) or other_year(ctx, sent.text):
                continue
            before = sent.text[: m.start("num")]
            channels = frozenset(c for c in params["channels"] if c in before)
            found.append(
                Count(
                    sent,
                    n.value,
                    n.approximate,
                    m.group(0),
                    m.group("noun"),
                    channels,
                    bool(part.search(m.group(0))),
                )
            )
    order = {id(s): i for i, s in enumerate(ctx.sentences(FIGURE_SECTIONS))}
    found.sort(key=lambda c: order[id(c.sentence)])
    if not found:
        return
    first = found[0]
    for other in found[1:]:
        if other.sentence.section == first.sentence.section:
            continue
        if _agree(first, other):
            continue
        same = (first.noun == other.noun and first.channels == other.channels) and not (
            first.partial or other.partial
        )
        yield ctx.defect(
            "TT11",
            other.sentence.location(),
            {
                "first": {
                    "text": first.sentence.quote,
                    "location": first.sentence.location().as_dict(),
                },
                "second": {"text": other.sentence.quote},
                "same_scope": same,
            },
            severity=None if same else "info",
            first=first.sentence.quote,
            second=other.sentence.quote,
        )
        return


def _agree(a: Count, b: Count) -> bool:
    """Can both statements be true?  "20余" means more than 20."""
    if a.approximate and b.approximate:
        return True
    if a.approximate:
        return b.value >= a.value
    if b.approximate:
        return a.value >= b.value
    return equal(a.value, b.value)


@check("TT13")
def all_concluded(ctx: Context) -> Iterator[Defect]:
    """ "所有申请均已办结" while table 三 carries requests forward."""
    params = ctx.params("TT13")
    forward = ctx.value(params["key"])
    if not forward:
        return
    exclude = compiled(params["exclude"])
    exclude_sentence = compiled(params["exclude_sentence"])
    for pattern in params["patterns"]:
        for sent, m in ctx.find_sentences(pattern, FIGURE_SECTIONS):
            if exclude.search(clause_at(sent.text, m.start())) or other_year(ctx, sent.text):
                continue
            if exclude_sentence.search(sent.text):
                continue  # "除结转的1件外，其余均已办结": the exception is stated
            yield ctx.defect(
                "TT13",
                sent.location(table="t3", row=params["key"].rpartition(".")[0]),
                {"text": sent.quote, "cells": {params["key"]: forward}},
                quote=sent.quote,
                count=forward,
            )
            return


@check("TT14")
def more_completed_than_received(ctx: Context) -> Iterator[Defect]:
    """One sentence completing more requests than it says were received."""
    params = ctx.params("TT14")
    exclude = compiled(params["exclude"])
    received, completed = compiled(params["received"]), compiled(params["completed"])
    for sent in ctx.sentences(FIGURE_SECTIONS):
        text = sent.text
        if exclude.search(text) or other_year(ctx, text):
            continue
        r, c = received.search(text), completed.search(text)
        if not (r and c):
            continue
        nr, nc = number_at(r, text), number_at(c, text)
        if nr is None or nc is None or nr.approximate or nc.approximate:
            continue
        if nc.value > nr.value:
            yield ctx.defect(
                "TT14",
                sent.location(c.start()),
                {"text": sent.quote, "received": nr.value, "completed": nc.value},
                quote=sent.quote,
                received=nr.value,
                completed=nc.value,
            )


@check("TT15")
def all_upheld(ctx: Context) -> Iterator[Defect]:
    """ "均获维持" while table 四 shows cases corrected or still pending."""
    params = ctx.params("TT15")
    for sent, _m in ctx.find_sentences(params["pattern"], FIGURE_SECTIONS):
        if other_year(ctx, sent.text):
            continue
        groups = [
            g
            for g, words in params["groups"].items()
            if any(re.search(w, sent.text) for w in words)
        ] or list(params["groups"])
        cells = {f"{g}.{c}": ctx.value(f"{g}.{c}") for g in groups for c in params["against"]}
        busy = {k: v for k, v in cells.items() if v}
        if not busy:
            continue
        yield ctx.defect(
            "TT15",
            sent.location(table="t4"),
            {"text": sent.quote, "cells": busy},
            quote=sent.quote,
            count=sum(busy.values()),
        )
        return
