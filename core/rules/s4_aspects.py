"""S4 and S5: section 一 covers the five aspects of 国办公开办函〔2021〕30号;
a government's report states its assessment, public review and accountability."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from core.defect import Defect, DefectLocation
from core.document import Paragraph
from core.report import Section
from core.rules.context import Context, compiled, label
from core.rules.registry import SINCE_2019, SINCE_2021, STRUCTURE, check, define

define("S4-ASPECTS", "structure", "warning", basis="heuristic", eras=SINCE_2021, reads=STRUCTURE)
define("S4-LABEL", "structure", "info", basis="style", eras=SINCE_2021, reads=STRUCTURE)
define(
    "S5-GOV-ASSESSMENT", "structure", "warning", basis="heuristic", eras=SINCE_2019, reads=STRUCTURE
)


def subheadings(ctx: Context, section: Section) -> list[tuple[Paragraph, str, str]]:
    """(paragraph, numbering, heading text) of the numbered sub-items of a section."""
    pattern = compiled(ctx.template.lexicon["headings"]["sub"])
    out, seen = [], set()
    for p in [*section.subheadings, *section.paragraphs]:
        if id(p) in seen:
            continue
        seen.add(id(p))
        if p.text.lstrip()[:1] not in "(（":
            continue
        m = pattern.match(unicodedata.normalize("NFKC", p.text.strip()))
        if m:
            head = re.split(r"[。：:；;]", m.group("text"), maxsplit=1)[0]
            out.append((p, m.group("num"), head))
    order = {id(p): i for i, p in enumerate(section.paragraphs)}
    return sorted(out, key=lambda t: order.get(id(t[0]), -1))


@check("S4-ASPECTS", "S4-LABEL")
def aspects(ctx: Context) -> Iterator[Defect]:
    s1 = ctx.report.section("s1")
    spec = ctx.template.section("s1")
    if s1 is None or spec is None:
        return
    params = ctx.params("S4-ASPECTS")
    heads = subheadings(ctx, s1)
    text = ctx.section_text("s1")
    missing = []
    for item in spec.subitems:
        in_heads = any(
            compiled(p).search(h)
            for p in params["aspects"].get(item.key, [item.label])
            for _, _, h in heads
        )
        in_text = any(
            compiled(p).search(text) for p in params["aspects_text"].get(item.key, [item.label])
        )
        if not (in_heads or in_text):
            missing.append(label(item.label, item.en))
    if missing:
        yield ctx.defect(
            "S4-ASPECTS",
            DefectLocation.at(s1.location, section="s1"),
            {"subheadings": [h for _, _, h in heads], "missing": [m["zh"] for m in missing]},
            missing=missing,
        )
    variants = ctx.params("S4-LABEL")["variants"]
    for p, _, head in heads:
        for key, words in variants.items():
            for word in words:
                if word in head:
                    item = next(i for i in spec.subitems if i.key == key)
                    yield ctx.defect(
                        "S4-LABEL",
                        DefectLocation.at(p.location, section="s1"),
                        {"text": p.text},
                        written=word,
                        standard=item.label,
                    )


@check("S5-GOV-ASSESSMENT")
def government_assessment(ctx: Context) -> Iterator[Defect]:
    # a people's government, or a report titled by a place alone (上海市,
    # 平潭综合实验区): an administrative committee (管委会) or an issuer the
    # parser could not tell is not held to it
    if ctx.report.issuer_kind != "government":
        return
    text = ctx.section_text("s1") + "\n" + ctx.section_text("s5")
    required = ctx.params("S5-GOV-ASSESSMENT")["required"]
    missing = [
        label(r["zh"], r["en"])
        for r in required
        if not any(compiled(p).search(text) for p in r["patterns"])
    ]
    if missing:
        s1 = ctx.report.section("s1")
        yield ctx.defect(
            "S5-GOV-ASSESSMENT",
            DefectLocation.at(s1.location if s1 else None, section="s1"),
            {"missing": [m["zh"] for m in missing]},
            missing=missing,
        )
