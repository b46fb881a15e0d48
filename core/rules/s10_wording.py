"""S10: careless writing — sub-item numbering that switches style within one
sequence, half-width punctuation in Chinese sentences, garbled phrases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from core.defect import Defect, DefectLocation, ui_text
from core.rules.context import Context, compiled, ui
from core.rules.prose import Sentence
from core.rules.registry import check, define
from core.template import load_template
from core.textnum import parse_number

define("S10-NUMBERING", "structure", "warning", basis="practice")
define("S10-PUNCT", "structure", "info", basis="style")
define("S10-GARBLED", "structure", "warning", basis="prose")
define("S10-ANNOTATION", "consistency", "warning", basis="prose")


def _numbering(ctx: Context, text: str) -> tuple[str, str, int] | None:
    """(numeral kind, bracket width, value) of a sub-item number such as （二） or (1)."""
    m = compiled(ctx.params("S10-NUMBERING")["pattern"]).match(text.strip())
    if not m:
        return None
    inner = m.group("inner")
    value = parse_number(inner)
    if value is None:
        return None
    kind = "arabic" if inner[0].isdigit() else "chinese"
    width = "full" if m.group("open") == "（" else "half"
    return kind, width, int(value)


def _heading(text: str) -> str:
    """A sub-item's heading: its text up to the end of the heading (never cut mid-word)."""
    text = text.strip()
    cut = min((i for i in (text.find(c) for c in "。；：:") if i > 0), default=len(text))
    return text[: cut + 1] if cut < len(text) and text[cut] == "。" else text[:cut]


@check("S10-NUMBERING")
def mixed_numbering(ctx: Context) -> Iterator[Defect]:
    params = ctx.params("S10-NUMBERING")
    # a conversion that half-widths the punctuation throughout says nothing of the brackets
    widths_unreliable = len(ctx.find(params["half_width"])) >= params["unreliable_widths"]
    for s in ctx.report.sections:
        prev = None
        for p in s.paragraphs:
            n = _numbering(ctx, p.text)
            if n is None:
                continue
            differs = (
                n[0] != prev[1][0] or (n[1] != prev[1][1] and not widths_unreliable)
                if prev
                else False
            )
            if prev is not None and n[2] == prev[1][2] + 1 and differs:
                first, second = _heading(prev[0].text), _heading(p.text)
                yield ctx.defect(
                    "S10-NUMBERING",
                    DefectLocation.at(p.location, section=s.key),
                    {"first": first, "second": second},
                    first=first,
                    second=second,
                )
                break
            prev = (p, n)


@check("S10-PUNCT")
def half_width_punctuation(ctx: Context) -> Iterator[Defect]:
    seen: set[int] = set()
    for sent, m in ctx.find_sentences(ctx.params("S10-PUNCT")["pattern"]):
        if id(sent) in seen:
            continue  # the first one of a sentence
        seen.add(id(sent))
        yield ctx.defect(
            "S10-PUNCT",
            sent.location(m.start()),
            {"text": sent.quote, "mark": m.group(0)[-1]},
            quote=sent.quote,
        )


@dataclass(frozen=True)
class Slip:
    sentence: Sentence
    start: int
    text: str
    why: dict[str, str]


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _label_line(text: str, params: dict) -> bool:
    """A line of table labels cut loose by a conversion, not a sentence."""
    return len(text) < params["label_line_max"] and not any(c in text for c in params["marks"])


def _in_label_line(sentence: Sentence, pos: int, params: dict) -> bool:
    return _label_line(sentence.paragraph_at(pos).text.strip(), params)


def _table_words(ctx: Context, sentence: Sentence, pos: int, unit: str, params: dict) -> bool:
    """A repeat of table labels' words in a line without punctuation: a header
    a conversion ran together ("结果维持结果纠正…结果维持结果纠正…")."""
    line = sentence.paragraph_at(pos).text
    if any(c in line for c in params["marks"]):
        return False
    return set(unit) <= _label_chars(ctx.template.version)


@cache
def _label_chars(version: str) -> frozenset[str]:
    t = load_template(version)
    words = [r.label for spec in t.tables.values() for r in spec.rows]
    words += [c.label for spec in t.tables.values() for r in spec.rows for c in r.columns]
    return frozenset("".join(words))


