"""Understanding a question, step by step (the steps `nianbao ask --explain`
shows): normalise → agency → metric → operation → what is left.  Each step
claims the words it read; a word no step claims and that is no filler is
reported as not understood, never dropped."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date

from core.agency import known_kinds, office_kind
from core.agency_index import AgencyIndex, Mention
from core.qa.normalise import Normalised, normalise
from core.qa.vocabulary import (
    Word,
    column_default_row,
    column_vocabulary,
    fold,
    matcher,
    metric_entries,
    qa_data,
)

_TOKEN = re.compile(r"[\w%％'.-]*\w[\w%％]*|[%％]")


@dataclass
class Claim:
    start: int
    end: int
    step: str  # year agency metric column operation scope filter followup filler
    what: str  # what the words were read as


@dataclass
class Understanding:
    norm: Normalised
    lang: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)  # metric rows named
    column: str | None = None
    columns: list[str] = field(default_factory=list)  # every column named (制发和废止; "": default)
    metric_from_column: bool = False  # only a column word was given (自然人呢？)
    ambiguous: list[str] = field(default_factory=list)  # metric rows a word may mean
    operation: str | None = None
    which: bool = False
    scope_all: bool = False
    scope_each: bool = False
    kind_filter: str | None = None
    limit: int | None = None
    followup: bool = False
    unknown: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)  # 比例, share: asks what is not computed
    claims: list[Claim] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.norm.text

    def free(self) -> list[bool]:
        mask = [True] * len(self.text)
        for c in self.claims:
            mask[c.start : c.end] = [False] * (c.end - c.start)
        return mask

    def claim(self, a: int, b: int, step: str, what: str) -> None:
        self.claims.append(Claim(a, b, step, what))

    def words(self, step: str) -> list[Claim]:
        return sorted((c for c in self.claims if c.step == step), key=lambda c: c.start)


def understand(question: str, agencies: AgencyIndex, today: date) -> Understanding:
    u = Understanding(normalise(question, today))
    for a, b, _ in u.norm.claims:
        u.claim(a, b, "year", u.text[a:b])
    _agencies(u, agencies)
    _metric(u)
    _unsupported(u)
    _operation(u)
    _rest(u)
    u.lang = _language(u)
    return u


# ------------------------------------------------------------ step 2: agency
def _agencies(u: Understanding, agencies: AgencyIndex) -> None:
    blocked = [not f for f in u.free()]
    soft = list(blocked)
    free = u.free()
    for name in ("metric", "generic", "ambiguous", "operation"):
        for _w, a, b in matcher(name).cover(u.text, free):
            blocked[a:b] = [True] * (b - a)
    for name in ("column", "scope", "filler"):
        for w, a, b in matcher(name).cover(u.text, free):
            if len(w.text) >= 2:
                soft[a:b] = [True] * (b - a)
    soft = [x or y for x, y in zip(soft, blocked, strict=True)]
    compact, found = agencies.find(u.text, blocked, soft)
    for m in found:
        a, b = compact.span(m.start, m.end)
        m.start, m.end = a, b
        u.mentions.append(m)
        u.claim(a, b, "agency", m.text)


# ------------------------------------------------------------ step 3: metric
def _metric(u: Understanding) -> None:
    specific = matcher("metric").cover(u.text, u.free())
    for w, a, b in specific:
        u.claim(a, b, "metric", w.target)
    rows = _most_specific(list(dict.fromkeys(w.target for w, _, _ in specific)))
    if not rows:
        for w, a, b in matcher("ambiguous").cover(u.text, u.free()):
            u.claim(a, b, "metric", w.target)
            u.ambiguous = w.target.split("|")
    generic = matcher("generic").cover(u.text, u.free())
    for w, a, b in generic:
        u.claim(a, b, "metric", w.target)
    if not rows and not u.ambiguous and generic:
        rows = [generic[0][0].target]
    elif rows:
        rows = rows + _own_clauses(u, specific, generic)
    vocab = column_vocabulary(rows[0]) if rows else None
    # the words of a figure that yields (still pending, before 复议) may be a
    # column of the figure it yields to: read again as one, else left claimed
    yielded = [c for c in u.claims if c.step == "metric" and c.what not in rows and specific]
    yielded = [c for c in yielded if any(c.what == w.target for w, _, _ in specific)]
    u.claims = [c for c in u.claims if c not in yielded]
    col = _column(u, vocab)
    free = u.free()
    for c in yielded:
        if all(free[c.start : c.end]):  # not a column: still the figure's word, or
            column_only = metric_entries().get(c.what, {}).get("yields_word") == "column"
            u.claims.append(Claim(c.start, c.end, "unknown" if column_only else "metric", c.what))
            if column_only:  # 复议尚未办结 with no column word: not understood, never the total
                u.unsupported.append(u.text[c.start : c.end])
    if col is not None and not rows and not u.ambiguous:
        vocab, column = col
        rows = [column_default_row(vocab)]
        u.metric_from_column = True
    if col is not None:
        u.column = col[1]
        u.columns = list(dict.fromkeys(c.what for c in u.claims if c.step == "column"))
        if rows and not u.metric_from_column and _whole_asked_apart(u):
            u.columns.insert(0, "")  # "": the figure's own default column
    at = {}
    for c in u.words("metric"):
        at.setdefault(c.what, c.start)
    u.metrics = sorted(rows, key=lambda r: at.get(r, 0))  # in the order asked


def _own_clauses(u: Understanding, specific: list, generic: list) -> list[str]:
    """A generic word counts beside a named figure when it asks in a clause
    of its own (收到多少申请，行政复议多少): the clause has a question word
    and no figure named; or when it is listed beside one (收到申请和办结申请)
    — else it yields (收到多少行政复议: reconsideration)."""
    joiners = tuple(fold(j) for j in qa_data()["clauses"]["joiners"])
    starts = {a for _, a, _ in specific}
    ends = {b for _, _, b in specific}
    own = []
    for w, a, b in generic:
        lo, hi = _clause(u, a)
        named = any(lo <= s < hi for _, s, _ in specific)
        # 收到申请和办结申请: a general word listed beside a named figure
        listed = any(
            (u.text.startswith(j, b) and b + len(j) in starts)
            or (u.text.endswith(j, 0, a) and a - len(j) in ends)
            for j in joiners
        )
        if ((not named and _asks(u, lo, hi)) or listed) and w.target not in own:
            own.append(w.target)
    return own[:1]


def _clause(u: Understanding, i: int) -> tuple[int, int]:
    """The clause of the question holding position `i` (qa.toml `clauses`)."""
    cuts = [0, *(m.end() for m in re.finditer(qa_data()["clauses"]["separators"], u.text))]
    cuts.append(len(u.text))
    return next((lo, hi) for lo, hi in itertools.pairwise(cuts) if lo <= i < hi)


def _asks(u: Understanding, lo: int, hi: int) -> bool:
    words = qa_data()["clauses"]["asks"]
    return any(u.text.find(fold(w), lo, hi) >= 0 for w in words)


def _whole_asked_apart(u: Understanding) -> bool:
    """收到申请多少件，其中自然人多少: the figure asked in a clause of its own
    (its default column), before the clause naming a column."""
    columns = {_clause(u, c.start) for c in u.words("column")}
    return any(
        (span := _clause(u, c.start)) not in columns and _asks(u, *span) for c in u.words("metric")
    )


def _column(u: Understanding, vocab: str | None) -> tuple[str, str] | None:
    """The column named (自然人, 维持, 废止), for the metric's vocabulary; or,
    with no metric, the first column word of any vocabulary."""
    if vocab is not None:
        found = matcher(f"column:{vocab}").cover(u.text, u.free())
        for w, a, b in found:
            u.claim(a, b, "column", w.target)
        return (vocab, found[0][0].target) if found else None
    found = matcher("column").cover(u.text, u.free())
    if not found:
        return None
    vocab, column = found[0][0].target.split(":", 1)
    for w, a, b in found:
        if w.target.startswith(vocab + ":"):
            u.claim(a, b, "column", w.target.split(":", 1)[1])
    return vocab, column


def _most_specific(rows: list[str]) -> list[str]:
    """Drop a figure that another named one is part of (行政诉讼 in
    行政诉讼中直接起诉), and one that yields to another (主动公开 before a
    table-二 figure: 主动公开的规范性文件)."""
    from core.derived import derived_rows

    out = []
    for r in rows:
        parts = set(derived_rows()[r].rows) if r in derived_rows() else set()
        child = any(o != r and (o.startswith(r + ".") or o in parts) for o in rows)
        yields = metric_entries().get(r, {}).get("yields_to", ())
        yielded = any(o != r and any(o.startswith(p) for p in yields) for o in rows)
        if not child and not yielded:
            out.append(r)
    return out


def _unsupported(u: Understanding) -> None:
    """Words asking for what no figure holds and nothing computes (a ratio, a
    share): never read as an operation or a filler (比例 is no 比 and 例), so
    the question is declined naming them — a count is no answer to a ratio."""
    for w, a, b in matcher("unsupported").cover(u.text, u.free()):
        u.unsupported.append(w.text)
        u.claim(a, b, "unknown", w.text)


# ------------------------------------------------------------ step 4: operation
def _operation(u: Understanding) -> None:
    ops = qa_data()["operations"]
    for pattern in ops.get("top_n", ()):
        m = re.search(pattern, u.text)
        if m and all(u.free()[m.start() : m.end()]):
            u.limit = int(m.group(1))
            u.claim(m.start(), m.end(), "operation", f"top {u.limit}")
    _kind_filter(u)
    found = matcher("operation").cover(u.text, u.free())
    for w, a, b in found:
        u.claim(a, b, "operation", w.target)
    named = {w.target for w, _, _ in found}
    if u.limit is not None:
        named.add("rank_desc")
    u.operation = next((op for op in ops["order"] if op in named), None)
    for _w, a, b in matcher("which").cover(u.text, u.free()):
        u.which = True
        u.claim(a, b, "operation", "which")
    if u.which and u.operation is None:
        _which_more(u, ops)
    scope = matcher("scope").cover(u.text, u.free())
    for w, a, b in scope:
        setattr(u, f"scope_{w.target}", True)
        u.claim(a, b, "scope", w.target)
    figures = set(qa_data()["scope"].get("each_figure", ()))
    several = len(u.metrics) > 1 or len(u.columns) > 1
    if scope and several and all(w.text in figures for w, _, _ in scope):
        u.scope_all = u.scope_each = False  # 制发和废止分别多少: each figure, not each agency
    for w, a, b in matcher("followup").cover(u.text, u.free()):
        u.claim(a, b, "followup", w.text)
        # "and", "那" open a follow-up; "呢" ends one.
        if not u.text[:a].strip(" ,.?!") or not u.text[b:].strip(" ,.?!？。"):
            u.followup = True


def _which_more(u: Understanding, ops: dict) -> None:
    """哪个多 / 谁少: the most (or fewest) of the agencies named, or of all."""
    for name, op in (("which_more", "rank_desc"), ("which_less", "rank_asc")):
        for pattern in ops[name]:
            for m in re.finditer(pattern, u.text):
                if all(u.free()[m.start() : m.end()]):
                    u.operation = u.operation or op
                    u.claim(m.start(), m.end(), "operation", op)


def _kind_filter(u: Understanding) -> None:
    """A kind of office named without a place (哪些司法局, justice bureaus)."""
    free = u.free()
    text = "".join(ch if ok else " " for ch, ok in zip(u.text, free, strict=True))
    kind = office_kind(text)
    if kind is None:
        return
    u.kind_filter = kind
    words = [w for w in known_kinds() if len(w) >= 2 and w == kind]
    english = [k for k, v in _kinds_en().items() if v == kind]
    for w in sorted(words + english, key=len, reverse=True):
        for m in re.finditer(re.escape(w), text):
            if all(u.free()[m.start() : m.end()]):
                u.claim(m.start(), m.end(), "filter", kind)


def _kinds_en() -> dict[str, str]:
    from core.agency import vocabulary

    return vocabulary()["kinds_en"]


# ------------------------------------------------------------ step 5: the rest
def _rest(u: Understanding) -> None:
    misplaced = []  # a column word of another table (自然人 with 行政复议)
    for vocab in ("t3", "t4"):
        for w, a, b in matcher(f"column:{vocab}").cover(u.text, u.free()):
            misplaced.append(w.text)
            u.claim(a, b, "unknown", w.text)
    for w, a, b in matcher("filler").cover(u.text, u.free()):
        u.claim(a, b, "filler", w.text)
    free = u.free()
    text = "".join(ch if ok else " " for ch, ok in zip(u.text, free, strict=True))
    rest = [m.group() for m in _TOKEN.finditer(text) if not _harmless(m.group())]
    u.unknown = u.unsupported + misplaced + rest


def _harmless(token: str) -> bool:
    return token in ("s", "'s", "'")


def _language(u: Understanding) -> str | None:
    """Chinese when words outside agency names are Chinese, English when they
    are Latin; None when the question has no such words (a bare name)."""
    skip = [False] * len(u.text)
    for c in u.claims:
        if c.step in ("agency", "year"):
            skip[c.start : c.end] = [True] * (c.end - c.start)
    rest = [ch for ch, s in zip(u.text, skip, strict=True) if not s]
    latin = sum(1 for ch in rest if "a" <= ch <= "z")
    cjk = sum(1 for ch in rest if "\u3400" <= ch <= "\u9fff")
    if not latin and not cjk:
        return None
    return "en" if latin > cjk else "zh"


__all__ = ["Claim", "Understanding", "Word", "understand"]
