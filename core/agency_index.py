"""Finding the agencies a question names among the stored ones: every way of
writing each stored name (core/agency.py) looked up in the question, a region
written before a name (武汉市硚口区司法局), a misspelt place (桥口区司法局),
and names of agencies that are not stored at all (北京市教育委员会)."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from core.agency import (
    NameParts,
    Region,
    is_cjk,
    is_government,
    known_kinds,
    normalise,
    parse_name,
    region_at,
    regions_at,
    same_kind,
    surfaces,
    vocabulary,
)

HOW_ORDER = {"name": 0, "alias": 1, "place": 2}


@dataclass(frozen=True)
class AgencyEntry:
    id: int
    name: str  # as first written
    norm: str
    aliases: tuple[str, ...] = ()

    @property
    def parts(self) -> NameParts:
        return parse_name(self.norm)


@dataclass
class Mention:
    """Where a question names an agency, and which stored ones it may mean.

    `how`: name (written in full), alias (a short or long form), place (a
    government or zone named by its place; or a place whose agencies are
    meant), typo (a misspelt place, read as the closest stored name), close
    (no stored name matches; these are alike), unknown (no stored agency)."""

    start: int  # in the compact text
    end: int
    text: str
    how: str
    candidates: list[AgencyEntry] = field(default_factory=list)
    qualifier: str = ""  # a region written before the name (武汉市)
    region: Region | None = None  # for a place mention
    # for a place mention: the place's government, stored with its place one
    # letter apart (沭阳县 asked, 沐阳县人民政府 stored) — none is stored as written
    government: AgencyEntry | None = None

    @property
    def agency(self) -> AgencyEntry | None:
        return self.candidates[0] if len(self.candidates) == 1 else None


class Compact:
    """A text without spaces and punctuation, with where each character was."""

    def __init__(self, text: str) -> None:
        self.pos = [i for i, ch in enumerate(text) if normalise(ch)]
        self.s = "".join(normalise(text[i]) for i in self.pos)
        self.text = text

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text of compact [start, end)."""
        return self.pos[start], self.pos[end - 1] + 1