def _aabb(text: str, start: int, end: int) -> bool:
    """Is the doubled unit part of an AABB word ("实实在在", "是是非非")?"""
    n = (end - start) // 2
    before = text[max(0, start - 2 * n) : start]
    after = text[end : end + 2 * n]
    return any(len(x) == 2 * n and x[:n] == x[n:] for x in (before, after))


def slips(ctx: Context) -> list[Slip]:
    """Doubled words, known typos and garbled splices, in document order."""
    params = ctx.params("S10-GARBLED")
    found: dict[tuple[int, int], Slip] = {}
    repeats = [compiled(params[k]) for k in ("repeated_phrase", "repeated_word", "repeated_char")]
    any_typo = compiled("|".join(f"(?:{t['wrong']})" for t in ctx.template.lexicon["typos"]))
    for sent in ctx.sentences():
        text = sent.text
        for phrase, rx in zip((True, False, False), repeats, strict=True):
            for m in rx.finditer(text):
                if _in_label_line(sent, m.start(), params) or _in_label_line(
                    sent, m.end() - 1, params
                ):
                    continue  # table labels run together by a conversion
                if _table_words(ctx, sent, m.start(), m.group(1), params):
                    continue
                if _aabb(text, m.start(), m.end()) or compiled(params["repeat_ok"]).match(
                    m.group(0)
                ):
                    continue
                if any(
                    s.sentence is sent and s.start <= m.start() < s.start + len(s.text)
                    for s in found.values()
                ):
                    continue  # inside a longer repeat already found
                if phrase and len(_CJK.findall(m.group(1))) < 2:
                    continue  # figures, addresses, links: not words
                found.setdefault(
                    (id(sent), m.start()),
                    Slip(sent, m.start(), m.group(0), ui("garbled.repeat", text=m.group(0))),
                )
        for typo in ctx.template.lexicon["typos"] if any_typo.search(text) else ():
            for m in compiled(typo["wrong"]).finditer(text):
                found.setdefault(
                    (id(sent), m.start()),
                    Slip(
                        sent,
                        m.start(),
                        m.group(0),
                        ui("garbled.typo", text=m.group(0), right=typo["right"]),
                    ),
                )
        for pattern in params["patterns"]:
            for m in compiled(pattern).finditer(text):
                found.setdefault(
                    (id(sent), m.start()),
                    Slip(sent, m.start(), m.group(0), ui("garbled.pattern", text=m.group(0))),
                )
    order = {id(s): i for i, s in enumerate(ctx.sentences())}
    return sorted(found.values(), key=lambda s: (order[id(s.sentence)], s.start))


@check("S10-GARBLED")
def garbled(ctx: Context) -> Iterator[Defect]:
    """Every slip of the pen, as one defect: proofreading is one task."""
    found = slips(ctx)
    if not found:
        return
    shown = found[: ctx.params("S10-GARBLED")["max_shown"]]
    items = {
        lang: ("；" if lang == "zh" else "; ").join(
            ui_text("garbled.item", lang).format(sentence=s.sentence.quote, why=s.why[lang])
            for s in shown
        )
        + (ui_text("more", lang) if len(found) > len(shown) else "")
        for lang in ("zh", "en")
    }
    first = found[0]
    sections = {s.sentence.section for s in found}
    yield ctx.defect(
        "S10-GARBLED",
        # the first slip; no one section when they stand in several
        first.sentence.location(
            first.start, section=sections.pop() if len(sections) == 1 else None
        ),
        {
            "text": first.sentence.quote,
            "slips": [
                {
                    "text": s.text,
                    "sentence": s.sentence.quote,
                    "location": s.sentence.location(s.start).as_dict(),
                }
                for s in found
            ],
        },
        count=len(found),
        items=items,
    )


@check("S10-ANNOTATION")
def annotated_counts(ctx: Context) -> Iterator[Defect]:
    """A count of requests annotated with one kind of result: "申请0件（其他处理）"."""
    for sent, m in ctx.find_sentences(ctx.params("S10-ANNOTATION")["pattern"]):
        yield ctx.defect(
            "S10-ANNOTATION",
            sent.location(m.start()),
            {"text": sent.quote, "match": m.group(0)},
            quote=sent.quote,
            label=m.group("label"),
        )
