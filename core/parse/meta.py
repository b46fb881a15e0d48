"""The report's title, agency, year, closing date (落款) and issuer kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from core.agency import normalise, parse_name
from core.document import Document, Location, Paragraph
from core.normalize import fold, squash
from core.template import load_template

_TITLE_LINES = 3
_SPACE = re.compile(r"\s+")
_SENTENCE_END = frozenset("。：:；;，,")
_TRAILING_NOTE = re.compile(r"\([^()]*\)$")
_TITLE_PART_MAX = 40
_BULLET = re.compile(r"^\s*[•·●▪◦■□◆◇▶►]")
_SITE_SUFFIX = re.compile(r"\s*[-_|｜—–]+\s*([^-_|｜—–]{1,20})$")


@dataclass(frozen=True)
class _Lex:
    genre: tuple[str, ...]
    title_patterns: tuple[re.Pattern[str], ...]
    agency_strip: tuple[str, ...]
    title_prefixes: tuple[str, ...]
    label_lines: frozenset[str]
    title_search: int
    period: re.Pattern[str]
    dates: tuple[re.Pattern[str], ...]
    search_lines: int
    digits: dict[str, int]
    issuer_order: tuple[str, ...]
    issuer: dict[str, tuple[str, ...]]
    place_levels: dict[str, str]


@cache
def _lex() -> _Lex:
    lx = load_template().lexicon
    return _Lex(
        genre=tuple(lx["title"]["genre"]),
        title_patterns=tuple(re.compile(p) for p in lx["title"]["patterns"]),
        agency_strip=tuple(lx["title"]["agency_strip"]),
        title_prefixes=tuple(lx["title"]["prefixes"]),
        label_lines=frozenset(lx["title"].get("label_lines", ())),
        title_search=lx["title"]["search_lines"],
        period=re.compile(lx["year"]["period"]),
        dates=tuple(re.compile(p) for p in lx["closing_date"]["patterns"]),
        search_lines=lx["closing_date"]["search_lines"],
        digits=dict(lx["chinese_digits"]),
        issuer_order=tuple(lx["issuer"]["order"]),
        issuer={k: tuple(lx["issuer"][k]) for k in lx["issuer"]["order"]},
        place_levels={
            **dict.fromkeys(lx["issuer"]["government_levels"], "government"),
            **dict.fromkeys(lx["issuer"]["township_levels"], "township"),
        },
    )


def _unprefixed(text: str, prefixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        if text.startswith(prefix) and text[len(prefix) : len(prefix) + 1] in (":", "："):
            return text[len(prefix) + 1 :]
    return text


def _is_label(text: str) -> bool:
    """A line that labels the page ("正文", "附件1"), never part of a title."""
    t = squash(text).lstrip("#").rstrip(":：")
    return t in _lex().label_lines or (t.startswith("附件") and t[2:].isdigit())


def _without_site(lex: _Lex, title: str) -> str:
    """A title without the site name a page header adds after it
    ("…年度报告-沭阳县发改局")."""
    m = _SITE_SUFFIX.search(title)
    if m is None or any(g in fold(m.group(1)) for g in lex.genre):
        return title
    head = title[: m.start()]
    return head if any(head.endswith(g) for g in lex.genre) else title


def _title_in_text(
    before: list[Paragraph], *, deep: bool = False
) -> tuple[str | None, Location | None]:
    """The title among the opening lines; `deep`: anywhere before the first
    part, but only a title that names its agency and year (a page printed
    with its portal's navigation above the article)."""
    lex = _lex()
    head = [p for p in (before if deep else before[: lex.title_search]) if not _is_label(p.text)]
    if deep:  # a navigation item ("• 政府信息公开年报") is never part of a title
        head = [p for p in head if not _BULLET.match(p.text)]
    spans = [(start, n) for start in range(len(head)) for n in range(1, _TITLE_LINES + 1)]
    if deep:  # a line that is a whole title before lines joined
        spans.sort(key=lambda span: span[1])
    for start, n in spans:
        parts = head[start : start + n]
        if len(parts) < n:
            continue
        # a span with a part too long or with portal metadata (索引号：…) is
        # no title, nor is any longer span holding that part
        if any(len(squash(p.text)) > _TITLE_PART_MAX for p in parts):
            continue
        texts = [_unprefixed(_SPACE.sub("", p.text).lstrip("#"), lex.title_prefixes) for p in parts]
        if any(":" in fold(t) for t in texts):
            continue
        joined = _without_site(lex, "".join(texts))
        if joined[-1:] in _SENTENCE_END:  # a sentence that mentions the report
            continue
        if any(g in fold(joined) for g in lex.genre):
            if deep and None in split_title(joined):
                continue
            return joined, parts[0].location
    return None, None


# Where a title outside the text comes from, most trusted first.
CANDIDATE_ORDER = ("heading", "meta", "html_title", "pdf_meta")


def find_title(
    before: list[Paragraph], candidates: list[tuple[str, str]] | None = None
) -> tuple[str | None, Location | None, str | None]:
    """(title, its location, where it was found): the opening lines of the text
    that name the report genre, joined when the title is broken over lines
    (portal metadata and label lines before it passed over); else a title the
    publisher put outside the text (`candidates`: the page header, <meta>,
    <title>, a PDF's properties)."""
    title, location = _title_in_text(before)
    if title is not None:
        return title, location, "text"
    lex = _lex()
    for source in CANDIDATE_ORDER:
        for where, text in candidates or ():
            joined = _SPACE.sub("", text)
            if (
                where == source
                and len(joined) <= 2 * _TITLE_PART_MAX
                and any(g in fold(joined) for g in lex.genre)
            ):
                return joined, None, source
    title, location = _title_in_text(before, deep=True)
    if title is not None:  # below a printed page's navigation: the page's title line
        return title, location, "page"
    return None, None, None


def trusted_candidates(doc: Document) -> list[tuple[str, str]]:
    """The document's titles from outside its text, less a PDF's stored title
    (its file properties, often kept from the copy of last year's report the
    new one was written over) that names another year than the statistics
    period its preamble states."""
    candidates = doc.title_candidates
    if not any(where == "pdf_meta" for where, _ in candidates):
        return candidates
    period = find_period_year(doc.paragraphs[:12])
    if period is None:
        return candidates
    return [
        (where, text)
        for where, text in candidates
        if where != "pdf_meta" or split_title(squash(text))[1] in (None, period)
    ]


_CITED = re.compile(r"《([^《》]{6,80})》")
_CITING_LINES = 6  # the opening paragraphs where a report names itself


def cited_title(paragraphs: list[Paragraph]) -> str | None:
    """The report's own name as its opening text cites it ("本报告…《某局2017年
    政府信息公开工作年度报告》…"): the article's word when the title stands
    only outside it."""
    lex = _lex()
    for p in paragraphs[:_CITING_LINES]:
        for m in _CITED.finditer(p.text):
            name = _SPACE.sub("", m.group(1))
            if any(g in fold(name) for g in lex.genre) and "条例" not in name:
                return name
    return None


def other_titles(
    title: str | None, candidates: list[tuple[str, str]] | None
) -> list[tuple[str, str]]:
    """The titles the publisher gave elsewhere that differ from `title`."""
    lex = _lex()
    seen = {squash(title or "")}
    out = []
    for where, text in candidates or ():
        joined = squash(text)
        if joined not in seen and any(g in fold(joined) for g in lex.genre):
            seen.add(joined)
            out.append((where, _SPACE.sub("", text)))
    return out


def split_title(title: str | None) -> tuple[str | None, int | None]:
    """(agency, year) named in a title."""
    if not title:
        return None, None
    lex = _lex()
    folded = squash(title)
    same_length = len(folded) == len(title)
    for pattern in lex.title_patterns:
        m = pattern.match(folded)
        if not m:
            continue
        groups = m.groupdict()
        agency = (groups.get("agency") or "").strip()
        if agency and same_length:  # the name as written (full-width brackets kept)
            agency = title[m.start("agency") : m.end("agency")]
        for word in lex.agency_strip:
            if agency.endswith(word):
                agency = agency[: -len(word)]
        year = _to_int(groups["year"]) if groups.get("year") else None
        if agency or year:
            return agency or None, year
    return None, None


def _to_int(text: str) -> int:
    if text.isdigit():
        return int(text)
    digits = _lex().digits
    if len(text) == 4:  # a year written digit by digit: 二〇二五
        return int("".join(str(digits[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:  # 十, 十二, 二十, 二十一, 三十一
        v = digits[ch]
        if v == 10:
            total += (current or 1) * 10
            current = 0
        else:
            current = v
    return total + current


def find_closing_date(
    paragraphs: list[Paragraph],
) -> tuple[date | None, Location | None, str | None]:
    """The 落款 date among the last lines, with the line before it (the agency)."""
    lex = _lex()
    tail = [p for p in paragraphs if p.text.strip()][-lex.search_lines :]
    for i in range(len(tail) - 1, -1, -1):
        text = squash(tail[i].text)
        for pattern in lex.dates:
            m = pattern.match(text)
            if not m:
                continue
            try:
                d = date(_to_int(m["year"]), _to_int(m["month"]), _to_int(m["day"]))
            except (ValueError, KeyError):
                continue
            if m.groupdict().get("signer"):
                signer = m["signer"]
            else:
                signer = squash(tail[i - 1].text) if i > 0 else None
            return d, tail[i].location, signer
    return None, None, None


def find_period_year(paragraphs: list[Paragraph]) -> int | None:
    for p in paragraphs:
        m = _lex().period.search(squash(p.text))
        if m:
            return int(m["year"])
    return None


_NAME_STOP = re.compile(r"[，,。；;：:！!？?、“”\"\s\d]")


def is_agency_name(text: str) -> bool:
    """A closing line that can be an agency's name: short, no sentence
    punctuation, no digits, not a label line."""
    t = squash(text)
    return 2 <= len(t) <= 40 and not _NAME_STOP.search(t) and not _is_label(t)


def abbreviates(short: str, full: str) -> bool:
    """Is `short` an abbreviation of `full` (上海市科委 of 上海市科学技术委员会):
    shorter, the same start, its characters in order within `full`?"""
    s, f = squash(short), squash(full)
    if len(s) >= len(f) or s[:2] != f[:2] or f.startswith(s):
        return False  # "X局" in "X局办公室" is the agency, the longer a unit of it
    it = iter(f)
    return all(ch in it for ch in s)


def issuer_kind(agency: str | None) -> str:
    if not agency:
        return "unknown"
    lex = _lex()
    name = _TRAILING_NOTE.sub("", fold(agency))  # 某市人民政府办公室（市政务服务数据管理局）
    for kind in lex.issuer_order:
        if any(name.endswith(s) for s in lex.issuer[kind]):
            return kind
    # A place alone (上海市): the report of that place, a government or township.
    parts = parse_name(normalise(name))
    if parts.regions and not parts.kind:
        return lex.place_levels.get(parts.regions[-1].level, "unknown")
    return "unknown"