class AgencyIndex:
    """Stored agency names and every way of writing them."""

    def __init__(self, entries: list[AgencyEntry]) -> None:
        self.entries = {e.id: e for e in entries}
        self._surfaces: dict[str, list[tuple[int, str]]] = {}
        self._regions: dict[str, set[int]] = {}  # a place (full or bare) → agencies in it
        self._by_kind: dict[str, list[int]] = {}
        self._by_place: dict[str, list[int]] = {}
        self.parts: dict[int, NameParts] = {}
        for e in entries:
            found = surfaces(e.name)
            for a in e.aliases:
                found.setdefault(a, "alias")
            for s, how in found.items():
                self._surfaces.setdefault(s, []).append((e.id, how))
            parts = self.parts[e.id] = e.parts
            if parts.inner is not None:
                self._by_place.setdefault(parts.inner.place, []).append(e.id)
            for r in parts.regions:
                for key in {r.full, r.place}:
                    if len(key) >= 2:
                        self._regions.setdefault(key, set()).add(e.id)
            self._by_kind.setdefault(parts.kind, []).append(e.id)
        self._longest = max((len(s) for s in self._surfaces), default=0)

    def __len__(self) -> int:
        return len(self.entries)

    # ------------------------------------------------------------ finding
    def find(
        self, text: str, blocked: list[bool] | None = None, soft: list[bool] | None = None
    ) -> tuple[Compact, list[Mention]]:
        """Every agency mention in `text`, in order, without overlaps.
        `blocked` marks characters of `text` that other words of the question
        took (收到, 2023年): no name that is not stored is read there; `soft`
        ones (请问, 统计) may be inside a name but never start one."""
        c = Compact(text)
        taken = [False] * len(c.s)
        held = [bool((blocked and blocked[i]) or (soft and soft[i])) for i in c.pos]
        mentions = [m for m in self._exact(c.s) if self._keep(c.s, m, held)]
        for m in mentions:
            self._qualify(c.s, m)
            taken[m.start : m.end] = [True] * (m.end - m.start)
        starts = list(taken)
        if blocked is not None:
            for k, i in enumerate(c.pos):
                taken[k] = taken[k] or blocked[i]
                starts[k] = taken[k] or bool(soft and soft[i])
        mentions += self._unknown(c.s, taken, starts)
        mentions.sort(key=lambda m: m.start)
        return c, mentions

    def _exact(self, s: str) -> list[Mention]:
        hits = []
        for i in range(len(s)):
            for j in range(min(len(s), i + self._longest), i + 1, -1):
                found = self._surfaces.get(s[i:j])
                if found:
                    hits.append((i, j, found))
        hits.sort(key=lambda h: (-(h[1] - h[0]), min(HOW_ORDER[how] for _, how in h[2]), h[0]))
        chosen: list[Mention] = []
        used = [False] * len(s)
        for i, j, found in hits:
            if any(used[i:j]):
                continue
            best = min(HOW_ORDER[how] for _, how in found)
            ids = list(dict.fromkeys(a for a, how in found if HOW_ORDER[how] == best))
            how = next(h for h, n in HOW_ORDER.items() if n == best)
            m = Mention(i, j, s[i:j], how, [self.entries[a] for a in ids])
            chosen.append(m)
            used[i:j] = [True] * (j - i)
        return chosen

    def _keep(self, s: str, m: Mention, held: list[bool]) -> bool:
        """A stored name inside a longer name is not that agency: 洪泽区 in
        洪泽区司法局, 区司法局 in 尧都区司法局."""
        if m.how == "place" and _kind_after(s, m.end):
            return False
        if (
            m.how == "name"
            and m.end < len(s)
            and not held[m.end]
            and s[m.end] not in "与和及同跟比、"
            and all(not e.parts.kind for e in m.candidates)
            and _kind_after(s, m.end)
        ):
            return False  # 上海市 of 上海市教育委员会: a place's own report, not its bureau's
        if (
            m.how == "alias"
            and m.end < len(s)
            and s[m.end] not in "与和及同跟比、"
            and _kind_after(s, m.end)
            and all(not e.parts.kind or is_government(e.parts.kind) for e in m.candidates)
        ):
            return (
                False  # 平潭 of 平潭自然资源局: the place of an agency's name, not its government
            )
        if m.how != "place" and m.candidates[0].parts.inner is None:
            before = m.start - 1
            if m.start and s[before] in "各全每些个":
                return False  # 各区司法局: every district's bureau, not one named so
            return not (m.start and is_cjk(s[before]) and _placeish(s[before]) and not held[before])
        return True

    def _qualify(self, s: str, m: Mention) -> None:
        """Take in a region written before the name (武汉市 of 武汉市硚口区司法局)
        when no candidate's own regions contradict it."""
        for k in range(max(0, m.start - 8), m.start):
            chain, end = regions_at(s, k)
            while chain and end > m.start:
                end -= len(chain[-1].full)
                chain = chain[:-1]
            if not chain or end != m.start:
                continue
            written = {r.place for r in chain} | {r.full for r in chain}
            fits = [e for e in m.candidates if _fits(e, written)]
            if fits:
                m.candidates = fits
                m.qualifier = s[k : m.start]
                m.start = k
                m.text = s[k : m.end]
            return

    # ------------------------------------------------------------ not stored
    def _unknown(self, s: str, taken: list[bool], starts: list[bool]) -> list[Mention]:
        """Names of agencies (a region and a kind, or a known kind after a
        place) and places that no stored surface matched."""
        out: list[Mention] = []
        i = 0
        while i < len(s):
            if starts[i]:
                i += 1
                continue
            m = self._unknown_at(s, i, taken)
            if m is None:
                i += 1
                continue
            out.append(m)
            taken[m.start : m.end] = [True] * (m.end - m.start)
            starts[m.start : m.end] = [True] * (m.end - m.start)
            i = m.end
        return out

    def _unknown_at(self, s: str, i: int, taken: list[bool]) -> Mention | None:
        chain, end = regions_at(s, i)
        if chain and any(taken[i:end]):
            chain = ()
        if chain:
            kind_end = _kind_end(s, end, taken)
            kind = s[end:kind_end]
            if any(taken[end:kind_end]):
                kind, kind_end = "", end
            return self._resolve(s, i, kind_end, NameParts(chain, kind))
        place = next(
            (s[i:j] for j in range(min(len(s), i + 8), i + 1, -1) if s[i:j] in self._regions),
            None,
        )
        if place is not None and not any(taken[i : i + len(place)]):
            end = i + len(place)
            if not _kind_after(s, end):
                return self._place(i, end, place, Region(place, ""), self.agencies_in(place))
            kind_end = _kind_end(s, end, taken)
            if kind_end > end:  # 平潭自然资源局: a stored place, a kind no name has
                return self._resolve(
                    s, i, kind_end, NameParts((Region(place, ""),), s[end:kind_end])
                )
        for kind in known_kinds():
            for n in (3, 2):
                k = i + n
                if len(kind) >= 2 and s.startswith(kind, k) and not any(taken[i : k + len(kind)]):
                    place = s[i:k]
                    if all(is_cjk(ch) and _placeish(ch) for ch in place):
                        parts = NameParts((Region(place, ""),), kind)
                        return self._resolve(s, i, k + len(kind), parts)
        return None

    def _resolve(self, s: str, start: int, end: int, parts: NameParts) -> Mention:
        """An agency name no surface matched: a misspelling of a stored one,
        names alike, the agencies of a stored place, or not stored."""
        text = s[start:end]
        inner = parts.inner
        if not parts.kind:
            ids = self._regions.get(inner.full) or self._regions.get(inner.place) or set()
            cands = [self.entries[a] for a in sorted(ids)]
            return self._place(start, end, text, inner, cands)
        typos, close = [], []
        ids = [i for kind, ks in self._by_kind.items() if same_kind(kind, parts.kind) for i in ks]
        ids += self._by_place.get(inner.place, [])
        for i in dict.fromkeys(ids):
            e, ep = self.entries[i], self.parts[i]
            if ep.inner is None:
                continue
            if same_kind(ep.kind, parts.kind):
                d = Levenshtein.distance(ep.inner.place, inner.place)
                if d == 0 and inner.level and ep.inner.level != inner.level:
                    close.append(e)  # 东风县 for 东风区: maybe another agency
                elif d == 1 and len(inner.place) >= 2 and len(ep.inner.place) == len(inner.place):
                    if inner.level in ("", ep.inner.level):
                        typos.append(e)
                    else:
                        close.append(e)
            elif ep.inner.place == inner.place and self._kind_alike(ep.kind, parts.kind):
                close.append(e)
        if len(typos) == 1 and not close:
            return Mention(start, end, text, "typo", typos)
        alike = typos + close
        if alike:
            return Mention(start, end, text, "close", alike[: vocabulary()["match"]["max_choices"]])
        return Mention(start, end, text, "unknown", region=inner)

    def _place(
        self, start: int, end: int, text: str, region: Region, cands: list[AgencyEntry]
    ) -> Mention:
        """A place written alone: its agencies; and, when none of them is its
        government, the one government whose place is that place misspelt
        (in the question or in the report: one letter, same length and level)."""
        government = None
        if not any(is_government(self.parts[e.id].kind) for e in cands):
            govs = [
                e
                for e in self.entries.values()
                if (ep := self.parts[e.id]).inner is not None
                and is_government(ep.kind)
                and len(region.place) >= 2
                and len(ep.inner.place) == len(region.place)
                and Levenshtein.distance(ep.inner.place, region.place) == 1
                and region.level in ("", ep.inner.level)
            ]
            government = govs[0] if len(govs) == 1 else None
        if not cands and government is None:
            return Mention(start, end, text, "unknown", region=region)
        return Mention(start, end, text, "place", cands, region=region, government=government)

    def _kind_alike(self, stored: str, written: str) -> bool:
        if not stored or not written:
            return False  # a government named by its place alone is no bureau
        if written in stored or stored in written:
            return True
        stem = written.rstrip("局委厅办处")
        if len(stem) >= 2 and stem in stored:
            return True
        return fuzz.ratio(stored, written) >= vocabulary()["match"]["kind_score"]

    # ------------------------------------------------------------ places
    def agencies_in(self, place: str) -> list[AgencyEntry]:
        return [self.entries[a] for a in sorted(self._regions.get(place, ()))]

    def place_in(self, text: str) -> str | None:
        """The longest stored place (江岸区, 平潭) written in `text`."""
        s = normalise(text)
        found = [p for p in self._regions if p in s]
        return max(found, key=len) if found else None

    def government_of(self, candidates: list[AgencyEntry]) -> AgencyEntry | None:
        govs = [e for e in candidates if is_government(self.parts[e.id].kind)]
        return govs[0] if len(govs) == 1 else None


