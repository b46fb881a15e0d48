"""Read a web page (.html/.htm) as government portals publish a report.

The bytes are decoded (UTF-8, GBK/GB18030, declared or not), the article is
picked out of the portal's navigation, headers, footers and sidebars, and its
paragraphs and tables are read in document order; rowspan/colspan are
resolved into a grid.  Hints (container ids and classes, dropped tags) live
in data/html.toml.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from core.document import Cell, Document, Location, Paragraph, Table, UnreadableFile
from core.extract.html_article import (
    find_article,
    html_hints,
    is_layout,
    table_rows,
    tag_of,
)
from core.extract.html_charset import decode
from core.extract.html_title import title_candidates

BLOCK = frozenset(
    "address article aside blockquote body center dd details div dl dt fieldset figcaption "
    "figure h1 h2 h3 h4 h5 h6 hr html li main ol p pre section summary table tbody td tfoot "
    "th thead tr ul caption".split()
)
BREAK = "\u2028"  # stands for <br> while text is being collected
_SPACE = re.compile(r"[ \t\r\n\f]+")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
# a source line break between two Chinese characters renders as nothing
_CJK_WRAP = re.compile(f"(?<=[{_CJK}])[ \\t\\r\\f]*\\n[ \\t\\r\\n\\f]*(?=[{_CJK}])")


# ---------------------------------------------------------------- text
def _drop(el: Any) -> None:
    """Remove `el` and its children, keeping the text that follows it."""
    parent = el.getparent()
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _finish(raw: str) -> list[str]:
    """Collected inline text -> lines, whitespace collapsed as a browser does."""
    if "\n" in raw:
        raw = _CJK_WRAP.sub("", raw)
    raw = _SPACE.sub(" ", raw)
    if BREAK not in raw:
        return [raw.strip(" ")]
    return [line.strip(" ") for line in raw.split(BREAK)]


def _has_block(el: Any) -> bool:
    return any(tag_of(d) in BLOCK for d in el.iterdescendants())


def _inline(el: Any, out: list[str]) -> None:
    if tag_of(el) == "br":
        out.append(BREAK)
    elif tag_of(el) is not None and el.text:
        out.append(el.text)
    for child in el:
        _inline(child, out)
        if child.tail:
            out.append(child.tail)


_ASCII_SPACE = " \t\r\n\f"
# C0 control characters other than tab, newline, carriage return (form feed: a space)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _no_control(text: str) -> str:
    """`text` without control characters: no XML API accepts them, HTML forbids
    them.  A regular-expression scan, fast when there are none (the usual case)."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda m: " " if m.group() == "\x0c" else "", text)


def _cell_text(td: Any) -> str:
    """A cell's text: lines broken at <br> and block boundaries, blank lines
    dropped; a blank cell keeps its raw text (NBSP for &nbsp;, or "")."""
    el = td  # the common shape: one chain of single children around one text
    while len(el) == 1:
        child = el[0]
        if (
            child.tag.__class__ is not str
            or child.tag == "br"
            or (el.text or "").strip(_ASCII_SPACE)
            or (child.tail or "").strip(_ASCII_SPACE)
        ):
            return _cell_lines(td)
        el = child
    lines = [] if len(el) else _finish(el.text or "")
    return lines[0] if len(lines) == 1 else _cell_lines(td)


def _cell_lines(td: Any) -> str:
    buf: list[str] = []
    for event, el in etree.iterwalk(td, events=("start", "end")):
        tag = tag_of(el)
        if event == "start":
            if tag == "br" or (tag in BLOCK and el is not td):
                buf.append(BREAK)
            if tag is not None and el.text:
                buf.append(el.text)
        else:
            if tag in BLOCK and el is not td:
                buf.append(BREAK)
            if el is not td and el.tail:
                buf.append(el.tail)
    lines = _finish("".join(buf))
    kept = [line for line in lines if line.strip()]
    if kept:
        return "\n".join(kept)
    return "".join(lines)


# ---------------------------------------------------------------- tables
def _span(td: Any, name: str, limit: int) -> int:
    value = td.get(name)
    if value is None:
        return 1
    try:
        return max(0, min(int(value.strip()), limit))
    except ValueError:
        return 1


