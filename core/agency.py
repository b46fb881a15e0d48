"""Agency names: normalisation, aliases, and finding the agency a question
names, fuzzily (rapidfuzz), with a short list to choose from when two stored
names are equally close."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, process

from core.template import load_data


@cache
def _vocabulary() -> dict:
    return load_data("qa.toml")["agency"]


def normalise(name: str) -> str:
    """Fold widths (NFKC), drop spaces and punctuation, lower-case Latin."""
    text = unicodedata.normalize("NFKC", name or "")
    return "".join(
        ch.lower() for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in "PSZ"
    )


def split_name(norm: str) -> tuple[str, str]:
    """Split a normalised name into (place, kind): 硚口区司法局 → (硚口区, 司法局)."""
    for kind in sorted(_vocabulary()["kinds"], key=len, reverse=True):
        if norm.endswith(kind) and len(norm) > len(kind):
            return norm[: -len(kind)], kind
    return norm, ""


def _bare_place(place: str) -> str:
    """The place without its administrative level: 硚口区 → 硚口."""
    for level in sorted(_vocabulary()["levels"], key=len, reverse=True):
        if place.endswith(level) and len(place) > len(level) + 1:
            return place[: -len(level)]
    return place


def aliases(name: str) -> list[str]:
    """Other ways people write a name: without the level (硚口司法局)."""
    norm = normalise(name)
    place, kind = split_name(norm)
    out = []
    bare = _bare_place(place)
    if kind and bare != place:
        out.append(bare + kind)
    return [a for a in out if a != norm]


def office_kind(text: str) -> str | None:
    """The longest office kind (司法局, 人民政府 …) written in `text`, or its
    English name (justice bureaus); used as a ranking filter."""
    norm = normalise(text)
    english = _vocabulary().get("kinds_en", {})
    low = " ".join(unicodedata.normalize("NFKC", text).lower().split())
    for words in sorted(english, key=len, reverse=True):
        if words in low:
            return english[words]
    for kind in sorted(_vocabulary()["kinds"], key=len, reverse=True):
        if len(kind) >= 2 and kind in norm:
            return kind
    return None


@dataclass(frozen=True)
class AgencyEntry:
    id: int
    name: str  # as first written
    norm: str
    aliases: tuple[str, ...] = ()


@dataclass
class Resolution:
    """The agency a text names: one (`agency`), a choice (`choices`) or none."""

    agency: AgencyEntry | None = None
    choices: list[AgencyEntry] = field(default_factory=list)
    score: float = 0.0
    span: tuple[int, int] | None = None  # where in the normalised text
    exact: bool = False


class AgencyIndex:
    """Stored agency names and aliases, searchable by a question's text."""

    def __init__(self, entries: list[AgencyEntry]) -> None:
        self.entries = {e.id: e for e in entries}
        self._strings: list[str] = []
        self._owner: list[int] = []
        # Strings by the characters of their place part: a question can only
        # name an agency whose place shares a character with it.
        self._by_char: dict[str, list[int]] = {}
        for e in entries:
            for s in (e.norm, *e.aliases):
                if s:
                    idx = len(self._strings)
                    self._strings.append(s)
                    self._owner.append(e.id)
                    place = _bare_place(split_name(s)[0]) or s
                    for ch in set(place):
                        self._by_char.setdefault(ch, []).append(idx)
        self._places: list[str] | None = None
        cfg = _vocabulary().get("match", {})
        self.min_score = cfg.get("min_score", 80)
        self.min_place = cfg.get("min_place_score", 60)
        self.close = cfg.get("close", 4)
        self.max_choices = cfg.get("max_choices", 5)

    def place_in(self, text: str) -> str | None:
        """The longest stored place name (江岸区, at least two characters)
        written in `text`: a ranking filter such as 江岸区各机关."""
        if self._places is None:
            places = {split_name(e.norm)[0] for e in self.entries.values()}
            self._places = sorted((p for p in places if len(p) >= 2), key=len, reverse=True)
        query = normalise(text)
        return next((p for p in self._places if p in query), None)

    def __len__(self) -> int:
        return len(self.entries)

    def resolve(self, text: str) -> Resolution:
        """Find the agency named somewhere in `text`."""
        query = normalise(text)
        if not query or not self._strings:
            return Resolution()
        candidates: set[int] = set()
        for ch in set(query):
            candidates.update(self._by_char.get(ch, ()))
        hits = process.extract(
            query,
            {i: self._strings[i] for i in candidates},
            scorer=fuzz.partial_ratio,
            limit=30,
            score_cutoff=self.min_score,
        )
        best: dict[int, tuple[float, str]] = {}
        for string, score, idx in hits:
            owner = self._owner[idx]
            if not self._place_matches(string, query):
                continue
            # Keep each agency's best string (its name, or an alias).
            if owner not in best or (score, len(string)) > (best[owner][0], len(best[owner][1])):
                best[owner] = (score, string)
        if not best:
            return Resolution()
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], -len(kv[1][1])))
        exact = [(i, s) for i, (sc, s) in ranked if sc >= 100]
        # A short exact name inside a longer match is part of that name
        # (区司法局 inside 硚口区司法局, or inside 桥口区司法局 misspelt).
        exact = [(i, s) for i, s in exact if not any(s != o and s in o for _, (_, o) in ranked)]
        if exact:
            if len(exact) == 1:
                i, s = exact[0]
                return Resolution(self.entries[i], score=100.0, span=_span(s, query), exact=True)
            return Resolution(choices=[self.entries[i] for i, _ in exact][: self.max_choices])
        ranked = [kv for kv in ranked if kv[1][0] < 100]
        if not ranked:
            return Resolution()
        top_id, (top_score, top_string) = ranked[0]
        close = [i for i, (sc, _) in ranked if top_score - sc < self.close]
        if len(close) > 1:
            return Resolution(
                choices=[self.entries[i] for i in close][: self.max_choices], score=top_score
            )
        return Resolution(self.entries[top_id], score=top_score, span=_span(top_string, query))

    def _place_matches(self, string: str, query: str) -> bool:
        place, kind = split_name(string)
        if not kind or not place:
            return True
        score = max(fuzz.partial_ratio(place, query), fuzz.partial_ratio(_bare_place(place), query))
        return score >= self.min_place


def _span(needle: str, haystack: str) -> tuple[int, int] | None:
    al = fuzz.partial_ratio_alignment(needle, haystack)
    if al is None:
        return None
    if len(needle) <= len(haystack):
        return al.dest_start, al.dest_end
    return al.src_start, al.src_end