def _fits(e: AgencyEntry, written: set[str]) -> bool:
    """Whether the regions written before a name can be this agency's:
    its own outer regions, or none that contradict (it has no outer ones)."""
    own = e.parts.regions
    names = {r.place for r in own} | {r.full for r in own}
    return bool(written & names) or len(own) <= 1


def _placeish(ch: str) -> bool:
    return ch not in "年的和与及或、在是有了吗呢么各哪些个这那其所全"


def _kind_after(s: str, i: int) -> bool:
    return any(s.startswith(k, i) for k in known_kinds() if len(k) >= 2) or (
        _kind_end(s, i, None) > i
    )


def _kind_end(s: str, i: int, taken: list[bool] | None) -> int:
    """Where a kind of unit starting at `s[i]` ends (教育委员会, 司法局), or `i`.
    No kind starts with a word joining names (许昌和硚口司法局: 许昌, then another)."""
    v = vocabulary()
    if s.startswith(tuple(v["name_joiners"]), i):
        return i
    endings = sorted(v["kind_endings"], key=len, reverse=True)
    for p in range(i, min(len(s), i + v["kind_max"])):
        if not is_cjk(s[p]) or (taken and taken[p]):
            return i
        ending = next((e for e in endings if s.startswith(e, p)), None)
        if ending is None:
            continue
        end = p + len(ending)
        short = ending in v["short_endings"] or len(ending) == 1
        if short and end - i < 3:
            continue
        return end
    return i


__all__ = ["AgencyEntry", "AgencyIndex", "Compact", "Mention", "region_at"]
