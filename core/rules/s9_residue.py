"""S9: editing residue left in the published text — review comments,
bookmarks, tracked changes, placeholders, stray page numbers."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from core.defect import Defect, DefectLocation
from core.rules.context import Context, compiled
from core.rules.registry import check, define

define("S9-COMMENT", "residue", "error")
define("S9-BOOKMARK", "residue", "error")
define("S9-TRACKED", "residue", "error")
define("S9-PLACEHOLDER", "residue", "error")
define("S9-PAGE-NUMBER", "residue", "warning")

_CODE = {
    "comment": "S9-COMMENT",
    "bookmark": "S9-BOOKMARK",
    "insertion": "S9-TRACKED",
    "deletion": "S9-TRACKED",
    "placeholder": "S9-PLACEHOLDER",
}


def _section_of(ctx: Context) -> dict[tuple, str | None]:
    where: dict[tuple, str | None] = {}
    for s in ctx.report.sections:
        for p in s.paragraphs:
            where[(p.location.line, p.location.paragraph)] = s.key
    return where


@check("S9-COMMENT", "S9-BOOKMARK", "S9-TRACKED", "S9-PLACEHOLDER", "S9-PAGE-NUMBER")
def residue(ctx: Context) -> Iterator[Defect]:
    section = _section_of(ctx)
    seen: set[tuple] = set()
    hidden = ctx.params("S9-BOOKMARK")["hidden_prefix"]
    for r in ctx.report.document.residues:
        code = _CODE.get(r.kind)
        if code is None:
            continue
        if (
            r.kind == "bookmark"
            and ctx.report.document.source in ("docx", "html")
            and r.text.strip().startswith(hidden)
        ):
            continue  # Word's own hidden bookmark (_GoBack, _Toc…): invisible in the published file
        pos = (r.location.line, r.location.paragraph, r.location.table)
        seen.add((code, pos))
        yield ctx.defect(
            code,
            DefectLocation.at(
                r.location, section=section.get((r.location.line, r.location.paragraph))
            ),
            {"text": r.text, "author": r.author, "kind": r.kind},
            text=r.text[:60],
            author=r.author or "?",
            kind=r.kind,
        )
    lex = ctx.template.lexicon["residue"]
    text_patterns = [("S9-BOOKMARK", lex["bookmark"]), ("S9-COMMENT", lex["comment"])] + [
        ("S9-PLACEHOLDER", p) for p in lex["placeholders"]
    ]
    for code, pattern in text_patterns:
        for key, p, m in ctx.find(pattern):
            pos = (p.location.line, p.location.paragraph, p.location.table)
            if (code, pos) in seen:
                continue
            seen.add((code, pos))
            yield ctx.defect(
                code,
                DefectLocation.at(p.location, section=key),
                {"text": p.text[:200], "match": m.group(0)},
                text=m.group(0)[:60],
                author=m.groupdict().get("author") or "?",
                kind=code,
            )
    if ctx.report.document.source == "pdf":
        return  # a PDF has pages: its numbers are no residue
    pages = [compiled(p) for p in ctx.params("S9-PAGE-NUMBER")["patterns"]]
    for key, p in ctx.paragraphs():
        if len(p.text) > 12:
            continue
        plain = unicodedata.normalize("NFKC", p.text).strip()
        if plain and any(pg.fullmatch(plain) for pg in pages):
            yield ctx.defect(
                "S9-PAGE-NUMBER",
                DefectLocation.at(p.location, section=key),
                {"text": p.text},
                text=plain,
            )
