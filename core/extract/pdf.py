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
import itertools
import re
import statistics
from bisect import bisect_left, bisect_right
from collections import Counter
from operator import itemgetter
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text
from pdfplumber.page import FilteredPage
from pdfplumber.utils import extract_words

from core.document import Document, UnreadableFile
from core.extract.pdf_grid import Finder, dedupe_chars
from core.extract.pdf_layout import blocks, drop_furniture
from core.extract.pdf_parts import Box, Line, Page, Part, PartCell, settings
from core.limits import DEFAULT, Limits

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


class _Chars:
    """A page's characters by the height of their centres, to find those
    in a box by bisection (a table of n rows costs n look-ups, not n scans)."""

    def __init__(self, chars: list[dict[str, Any]]) -> None:
        self.chars = sorted(chars, key=lambda c: c["top"] + c["bottom"])
        self.keys = [c["top"] + c["bottom"] for c in self.chars]

    def within(self, box: Box) -> list[dict[str, Any]]:
        lo = bisect_left(self.keys, 2 * box[1])
        hi = bisect_right(self.keys, 2 * box[3])
        return [c for c in self.chars[lo:hi] if _center_in(c, box)]


def _part(table: Any, chars: _Chars, page: int) -> Part:
    """A table's cells and their text, lines joined with "\n"."""
    cells = []
    placed: set[int] = set()
    for row in table.rows:
        row_chars = chars.within(row.bbox)
        for box in row.cells:
            if box is None:
                continue
            inside = [c for c in row_chars if _center_in(c, box)]
            placed.update(map(id, inside))
            lines = _text_lines(inside, page)
            cells.append(PartCell(tuple(box), "\n".join(line.text for line in lines)))
    lost = [
        c
        for c in chars.within(tuple(table.bbox))
        if id(c) not in placed and not c["text"].isspace()
    ]
    if lost:
        cells += _lost_cells([c.box for c in cells], tuple(table.bbox), lost, page)
    return Part(page=page, bbox=tuple(table.bbox), cells=cells)


def _lost_cells(
    boxes: list[Box], bbox: Box, lost: list[dict[str, Any]], page: int
) -> list[PartCell]:
    """Cells whose rules were not all drawn (a border left out of the PDF):
    their text lies inside the table but in no cell found, and would be read
    as a blank cell, a defect the report does not have.  Each column slot
    between the found cells' edges gets back the stretch no found cell
    covers, cut where the next column's cells are cut."""
    tol = settings()["edge_tolerance"]
    xs = sorted({x for b in boxes for x in (b[0], b[2])} | {bbox[0], bbox[2]})
    by_slot: dict[int, list[dict[str, Any]]] = {}
    for c in lost:
        mid = (c["x0"] + c["x1"]) / 2
        k = next((i for i in range(len(xs) - 1) if xs[i] <= mid < xs[i + 1]), None)
        if k is not None:
            by_slot.setdefault(k, []).append(c)
    pieces: list[tuple[int, Box, list[dict[str, Any]]]] = []
    for k, slot_chars in sorted(by_slot.items()):
        xa, xb = xs[k], xs[k + 1]
        taken = sorted((b[1], b[3]) for b in boxes if b[0] < xb - tol and b[2] > xa + tol)
        cuts = sorted(
            {
                y
                for b in boxes
                if abs(b[0] - xb) <= tol or abs(b[2] - xa) <= tol
                for y in (b[1], b[3])
            }
        )
        free, y = [], bbox[1]
        for top, bottom in taken:
            if top > y + tol:
                free.append((y, top))
            y = max(y, bottom)
        if bbox[3] > y + tol:
            free.append((y, bbox[3]))
        for y0, y1 in free:
            edges = [y0, *(c for c in cuts if y0 + tol < c < y1 - tol), y1]
            for top, bottom in itertools.pairwise(edges):
                box = (xa, top, xb, bottom)
                inside = [c for c in slot_chars if _center_in(c, box)]
                if inside:
                    pieces.append((k, box, inside))

    def spans(k: int, box: Box) -> bool:
        # lost text in the next slot beside it: one cell over several slots,
        # whose extent cannot be told; it stays unread
        return any(
            abs(j - k) == 1 and b[1] < box[3] - tol and b[3] > box[1] + tol for j, b, _ in pieces
        )

    return [
        PartCell(box, "\n".join(line.text for line in _text_lines(inside, page)))
        for k, box, inside in pieces
        if not spans(k, box)
    ]


