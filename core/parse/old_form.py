"""The figures of a report of 2018 or before (the 2007 regulation), which had
no fixed tables: from its old statistics table (指标名称 / 计量单位 / 年度 /
历年累计) and from what its prose states, under the form's keys where the
meaning is the same.  Table cells keep the status "number"; figures from the
prose get "prose" (never a basis for arithmetic).  Labels and patterns live in
data/lexicon.toml [old_form]."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from core.document import Document, Paragraph
from core.normalize import label_key, squash
from core.parse.cells import read_cell
from core.report import Fact
from core.template import load_template
from core.textnum import compile_with_number, number_at

_NUMBERING = re.compile(r"^(?:其中[:：])?\s*\d+[.．、]\s*")
_SENTENCE = re.compile(r"[^。；;！？!?\n]+")


@dataclass(frozen=True)
class _Prose:
    regex: re.Pattern[str]
    keys: tuple[str, ...]
    unless: tuple[str, ...]


@cache
def _lexicon() -> tuple[str, tuple[str, ...], dict, tuple[_Prose, ...], tuple[str, ...]]:
    lx = load_template().lexicon["old_form"]
    rows = {label_key(r["label"]): r for r in lx["rows"]}
    prose = tuple(
        _Prose(compile_with_number(p["pattern"]), tuple(p["keys"]), tuple(p.get("unless", ())))
        for p in lx["prose"]
    )
    return (
        squash(lx["table_header"]),
        tuple(lx["cumulative"]),
        rows,
        prose,
        tuple(lx["exclude"]),
    )


def _fact(key: str, value, raw: str, location, status: str) -> Fact:  # noqa: ANN001
    table, rest = key.split(".", 1)
    row, _, column = key.rpartition(".")
    return Fact(key, table, row, column, value, raw, location, status)


def read(doc: Document) -> dict[str, Fact]:
    """The form's facts an old report states, its table's before its prose's."""
    facts = _from_tables(doc)
    for key, fact in _from_prose(doc.paragraphs).items():
        facts.setdefault(key, fact)
    return facts


def _from_tables(doc: Document) -> dict[str, Fact]:
    header_word, cumulative, rows, _, _ = _lexicon()
    facts: dict[str, Fact] = {}
    for table in doc.tables:
        if not table.rows or not any(squash(c.text) == header_word for c in table.rows[0]):
            continue
        head = table.rows[0]
        # the year's column: the first after the unit column that is not cumulative
        columns = [
            i
            for i, c in enumerate(head)
            if i >= 2 and not any(w in squash(c.text) for w in cumulative)
        ]
        if not columns:
            continue
        col = columns[0]
        for row in table.rows[1:]:
            if len(row) <= col:
                continue
            spec = rows.get(label_key(_NUMBERING.sub("", row[0].text.strip())))
            if spec is None:
                continue
            value, status = read_cell(row[col].text)
            if status != "number":
                continue
            keys = spec.get("keys_if_zero", ()) if "keys_if_zero" in spec else (spec["key"],)
            if "keys_if_zero" in spec and value != 0:
                continue
            for key in keys:
                facts.setdefault(key, _fact(key, value, row[col].text, row[col].location, "number"))
    return facts


def _from_prose(paragraphs: list[Paragraph]) -> dict[str, Fact]:
    _, _, _, patterns, exclude = _lexicon()
    facts: dict[str, Fact] = {}
    for p in paragraphs:
        for sentence in _SENTENCE.finditer(p.text):
            text = sentence.group()
            if any(w in text for w in exclude):
                continue
            for pat in patterns:
                if any(w in text for w in pat.unless):
                    continue
                m = pat.regex.search(text)
                if m is None:
                    continue
                if "num" in m.groupdict():
                    n = number_at(m, text)
                    if n is None or n.approximate:
                        continue
                    value = n.value
                else:
                    value = 0
                for key in pat.keys:
                    facts.setdefault(key, _fact(key, value, m.group(), p.location, "prose"))
    return facts
