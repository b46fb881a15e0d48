"""The words of questions, from data/metrics.toml, data/qa.toml and the
template's own labels: figures (metrics), columns (applicant types, results),
operations, scope words and fillers; and one matcher that finds them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from core.derived import derived_rows
from core.template import Row, load_data, load_template
from core.textfacts import labels as text_labels
from core.textfacts import units as text_units


@dataclass(frozen=True)
class Metric:
    """A figure a question can ask for: one cell (`row`.`column`), the sum of
    a column over several rows (a derived row: 不予公开 = Σ denied.*), or a
    figure stated in the text (`source` "text")."""

    row: str
    column: str
    sum_rows: tuple[str, ...] = ()
    alternative: str | None = None  # a row holding the same figure in another form
    label_zh: str = ""
    label_en: str = ""
    unit: str = "count"
    source: str = "table"  # table | text

    @property
    def key(self) -> str:
        return self.row if self.source == "text" else f"{self.row}.{self.column}"

    @property
    def derived(self) -> bool:
        return bool(self.sum_rows)

    def cell_keys(self) -> list[str]:
        if self.source == "text":
            return []
        columns = column_groups().get(self.column, {}).get("columns") or [self.column]
        return [f"{r}.{c}" for r in (self.sum_rows or (self.row,)) for c in columns]

    def alternative_keys(self) -> list[str]:
        return [f"{self.alternative}.{self.column}"] if self.alternative else []

    def stored_keys(self) -> list[str]:
        """The fact keys to rank or add up by: the metric's own key when the
        store keeps it precomputed (derived totals), else its cells."""
        return [self.key] if self.key in stored_derived() else self.cell_keys()

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_zh


@dataclass(frozen=True)
class Word:
    text: str  # folded (NFKC, lower case, single spaces)
    target: str  # a metric row, a column key, an operation …
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


def strip_numbering(label: str) -> str:
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


def _words(entry: dict, target: str, generic: bool = False, prefix: str = "") -> list[Word]:
    return [
        Word(fold(w), target, generic)
        for lang in ("zh", "en")
        for w in entry.get(prefix + lang, ())
    ]


@cache
def metric_words() -> tuple[Word, ...]:
    """Every word naming a figure: metrics.toml, then the template's labels."""
    words: list[Word] = []
    for m in metrics_data()["metrics"]:
        words += _words(m, m["key"]) + _words(m, m["key"], True, "generic_")
    own = {w.text for w in words}
    for key, row in rows().items():
        if key.startswith("t2v19."):
            continue
        label = strip_numbering(row.label)
        if fold(label) in own:
            continue
        if len(label) >= 4:
            words.append(Word(fold(label), key))
        if row.en and len(row.en) >= 6:
            words.append(Word(fold(row.en), key))
    return tuple(sorted(set(words), key=lambda w: -len(w.text)))


@cache
def ambiguous_words() -> tuple[Word, ...]:
    """Words naming more than one figure; target: the choices joined by '|'."""
    return tuple(
        w for a in metrics_data().get("ambiguous", ()) for w in _words(a, "|".join(a["choices"]))
    )


def column_vocabulary(row: str) -> str:
    entry = metric_entries().get(row)
    if entry:
        return entry.get("columns", "none")
    return {"t3": "t3", "t4": "t4"}.get(row.split(".")[0], "none")


@cache
def column_words(vocabulary: str | None = None) -> tuple[Word, ...]:
    """Column words of one vocabulary (target: the column key), or of all
    (target: "vocabulary:column")."""
    columns = metrics_data()["columns"]
    names = [vocabulary] if vocabulary else list(columns)
    words = [
        Word(fold(w), col if vocabulary else f"{name}:{col}")
        for name in names
        for col, langs in columns.get(name, {}).items()
        if isinstance(langs, dict)
        for lang in ("zh", "en")
        for w in langs.get(lang, ())
    ]
    return tuple(sorted(words, key=lambda w: -len(w.text)))


@cache
def column_groups() -> dict[str, dict]:
    return metrics_data().get("column_groups", {})


def column_default_row(vocabulary: str) -> str | None:
    return metrics_data()["columns"].get(vocabulary, {}).get("default")


def _section_words(section: dict, order: list[str]) -> tuple[Word, ...]:
    return tuple(
        Word(fold(w), name) for name in order for lang in ("zh", "en") for w in section[name][lang]
    )


@cache
def operation_words() -> tuple[Word, ...]:
    ops = qa_data()["operations"]
    return _section_words(ops, ops["order"])


@cache
def which_words() -> tuple[Word, ...]:
    return tuple(
        Word(fold(w), "which")
        for lang in ("zh", "en")
        for w in qa_data()["operations"]["which"][lang]
    )


@cache
def scope_words() -> tuple[Word, ...]:
    return _section_words(qa_data()["scope"], ["all", "each"])


@cache
def followup_words() -> tuple[Word, ...]:
    f = qa_data()["followup"]
    return tuple(Word(fold(w), "followup") for lang in ("zh", "en") for w in f[lang])


@cache
def filler_words() -> tuple[Word, ...]:
    f = qa_data()["fillers"]
    return tuple(Word(fold(w), "filler") for lang in ("zh", "en") for w in f[lang])


@cache
def unsupported_words() -> tuple[Word, ...]:
    f = qa_data()["unsupported"]
    return tuple(Word(fold(w), "unsupported") for lang in ("zh", "en") for w in f[lang])


