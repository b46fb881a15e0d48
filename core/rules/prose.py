"""The report's prose as sentences: lines that a PDF or a conversion wrapped
are joined again, and the text is cut at the marks that end a Chinese
sentence (。！？), not at "；" or "，", which only separate its clauses.

A prose rule reads whole sentences and quotes the whole sentence it read."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from core.defect import DefectLocation
from core.document import Paragraph
from core.template import load_template


@dataclass(frozen=True)
class Sentence:
    section: str | None
    text: str
    starts: tuple[int, ...]  # where each paragraph's text begins in `text`
    paragraphs: tuple[Paragraph, ...]

    def paragraph_at(self, pos: int) -> Paragraph:
        return self.paragraphs[max(0, bisect_right(self.starts, pos) - 1)]

    def location(self, pos: int = 0, **keys: str | None) -> DefectLocation:
        """Where the text at `pos` stands, with template keys."""
        keys.setdefault("section", self.section)
        return DefectLocation.at(self.paragraph_at(pos).location, **keys)

    @property
    def quote(self) -> str:
        """The sentence as a quote: the whole of it, spaces at its ends dropped."""
        return self.text.strip()


@cache
def _layout() -> tuple[re.Pattern[str], re.Pattern[str], str, str, int]:
    lex = load_template().lexicon["prose"]
    return (
        re.compile(lex["item_marker"]),
        re.compile(lex["sentence_end"]),
        lex["line_end"],
        lex["continues"],
        int(lex["min_wrapped"]),
    )


def _wrapped(prev: str, nxt: str) -> bool:
    """Did a conversion break one paragraph into `prev` and `nxt`?"""
    marker, _, line_end, continues, min_wrapped = _layout()
    prev, nxt = prev.rstrip(), nxt.lstrip()
    if not prev or not nxt or prev[-1] in line_end:
        return False
    if marker.match(nxt):
        return False  # the next line starts an item or a heading
    if marker.match(prev) and not any(c in prev for c in continues + "。；;:："):
        return False  # a heading line of its own
    return prev[-1] in continues or len(prev) >= min_wrapped


def _joiner(prev: str, nxt: str) -> str:
    a, b = prev.rstrip()[-1:], nxt.lstrip()[:1]
    return " " if a.isdigit() and b.isdigit() else ""


def _runs(paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """Consecutive paragraphs grouped into the paragraphs they were before a
    conversion broke them into lines."""
    runs: list[list[Paragraph]] = []
    for p in paragraphs:
        if runs and _wrapped(runs[-1][-1].text, p.text):
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def _run_text(run: list[Paragraph]) -> tuple[str, list[int]]:
    """A run's lines joined again, and where each line starts in it."""
    text, starts = "", []
    for i, p in enumerate(run):
        piece = p.text.strip() if len(run) > 1 else p.text
        if i:
            text += _joiner(text, piece)
        starts.append(len(text))
        text += piece
    return text, starts


def unwrapped(paragraphs: list[Paragraph]) -> str:
    """The paragraphs' text, one line each, with the lines a conversion broke
    one paragraph into (a PDF's lines) joined again."""
    return "\n".join(_run_text(run)[0] for run in _runs(paragraphs))


def split_sentences(section: str | None, paragraphs: list[Paragraph]) -> list[Sentence]:
    """The sentences of consecutive paragraphs of one section."""
    _, ends, *_ = _layout()
    out: list[Sentence] = []
    for run in _runs(paragraphs):
        text, starts = _run_text(run)
        begin = 0
        cuts = [m.end() for m in ends.finditer(text)]
        for end in [*cuts, len(text)]:
            if end <= begin:
                continue
            chunk = text[begin:end]
            if chunk.strip():
                first = max(0, bisect_right(starts, begin) - 1)
                last = max(0, bisect_right(starts, end - 1) - 1)
                out.append(
                    Sentence(
                        section,
                        chunk,
                        tuple(max(0, s - begin) for s in starts[first : last + 1]),
                        tuple(run[first : last + 1]),
                    )
                )
            begin = end
    return out
