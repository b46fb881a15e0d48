"""Read a text-based PDF (a Word document exported to PDF, as portals publish
reports) into a Document.

Each page is read with pdfplumber: ruled tables are found from their drawn
lines and read cell by cell (a cell spanning several grid slots fills them
all, the covered ones marked merged); the text outside the tables is read
line by line.  Then core.extract.pdf_layout, over the whole file, drops
running headers, footers and page numbers, joins the lines of a wrapped
paragraph and a table cut by a page break.  Paragraphs carry their first
line's running line number and their page; cells carry table/row/cell
indices and their page.  Tunables live in data/pdf.toml.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from operator import itemgetter
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils import extract_words

from core.document import Document, UnreadableFile
from core.extract.pdf_layout import blocks, drop_furniture
from core.extract.pdf_parts import Box, Line, Page, Part, PartCell, settings

# Chinese characters and the punctuation set with them
_CJK = re.compile("[\u2014-\u201f\u2026\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


# ---------------------------------------------------------------- one page
def _center_in(obj: dict[str, Any], box: Box) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _box_in(inner: Box, outer: Box) -> bool:
    return (
        inner[0] >= outer[0] - 1
        and inner[1] >= outer[1] - 1
        and inner[2] <= outer[2] + 1
        and inner[3] <= outer[3] + 1
    )


def _line(words: list[dict[str, Any]], page: int) -> Line | None:
    """One line of text from its words, left to right.  Spaces written in
    the file are kept; a gap between words becomes a space only between two
    non-Chinese characters (Word spreads justified Chinese text and puts a
    gap, not a space, between Chinese and Latin letters or digits) — unless
    the gap is wider than justification makes: cells of a table row without
    rulings stand that far apart."""
    words = sorted(words, key=itemgetter("x0"))
    text = ""
    wide = settings()["cell_gap"]
    end = None
    for word in words:
        t = word["text"]
        if text and not text[-1].isspace():
            far = end is not None and word["x0"] - end >= wide * max(word["height"], 1.0)
            if far or not (_CJK.match(text[-1]) or _CJK.match(t[0])):
                text += " "
        text += t
        end = word["x1"]
    chars = [c for w in words for c in w["chars"] if not c["text"].isspace()]
    if not chars:
        return None
    return Line(
        text=text.strip(),
        x0=min(c["x0"] for c in chars),
        x1=max(c["x1"] for c in chars),
        top=min(c["top"] for c in chars),
        bottom=max(c["bottom"] for c in chars),
        size=statistics.median(c["size"] for c in chars),
        font=Counter(c["fontname"] for c in chars).most_common(1)[0][0],
        page=page,
    )


def _same_line(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into lines: a word joins the line it overlaps vertically
    by at least half its height (a label in a smaller font beside figures in a
    larger one shares their line although its top is lower)."""
    lines: list[list[dict[str, Any]]] = []
    span = (0.0, 0.0)
    for w in sorted(words, key=lambda w: (w["top"] + w["bottom"]) / 2):
        top, bottom = w["top"], w["bottom"]
        height = max(bottom - top, 0.1)
        overlap = min(bottom, span[1]) - max(top, span[0])
        if lines and overlap >= min(0.5 * height, settings()["line_tolerance"] + 0.5 * height):
            lines[-1].append(w)
            span = (min(span[0], top), max(span[1], bottom))
        else:
            lines.append([w])
            span = (top, bottom)
    return lines


def _text_lines(chars: list[dict[str, Any]], page: int) -> list[Line]:
    words = extract_words(
        chars, keep_blank_chars=True, x_tolerance_ratio=settings()["word_gap"], return_chars=True
    )
    return [line for row in _same_line(words) if (line := _line(row, page)) is not None]


def _part(table: Any, chars: list[dict[str, Any]], page: int) -> Part:
    """A table's cells and their text, lines joined with "\n"."""
    cells = []
    for row in table.rows:
        row_chars = [c for c in chars if _center_in(c, row.bbox)]
        for box in row.cells:
            if box is None:
                continue
            lines = _text_lines([c for c in row_chars if _center_in(c, box)], page)
            cells.append(PartCell(tuple(box), "\n".join(line.text for line in lines)))
    return Part(page=page, bbox=tuple(table.bbox), cells=cells)


def _not_background(obj: dict[str, Any]) -> bool:
    """False for a filled, unstroked box wider and taller than a rule: a
    background or a shading (WPS paints one behind every line of text), not a
    table's ruling.  A thin filled box is a rule (Word draws cell borders so)."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    return min(obj["width"], obj["height"]) <= settings()["rule_max_thickness"]


def _read_page(page: Any, number: int) -> tuple[Page, int]:
    """The page's lines and table parts top to bottom, and its count of
    visible characters."""
    s = settings()
    page = page.dedupe_chars().filter(_not_background)
    # "(cid:N)" stands for a glyph whose font maps it to no character
    visible = sum(1 for c in page.chars if not c["text"].isspace() and len(c["text"]) == 1)
    finder = page.debug_tablefinder(dict(s["table_settings"]))
    found = list(finder.tables)
    in_tables = [t.bbox for t in found]
    # pdfplumber leaves out ruled boxes of one cell; they are kept as "lone" parts
    found += [
        pdfplumber.table.Table(page, (cell,))
        for cell in finder.cells
        if not any(_box_in(cell, box) for box in in_tables)
    ]
    parts = [_part(t, page.chars, number) for t in found]
    boxes = [p.bbox for p in parts]
    outside = [c for c in page.chars if not any(_center_in(c, b) for b in boxes)]
    lines = _text_lines(outside, number)
    for part in parts:
        if part.lone:
            part.lines = _text_lines([c for c in page.chars if _center_in(c, part.bbox)], number)
    items: list[Line | Part] = sorted([*lines, *parts], key=lambda i: i.top)
    return Page(number=number, width=float(page.width), items=items), visible


def _read(data: bytes, name: str) -> tuple[list[Page], int]:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        raise UnreadableFile(_code(exc), _why(name, exc)) from exc
    pages: list[Page] = []
    visible = 0
    with pdf:
        try:
            all_pages = pdf.pages
        except Exception as exc:
            raise UnreadableFile("corrupt", _why(name, exc)) from exc
        for number, page in enumerate(all_pages, start=1):
            try:
                page.objects  # noqa: B018  (parses the page: the step that fails on damage)
            except Exception as exc:
                raise UnreadableFile("corrupt", _why(name, exc)) from exc
            read, count = _read_page(page, number)
            pages.append(read)
            visible += count
    return pages, visible


def _code(exc: Exception) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    return "encrypted" if isinstance(inner, PDFPasswordIncorrect) else "corrupt"


def _why(name: str, exc: Exception) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(inner, PDFPasswordIncorrect):
        return f"{name}: encrypted, a password is needed"
    return f"{name}: {type(inner).__name__} {inner}".strip()


def extract(data: bytes, name: str) -> Document:
    """Read the bytes of a text-based PDF."""
    pages, visible = _read(data, name)
    if visible < settings()["min_text_chars"]:
        raise UnreadableFile("no_text", name)
    drop_furniture(pages)
    return Document(blocks=blocks(pages), source="pdf", name=name)
