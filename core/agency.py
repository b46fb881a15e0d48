"""Agency names: how a name is built (regions, then the kind of unit), the
other ways people write it (aliases), and their spelling rules from
data/agencies.toml.  Finding the agencies a question names is
core/agency_index.py."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import product

from core.template import load_data


@cache
def vocabulary() -> dict:
    return load_data("agencies.toml")


def normalise(name: str) -> str:
    """Fold widths (NFKC), drop spaces and punctuation, lower-case Latin."""
    text = unicodedata.normalize("NFKC", name or "")
    return "".join(
        ch.lower() for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in "PSZ"
    )


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@cache
def _levels() -> tuple[str, ...]:
    return tuple(sorted(vocabulary()["levels"], key=len, reverse=True))


@cache
def _kind_groups() -> dict[str, frozenset[str]]:
    """Each kind word → every word of its synonym group."""
    out: dict[str, frozenset[str]] = {}
    for group in vocabulary()["kind_synonyms"]:
        words = frozenset(group)
        for w in group:
            out[w] = out.get(w, frozenset()) | words
    return out


@cache
def known_kinds() -> tuple[str, ...]:
    """Every kind word of the data, longest first."""
    return tuple(sorted(_kind_groups(), key=len, reverse=True))


@dataclass(frozen=True)
class Region:
    place: str  # 硚口
    level: str  # 区

    @property
    def full(self) -> str:
        return self.place + self.level


@dataclass(frozen=True)
class NameParts:
    """A name split into its regions, outermost first, and its kind:
    淮安市洪泽区人民政府 → (淮安市, 洪泽区), 人民政府."""

    regions: tuple[Region, ...]
    kind: str

    @property
    def inner(self) -> Region | None:
        return self.regions[-1] if self.regions else None


def region_at(text: str, i: int, *, max_place: int = 5) -> Region | None:
    """The region (a place and its level) starting at `text[i]`, if any: the
    shortest place followed by the longest level."""
    if i >= len(text) or text[i] in vocabulary()["not_place_start"] or not is_cjk(text[i]):
        return None
    for j in range(i + 1, min(len(text), i + max_place + 1)):
        if not is_cjk(text[j - 1]) or text[j - 1] in "和与及的":
            return None
        level = next((lv for lv in _levels() if text.startswith(lv, j)), None)
        if level is not None:
            if _starts_kind(text, i):
                return None
            return Region(text[i:j], level)
    return None


def _starts_kind(text: str, i: int) -> bool:
    return any(text.startswith(k, i) and len(k) >= 3 for k in known_kinds())


def regions_at(text: str, i: int) -> tuple[tuple[Region, ...], int]:
    """The chain of regions starting at `text[i]` and where it ends."""
    out: list[Region] = []
    while True:
        r = region_at(text, i)
        if r is None:
            return tuple(out), i
        out.append(r)
        i += len(r.full)


def parse_name(norm: str) -> NameParts:
    """Split a normalised name: 平潭综合实验区交通与建设局 → (平潭综合实验区,), 交通与建设局."""
    regions, end = regions_at(norm, 0)
    return NameParts(regions, norm[end:])


def split_name(norm: str) -> tuple[str, str]:
    """(place, kind) of a normalised name: 硚口区司法局 → (硚口区, 司法局)."""
    parts = parse_name(norm)
    place = "".join(r.full for r in parts.regions)
    return (place, parts.kind) if place and parts.kind else (norm, "")


@cache
def kind_variants(kind: str) -> frozenset[str]:
    """A kind as people write it: its synonyms, and without 与/和/及."""
    out = {kind} | set(_kind_groups().get(kind, ()))
    dropped = kind
    for w in vocabulary()["kind_drop"]:
        dropped = dropped.replace(w, "")
    if dropped and dropped != kind:
        out.add(dropped)
        out |= set(_kind_groups().get(dropped, ()))
    return frozenset(k for k in out if k or not kind)


@cache
def same_kind(a: str, b: str) -> bool:
    return bool(kind_variants(a) & kind_variants(b))


def region_variants(region: Region) -> set[str]:
    """A region as people write it: 硚口区, 硚口; 平潭综合实验区, 平潭实验区, 平潭."""
    out = {region.full}
    if len(region.place) >= 2:
        out.add(region.place)
    for short in vocabulary()["level_short"].get(region.level, ()):
        out.add(region.place + short)
    return out


def chain_variants(regions: tuple[Region, ...]) -> set[str]:
    """The region chain with outer regions dropped or written bare."""
    out: set[str] = set()
    for k in range(len(regions)):
        parts = [region_variants(r) for r in regions[k:]]
        out |= {"".join(p) for p in product(*parts)}
    return out


def is_government(kind: str) -> bool:
    return kind in vocabulary()["place_alone"]


def surfaces(name: str) -> dict[str, str]:
    """Every way of writing `name`: surface → how ("name", "alias", "place").
    "place" surfaces name a government or a zone by its place alone."""
    norm = normalise(name)
    parts = parse_name(norm)
    out: dict[str, str] = {norm: "name"}
    chains = chain_variants(parts.regions) if parts.regions else {""}
    for chain, kind in product(chains, kind_variants(parts.kind)):
        s = chain + kind
        if len(s) >= 2 and s not in out and (chain or kind == parts.kind):
            out[s] = "alias"
    if is_government(parts.kind) and parts.regions:
        for chain in chains:
            if len(chain) >= 2:
                out.setdefault(chain, "place")
        for chain, kind in product(chains, vocabulary()["government_kinds"]):
            out.setdefault(chain + kind, "alias")
    return out


def aliases(name: str) -> list[str]:
    """Other ways people write a name (kept with the stored agency)."""
    return sorted(s for s, how in surfaces(name).items() if how == "alias")


def office_kind(text: str) -> str | None:
    """The longest office kind (司法局, 人民政府 …) written in `text`, or its
    English name (justice bureaus); used as a ranking filter."""
    low = " ".join(unicodedata.normalize("NFKC", text).lower().split())
    for words, kind in sorted(vocabulary()["kinds_en"].items(), key=lambda kv: -len(kv[0])):
        if f" {words} " in f" {low} ":
            return kind
    norm = normalise(text)
    return next((k for k in known_kinds() if len(k) >= 2 and k in norm), None)
