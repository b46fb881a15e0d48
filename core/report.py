"""A parsed report: what the parser read out of a Document, with every figure
traceable to the cell it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from core.document import Document, Location, Paragraph

Number = int | Decimal


@dataclass
class Fact:
    """One table cell read against the template."""

    key: str  # e.g. t3.new_received.total
    table: str  # t2 | t3 | t4
    row: str  # row key, e.g. t3.new_received
    column: str  # column key, e.g. total
    value: Number | None  # None when the cell is blank or not a number
    raw: str  # the cell text exactly as written
    location: Location
    # number | blank | text ("/", "—", "无" …) | invalid (unreadable number) |
    # inferred (worked out of run-together digits) | prose (stated in the text
    # of a report without the form's tables)
    status: str

    @property
    def is_blank(self) -> bool:
        return self.status == "blank"

    def as_json(self) -> dict[str, Any]:
        v = self.value
        return {
            "value": float(v) if isinstance(v, Decimal) else v,
            "raw": self.raw,
            "status": self.status,
            "location": self.location.as_dict(),
        }


@dataclass
class LabelMatch:
    """A row or column label as written, matched to the template."""

    table: str
    kind: str  # row | column
    key: str  # row key, or column key (t3/t4) / row.column (t2 blocks)
    written: str
    standard: str
    score: float  # 100 = exact after normalisation
    misspelling: bool  # matched a known misspelling (rule C3)
    location: Location


@dataclass
class Section:
    """A top-level heading and the paragraphs under it."""

    key: str | None  # s1…s6, or None for a heading outside the template
    heading: str  # as written, numbering included
    numbering: str  # e.g. 一、 or 1、
    title: str  # heading text after the numbering
    standard: str  # the template heading it matched (or the old heading)
    score: float
    location: Location
    style: str  # "2021" (the six headings) or "pre2019"
    standard_numbering: bool
    expected_number: int | None  # 1…6 for template sections
    written_number: int | None  # the number the heading carries
    paragraphs: list[Paragraph] = field(default_factory=list)
    subheadings: list[Paragraph] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def line(self) -> int | None:
        return self.location.line if self.location.line is not None else self.location.paragraph


@dataclass
class UnmatchedRow:
    """A table row the parser could not place in the template."""

    table: str | None
    label: str
    cells: list[str]
    location: Location


# Why a reading may be unsure.  A doubt about a table (`table` set) silences the
# rules that read that table; a doubt with no table concerns the whole text.
DOUBTS = (
    "cells_run_together",  # figures glued into one string ("15130000154")
    "labels_detached",  # row labels and their figures stand apart (a conversion)
    "row_short",  # a row has fewer cells than the form's columns: which one is lost is unknown
    "table_unparsed",  # the table's place is seen, its cells could not be placed
    "no_headings",  # text present, but not one section heading could be told
    "text_run_together",  # the whole body is one line: headings cannot be told apart
    "scanned",  # pages without a text layer
    "inferred",  # figures were worked out from glued digits, not read
    "table_image",  # a picture stands where the table should be: it was pasted as an image
    "in_attachment",  # the file only points to the report in an attached document
)


@dataclass(frozen=True)
class Doubt:
    """One reason the parser is not sure of what it read."""

    code: str  # one of DOUBTS
    table: str | None = None  # t2 | t3 | t4, or None for the whole text
    detail: str = ""  # a short quote of what could not be read
    location: Location | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "table": self.table, "detail": self.detail}
        if self.location is not None:
            out["location"] = self.location.as_dict()
        return out


@dataclass
class Reading:
    """What was read and how sure the parser is of it."""

    sections_found: int = 0
    tables_found: dict[str, bool] = field(default_factory=dict)
    cells_read: int = 0  # figures read or worked out
    cells_inferred: int = 0  # of which worked out from run-together digits
    cells_expected: int = 0
    doubts: list[Doubt] = field(default_factory=list)

    def table_sure(self, table: str) -> bool:
        """Whether the cells of `table` were read reliably enough to judge them."""
        return not any(d.table == table or d.code in WHOLE_TEXT_DOUBTS for d in self.doubts)

    @property
    def structure_sure(self) -> bool:
        """Whether the section headings could be told (so a missing one is missing)."""
        return not any(d.code in STRUCTURE_DOUBTS for d in self.doubts)

    @property
    def sure(self) -> bool:
        return not self.doubts

    def as_json(self) -> dict[str, Any]:
        return {
            "sections_found": self.sections_found,
            "tables_found": self.tables_found,
            "cells_read": self.cells_read,
            "cells_inferred": self.cells_inferred,
            "cells_expected": self.cells_expected,
            "sure": self.sure,
            "doubts": [d.as_json() for d in self.doubts],
        }


# Doubts that make every table, or the headings, unreadable.
WHOLE_TEXT_DOUBTS = frozenset({"scanned", "text_run_together", "in_attachment"})
STRUCTURE_DOUBTS = frozenset({"no_headings", "text_run_together", "scanned", "in_attachment"})


@dataclass
class Report:
    document: Document
    title: str | None
    title_location: Location | None
    agency: str | None
    year: int | None
    closing_date: date | None
    closing_location: Location | None
    issuer_kind: str  # department | government | township | unknown
    format_version: str  # 2021 | 2019 | pre2019 | unknown
    heading_style: str  # 2021 | pre2019 | mixed | none
    sections: list[Section]
    facts: dict[str, Fact]
    labels: list[LabelMatch]
    tables_found: dict[str, bool]
    preamble: list[Paragraph]
    unmatched_rows: list[UnmatchedRow] = field(default_factory=list)
    year_source: str | None = None  # title | period | closing_date | text | heading | meta …
    # Where the title was found: text (the document's own opening lines),
    # heading (a portal's title block), meta, html_title, pdf_meta.
    title_source: str | None = None
    # The report's title as the publisher gave it elsewhere, where it differs.
    other_titles: list[tuple[str, str]] = field(default_factory=list)
    agency_source: str | None = None  # text | heading | meta | … | closing
    parser_version: str = ""
    reading: Reading = field(default_factory=Reading)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def value(self, key: str) -> Number | None:
        f = self.facts.get(key)
        return f.value if f else None

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "agency": self.agency,
            "year": self.year,
            "title_source": self.title_source,
            "other_titles": [{"source": w, "title": t} for w, t in self.other_titles],
            "agency_source": self.agency_source,
            "closing_date": self.closing_date.isoformat() if self.closing_date else None,
            "issuer_kind": self.issuer_kind,
            "format_version": self.format_version,
            "heading_style": self.heading_style,
            "source": self.document.source,
            "parser_version": self.parser_version,
            "sections": [
                {
                    "key": s.key,
                    "heading": s.heading,
                    "standard": s.standard,
                    "score": round(s.score, 1),
                    "line": s.line,
                    "style": s.style,
                }
                for s in self.sections
            ],
            "facts": {k: f.as_json() for k, f in self.facts.items()},
            "tables_found": self.tables_found,
            "reading": self.reading.as_json(),
            "residues": [
                {
                    "kind": r.kind,
                    "text": r.text,
                    "author": r.author,
                    "location": r.location.as_dict(),
                }
                for r in self.document.residues
            ],
        }
