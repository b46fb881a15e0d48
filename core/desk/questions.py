"""Recognise the reviewer's questions (patterns in data/desk.toml): who has
not filed for a year, a unit's two years side by side, and a figure of a
unit over the years.  Anything else is left to the general question
answering (None)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from core.desk_text import desk_data
from core.qa.vocabulary import metrics_data

KINDS = ("missing", "compare", "trend")


@dataclass(frozen=True)
class Metric:
    key: str  # cell key, e.g. t3.new_received.total
    label: dict[str, str]


@dataclass(frozen=True)
class DeskQuestion:
    kind: str  # missing | compare | trend
    lang: str
    year: int | None = None
    years: tuple[int, ...] = ()
    agency: str = ""  # as written; resolved against the stored agencies later
    metric: Metric | None = None
    region: str = ""


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


@cache
def _patterns() -> dict[str, dict[str, tuple[re.Pattern, ...]]]:
    q = desk_data()["questions"]
    return {
        kind: {lang: tuple(re.compile(p, re.I) for p in q[kind][lang]) for lang in ("zh", "en")}
        for kind in KINDS
    }


@cache
def _metric_words() -> tuple[tuple[str, str, str, bool], ...]:
    """(word, row key, column, generic) of data/metrics.toml, longest first."""
    words = []
    for m in metrics_data()["metrics"]:
        for lang in ("zh", "en"):
            words += [(fold(w), m["key"], m.get("column", "total"), False) for w in m.get(lang, ())]
            words += [
                (fold(w), m["key"], m.get("column", "total"), True)
                for w in m.get(f"generic_{lang}", ())
            ]
    return tuple(sorted(words, key=lambda w: -len(w[0])))


def metric_in(text: str) -> Metric | None:
    """The figure a text names (the longest word; generic words last)."""
    t = fold(text)
    for want_generic in (False, True):
        for word, key, column, generic in _metric_words():
            if generic == want_generic and word and word in t:
                return _metric(key, column)
    return None


def _metric(row_key: str, column: str) -> Metric:
    from core.batch.labels import row_label

    entry = next((m for m in metrics_data()["metrics"] if m["key"] == row_key), {})
    label = entry.get("label") or {
        lang: _unnumbered(row_label(row_key, lang)) for lang in ("zh", "en")
    }
    return Metric(f"{row_key}.{column}", dict(label))


def _unnumbered(label: str) -> str:
    """A row label without its numbering (一、 （二） 3.) and notes in brackets."""
    from core.template import load_template

    numerals = "".join(load_template().numerals)
    label = unicodedata.normalize("NFKC", label)
    label = re.sub(rf"^\s*(?:[{numerals}]+、|\([{numerals}]+\)|\d+\.)\s*", "", label)
    return re.sub(r"\(.*?\)", "", label).strip()


def default_metric() -> Metric:
    d = desk_data()["questions"]["default_metric"]
    return _metric(d["key"], d["column"])


def _lang_of(text: str) -> str:
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"


def _clean(agency: str) -> str:
    return re.sub(
        r"^(?:请问|请|帮我|给我|查一下|看看|show\s+me|please)\s*", "", agency.strip(), flags=re.I
    ).strip(" ，,的:：")


def recognise(question: str) -> DeskQuestion | None:
    text = unicodedata.normalize("NFKC", question).strip()
    lang = _lang_of(text)
    for kind in KINDS:
        for lang_try in (lang, "en" if lang == "zh" else "zh"):
            for rx in _patterns()[kind][lang_try]:
                m = rx.search(text)
                if m is None:
                    continue
                found = _build(kind, m.groupdict(), lang_try)
                if found is not None:
                    return found
    return None


def _build(kind: str, g: dict, lang: str) -> DeskQuestion | None:
    if kind == "missing":
        region = (g.get("region") or "").strip(" ，,的")
        return DeskQuestion("missing", lang, year=int(g["year"]), region=region)
    agency = _clean(g.get("agency") or "")
    if len(agency) < 2:
        return None
    metric_text = g.get("metric") or ""
    if kind == "compare":
        if metric_in(metric_text) is not None or metric_in(agency) is not None:
            return None  # one figure compared: the general question answering does that
        years = tuple(sorted({int(g["y1"]), int(g["y2"])}))
        if len(years) != 2:
            return None
        return DeskQuestion("compare", lang, years=years, agency=agency)
    metric = metric_in(metric_text) or metric_in(agency)
    if metric is None and fold(metric_text).strip(" ?？。"):
        return None  # a figure we do not know: let the general answering say so
    return DeskQuestion("trend", lang, agency=agency, metric=metric or default_metric())
