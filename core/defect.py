"""A defect found in a report: rule code, category, severity, where it is
(typed fields, not text) and the evidence, with its message and fix hint
rendered from the rule's templates in data/rules.toml."""

from __future__ import annotations

import logging
import re
import string
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from core.document import Location
from core.template import load_data, load_template

log = logging.getLogger(__name__)

SEVERITIES = ("error", "warning", "info")
CATEGORIES = (
    "structure",
    "title",
    "table_format",
    "blank_cell",
    "arithmetic",
    "consistency",
    "cross_year",
    "timeliness",
    "residue",
    "format_version",
    "reading",  # a part of the file that could not be read reliably: not the report's fault
)


@cache
def rule_texts() -> dict[str, Any]:
    """The texts of every rule (data/rules.toml), by code."""
    return load_data("rules.toml")["rules"]


@cache
def _ui() -> dict[str, Any]:
    return load_data("rules.toml")["ui"]


def ui_text(key: str, lang: str = "zh") -> str:
    """A fixed text of the checker's output (labels, headings) in `lang`."""
    entry = _ui()[key]
    return entry.get(lang) or entry["zh"]


class _Slots(dict):
    """Format mapping: localised slot values pick `lang`.  A slot the rule did
    not fill is a bug: it is logged and shown as nothing, never as "{name}"."""

    def __init__(self, slots: dict[str, Any], lang: str) -> None:
        super().__init__()
        self.lang = lang
        for k, v in slots.items():
            self[k] = localise(v, lang)

    def __missing__(self, key: str) -> str:
        log.error("message slot {%s} not filled", key)
        return ""


def localise(value: Any, lang: str) -> str:
    """A slot value as text: {"zh": …, "en": …} picks `lang`; lists are joined."""
    if isinstance(value, dict) and "zh" in value:
        return str(value.get(lang) or value["zh"])
    if isinstance(value, list | tuple):
        sep = "、" if lang == "zh" else ", "
        return sep.join(localise(v, lang) for v in value)
    return str(value)


def preview(template: str) -> str:
    """A message template as documentation: each slot shown as "…", never as "{name}"."""
    return re.sub(r"\{[A-Za-z_][A-Za-z0-9_]*\}", "…", template)


def fill(template: str, slots: dict[str, Any], lang: str) -> str:
    return string.Formatter().vformat(template, (), _Slots(slots, lang))


def _labels(kind: str, key: str) -> tuple[str, str] | None:
    """(zh, en) label of a table, row or column key in either form."""
    for version in ("2021", "2019"):
        t = load_template(version)
        if kind == "table" and key in t.tables:
            spec = t.tables[key]
            return spec.title, spec.en
        if kind == "row":
            row = t.row(key)
            if row is not None:
                return row.label, row.en
        if kind == "section":
            sec = t.section(key)
            if sec is not None:
                return sec.heading, sec.en
    return None


def _column_label(row: str | None, column: str) -> tuple[str, str] | None:
    for version in ("2021", "2019"):
        t = load_template(version)
        rows = [t.row(row)] if row else [r for spec in t.tables.values() for r in spec.rows]
        for r in rows:
            if r is None:
                continue
            for c in r.columns:
                if c.key == column:
                    return c.label, c.en
    return None


@dataclass(frozen=True)
class DefectLocation:
    """Where a defect is: the template's keys and the position in the file."""

    section: str | None = None  # s1..s6
    table: str | None = None  # t2 | t3 | t4
    row: str | None = None  # row key, e.g. t3.new_received
    column: str | None = None  # column key, e.g. total
    line: int | None = None
    paragraph: int | None = None
    table_index: int | None = None
    row_index: int | None = None
    cell_index: int | None = None
    page: int | None = None  # PDF pages

    @classmethod
    def at(cls, loc: Location | None, **keys: str | None) -> DefectLocation:
        """A location at document position `loc`, with template keys."""
        if loc is None:
            return cls(**keys)
        return cls(
            line=loc.line,
            paragraph=loc.paragraph,
            table_index=loc.table,
            row_index=loc.row,
            cell_index=loc.cell,
            page=getattr(loc, "page", None),
            **keys,
        )

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    def describe(self, lang: str = "zh") -> str:
        """Where, in words: "表三（…），（一）予以公开，“自然人”列，第104行"."""
        pick = 0 if lang == "zh" else 1
        parts: list[str] = []
        if self.table:
            lab = _labels("table", self.table)
            name = (
                ui_text(f"table.{self.table}", lang)
                if self.table in ("t2", "t3", "t4")
                else self.table
            )
            parts.append(
                ui_text("loc.table", lang).format(table=name, title=lab[pick] if lab else "")
            )
        elif self.section:
            lab = _labels("section", self.section)
            if lab:
                parts.append(
                    ui_text("loc.section", lang).format(number=self.section[1:], title=lab[pick])
                )
        if self.row:
            lab = _labels("row", self.row)
            parts.append(lab[pick] if lab else self.row)
        if self.column:
            lab = _column_label(self.row, self.column)
            parts.append(
                ui_text("loc.column", lang).format(column=lab[pick]) if lab else self.column
            )
        pos = Location(
            line=self.line,
            paragraph=self.paragraph,
            table=self.table_index,
            row=self.row_index,
            cell=self.cell_index,
        )
        if self.page is not None:
            parts.append(ui_text("loc.page", lang).format(page=self.page))
        if self.line is not None:
            parts.append(ui_text("loc.line", lang).format(line=self.line))
        elif pos.as_dict():
            parts.append(pos.describe(lang))
        return ui_text("loc.sep", lang).join(parts)

    def order(self, block_of: dict[tuple[str, int], int] | None = None) -> tuple[int, int, int]:
        """A sort key in document order; positionless locations come first."""
        if self.line is not None:
            return (self.line, self.row_index or 0, self.cell_index or 0)
        block_of = block_of or {}
        if self.table_index is not None:
            b = block_of.get(("t", self.table_index), self.table_index)
            return (b + 1, self.row_index or 0, self.cell_index or 0)
        if self.paragraph is not None:
            return (block_of.get(("p", self.paragraph), self.paragraph) + 1, 0, 0)
        return (0, 0, 0)


@dataclass
class Defect:
    code: str
    category: str
    severity: str  # error | warning | info
    location: DefectLocation
    evidence: dict[str, Any] = field(default_factory=dict)
    slots: dict[str, Any] = field(default_factory=dict)
    basis: str = ""  # the kind of evidence it rests on (core.rules.registry.BASES)

    def _text(self, part: str, lang: str) -> str:
        entry = rule_texts().get(self.code, {}).get(part, {})
        template = entry.get(lang) or entry.get("zh") or self.code
        return fill(template, self.slots, lang)

    def message(self, lang: str = "zh") -> str:
        return self._text("message", lang)

    def hint(self, lang: str = "zh") -> str:
        return self._text("hint", lang)

    def as_json(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "code": self.code,
            "category": self.category,
            "severity": self.severity,
            "message": self.message(lang),
            "hint": self.hint(lang),
            "location": self.location.as_dict(),
            "basis": self.basis,
            "evidence": _jsonable(self.evidence),
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value
