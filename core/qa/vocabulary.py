"""The words of questions, from `data/metrics.toml`, `data/qa.toml` and the
template's own labels: which figure (metric), which column (applicant type),
which kind of question."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from core.template import Row, load_data, load_template


@dataclass(frozen=True)
class Metric:
    """A figure a question can ask for: one cell key, or the sum of a column
    over several rows (`sum_rows`, e.g. 不予公开 = Σ denied.*)."""

    row: str
    column: str
    sum_rows: tuple[str, ...] = ()
    label_zh: str = ""
    label_en: str = ""
    unit: str = "count"

    @property
    def key(self) -> str:
        return f"{self.row}.{self.column}"

    @property
    def derived(self) -> bool:
        return bool(self.sum_rows)

    def cell_keys(self) -> list[str]:
        return [f"{r}.{self.column}" for r in (self.sum_rows or (self.row,))]

    def stored_keys(self) -> list[str]:
        """The fact keys to rank or add up by: the metric's own key when the
        store keeps it precomputed (derived totals), else its cells."""
        return [self.key] if self.key in derived_totals() else self.cell_keys()

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_zh


@dataclass(frozen=True)
class Word:
    text: str  # normalised (NFKC, lower case, single spaces)
    target: str  # a metric row, a column key or a kind
    generic: bool = False

    @property
    def latin(self) -> bool:
        return not any(_is_cjk(c) for c in self.text)


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def fold(text: str) -> str:
    """NFKC, lower case, whitespace collapsed to single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


@cache
def qa_data() -> dict:
    return load_data("qa.toml")


@cache
def metrics_data() -> dict:
    return load_data("metrics.toml")


def _strip_numbering(label: str) -> str:
    numerals = "".join(load_template().numerals)
    label = unicodedata.normalize("NFKC", label)
    label = re.sub(rf"^\s*(?:[{numerals}]+、|\([{numerals}]+\)|\d+\.)\s*", "", label)
    return re.sub(r"\(.*?\)", "", label).strip()


@cache
def rows() -> dict[str, Row]:
    """Every template row of the 2021 form (and the 2019 rows it lacks)."""
    out: dict[str, Row] = {}
    for version in ("2021", "2019"):
        for table in load_template(version).tables.values():
            for row in table.rows:
                out.setdefault(row.key, row)
    return out


@cache
def metric_entries() -> dict[str, dict]:
    return {m["key"]: m for m in metrics_data()["metrics"]}


@cache
def metric_words() -> tuple[Word, ...]:
    """Every word naming a metric: metrics.toml, then the template's labels."""
    words: list[Word] = []
    for m in metrics_data()["metrics"]:
        for lang in ("zh", "en"):
            words += [Word(fold(w), m["key"]) for w in m.get(lang, ())]
            words += [Word(fold(w), m["key"], generic=True) for w in m.get(f"generic_{lang}", ())]
    for key, row in rows().items():
        if key.startswith("t2v19."):
            continue
        label = _strip_numbering(row.label)
        if len(label) >= 4:
            words.append(Word(fold(label), key))
        if row.en and len(row.en) >= 6:
            words.append(Word(fold(row.en), key))
    return tuple(sorted(set(words), key=lambda w: -len(w.text)))


@cache
def column_words(vocabulary: str) -> tuple[Word, ...]:
    columns = metrics_data()["columns"].get(vocabulary, {})
    words = [
        Word(fold(w), col)
        for col, langs in columns.items()
        for lang in ("zh", "en")
        for w in langs.get(lang, ())
    ]
    return tuple(sorted(words, key=lambda w: -len(w.text)))


@cache
def kind_words() -> tuple[Word, ...]:
    kinds = qa_data()["kinds"]
    words = [
        Word(fold(w), kind)
        for kind in kinds["order"]
        for lang in ("zh", "en")
        for w in kinds[kind][lang]
    ]
    return tuple(words)


class Matcher:
    """Finds words in folded text with one regular expression: Chinese words
    as substrings, Latin ones as whole words; at each position the longest."""

    def __init__(self, words: tuple[Word, ...]) -> None:
        self.words = {w.text: w for w in sorted(words, key=lambda w: -len(w.text))}
        alts = [_pattern(w) for w in self.words.values()]
        self.regex = re.compile("(?=(" + "|".join(alts) + "))") if alts else None

    def matches(self, text: str) -> list[tuple[Word, int, int]]:
        """Every match (word, start, end), overlapping ones included."""
        if self.regex is None:
            return []
        return [(self.words[m.group(1)], m.start(1), m.end(1)) for m in self.regex.finditer(text)]

    def longest(self, text: str) -> tuple[Word, int, int] | None:
        """The longest word in `text` (the first of equally long ones)."""
        found = self.matches(text)
        return max(found, key=lambda m: (m[2] - m[1], -m[1])) if found else None


def _pattern(word: Word) -> str:
    if word.latin:
        return rf"(?<![a-z]){re.escape(word.text)}(?![a-z])"
    return re.escape(word.text)


@cache
def metric_matcher(generic: bool) -> Matcher:
    return Matcher(tuple(w for w in metric_words() if w.generic == generic))


@cache
def column_matcher(vocabulary: str) -> Matcher:
    return Matcher(column_words(vocabulary))


@cache
def kind_matcher() -> Matcher:
    return Matcher(kind_words())


def find(word: Word, text: str) -> re.Match[str] | None:
    """Where `word` is in folded `text`: a substring for Chinese words, whole
    words for Latin ones."""
    if word.latin:
        return re.search(rf"(?<![a-z]){re.escape(word.text)}(?![a-z])", text)
    return re.search(re.escape(word.text), text)


def column_vocabulary(row: str) -> str:
    entry = metric_entries().get(row)
    if entry:
        return entry.get("columns", "none")
    return {"t3": "t3", "t4": "t4"}.get(row.split(".")[0], "none")


def make_metric(row: str, column: str | None = None) -> Metric:
    """The metric of `row` (a template row or a derived metric) and `column`
    (default: the metric's own default, else the row's last column)."""
    entry = metric_entries().get(row, {})
    template_row = rows().get(row) or rows().get(entry.get("sum", [row])[0])
    columns = {c.key: c for c in template_row.columns} if template_row else {}
    column = column or entry.get("column") or (list(columns)[-1] if columns else "total")
    col = columns.get(column)
    if "label" in entry:
        row_zh, row_en = entry["label"]["zh"], entry["label"]["en"]
    elif template_row:
        row_zh, row_en = _strip_numbering(template_row.label), template_row.en
    else:
        row_zh = row_en = row
    multi = len(columns) > 1 and not (entry.get("sum") and column == entry.get("column"))
    label_zh = f"{row_zh}（{col.label}）" if col and multi else row_zh
    label_en = f"{row_en} ({col.en})" if col and multi else row_en
    return Metric(
        row=row,
        column=column,
        sum_rows=tuple(entry.get("sum", ())),
        label_zh=label_zh,
        label_en=label_en,
        unit=col.unit if col else "count",
    )


@cache
def derived_totals() -> dict[str, tuple[str, ...]]:
    """Derived metrics whose total the store keeps with the facts (so that
    rankings read one index range): key → the cells it adds up."""
    return {
        f"{m['key']}.total": tuple(f"{r}.total" for r in m["sum"])
        for m in metrics_data()["metrics"]
        if m.get("sum") and m.get("column", "total") == "total"
    }


def unit_text(unit: str, lang: str) -> str:
    units = metrics_data()["units"]
    return units.get(unit, units["count"]).get(lang, "")
