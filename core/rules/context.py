"""What a check sees: the report, last year's report, the template of the
report's form, the rule texts and helpers to read cells and text."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from core.defect import Defect, DefectLocation, ui_text
from core.document import Paragraph
from core.report import Fact, Number, Report
from core.rules.prose import Sentence, split_sentences, unwrapped
from core.template import Column, Row, Template, load_template

# Sections whose text states this year's figures.
FIGURE_SECTIONS = ("s1", "s2", "s3", "s4", "s6")


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    from core.textnum import compile_with_number

    return compile_with_number(pattern)


@cache
def _multiline(pattern: str) -> re.Pattern[str]:
    from core.textnum import NUMBER

    return re.compile(pattern.replace("{num}", NUMBER), re.MULTILINE)


_GROUP = re.compile(r"\((?:[^()]|\([^()]*\))*\)(?:[?*+]|\{\d+(?:,\d*)?\})?\??")
_CLASS = re.compile(r"\[(?:\\.|[^\]])*\](?:[?*+]|\{\d+(?:,\d*)?\})?\??")
_OPTIONAL = re.compile(r"\\.|.[?*]\??|.\{\d+(?:,\d*)?\}\??|[+^$.]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


@cache
def required_word(pattern: str) -> str:
    """The longest run of Chinese characters every match of `pattern` contains
    ("" when none can be told): a cheap test before running the expression."""
    bare = _CLASS.sub("\0", _GROUP.sub("\0", pattern.replace("{num}", "\0")))
    if "|" in bare:
        return ""  # a top-level alternative
    runs = _CJK_RUN.findall(_OPTIONAL.sub("\0", bare))
    return max(runs, key=len) if runs else ""


@dataclass(frozen=True)
class _Index:
    cell_keys: tuple[str, ...]
    by_table: dict[str, tuple[str, ...]]
    columns: dict[str, Column]
    rows: dict[str, Row]


@cache
def _index(version: str) -> _Index:
    t = load_template(version)
    by_table = {k: tuple(t.cell_keys(k)) for k in t.tables}
    rows = {r.key: r for spec in t.tables.values() for r in spec.rows}
    columns = {f"{r.key}.{c.key}": c for r in rows.values() for c in r.columns}
    return _Index(tuple(k for keys in by_table.values() for k in keys), by_table, columns, rows)


def template_for(report: Report) -> Template:
    return load_template("2019" if report.format_version == "2019" else "2021")


def label(zh: str, en: str) -> dict[str, str]:
    """A slot value shown in the reader's language."""
    return {"zh": zh, "en": en}


def ui(key: str, **fmt: Any) -> dict[str, str]:
    """A fixed text of data/rules.toml [ui] as a slot value in both languages."""
    return {lang: ui_text(key, lang).format(**fmt) for lang in ("zh", "en")}


# A pattern whose match depends on where the text ends cannot be tried on
# the sentences joined into one text.
_ANCHORED = re.compile(r"\^|\$|\(\?!|\\Z|\\A|\\b")


