"""S10: careless writing — sub-item numbering that switches style within one
sequence, half-width punctuation in Chinese sentences, garbled phrases."""

from __future__ import annotations

from collections.abc import Iterator

from core.defect import Defect, DefectLocation
from core.rules.context import Context, compiled
from core.rules.registry import check, define
from core.textnum import parse_number

define("S10-NUMBERING", "structure", "warning")
define("S10-PUNCT", "structure", "info")
define("S10-GARBLED", "structure", "warning")
define("S10-ANNOTATION", "consistency", "warning")


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


@check("S10-NUMBERING")
def mixed_numbering(ctx: Context) -> Iterator[Defect]:
    for s in ctx.report.sections:
        prev = None
        for p in s.paragraphs:
            n = _numbering(ctx, p.text)
            if n is None:
                continue
            if prev is not None and n[2] == prev[1][2] + 1 and n[:2] != prev[1][:2]:
                yield ctx.defect(
                    "S10-NUMBERING",
                    DefectLocation.at(p.location, section=s.key),
                    {"first": prev[0].text[:40], "second": p.text[:40]},
                    first=prev[0].text.strip()[:12],
                    second=p.text.strip()[:12],
                )
                break
            prev = (p, n)


@check("S10-PUNCT", "S10-GARBLED")
def careless_text(ctx: Context) -> Iterator[Defect]:
    seen: set[int] = set()
    for key, p, m in ctx.find(ctx.params("S10-PUNCT")["pattern"]):
        if id(p) in seen:
            continue  # the first one of a paragraph
        seen.add(id(p))
        yield ctx.defect(
            "S10-PUNCT",
            DefectLocation.at(p.location, section=key),
            {"text": p.text[max(0, m.start() - 15) : m.end() + 5]},
            quote=p.text[max(0, m.start() - 8) : m.end()],
        )
    seen.clear()
    for pattern in ctx.params("S10-GARBLED")["patterns"]:
        for key, p, m in ctx.find(pattern):
            if id(p) in seen:
                continue
            seen.add(id(p))
            yield ctx.defect(
                "S10-GARBLED",
                DefectLocation.at(p.location, section=key),
                {"text": p.text[max(0, m.start() - 15) : m.end() + 15]},
                quote=p.text[max(0, m.start() - 6) : m.end() + 4],
            )


@check("S10-ANNOTATION")
def annotated_counts(ctx: Context) -> Iterator[Defect]:
    """A count of requests annotated with one kind of result: "申请0件（其他处理）"."""
    for key, p, m in ctx.find(ctx.params("S10-ANNOTATION")["pattern"]):
        yield ctx.defect(
            "S10-ANNOTATION",
            DefectLocation.at(p.location, section=key),
            {"text": m.group(0)},
            quote=m.group(0),
            label=m.group("label"),
        )
