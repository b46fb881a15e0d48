"""What core.extract.pdf reads off each page of a PDF, before layout: text
lines and the pieces of ruled tables, with their positions in points (top
measured from the top of the page).  Also the PDF tunables (data/pdf.toml)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from core.template import load_data

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@cache
def settings() -> dict[str, Any]:
    d = dict(load_data("pdf.toml"))
    d["page_number"] = [re.compile(p) for p in d["page_number_patterns"]]
    d["starts"] = [re.compile(p) for p in d.get("starts_paragraph", [])]
    d["value"] = re.compile(d["value_pattern"])
    return d


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    page: int


@dataclass
class PartCell:
    """A drawn table cell: its box and text ("\\n" between its lines).
    `carried` marks the rest of a merged cell cut by a page break: it holds
    the text of the cell it continues and is a covered grid slot."""

    box: Box
    text: str
    carried: bool = False

    @property
    def x0(self) -> float:
        return self.box[0]

    @property
    def x1(self) -> float:
        return self.box[2]

    @property
    def top(self) -> float:
        return self.box[1]

    @property
    def bottom(self) -> float:
        return self.box[3]


@dataclass
class Part:
    """The piece of a ruled table drawn on one page."""

    page: int
    bbox: Box
    cells: list[PartCell]
    lines: list[Line] = field(default_factory=list)  # its text, for a lone box

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def lone(self) -> bool:
        """A ruled box of one cell: a frame around text, or a table's first
        row stranded at the foot of a page."""
        return len(self.cells) == 1


@dataclass
class Page:
    number: int
    width: float
    items: list[Line | Part]  # top to bottom