class Matcher:
    """Finds words in folded text with one regular expression: Chinese words
    as substrings, Latin ones as whole words; at each position the longest."""

    def __init__(self, words: tuple[Word, ...]) -> None:
        self.words: dict[str, Word] = {}
        for w in sorted(words, key=lambda w: -len(w.text)):
            self.words.setdefault(w.text, w)
        self.by_first: dict[str, list[Word]] = {}
        for w in self.words.values():
            self.by_first.setdefault(w.text[0], []).append(w)
        alts = [_pattern(w) for w in self.words.values()]
        self.regex = re.compile("(?=(" + "|".join(alts) + "))") if alts else None

    def matches(self, text: str) -> list[tuple[Word, int, int]]:
        """Every match (word, start, end), overlapping ones and shorter words
        at the same place included."""
        if self.regex is None:
            return []
        out = []
        for m in self.regex.finditer(text):
            a = m.start(1)
            for w in self.by_first[text[a]]:
                b = a + len(w.text)
                if text.startswith(w.text, a) and (not w.latin or _bounded(text, a, b)):
                    out.append((w, a, b))
        return out

    def longest(self, text: str) -> tuple[Word, int, int] | None:
        """The longest word in `text` (the first of equally long ones)."""
        found = self.matches(text)
        return max(found, key=lambda m: (m[2] - m[1], -m[1])) if found else None

    def cover(self, text: str, free: list[bool]) -> list[tuple[Word, int, int]]:
        """Non-overlapping matches on free characters, longest first."""
        chosen = []
        taken = [not f for f in free]
        for w, a, b in sorted(self.matches(text), key=lambda m: (-(m[2] - m[1]), m[1])):
            if not any(taken[a:b]):
                chosen.append((w, a, b))
                taken[a:b] = [True] * (b - a)
        return sorted(chosen, key=lambda m: m[1])


def _bounded(text: str, a: int, b: int) -> bool:
    """A Latin word stands alone: no letter or digit right before or after."""
    before = text[a - 1] if a else " "
    after = text[b] if b < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def _pattern(word: Word) -> str:
    if word.latin:
        return rf"(?<![a-z0-9]){re.escape(word.text)}(?![a-z0-9])"
    return re.escape(word.text)


@cache
def matcher(name: str) -> Matcher:
    """The matcher of one word list: metric, generic, ambiguous, column,
    column:VOCAB, operation, which, scope, followup, filler, unsupported."""
    if name == "metric":
        return Matcher(tuple(w for w in metric_words() if not w.generic))
    if name == "generic":
        return Matcher(tuple(w for w in metric_words() if w.generic))
    if name.startswith("column:"):
        return Matcher(column_words(name.split(":", 1)[1]))
    lists = {
        "ambiguous": ambiguous_words,
        "column": column_words,
        "operation": operation_words,
        "which": which_words,
        "scope": scope_words,
        "followup": followup_words,
        "filler": filler_words,
        "unsupported": unsupported_words,
    }
    return Matcher(lists[name]())


def make_metric(row: str, column: str | None = None) -> Metric:
    """The metric of `row` (a template row, a derived row or a text figure)
    and `column` (default: the metric's own default, else the row's last)."""
    entry = metric_entries().get(row, {})
    if entry.get("source") == "text" or row in text_labels():
        label = text_labels()[row]
        return Metric(row, "", (), None, label["zh"], label["en"], text_units()[row], "text")
    derived = derived_rows().get(row)
    template_row = rows().get(row) or (rows().get(derived.rows[0]) if derived else None)
    columns = {c.key: c for c in template_row.columns} if template_row else {}
    column = column or entry.get("column") or (list(columns)[-1] if columns else "total")
    col = columns.get(column)
    group = column_groups().get(column)
    if "label" in entry:
        row_zh, row_en = entry["label"]["zh"], entry["label"]["en"]
    elif template_row and not derived:
        row_zh, row_en = strip_numbering(template_row.label), template_row.en
    else:
        row_zh = row_en = row
    multi = len(columns) > 1 and not (derived and column == "total")
    label_zh = f"{row_zh}（{col.label}）" if col and multi else row_zh
    label_en = f"{row_en} ({col.en})" if col and multi else row_en
    if group:
        label_zh = f"{row_zh}（{group['label']['zh']}）"
        label_en = f"{row_en} ({group['label']['en']})"
    return Metric(
        row=row,
        column=column,
        sum_rows=derived.rows if derived else (),
        alternative=derived.alternative if derived else other_form_row(row, column),
        label_zh=label_zh,
        label_en=label_en,
        unit=col.unit if col else "count",
    )


@cache
def other_form_row(row: str, column: str) -> str | None:
    """The row of the 2019 trial form that holds the same figure as a 2021
    row: the same label and the same column (表二 行政处罚 / 处理决定数量 …)."""
    new, old = load_template("2021").row(row), None
    if new is None:
        return None
    for r in load_template("2019").tables[new.table].rows:
        if r.key != row and r.label == new.label and any(c.key == column for c in r.columns):
            old = r.key
    return old


def stored_total(metric: Metric) -> bool:
    return metric.key in stored_derived()


@cache
def stored_derived() -> frozenset[str]:
    from core.derived import derived_totals

    return frozenset(derived_totals())


def unit_text(unit: str, lang: str) -> str:
    units = metrics_data()["units"]
    return units.get(unit, units["count"]).get(lang, "")
