"""S9: editing residue left in the published text — review comments,
bookmarks, tracked changes, placeholders, stray page numbers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from core.defect import Defect, DefectLocation
from core.document import Paragraph
from core.rules.context import Context, compiled, label, ui
from core.rules.registry import check, define

define("S9-COMMENT", "residue", "error", also=("warning",), basis=("marker", "prose"))
define("S9-BOOKMARK", "residue", "error", basis="marker")
define("S9-TRACKED", "residue", "error", basis="marker")
define("S9-PLACEHOLDER", "residue", "error", also=("warning", "info"), basis=("marker", "style"))
define("S9-PAGE-NUMBER", "residue", "warning", basis="heuristic")

_CODE = {
    "comment": "S9-COMMENT",
    "bookmark": "S9-BOOKMARK",
    "insertion": "S9-TRACKED",
    "deletion": "S9-TRACKED",
    "placeholder": "S9-PLACEHOLDER",
}


def _author(name: str | None) -> dict[str, str]:
    return ui("author", name=name.strip()) if name and name.strip() else label("", "")


def _short(text: str) -> str:
    """A residue's text, cut at a sentence end when it is long (never mid-word)."""
    limit = 80
    if len(text) <= limit:
        return text
    cut = max(text.rfind(c, 0, limit) for c in "。；！？，")
    return text[: cut + 1] if cut > 0 else text


def _page_value(text: str) -> int | None:
    digits = re.findall(r"\d+", text)
    return int(digits[0]) if digits else None


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
        if r.kind == "bookmark" and ctx.report.document.source == "docx":
            # a bookmark of the Word file itself (Word's own _GoBack, _Toc…,
            # one its author set, or one a conversion made of a web page's
            # anchors) is invisible in the published report; only a marker
            # printed in the text is residue
            continue
        if r.kind == "bookmark" and r.text.strip().startswith(hidden):
            continue  # a hidden bookmark's name (_GoBack) carried into another format
        pos = (r.location.line, r.location.paragraph, r.location.table)
        seen.add((code, pos))
        yield ctx.defect(
            code,
            DefectLocation.at(
                r.location, section=section.get((r.location.line, r.location.paragraph))
            ),
            {"text": r.text, "author": r.author, "kind": r.kind},
            text=_short(r.text),
            author=_author(r.author),
            kind=ui(f"residue.{r.kind}"),
        )
    lex = ctx.template.lexicon["residue"]
    # markers only an editor leaves (certain), and notes found by a pattern (prose)
    text_patterns = (
        [("S9-BOOKMARK", lex["bookmark"], "marker"), ("S9-COMMENT", lex["comment"], "marker")]
        + [("S9-COMMENT", p, "marker") for p in lex["comment_markers"]]
        + [("S9-COMMENT", p, "prose") for p in lex["review_notes"]]
        + [("S9-PLACEHOLDER", p, "marker") for p in lex["placeholders"]]
        + [("S9-PLACEHOLDER", p, "style") for p in lex["template_phrases"]]
    )
    for code, pattern, basis in text_patterns:
        for sent, m in ctx.find_sentences(pattern):
            p = sent.paragraph_at(m.start())
            pos = (p.location.line, p.location.paragraph, p.location.table)
            if (code, pos) in seen:
                continue
            seen.add((code, pos))
            quote = m.group(0) if basis == "marker" else sent.quote
            yield ctx.defect(
                code,
                sent.location(m.start()),
                {"text": sent.quote, "match": m.group(0)},
                severity={"prose": "warning", "style": "info"}.get(basis),
                basis=basis,
                text=quote,
                author=_author(m.groupdict().get("author")),
                kind=label("", ""),
            )
    if ctx.report.document.source != "pdf":  # a PDF has pages: its numbers are no residue
        yield from _page_numbers(ctx)


def _page_numbers(ctx: Context) -> Iterator[Defect]:
    """A lone page number left in the text.  A run of them (1, 2, 3 … spread
    through the text) is the pagination of the file the text was converted
    from, not the report's; a bare figure counts only after the last sentence,
    since a figure on a line of its own is often a table value a conversion
    cut loose."""
    params = ctx.params("S9-PAGE-NUMBER")
    marked = [compiled(p) for p in params["patterns"]]
    bare = compiled(params["bare"])
    paragraphs = ctx.paragraphs()
    found: list[tuple[int, str | None, Paragraph, str, bool]] = []
    for i, (key, p) in enumerate(paragraphs):
        if len(p.text) > 12:
            continue
        plain = unicodedata.normalize("NFKC", p.text).strip()
        if not plain:
            continue
        if bare.fullmatch(plain):
            found.append((i, key, p, plain, True))
        elif any(pg.fullmatch(plain) for pg in marked):
            found.append((i, key, p, plain, False))
    at: dict[int, list[int]] = {}
    for i, _, _, t, _ in found:
        n = _page_value(t)
        if n is not None:
            at.setdefault(n, []).append(i)
    gap = params["min_page_gap"]
    # the end of the text: after its last sentence only closing lines follow
    ends = params["sentence_ends"]
    last = max(
        (i for i, (_, p) in enumerate(paragraphs) if any(c in p.text for c in ends)), default=-1
    )
    for i, key, p, plain, is_bare in found:
        n = _page_value(plain)
        # pages follow each other; bare figures only at a distance (table values stand close)
        near = gap if is_bare else 1
        if n is not None and any(abs(j - i) >= near for m in (n - 1, n + 1) for j in at.get(m, ())):
            continue  # the pagination of the file the text was converted from
        if is_bare and i <= last:
            continue  # a figure amid the text: most likely a table value cut loose
        yield ctx.defect(
            "S9-PAGE-NUMBER",
            DefectLocation.at(p.location, section=key),
            {"text": p.text, "at_end": i > last},
            text=plain,
        )
