"""Editing residue in converted text: `[bookmark: _GoBack]` and
`Comment by …:` markers that Word leaves when a document is saved as text."""

from __future__ import annotations

import re
from functools import cache

from core.document import Location, Residue
from core.template import load_template


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = load_template().lexicon["residue"]
    return re.compile(lex["bookmark"]), re.compile(lex["comment"])


def strip_residue(line: str, lineno: int | Location, residues: list[Residue]) -> str:
    """Remove residue markers from `line` (line number `lineno`), recording
    each in `residues`."""
    if "[" not in line and "Comment by" not in line:
        return line
    location = lineno if isinstance(lineno, Location) else Location(line=lineno)
    bookmark, comment = _patterns()
    for m in bookmark.finditer(line):
        residues.append(Residue("bookmark", m.group(0), location, None))
    line = bookmark.sub("", line)
    m = comment.search(line)
    if m:
        residues.append(
            Residue("comment", m.group("text").strip(), location, m.group("author").strip())
        )
        line = line[: m.start()]
    return line