def table_grid(table: Any, index: int) -> list[list[Cell]]:
    """The cells of a <table> on its grid, rowspan/colspan resolved."""
    rows = table_rows(table)
    grid: list[list[Cell | None]] = [[] for _ in rows]
    for r, tr in enumerate(rows):
        c = 0
        own = grid[r]
        for td in tr:
            if tag_of(td) not in ("td", "th"):
                continue
            while c < len(own) and own[c] is not None:
                c += 1
            rowspan = _span(td, "rowspan", 65534) or len(rows) - r
            colspan = _span(td, "colspan", 1000) or 1
            text = _cell_text(td)
            for i in range(min(rowspan, len(rows) - r)):
                row = grid[r + i]
                if len(row) < c + colspan:
                    row.extend([None] * (c + colspan - len(row)))
                for j in range(colspan):
                    loc = Location(table=index, row=r + i, cell=c + j)
                    row[c + j] = Cell(text, loc, merged=bool(i or j))
            c += colspan
    return [
        [cell or Cell("", Location(table=index, row=r, cell=c)) for c, cell in enumerate(row)]
        for r, row in enumerate(grid)
    ]


class _Builder:
    def __init__(self, pictured: frozenset = frozenset()) -> None:
        self.blocks: list[Paragraph | Table] = []
        self.paragraphs = 0
        self.tables = 0
        self.pictured = pictured  # <img> elements and the elements holding one
        self.pictures: list[Location] = []

    def walk(self, el: Any) -> None:
        buf: list[str] = []
        tag = tag_of(el) or "div"
        if el.text:
            buf.append(el.text)
        for child in el:
            ctag = tag_of(child)
            if ctag == "table":
                self.flush(buf, tag)
                self.table(child)
            elif ctag in BLOCK or (ctag is not None and _has_block(child)):
                self.flush(buf, tag)
                self.walk(child)
            else:
                if child in self.pictured:  # a picture inline: where the next text goes
                    self.pictures.append(Location(paragraph=self.paragraphs))
                _inline(child, buf)
            if child.tail:
                buf.append(child.tail)
        self.flush(buf, tag)

    def flush(self, buf: list[str], tag: str) -> None:
        if not buf:
            return
        for line in _finish("".join(buf)):
            line = line.strip()  # indentation (　　, &nbsp;) is layout, as in .txt
            if line:
                self.blocks.append(Paragraph(line, Location(paragraph=self.paragraphs), tag))
                self.paragraphs += 1
        buf.clear()

    def table(self, table: Any) -> None:
        if is_layout(table):
            for tr in table_rows(table):
                for td in tr:
                    if tag_of(td) in ("td", "th"):
                        self.walk(td)
            return
        caption = table.find("caption")
        if caption is not None:
            self.walk(caption)
        index = self.tables
        self.tables += 1
        grid = table_grid(table, index)
        self.blocks.append(Table(rows=grid, index=index, location=Location(table=index)))


def extract(data: bytes, name: str) -> Document:
    """Read the bytes of an HTML page."""
    text, encoding = decode(data)
    text = _no_control(text)
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(text.encode("utf-8", errors="replace"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise UnreadableFile("corrupt", f"{name}: {exc}") from exc
    if root is None:
        raise UnreadableFile("corrupt", f"{name}: no HTML")
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        # libxml2 stops at its nesting limit and drops the rest of the page:
        # what follows was never read, so nothing may be judged from it
        raise UnreadableFile("too_complex", f"{name}: nested too deeply")
    candidates = title_candidates(root)
    for el in list(root.iter(*html_hints()["drop"])):
        if tag_of(el) in ("header", "footer") and any(
            tag_of(a) == "article" for a in el.iterancestors()
        ):
            continue  # an article's own header holds its title
        if el.getparent() is not None:
            _drop(el)
    attachments = attached(root)
    body = root.find("body")
    article = find_article(body if body is not None else root)
    pictured = frozenset(
        holder for img in article.iter("img") for holder in (img, *img.iterancestors())
    )
    builder = _Builder(pictured)
    builder.walk(article)
    return Document(
        blocks=builder.blocks,
        source="html",
        name=name,
        encoding=encoding,
        title_candidates=candidates,
        pictures=builder.pictures,
        attachments=attachments,
    )


_ATTACHED = re.compile(r"\.(pdf|docx?|wps|ofd|xlsx?|et|zip|rar)(?:[?#].*)?$", re.IGNORECASE)


def attached(root: Any) -> list[str]:
    """The documents a page links to (its attachments), by their link text or file name."""
    out = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if _ATTACHED.search(href):
            text = _SPACE.sub(" ", "".join(a.itertext())).strip()
            out.append(text or href.rsplit("/", 1)[-1])
    return list(dict.fromkeys(out))