@dataclass
class Context:
    report: Report
    previous: Report | None = None
    today: date | None = None
    parent: Report | None = None  # the same year's report of the agency's government
    template: Template = field(init=False)
    _texts: dict[
        tuple[str, ...] | None, tuple[list[tuple[str | None, Paragraph]], str, list[int]]
    ] = field(init=False, default_factory=dict)

    _orders: dict[tuple[str, ...] | None, dict[int, int]] = field(init=False, default_factory=dict)
    _unwrapped: dict[tuple[str, int], str] = field(init=False, default_factory=dict)
    _sentences: dict[tuple[str, ...] | None, list[Sentence]] = field(
        init=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        self.template = template_for(self.report)

    # ---------------------------------------------------------------- rules
    @property
    def era(self) -> str:
        """The era the report's year puts it in (pre2019 | 2019 | 2021)."""
        r = self.report
        if r.year is not None:
            era = self.template.expected_version(r.year)
            if era in ("pre2019", "2019", "2021"):
                return era
        return r.format_version if r.format_version in ("pre2019", "2019") else "2021"

    def defect(
        self,
        code: str,
        location: DefectLocation,
        evidence: dict[str, Any] | None = None,
        *,
        severity: str | None = None,
        basis: str | None = None,
        **slots: Any,
    ) -> Defect:
        """A defect of rule `code`, resting on `basis` (the rule's usual kind of
        evidence unless named), whose kind bounds the severity."""
        from core.rules.registry import allowed, rules

        rule = rules()[code]
        sev = severity or rule.severity
        kind = basis or rule.basis[0]
        if sev not in rule.severities:
            raise ValueError(f"{code} cannot carry severity {sev}")
        if kind not in rule.basis or not allowed(sev, kind):
            raise ValueError(f"{code}: evidence of kind {kind} cannot bear the severity {sev}")
        return Defect(code, rule.category, sev, location, evidence or {}, slots, kind)

    def params(self, code: str) -> dict[str, Any]:
        from core.rules.registry import rules

        return rules()[code].params

    # ---------------------------------------------------------------- cells
    def fact(self, key: str, report: Report | None = None) -> Fact | None:
        return (report or self.report).facts.get(key)

    def value(self, key: str, report: Report | None = None) -> Number | None:
        f = self.fact(key, report)
        return f.value if f is not None and f.status == "number" else None

    def sum(self, keys: list[str], report: Report | None = None) -> Number | None:
        """Σ of the cells, or None when any is missing, blank or not a number."""
        total: Number = 0
        for k in keys:
            v = self.value(k, report)
            if v is None:
                return None
            total += v
        return total

    def cell_keys(self, table: str | None = None) -> tuple[str, ...]:
        """The template's cell keys, of one table or of all."""
        index = _index(self.template.version)
        return index.by_table.get(table, ()) if table else index.cell_keys

    def row_cells(self, row_key: str) -> list[str]:
        row = _index(self.template.version).rows.get(row_key)
        return row.cell_keys() if row else []

    def column(self, key: str) -> Column | None:
        return _index(self.template.version).columns.get(key)

    def cell_label(self, key: str) -> dict[str, str]:
        row_key, _, col_key = key.rpartition(".")
        row = _index(self.template.version).rows.get(row_key) or _index("2021").rows.get(row_key)
        if row is None:
            return label(key, key)
        col = next((c for c in row.columns if c.key == col_key), None)
        if col is None:
            return label(row.label, row.en)
        return label(f"{row.label}/{col.label}", f"{row.en} / {col.en}")

    def row_label(self, row_key: str) -> dict[str, str]:
        row = _index(self.template.version).rows.get(row_key) or _index("2021").rows.get(row_key)
        return label(row.label, row.en) if row else label(row_key, row_key)

    def cell_location(self, key: str) -> DefectLocation:
        row_key, _, col_key = key.rpartition(".")
        f = self.fact(key)
        table = key.split(".", 1)[0]
        table = "t2" if table == "t2v19" else table
        return DefectLocation.at(
            f.location if f else None, table=table, row=row_key, column=col_key
        )

    # ---------------------------------------------------------------- text
    def order(self, sections: tuple[str, ...] | None = None) -> dict[int, int]:
        """Position of each paragraph (by id) among the paragraphs of `sections`."""
        if sections not in self._orders:
            self._orders[sections] = {
                id(p): i for i, (_, p) in enumerate(self._joined(sections)[0])
            }
        return self._orders[sections]

    def paragraphs(
        self, sections: tuple[str, ...] | None = None
    ) -> list[tuple[str | None, Paragraph]]:
        """(section key, paragraph) of the body text, preamble first."""
        out: list[tuple[str | None, Paragraph]] = []
        if sections is None:
            out.extend((None, p) for p in self.report.preamble)
        for s in self.report.sections:
            if sections is None or s.key in sections:
                out.extend((s.key, p) for p in s.paragraphs)
        return out

    def _joined(self, sections: tuple[str, ...] | None):
        if sections not in self._texts:
            paras = self.paragraphs(sections)
            starts, pos = [], 0
            for _, p in paras:
                starts.append(pos)
                pos += len(p.text) + 1
            self._texts[sections] = (paras, "\n".join(p.text for _, p in paras), starts)
        return self._texts[sections]

    def find(
        self, pattern: str, sections: tuple[str, ...] | None = None
    ) -> list[tuple[str | None, Paragraph, re.Match[str]]]:
        """Every match of a data-file pattern in the paragraphs of `sections`
        (all text when None), in document order, each within one paragraph."""
        paras, joined, starts = self._joined(sections)
        word = required_word(pattern)
        if word and word not in joined:
            return []
        regex = compiled(pattern)
        # paragraphs are joined by line ends: "^" of a pattern is a paragraph's start
        first = _multiline(pattern).search(joined)
        if first is None:
            return []
        out = []
        # No match can start before the first match in the joined text.
        for i in range(bisect_right(starts, first.start()) - 1, len(paras)):
            key, p = paras[i]
            if word and word not in p.text:
                continue
            out.extend((key, p, m) for m in regex.finditer(p.text))
        return out

    def sentences(self, sections: tuple[str, ...] | None = None) -> list[Sentence]:
        """The sentences of `sections` (all text, preamble first, when None),
        wrapped lines joined again, in document order."""
        if sections not in self._sentences:
            out: list[Sentence] = []
            if sections is None:
                out.extend(self._split(None, None))
            for i, s in enumerate(self.report.sections):
                if sections is None or s.key in sections:
                    out.extend(self._split(i, s))
            self._sentences[sections] = out
        return self._sentences[sections]

    def _split(self, index: int | None, section) -> list[Sentence]:  # noqa: ANN001
        """The sentences of one section (None: the preamble), split once."""
        key = ("section", index)
        if key not in self._sentences:
            if section is None:
                self._sentences[key] = split_sentences(None, self.report.preamble)
            else:
                self._sentences[key] = split_sentences(section.key, section.paragraphs)
        return self._sentences[key]

    def find_sentences(
        self, pattern: str, sections: tuple[str, ...] | None = None
    ) -> list[tuple[Sentence, re.Match[str]]]:
        """Every match of a data-file pattern in the sentences of `sections`."""
        word = required_word(pattern)
        sentences = self.sentences(sections)
        joined = self._sentence_text(sections)
        if word and word not in joined:
            return []  # not even compiled: a fresh process compiles only what it runs
        regex = compiled(pattern)
        if not _ANCHORED.search(pattern) and regex.search(joined) is None:
            return []  # most patterns match nowhere: one scan of the whole text tells
        return [
            (s, m) for s in sentences if not word or word in s.text for m in regex.finditer(s.text)
        ]

    def _sentence_text(self, sections: tuple[str, ...] | None) -> str:
        key = ("joined", sections)
        if key not in self._sentences:
            self._sentences[key] = "\n".join(s.text for s in self.sentences(sections))
        return self._sentences[key]

    def in_tables(self, pattern: str) -> bool:
        """Does a cell of any table of the file match (old statistics tables
        that carry part of a report's content)?"""
        regex = compiled(pattern)
        return any(
            regex.search(c.text) for t in self.report.document.tables for row in t.rows for c in row
        )

    def section_text(self, key: str, report: Report | None = None) -> str:
        """The text of section `key`, a paragraph a line, the lines a
        conversion broke a paragraph into (a PDF's) joined again."""
        s = (report or self.report).section(key)
        if s is None:
            return ""
        at = (key, id(report or self.report))
        if at not in self._unwrapped:
            self._unwrapped[at] = unwrapped(s.paragraphs)
        return self._unwrapped[at]


def equal(a: Number, b: Number) -> bool:
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return abs(Decimal(a) - Decimal(b)) <= Decimal("0.005")
    return a == b


def clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of `text` (split at 。；！？ and line ends)."""
    spans, start = [], 0
    for m in re.finditer(r"[。；;！？!?\n]", text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
