"""Read a web page (.html/.htm) as government portals publish a report.

The bytes are decoded (UTF-8, GBK/GB18030, declared or not), the article is
picked out of the portal's navigation, headers, footers and sidebars, and its
paragraphs and tables are read in document order; rowspan/colspan are
resolved into a grid.  Hints (container ids and classes, dropped tags) live
in data/html.toml.
"""

from __future__ import annotations

import codecs
import re
from functools import cache
from typing import Any

import charset_normalizer
import lxml.html
from lxml import etree

from core.document import Cell, Document, Location, Paragraph, Table, UnreadableFile
from core.template import load_data

BLOCK = frozenset(
    "address article aside blockquote body center dd details div dl dt fieldset figcaption "
    "figure h1 h2 h3 h4 h5 h6 hr html li main ol p pre section summary table tbody td tfoot "
    "th thead tr ul caption".split()
)
HEADINGS = ("h1", "h2", "h3")
BREAK = "\u2028"  # stands for <br> while text is being collected
_SPACE = re.compile(r"[ \t\r\n\f]+")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
# a source line break between two Chinese characters renders as nothing
_CJK_WRAP = re.compile(f"(?<=[{_CJK}])[ \\t\\r\\f]*\\n[ \\t\\r\\n\\f]*(?=[{_CJK}])")


@cache
def _hints() -> dict[str, Any]:
    d = load_data("html.toml")
    return {
        "drop": tuple(d["drop_tags"]),
        "content": {h.lower(): i for i, h in reversed(list(enumerate(d["content_hints"])))},
        "min_text": d.get("min_text", 80),
        "min_table_cells": d.get("min_table_cells", 12),
        "aliases": {k.lower(): v for k, v in d.get("charset_aliases", {}).items()},
    }


