"""Find the report's top-level headings and match them to the template's six
sections (or to the headings of the pre-2019 structure)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from core.document import Document, Paragraph, Table
from core.normalize import clean, label_key
from core.parse.glued import TABLE_TEXT
from core.parse.labels import row_index
from core.report import Section
from core.template import OldHeading, SectionSpec, Template, load_template

HEADING_CUTOFF = 72.0


@dataclass(frozen=True)
class _Patterns:
    top: tuple[re.Pattern[str], ...]
    sub: re.Pattern[str]
    max_length: int
    sentence_marks: tuple[str, ...]
    standard_sep: str
    numerals: dict[str, int]
    first_chars: frozenset[str]


@cache
def _patterns() -> _Patterns:
    t = load_template()
    h = t.lexicon["headings"]
    return _Patterns(
        top=tuple(re.compile(p) for p in h["top"]),
        sub=re.compile(h["sub"]),
        max_length=h["max_length"],
        sentence_marks=tuple(h["sentence_marks"]),
        standard_sep=h["standard_sep"],
        numerals={n: i + 1 for i, n in enumerate(t.numerals)},
        # A heading starts with a numeral, a digit (half or full width) or 第.
        first_chars=frozenset(t.numerals) | frozenset("0123456789０１２３４５６７８９第"),
    )


def _number(num: str, numerals: dict[str, int]) -> int | None:
    digits = num.strip("第部分")
    if digits.isdigit():
        return int(digits)
    if digits in numerals:
        return numerals[digits]
    if len(digits) == 2 and digits[0] == "十" and digits[1] in numerals:
        return 10 + numerals[digits[1]]
    return None


def _best(text: str, candidates: list[tuple[str, object]]) -> tuple[float, object | None]:
    """The best-matching candidate heading (score 0–100) and its payload."""
    keys = [label_key(cand) for cand, _ in candidates]
    best = process.extractOne(label_key(text), keys, scorer=fuzz.ratio)
    if best is None or best[1] <= 0:
        return 0.0, None
    return best[1], candidates[best[2]][1]


def _run_in(title: str, candidates: list[str]) -> tuple[str, str] | None:
    """A known heading at the start of a long line ("一、总体情况。2023年，…"):
    (heading as written, the rest of the line)."""
    for cand in candidates:
        want = label_key(cand)
        for end in range(len(cand), min(len(title), len(cand) + 6) + 1):
            if label_key(title[:end]) == want:
                return title[:end], title[end:].lstrip("。.:：,，;； ")
    return None


def _original_rest(original: str, heading: str) -> str:
    """The text after `heading` in the line as written (not normalised)."""
    want = label_key(heading)
    for i in range(len(original) + 1):
        if label_key(original[:i]) == want:
            return original[i:].lstrip("。.:：,，;； ")
    return ""


def _matched(
    new: tuple[float, SectionSpec | None],
    old: tuple[float, OldHeading | None],
    cutoff: float,
    common: dict,
) -> Section | None:
    """The Section of the best match at or above `cutoff`: one of the six
    (style 2021) or a pre-2019 heading."""
    (new_score, spec), (old_score, old_spec) = new, old
    if new_score >= cutoff and new_score >= old_score:
        return Section(
            key=spec.key,
            standard=spec.heading,
            score=new_score,
            style="2021",
            expected_number=spec.number,
            **common,
        )
    if old_score >= cutoff:
        return Section(
            key=old_spec.maps_to,
            standard=old_spec.heading,
            score=old_score,
            style="pre2019",
            expected_number=None,
            **common,
        )
    return None


UNNUMBERED_CUTOFF = 92.0


def _unnumbered(p: Paragraph, template: Template) -> Section | None:
    """A heading line without a number: Word's automatic numbering (the number
    is not in the text), or a drafter who left it out (reported by rule S2)."""
    pats = _patterns()
    if len(p.text) > 2 * pats.max_length:
        return None
    text = clean(p.text)
    if not text or len(text) > pats.max_length or any(m in text for m in pats.sentence_marks):
        return None
    modern = [(h, s) for s in template.sections for h in (s.heading, *s.variants)]
    old = [(o.heading, o) for o in template.old_headings]
    common = {
        "heading": p.text.strip(),
        "numbering": "",
        "title": text,
        "location": p.location,
        "standard_numbering": p.numbered,
        "written_number": None,
    }
    return _matched(_best(text, modern), _best(text, old), UNNUMBERED_CUTOFF, common)


def heading_of(p: Paragraph, template: Template) -> tuple[Section | None, str | None]:
    """The Section that paragraph `p` opens (or None when it is not a heading),
    and the text that follows a heading run into its first sentence."""
    pats = _patterns()
    if p.text.lstrip()[:1] not in pats.first_chars:
        return _unnumbered(p, template), None
    text = clean(p.text)
    for pattern in pats.top:
        m = pattern.match(text)
        if m:
            break
    else:
        return None, None
    title = m.group("text").strip()
    modern = [(h, s) for s in template.sections for h in (s.heading, *s.variants)]
    old = [(o.heading, o) for o in template.old_headings]
    rest = None
    long = len(text) > pats.max_length or any(mark in text for mark in pats.sentence_marks)
    new_score, spec = _best(title, modern) if not long else (0.0, None)
    old_score, old_spec = _best(title, old) if not long else (0.0, None)
    if max(new_score, old_score) < HEADING_CUTOFF:
        split = _run_in(title, [h for h, _ in modern + old])
        if split is None and long:
            return None, None
        if split is not None:
            title, rest = split
            rest = _original_rest(p.text.strip(), text[: m.start("text")] + title)
            new_score, spec = _best(title, modern)
            old_score, old_spec = _best(title, old)
    num = m.group("num")
    standard_numbering = num in pats.numerals and m.group("sep") == pats.standard_sep
    written = _number(num, pats.numerals)
    common = {
        "heading": f"{text[: m.start('text')]}{title}" if rest is not None else p.text.strip(),
        "numbering": text[: m.start("text")].strip(),
        "title": title,
        "location": p.location,
        "standard_numbering": standard_numbering,
        "written_number": written,
    }
    found = _matched((new_score, spec), (old_score, old_spec), HEADING_CUTOFF, common)
    if found is not None:
        return found, rest
    if num in pats.numerals and rest is None:
        # A numbered heading outside the template (e.g. 七、举办各类培训情况).
        return Section(
            key=None,
            standard="",
            score=max(new_score, old_score),
            style="unknown",
            expected_number=None,
            **common,
        ), rest
    return None, None


def _is_row_label(text: str) -> bool:
    return any(h.score == 100.0 for h in row_index().match(text.strip()))


def find_sections(
    doc: Document, template: Template, skip: set[tuple] | frozenset = frozenset()
) -> tuple[list[Section], list[Paragraph]]:
    """Return (sections, paragraphs before the first section).  Paragraphs
    whose place is in `skip` were read as table rows and belong to no section."""
    pats = _patterns()
    sections: list[Section] = []
    before: list[Paragraph] = []
    for block in doc.blocks:
        if isinstance(block, Table):
            continue
        if (skip and block.location.place() in skip) or block.style == TABLE_TEXT:
            continue
        sec, rest = heading_of(block, template)
        if sec is not None and _is_row_label(block.text):
            sec = None  # 四、结转下年度继续办理 is a table row, not part four
        if sec is not None and sec.style == "unknown":
            # An unknown numbered heading must continue the numbering.
            last = sections[-1].written_number if sections else 0
            if last is None or sec.written_number != last + 1:
                sec = None
        if sec is not None:
            sections.append(sec)
            if rest:
                body = Paragraph(rest, block.location, block.style)
                sec.paragraphs.append(body)
                if pats.sub.match(clean(rest)):
                    sec.subheadings.append(body)
            continue
        if not sections:
            before.append(block)
            continue
        current = sections[-1]
        current.paragraphs.append(block)
        if block.text.lstrip()[:1] in "(（" and pats.sub.match(clean(block.text)):
            current.subheadings.append(block)
    return sections, before


def heading_style(sections: list[Section]) -> str:
    styles = {s.style for s in sections if s.style != "unknown"}
    if not styles:
        return "none"
    if styles == {"2021"}:
        return "2021"
    if styles == {"pre2019"}:
        return "pre2019"
    return "mixed"