def _not_background(obj: dict[str, Any]) -> bool:
    """False for a filled, unstroked box wider and taller than a rule: a
    background or a shading (WPS paints one behind every line of text), not a
    table's ruling.  A thin filled box is a rule (Word draws cell borders so)."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    return min(obj["width"], obj["height"]) <= settings()["rule_max_thickness"]


def _deduped(page: Any) -> Any:
    """page.dedupe_chars() in linear time (see core.extract.pdf_grid), without
    the boxes that are backgrounds, not rulings."""
    p = FilteredPage(page, lambda _: True)
    p._objects = dict(page.objects)
    p._objects["char"] = dedupe_chars(page.chars)
    if "rect" in p._objects:
        p._objects["rect"] = [r for r in p._objects["rect"] if _not_background(r)]
    return p


def _read_page(page: Any, number: int, limits: Limits) -> tuple[Page, int]:
    """The page's lines and table parts top to bottom, and its count of
    visible characters."""
    s = settings()
    page = _deduped(page)
    chars = page.chars
    # "(cid:N)" stands for a glyph whose font maps it to no character
    visible = sum(1 for c in chars if not c["text"].isspace() and len(c["text"]) == 1)
    finder = Finder(page, dict(s["table_settings"]))
    found = list(finder.tables)
    for table in found:
        rows = len(table.rows)
        if rows > limits.table_rows:
            raise UnreadableFile(
                "too_many_rows", f"page {number}", count=rows, limit=limits.table_rows
            )
    in_tables = [t.bbox for t in found]
    # pdfplumber leaves out ruled boxes of one cell; they are kept as "lone" parts
    found += [
        pdfplumber.table.Table(page, (cell,))
        for cell in finder.cells
        if not any(_box_in(cell, box) for box in in_tables)
    ]
    index = _Chars(chars)
    parts = [_part(t, index, number) for t in found]
    inside: set[int] = set()
    for part in parts:
        within = index.within(part.bbox)
        inside.update(id(c) for c in within)
        if part.lone:
            part.lines = _text_lines(within, number)
    lines = _text_lines([c for c in chars if id(c) not in inside], number)
    items: list[Line | Part] = sorted([*lines, *parts], key=lambda i: i.top)
    return Page(number=number, width=float(page.width), items=items), visible


def _page_count(pdf: Any) -> int | None:
    """The page count the file's page tree declares."""
    try:
        return int(resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"]))
    except Exception:
        return None


def _decode_title(raw: Any) -> str | None:
    """A document-information string as text: UTF-16 with either byte-order
    mark (the standard's big-endian one, and the little-endian one WPS
    writes), else UTF-8, else GB18030 (a Chinese producer's own bytes), else
    PDFDocEncoding."""
    if isinstance(raw, str):
        return raw
    if not isinstance(raw, bytes):
        return None
    if raw[:2] in (b"\xfe\xff", b"\xff\xfe"):
        return raw[2:].decode("utf-16-be" if raw[:1] == b"\xfe" else "utf-16-le", "ignore")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return decode_text(raw)


def _meta_titles(pdf: Any) -> list[tuple[str, str]]:
    """The title in the file's properties, split as a page <title> is:
    ("pdf_meta", text) candidates for core.parse.meta.find_title."""
    try:
        title = next(
            (t for info in pdf.doc.info if (t := _decode_title(resolve1(info.get("Title"))))),
            None,
        )
    except Exception:  # a damaged info dictionary: no title, nothing else lost
        return []
    if not title:
        return []
    s = settings()
    title = title.replace("\x00", "").replace("\ufeff", "").strip()
    for prefix in s.get("title_drop_prefixes", ()):
        if title.startswith(prefix):
            title = title[len(prefix) :]
    title = re.sub(s.get("title_drop_suffix", r"$^"), "", title).strip()
    parts = re.split(s.get("title_separators", r"\s*[_|｜]\s*"), title)
    return [("pdf_meta", part.strip()) for part in parts if part and part.strip()]


def _read(
    data: bytes, name: str, limits: Limits
) -> tuple[list[Page], int, bool, list[tuple[str, str]]]:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        raise UnreadableFile(_code(exc), _why(name, exc)) from exc
    pages: list[Page] = []
    visible = 0
    titles: list[tuple[str, str]] = []
    try:
        encrypted = getattr(pdf.doc, "encryption", None) is not None
        titles = _meta_titles(pdf)
        declared = _page_count(pdf)
        if declared is not None and declared > limits.pages:
            raise UnreadableFile("too_many_pages", name, count=declared, limit=limits.pages)
        try:
            all_pages = pdf.pages
        except Exception as exc:
            raise UnreadableFile("pdf_damaged", _why(name, exc)) from exc
        if len(all_pages) > limits.pages:
            raise UnreadableFile("too_many_pages", name, count=len(all_pages), limit=limits.pages)
        for number, page in enumerate(all_pages, start=1):
            try:
                page.objects  # noqa: B018  (parses the page: the step that fails on damage)
            except (MemoryError, RecursionError):
                raise
            except Exception as exc:
                raise UnreadableFile("pdf_damaged", _why(name, exc)) from exc
            read, count = _read_page(page, number, limits)
            pages.append(read)
            visible += count
            if visible > limits.text_chars:
                raise UnreadableFile("too_long", name, limit=limits.text_chars)
            page.close()
    except (UnreadableFile, MemoryError, RecursionError):
        raise
    except Exception as exc:  # pdfminer's errors of a damaged file, wherever they arise
        raise UnreadableFile("pdf_damaged", _why(name, exc)) from exc
    finally:
        try:
            pdf.close()
        except Exception:  # closing a damaged file may fail again: nothing to keep
            pass
    return pages, visible, encrypted, titles


def _code(exc: Exception) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    return "encrypted" if isinstance(inner, PDFPasswordIncorrect) else "pdf_damaged"


def _why(name: str, exc: Exception) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(inner, PDFPasswordIncorrect):
        return f"{name}: encrypted, a password is needed"
    return f"{name}: {type(inner).__name__} {inner}".strip()


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _garbled(pages: list[Page]) -> bool:
    """Is the Chinese text nearly all one character (a font whose glyphs map
    to one code, so the text layer holds no words)?"""
    s = settings()
    counts: Counter[str] = Counter()
    for page in pages:
        for item in page.items:
            texts = [item.text] if isinstance(item, Line) else [c.text for c in item.cells]
            for text in texts:
                counts.update(_CJK.findall(text))
    total = sum(counts.values())
    if total < s["garbled_min_chars"]:
        return False
    return counts.most_common(1)[0][1] > s["garbled_top_share"] * total


def extract(data: bytes, name: str, limits: Limits = DEFAULT) -> Document:
    """Read the bytes of a text-based PDF, within `limits`."""
    pages, visible, encrypted, titles = _read(data, name, limits)
    if visible < settings()["min_text_chars"]:
        # an encrypted file whose glyphs map to no characters: the
        # permissions password garbled the text, it is not a scan
        glyphs = any(isinstance(i, Line) and "(cid:" in i.text for p in pages for i in p.items)
        raise UnreadableFile("pdf_restricted" if encrypted and glyphs else "no_text", name)
    if _garbled(pages):
        raise UnreadableFile("pdf_garbled", name)
    drop_furniture(pages)
    return Document(blocks=blocks(pages), source="pdf", name=name, title_candidates=titles)