# ---------------------------------------------------------------- decoding
def _declared(data: bytes) -> str | None:
    """The charset a <meta> announces, read without trusting it."""
    try:
        parser = lxml.html.HTMLParser(encoding="latin-1")
        root = lxml.html.document_fromstring(data[:16384], parser=parser)
    except Exception:
        return None
    for meta in root.iter("meta"):
        charset = meta.get("charset")
        if charset:
            return charset.strip()
        if (meta.get("http-equiv") or "").strip().lower() == "content-type":
            for part in (meta.get("content") or "").split(";"):
                key, _, value = part.partition("=")
                if key.strip().lower() == "charset":
                    return value.strip().strip("'\"")
    return None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = _hints()["aliases"].get(name.lower(), name.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of an HTML page; never raises on a wrong guess."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    declared = _codec(_declared(data))
    # Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page claims.
    for enc in dict.fromkeys(("utf-8", declared, "gb18030")):
        if enc:
            try:
                return data.decode(enc), enc
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        best = charset_normalizer.from_bytes(data).best()
        if best is not None:
            return str(best), best.encoding
    except Exception:
        pass
    return data.decode("gb18030", errors="replace"), "gb18030"


# ---------------------------------------------------------------- text
def _tag(el: Any) -> str | None:
    return el.tag.lower() if isinstance(el.tag, str) else None


def _finish(raw: str) -> list[str]:
    """Collected inline text -> lines, whitespace collapsed as a browser does."""
    raw = _SPACE.sub(" ", _CJK_WRAP.sub("", raw))
    return [line.strip(" ") for line in raw.split(BREAK)]


def _has_block(el: Any) -> bool:
    return any(_tag(d) in BLOCK for d in el.iterdescendants())


def _inline(el: Any, out: list[str]) -> None:
    if _tag(el) == "br":
        out.append(BREAK)
    elif _tag(el) is not None and el.text:
        out.append(el.text)
    for child in el:
        _inline(child, out)
        if child.tail:
            out.append(child.tail)


def _lines(el: Any) -> list[tuple[str, str]]:
    """(line, tag of its block) for the text of `el` outside tables."""
    out: list[tuple[str, str]] = []
    buf: list[str] = []
    tag = _tag(el) or "div"

    def flush() -> None:
        if buf:
            out.extend((line, tag) for line in _finish("".join(buf)))
            buf.clear()

    if el.text:
        buf.append(el.text)
    for child in el:
        ctag = _tag(child)
        if ctag in BLOCK or (ctag is not None and _has_block(child)):
            flush()
            out.extend(_lines(child))
        else:
            _inline(child, buf)
        if child.tail:
            buf.append(child.tail)
    flush()
    return out


def _cell_text(td: Any) -> str:
    lines = [line for line, _ in _lines(td)]
    kept = [line for line in lines if line.strip()]
    if kept:
        return "\n".join(kept)
    return "".join(lines)  # "\xa0" for &nbsp;, "" for an empty cell


# ---------------------------------------------------------------- tables
def _rows(table: Any) -> list[Any]:
    out = []
    for child in table:
        t = _tag(child)
        if t == "tr":
            out.append(child)
        elif t in ("thead", "tbody", "tfoot"):
            out.extend(r for r in child if _tag(r) == "tr")
    return out


def _span(td: Any, name: str, limit: int) -> int:
    try:
        return max(0, min(int((td.get(name) or "1").strip()), limit))
    except ValueError:
        return 1


def _is_layout(table: Any) -> bool:
    """A frame table holding the content, not a table of the report."""
    cells = [c for r in _rows(table) for c in r if _tag(c) in ("td", "th")]
    return len(cells) <= 1 or any(_tag(d) == "table" for d in table.iterdescendants())


def _grid(table: Any, index: int) -> list[list[Cell]]:
    rows = _rows(table)
    slots: dict[tuple[int, int], Cell] = {}
    for r, tr in enumerate(rows):
        c = 0
        for td in tr:
            if _tag(td) not in ("td", "th"):
                continue
            while (r, c) in slots:
                c += 1
            rowspan = _span(td, "rowspan", 65534) or len(rows) - r
            colspan = _span(td, "colspan", 1000) or 1
            text = _cell_text(td)
            for i in range(min(rowspan, len(rows) - r)):
                for j in range(colspan):
                    loc = Location(table=index, row=r + i, cell=c + j)
                    slots[(r + i, c + j)] = Cell(text, loc, merged=bool(i or j))
            c += colspan
    grid: list[list[Cell]] = [[] for _ in rows]
    for (r, c), cell in sorted(slots.items()):
        row = grid[r]
        while len(row) < c:  # a hole left by a ragged row
            row.append(Cell("", Location(table=index, row=r, cell=len(row))))
        row.append(cell)
    return grid


# ---------------------------------------------------------------- the article
def _text_len(el: Any) -> int:
    text = el.text_content()
    links = sum(len(a.text_content()) for a in el.iter("a"))
    return len(text.strip()) - links


def _cell_count(table: Any) -> int:
    return sum(1 for r in _rows(table) for c in r if _tag(c) in ("td", "th"))


def _contains(outer: Any, inner: Any) -> bool:
    return any(a is outer for a in inner.iterancestors()) or outer is inner


def _container(body: Any) -> Any:
    hints = _hints()
    order = hints["content"]
    found: dict[int, list[Any]] = {}
    for el in body.iter():
        if _tag(el) is None:
            continue
        names = [el.get("id") or "", *(el.get("class") or "").split()]
        ranks = [order[n.lower()] for n in names if n.lower() in order]
        if ranks:
            found.setdefault(min(ranks), []).append(el)
    best = None
    for rank in sorted(found):
        ok = [
            el
            for el in found[rank]
            if len(el.text_content().strip()) >= hints["min_text"] or el.find(".//table") is not None
        ]
        if ok:
            best = max(ok, key=lambda e: len(e.text_content()))
            break
    if best is None:
        best = body
        while True:
            children = [c for c in best if _tag(c) is not None]
            if not children:
                break
            top = max(children, key=_text_len)
            if _text_len(top) < 0.7 * _text_len(best):
                break
            best = top
    tables = [t for t in body.iter("table") if not _is_layout(t)]
    tables = [t for t in tables if _cell_count(t) >= hints["min_table_cells"]]
    if tables:
        largest = max(tables, key=_cell_count)
        while not _contains(best, largest) and best.getparent() is not None:
            best = best.getparent()
    return _with_title(best)


def _with_title(el: Any) -> Any:
    """Climb to a close wrapper holding the title when `el` has no heading."""
    if any(True for _ in el.iter(*HEADINGS)):
        return el
    own = len(el.text_content())
    for parent in list(el.iterancestors())[:3]:
        if _tag(parent) in ("body", "html"):
            break
        if len(parent.text_content()) - own > 500:
            break
        if any(True for _ in parent.iter(*HEADINGS)):
            return parent
    return el


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Paragraph | Table] = []
        self.paragraphs = 0
        self.tables = 0

    def walk(self, el: Any) -> None:
        buf: list[str] = []
        tag = _tag(el) or "div"
        if el.text:
            buf.append(el.text)
        for child in el:
            ctag = _tag(child)
            if ctag == "table":
                self.flush(buf, tag)
                self.table(child)
            elif ctag in BLOCK or (ctag is not None and _has_block(child)):
                self.flush(buf, tag)
                self.walk(child)
            else:
                _inline(child, buf)
            if child.tail:
                buf.append(child.tail)
        self.flush(buf, tag)

    def flush(self, buf: list[str], tag: str) -> None:
        if not buf:
            return
        for line in _finish("".join(buf)):
            if line.strip():
                self.blocks.append(Paragraph(line, Location(paragraph=self.paragraphs), tag))
                self.paragraphs += 1
        buf.clear()

    def table(self, table: Any) -> None:
        if _is_layout(table):
            for tr in _rows(table):
                for td in tr:
                    if _tag(td) in ("td", "th"):
                        self.walk(td)
            return
        caption = table.find("caption")
        if caption is not None:
            self.walk(caption)
        index = self.tables
        self.tables += 1
        grid = _grid(table, index)
        self.blocks.append(Table(rows=grid, index=index, location=Location(table=index)))


def extract(data: bytes, name: str) -> Document:
    """Read the bytes of an HTML page."""
    text, encoding = decode(data)
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
        root = lxml.html.document_fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableFile("corrupt", f"{name}: {exc}") from exc
    for el in list(root.iter(*_hints()["drop"])):
        if _tag(el) in ("header", "footer") and any(
            _tag(a) == "article" for a in el.iterancestors()
        ):
            continue  # an article's own header holds its title
        if el.getparent() is not None:
            el.drop_tree()
    body = root.find("body")
    builder = _Builder()
    builder.walk(_container(body if body is not None else root))
    return Document(blocks=builder.blocks, source="html", name=name, encoding=encoding)
